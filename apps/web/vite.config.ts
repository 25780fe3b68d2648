// Build and dev-server config for the browser app. Run from the repo root:
// `vite --config apps/web/vite.config.ts` (dev) or `vite build --config apps/web/vite.config.ts`.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
// Where the dev server forwards /api and /socket.io; the API listens on 3000 unless told otherwise.
const apiTarget = process.env.GLOSSA_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root,
  plugins: [react()],
  resolve: {
    // Workspace libs export their TypeScript sources under this condition, so the
    // app bundles them directly instead of needing their dist builds first.
    conditions: ['@glossa/source', ...defaultClientConditions],
  },
  server: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      // Live updates (Socket.IO's default path), WebSocket upgrades included.
      '/socket.io': { target: apiTarget, changeOrigin: false, ws: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
  },
});
