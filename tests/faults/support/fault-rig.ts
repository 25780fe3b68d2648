// A private PostgreSQL and Glossa server for one fault test: the test may kill -9 either of them and
// start them again on the same data directory and port. Never touches the shared suite's database.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '@nestjs/common';
import { Client } from 'pg';
import type { DocumentDetail } from '@glossa/contracts';
import { freePort, removeDir, ROOT, startServer, tempDir, type RunningServer } from '../../support/server';
import { Session } from '../../support/session';

type EmbeddedModule = typeof import('../../../apps/api/src/database/embedded-database');
type EmbeddedDatabase = Awaited<ReturnType<EmbeddedModule['startEmbeddedDatabase']>>;

/** PostgreSQL's own log lines are not the test's output. */
const QUIET = { log() {}, warn() {}, error() {}, debug() {}, verbose() {}, fatal() {} } as unknown as Logger;

const RESTART_ATTEMPTS = 100;

export const FAULT_PASSWORD = 'Fault rig passphrase 42';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Polls `check` until it holds; the fault tests wait on conditions, never on fixed sleeps. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 60_000, everyMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value as T;
    } catch (error) {
      lastError = error;
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`timed out waiting for ${what}${lastError ? ` (${String(lastError)})` : ''}`);
}

export class FaultDatabase {
  private handle: EmbeddedDatabase | null;

  private constructor(
    readonly dataDir: string,
    readonly port: number,
    handle: EmbeddedDatabase,
  ) {
    this.handle = handle;
  }

  private static module(): EmbeddedModule {
    // The API's own module, from its build, so the database starts exactly as the app starts it.
    return require(`${ROOT}/apps/api/dist/database/embedded-database.js`) as EmbeddedModule;
  }

  static async start(label: string): Promise<FaultDatabase> {
    const dataDir = tempDir(`fault-${label}`);
    const port = await freePort();
    const handle = await FaultDatabase.module().startEmbeddedDatabase(dataDir, port, QUIET);
    return new FaultDatabase(dataDir, port, handle);
  }

  get url(): string {
    return `postgres://glossa:glossa@127.0.0.1:${this.port}/glossa`;
  }

  /** The postmaster's pid, from the first line of the data directory's postmaster.pid. */
  postmasterPid(): number {
    return Number(readFileSync(join(this.dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
  }

  /** SIGKILL to the postmaster: no shutdown checkpoint, recovery replays the WAL on the next start. */
  async kill9(): Promise<void> {
    const pid = this.postmasterPid();
    process.kill(pid, 'SIGKILL');
    // The old handle's stop() would wait for an exit that already happened.
    this.handle = null;
    await waitFor('the postmaster to die', () => !isAlive(pid));
  }

  /** Fast shutdown (SIGINT): what an operator's restart does. */
  async stop(): Promise<void> {
    const handle = this.handle;
    this.handle = null;
    await handle?.stop();
  }

  /**
   * Starts PostgreSQL again on the same directory and port. Backends orphaned by a kill -9 hold the
   * shared memory for a moment after their postmaster died, and PostgreSQL refuses to start until
   * they have gone; the start is retried until then.
   */
  async restart(): Promise<void> {
    if (this.handle) throw new Error('the database is running');
    let lastError: unknown;
    for (let attempt = 0; attempt < RESTART_ATTEMPTS; attempt++) {
      try {
        this.handle = await FaultDatabase.module().startEmbeddedDatabase(this.dataDir, this.port, QUIET);
        return;
      } catch (error) {
        lastError = error;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    throw new Error(`PostgreSQL did not restart: ${String(lastError)}`);
  }

  async query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: this.url });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  }

  async dispose(): Promise<void> {
    await this.stop().catch(() => undefined);
    removeDir(this.dataDir);
  }
}

/** The server environment for a fault rig: its own database, open sign-up, no demo corpus. */
export function serverEnv(database: FaultDatabase): Record<string, string> {
  return {
    DATABASE_URL: database.url,
    GLOSSA_DATA_DIR: database.dataDir,
    GLOSSA_OPEN_SIGNUP: 'true',
    GLOSSA_SIGNUP_MAX_PER_IP: '100000',
    GLOSSA_IMPORT_SEEDS: 'false',
  };
}

export function startFaultServer(database: FaultDatabase, name: string, extra: Record<string, string> = {}): Promise<RunningServer> {
  return startServer({ ...serverEnv(database), ...extra }, name);
}

/** Signs someone up (owner of a workspace of their own) and returns an API token for them. */
export async function tokenFor(baseUrl: string, label: string): Promise<{ token: string; session: Session }> {
  const session = await Session.signedUp(baseUrl, { email: `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@glossa.test`, password: FAULT_PASSWORD, name: label });
  const response = await session.post('/api/auth/tokens', { name: label });
  if (response.status !== 201) throw new Error(`token: ${response.status} ${await response.text()}`);
  return { token: ((await response.json()) as { token: string }).token, session };
}

/** Imports a plain-text document of `paragraphs` paragraphs; returns it. */
export async function importText(session: Session, title: string, paragraphs: number): Promise<DocumentDetail> {
  const content = Array.from({ length: paragraphs }, (_, i) => `Paragraph ${i} says that the measured value was ${i * 7} units in year ${1900 + (i % 120)}.`).join('\n\n');
  const response = await session.post('/api/documents', { title, format: 'text', content });
  if (response.status !== 201) throw new Error(`import: ${response.status} ${await response.text()}`);
  return (await response.json()) as DocumentDetail;
}

/** A request with a bearer token; network failures (server or database gone) come back as status 0. */
export async function bearer(baseUrl: string, token: string, method: string, path: string, json?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: unknown; headers: Headers | null }> {
  try {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(json === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: json === undefined ? undefined : JSON.stringify(json),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON (an export, a text body)
    }
    return { status: response.status, body, headers: response.headers };
  } catch {
    return { status: 0, body: null, headers: null };
  }
}

/** Rows that would betray a half-done write: annotations without their created event and vice versa. */
export async function partialAnnotationRows(database: FaultDatabase): Promise<{ annotationsWithoutEvent: number; eventsWithoutAnnotation: number; keysWithoutAnnotation: number }> {
  const [row] = await database.query<{ a: number; e: number; k: number }>(
    `SELECT (SELECT count(*) FROM annotation a
              WHERE NOT EXISTS (SELECT 1 FROM event e WHERE e.type = 'annotation.created' AND e.subject_id = a.id))::int AS a,
            (SELECT count(*) FROM event e
              WHERE e.type = 'annotation.created' AND NOT EXISTS (SELECT 1 FROM annotation a WHERE a.id = e.subject_id))::int AS e,
            (SELECT count(*) FROM annotation_idempotency k
              WHERE NOT EXISTS (SELECT 1 FROM annotation a WHERE a.id = k.annotation_id))::int AS k`,
  );
  return { annotationsWithoutEvent: row!.a, eventsWithoutAnnotation: row!.e, keysWithoutAnnotation: row!.k };
}

/** Figures of one scenario, printed and kept in tmp/fault-results/<name>.json for docs/RELIABILITY.md. */
export function reportFigures(name: string, figures: unknown): void {
  const dir = join(ROOT, 'tmp', 'fault-results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.json`), `${JSON.stringify(figures, null, 2)}\n`);
  console.log(`[faults] ${name}: ${JSON.stringify(figures)}`);
}

/** The document's text length in code points (offsets are code points). */
export async function textLength(baseUrl: string, token: string, documentId: string): Promise<number> {
  const answer = await bearer(baseUrl, token, 'GET', `/api/documents/${documentId}/text`);
  if (answer.status !== 200) throw new Error(`text: ${answer.status}`);
  return [...String(answer.body)].length;
}
