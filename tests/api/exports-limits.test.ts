// One person's running exports are capped (SECURITY.md F4): each holds a database connection for
// as long as it streams. Exports large enough to stay open while their reader does not read are
// made by inserting rows directly; a further export is 429 with Retry-After until one ends.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkspaceSummary } from '@glossa/contracts';
import { baseUrl, joinWithRole, query, signUpStranger, type TestUser } from '../support/api';
import { importDocument, json } from './links-fixture';

// Far more CSV than loopback socket buffers and the client's own can hold, so an unread export
// stays open; with 30,000 rows an unread export sometimes finished.
const ROWS = 100_000;
/** Mirrors MAX_EXPORTS_PER_PERSON in apps/api/src/exports/export-runner.ts. */
const MAX_EXPORTS_PER_PERSON = 3;
let user: TestUser;
let other: TestUser;
let workspaceId: string;
const held: AbortController[] = [];

beforeAll(async () => {
  user = await signUpStranger('exporter');
  const created = await user.session.post('/api/workspaces', { name: 'Export limits' });
  expect(created.status).toBe(201);
  workspaceId = (await json<WorkspaceSummary>(created)).id;
  other = await joinWithRole(user.session, workspaceId, 'viewer', 'other-exporter');
  const doc = await importDocument(user.session, workspaceId, 'Long', '匯出上限測試文本。'.repeat(40));
  await query(
    `INSERT INTO annotation (workspace_id, document_id, revision_id, author_id, tag, note, visibility, status, start_offset, end_offset,
                             quote_exact, quote_prefix, quote_suffix)
     SELECT $1, $2, $3, $4, 'claim', repeat('A note long enough to fill socket buffers quickly. ', 4), 'shared', 'draft', 0, 2, '匯出', '', '上限測試'
       FROM generate_series(1, $5::int)`,
    [workspaceId, doc.id, doc.revisionId, user.me.user.id, ROWS],
  );
});

afterAll(() => {
  for (const controller of held) controller.abort();
});

/** Starts an export and returns once its headers arrived, without reading the body. */
async function startExport(who: TestUser): Promise<{ response: Response; controller: AbortController }> {
  const controller = new AbortController();
  const response = await fetch(`${baseUrl()}/api/workspaces/${workspaceId}/export?format=csv`, { headers: { cookie: who.session.cookieHeader() }, signal: controller.signal });
  return { response, controller };
}

describe('running exports per person', () => {
  it(`allows ${MAX_EXPORTS_PER_PERSON} at once; the next is 429 with Retry-After until one ends`, async () => {
    for (let i = 0; i < MAX_EXPORTS_PER_PERSON; i++) {
      const { response, controller } = await startExport(user);
      held.push(controller);
      expect(response.status).toBe(200);
    }
    const refused = await startExport(user);
    expect(refused.response.status).toBe(429);
    expect(Number(refused.response.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await refused.response.json()) as { error: { code: string } }).error.code).toBe('rate_limited');

    // Another member of the same workspace is not affected.
    const theirs = await startExport(other);
    held.push(theirs.controller);
    expect(theirs.response.status).toBe(200);

    // Cancelling one frees its place once the server has seen the disconnect.
    held.shift()!.abort();
    const deadline = Date.now() + 10_000;
    let status = 429;
    while (status === 429 && Date.now() < deadline) {
      const next = await startExport(user);
      status = next.response.status;
      if (status === 200) held.push(next.controller);
      else await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe(200);
  });
});
