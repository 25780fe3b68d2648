// Serves the built browser app (apps/web/dist) from the same origin as the API.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

let webRoot: string | null = null;

export async function registerWebApp(fastify: FastifyInstance, distDir: string): Promise<boolean> {
  if (!existsSync(join(distDir, 'index.html'))) return false;
  webRoot = distDir;
  await fastify.register(fastifyStatic, {
    root: distDir,
    prefix: '/',
    index: ['index.html'],
    // Hashed assets never change; index.html must always be revalidated.
    setHeaders: (reply, path) => {
      void reply.header('cache-control', path.startsWith(join(distDir, 'assets')) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  return true;
}

/**
 * Answers with index.html (or a plain 404 when the app is not built). The reply is not awaited:
 * awaiting a Fastify reply adds one more `close` listener to a response @fastify/static already
 * listens on ten times, which Node reports as a possible leak.
 */
export function sendWebApp(reply: FastifyReply): void {
  if (webRoot === null) {
    void reply.status(404).type('text/plain; charset=utf-8').send('The web app is not built. Run `npm run build`.');
    return;
  }
  void reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').sendFile('index.html', webRoot);
}
