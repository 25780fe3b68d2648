// Starts the built Glossa server as a real child process for system tests, and the
// embedded PostgreSQL the suites share, using the API's own embedded-database module.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..');
export const SERVER_ENTRY = join(ROOT, 'apps', 'api', 'dist', 'main.js');
const READY_TIMEOUT_MS = 90_000;

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

export function tempDir(prefix: string): string {
  // Under the checkout (not /tmp, which may be private per user) so the embedded
  // database's `postgres` user can reach it when tests run as root.
  const base = join(ROOT, 'tmp');
  mkdirSync(base, { recursive: true });
  return mkdtempSync(join(base, `${prefix}-`));
}

export interface RunningServer {
  baseUrl: string;
  port: number;
  process: ChildProcess;
  logFile: string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export async function waitForHealth(baseUrl: string, timeoutMs = READY_TIMEOUT_MS, isAlive: () => boolean = () => true): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    if (!isAlive()) throw new Error(`server exited before it was healthy (${last})`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.status === 200) return;
      last = `health ${response.status}`;
    } catch (error) {
      last = String(error);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`server not healthy within ${timeoutMs} ms (${last})`);
}

export async function startServer(env: Record<string, string>, name = 'server'): Promise<RunningServer> {
  const port = await freePort();
  const logFile = join(ROOT, 'tmp', `${name}-${port}.log`);
  mkdirSync(join(ROOT, 'tmp'), { recursive: true });
  const log = createWriteStream(logFile);
  const child = spawn(process.execPath, [SERVER_ENTRY], {
    env: { ...process.env, NODE_ENV: 'test', HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  let exited = false;
  const exit = new Promise<number | null>((r) => child.once('exit', (code) => ((exited = true), r(code))));
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(baseUrl, READY_TIMEOUT_MS, () => !exited);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${String(error)}; see ${logFile}`);
  }
  return {
    baseUrl,
    port,
    process: child,
    logFile,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (!exited) child.kill(signal);
      return exit;
    },
  };
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export function newTempDataDir(): string {
  return tempDir('data');
}
