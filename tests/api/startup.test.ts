// Starting on the embedded default: data survives restarts, seeds are imported once,
// shutdown is clean, a killed server's database is reclaimed, bad config is explained.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DocumentPage } from '@glossa/contracts';
import { newTempDataDir, removeDir, SERVER_ENTRY, startServer } from '../support/server';
import { Session } from '../support/session';

const dataDir = newTempDataDir();
afterAll(() => removeDir(dataDir));

// Three people sign up at the same moment on a fresh install: exactly one becomes the owner.
const CONTENDERS = ['first', 'second', 'third'].map((who) => ({ email: `${who}@glossa.test`, password: `The ${who} account on a fresh install`, name: who }));

async function documentIds(session: Session): Promise<string[]> {
  const response = await session.get('/api/documents?limit=100');
  expect(response.status).toBe(200);
  const page = (await response.json()) as DocumentPage;
  return page.items.map((d) => d.id).sort();
}

// DATABASE_URL is removed so the server takes the embedded default.
const embeddedEnv = { DATABASE_URL: '', GLOSSA_DATA_DIR: dataDir };

describe('the embedded default', () => {
  it('imports the corpus once across restarts and exits 0 on SIGTERM', async () => {
    const first = await startServer(embeddedEnv, 'embedded-1');
    // No default account exists: the documents need a signed-in user, and nobody can sign in yet.
    expect((await fetch(`${first.baseUrl}/api/documents`)).status).toBe(401);
    expect((await new Session(first.baseUrl).logIn({ email: 'admin@glossa.local', password: 'admin' })).status).toBe(401);
    expect((await new Session(first.baseUrl).logIn({ email: 'admin@example.com', password: 'password' })).status).toBe(401);
    // The first sign-up of a fresh install owns the default workspace and its seeds; open sign-up
    // is off, so the others are refused even though they raced it.
    const sessions = CONTENDERS.map(() => new Session(first.baseUrl));
    const answers = await Promise.all(CONTENDERS.map((c, i) => sessions[i]!.signUp(c)));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 403, 403]);
    for (const answer of answers.filter((a) => a.status === 403)) expect(((await answer.json()) as { error: { code: string } }).error.code).toBe('signup_closed');
    const winner = answers.findIndex((a) => a.status === 201);
    const FIRST = CONTENDERS[winner]!;
    const owner = sessions[winner]!;
    const me = await owner.me();
    expect(me.workspaces).toHaveLength(1);
    expect(me.workspaces[0]!.role).toBe('owner');
    expect(me.currentWorkspaceId).toBe(me.workspaces[0]!.id);
    const ids = await documentIds(owner);
    expect(ids).toHaveLength(5);
    // Later sign-ups without an invite are closed.
    const stranger = await new Session(first.baseUrl).signUp({ email: 'fourth@glossa.test', password: 'The fourth account on a fresh install', name: 'Fourth' });
    expect(stranger.status).toBe(403);
    expect(((await stranger.json()) as { error: { code: string } }).error.code).toBe('signup_closed');
    expect(await first.stop('SIGTERM')).toBe(0);

    const second = await startServer(embeddedEnv, 'embedded-2');
    // Sessions live in PostgreSQL: the one opened before the restart still works.
    const reconnected = new Session(second.baseUrl);
    for (const [name, value] of owner.cookies) reconnected.cookies.set(name, value);
    expect(await documentIds(reconnected)).toEqual(ids);

    // SIGKILL leaves PostgreSQL orphaned; the next start must reclaim the data directory.
    await second.stop('SIGKILL');
    const third = await startServer(embeddedEnv, 'embedded-3');
    expect(await documentIds(await Session.loggedIn(third.baseUrl, FIRST))).toEqual(ids);
    expect(await third.stop('SIGTERM')).toBe(0);
  });
});

describe('a start that fails', () => {
  it('exits non-zero and leaves no embedded PostgreSQL running when the port is taken', async () => {
    const failedDir = newTempDataDir();
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const child = spawn(process.execPath, [SERVER_ENTRY], {
        env: { ...process.env, NODE_ENV: 'test', HOST: '127.0.0.1', PORT: String(port), DATABASE_URL: '', GLOSSA_DATA_DIR: failedDir },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      expect(code).toBe(1);
      expect(output).toContain('EADDRINUSE');
      // PostgreSQL removes its pid file when it shuts down; it stays behind when it is left running.
      expect(existsSync(join(failedDir, 'postgres', 'PG_VERSION'))).toBe(true);
      expect(existsSync(join(failedDir, 'postgres', 'postmaster.pid'))).toBe(false);
    } finally {
      blocker.close();
      removeDir(failedDir);
    }
  });
});

describe('configuration', () => {
  it('exits non-zero naming the variable when a value is invalid', () => {
    const run = spawnSync(process.execPath, [SERVER_ENTRY], { env: { ...process.env, PORT: 'eighty', DATABASE_URL: 'mysql://x' }, encoding: 'utf8', timeout: 30_000 });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('PORT');
    expect(run.stderr).toContain('DATABASE_URL');
    expect(run.stderr).not.toMatch(/at .*\.js:\d+/);
  });
});
