// Starting on the embedded default: data survives restarts, seeds are imported once,
// shutdown is clean, a killed server's database is reclaimed, bad config is explained.
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import type { DocumentPage } from '@glossa/contracts';
import { newTempDataDir, removeDir, SERVER_ENTRY, startServer } from '../support/server';

const dataDir = newTempDataDir();
afterAll(() => removeDir(dataDir));

async function documentIds(baseUrl: string): Promise<string[]> {
  const page = (await (await fetch(`${baseUrl}/api/documents?limit=100`)).json()) as DocumentPage;
  return page.items.map((d) => d.id).sort();
}

// DATABASE_URL is removed so the server takes the embedded default.
const embeddedEnv = { DATABASE_URL: '', GLOSSA_DATA_DIR: dataDir };

describe('the embedded default', () => {
  it('imports the corpus once across restarts and exits 0 on SIGTERM', async () => {
    const first = await startServer(embeddedEnv, 'embedded-1');
    const ids = await documentIds(first.baseUrl);
    expect(ids).toHaveLength(5);
    expect(await first.stop('SIGTERM')).toBe(0);

    const second = await startServer(embeddedEnv, 'embedded-2');
    expect(await documentIds(second.baseUrl)).toEqual(ids);

    // SIGKILL leaves PostgreSQL orphaned; the next start must reclaim the data directory.
    await second.stop('SIGKILL');
    const third = await startServer(embeddedEnv, 'embedded-3');
    expect(await documentIds(third.baseUrl)).toEqual(ids);
    expect(await third.stop('SIGTERM')).toBe(0);
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
