// Shared by the bench scripts: start the built server on loopback, sign up the first account
// (the owner of the seeded workspace) and get an API token, small statistics.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');
const SERVER = join(ROOT, 'apps', 'api', 'dist', 'main.js');
// Production mode refuses to start without a strong secret; one per bench process.
const SESSION_SECRET = randomBytes(32).toString('base64url');
export const OWNER = { email: 'bench@example.org', password: 'a bench passphrase 7', name: 'Bench' };

export const freePort = () =>
  new Promise((ok) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });

export const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
};
export const median = (xs) => quantile(xs, 0.5);
export const round = (x, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

/** A small deterministic PRNG (mulberry32), so every run seeds the same data. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Starts the built server (production mode); `databaseUrl` empty means the embedded database. */
export async function startServer(dataDir, databaseUrl = '', extraEnv = {}) {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [SERVER], {
    env: { ...process.env, DATABASE_URL: databaseUrl, GLOSSA_DATA_DIR: dataDir, GLOSSA_SESSION_SECRET: SESSION_SECRET, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production', LOG_LEVEL: 'warn', ...extraEnv },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error('server exited during start-up');
    try {
      if ((await fetch(`${baseUrl}/api/health`)).status === 200) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 20));
  }
  const ms = performance.now() - started;
  return { baseUrl, ms, pid: child.pid, stop: () => new Promise((ok) => (child.exitCode !== null ? ok() : (child.once('exit', ok), child.kill('SIGTERM')))) };
}

/** Signs up the first account and returns an API token for it. */
export async function ownerToken(baseUrl) {
  const cookies = new Map();
  const absorb = (response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
  };
  const send = async (path, json) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'x-csrf-token': cookies.get('glossa_csrf') ?? '' },
      body: JSON.stringify(json),
    });
    absorb(response);
    if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
    return response.json();
  };
  absorb(await fetch(`${baseUrl}/api/health`));
  await send('/api/auth/signup', OWNER);
  return (await send('/api/auth/tokens', { name: 'bench' })).token;
}

/** Writes bench/results/<name>.json (committed) and prints it. */
export function writeResults(name, results) {
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench', 'results', `${name}.json`), `${JSON.stringify(results, null, 2)}\n`);
  console.log(JSON.stringify(results, null, 2));
}

/** autocannon's requests share one emitter, so Node warns about listeners on every run; noise here. */
export function silenceListenerWarnings() {
  process.removeAllListeners('warning');
  process.on('warning', (w) => w.name !== 'MaxListenersExceededWarning' && console.error(w));
}
