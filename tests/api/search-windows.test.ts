// Annotation search answers the same newest page whichever way it runs: through the window of the
// newest annotations (terms common enough to fill a page), a larger second window (a hit rate
// that promises a page), or the bigram index (rare terms). Rows are inserted directly so a
// workspace holds enough annotations to reach every path; the expected page is computed in SQL.
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnnotationSearchResult, WorkspaceSummary } from '@glossa/contracts';
import { query, signUpStranger, type TestUser } from '../support/api';
import { importDocument, json } from './links-fixture';

const ROWS = 1_500;
let user: TestUser;
let workspaceId: string;

/** Marks in notes and how often they occur: every 10th row, every 40th row, the three oldest. */
const marks = (i: number): string[] => [...(i % 10 === 0 ? ['甲乙'] : []), ...(i % 40 === 0 ? ['丙丁'] : []), ...(i < 3 ? ['戊己'] : [])];

beforeAll(async () => {
  user = await signUpStranger('searcher');
  const created = await user.session.post('/api/workspaces', { name: 'Search windows' });
  expect(created.status).toBe(201);
  workspaceId = (await json<WorkspaceSummary>(created)).id;
  const doc = await importDocument(user.session, workspaceId, 'Windows', '檢索窗口測試文本。'.repeat(20));
  const notes = Array.from({ length: ROWS }, (_, i) => `note ${i} ${marks(i).join(' ')}`);
  // Row i is i seconds after the first; a private row of someone else would be checked elsewhere.
  await query(
    `INSERT INTO annotation (workspace_id, document_id, revision_id, author_id, tag, note, visibility, status, start_offset, end_offset,
                             quote_exact, quote_prefix, quote_suffix, created_at, modified_at)
     SELECT $1, $2, $3, $4, 'claim', n.note, 'shared', 'draft', 0, 2, '檢索', '', '窗口測試', t, t
       FROM unnest($5::text[]) WITH ORDINALITY AS n(note, i), LATERAL (SELECT timestamptz '2026-01-01' + (n.i * interval '1 second') AS t) s`,
    [workspaceId, doc.id, doc.revisionId, user.me.user.id, notes],
  );
  await query('ANALYZE annotation');
});

async function newestMatching(term: string, limit: number): Promise<string[]> {
  const rows = await query<{ id: string }>(
    `SELECT id FROM annotation WHERE workspace_id = $1 AND strpos(note, $2) > 0 ORDER BY created_at DESC, id DESC LIMIT $3`,
    [workspaceId, term, limit],
  );
  return rows.map((row) => row.id);
}

async function search(term: string, limit = 20): Promise<string[]> {
  const response = await user.session.get(`/api/annotations/search?workspaceId=${workspaceId}&q=${encodeURIComponent(term)}&limit=${limit}`);
  expect(response.status).toBe(200);
  return (await json<AnnotationSearchResult>(response)).items.map((item) => item.id);
}

describe('search finds the newest page of matches on every path', () => {
  it('a term in every 10th annotation (filled by the first window)', async () => {
    const expected = await newestMatching('甲乙', 20);
    expect(expected).toHaveLength(20);
    expect(await search('甲乙')).toEqual(expected);
  });

  it('a term in every 40th annotation (filled by the second window)', async () => {
    const expected = await newestMatching('丙丁', 20);
    expect(expected).toHaveLength(20);
    expect(await search('丙丁')).toEqual(expected);
  });

  it('a term in three old annotations (the bigram index)', async () => {
    const expected = await newestMatching('戊己', 20);
    expect(expected).toHaveLength(3);
    expect(await search('戊己')).toEqual(expected);
  });

  it('a page larger than any window still comes out whole and in order', async () => {
    const expected = await newestMatching('丙丁', 100);
    expect(expected).toHaveLength(38);
    expect(await search('丙丁', 100)).toEqual(expected);
  });
});
