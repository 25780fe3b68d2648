// The whole annotation list's ETag and the per-instance list cache: an unchanged list answers
// the same bytes (and 304 to If-None-Match), and every change the list could show — a create,
// an edit, a delete or restore (one or many), a review submission, a re-import, a role change,
// another reader — answers the list as it is now, never a stale copy. Writes racing reads end
// with the list the database holds.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Annotation, AnnotationList, DocumentDetail, WorkspaceSummary } from '@glossa/contracts';
import { joinWithRole, query, signInAsOwner, type Session, type TestUser } from '../support/api';

let owner: Session;
let workspaceId: string;
let analyst: TestUser;
let colleague: TestUser;
let documentId: string;
let revisionId: string;

const CONTENT = Array.from({ length: 30 }, (_, i) => `第${i}句：緩存測試 K${String(i).padStart(2, '0')} 在此。`).join('\n\n');

async function annotate(user: Session, marker: string, extra: Record<string, unknown> = {}): Promise<Annotation> {
  const response = await user.post(`/api/documents/${documentId}/annotations`, { tag: 'claim', target: { revisionId, selector: [{ type: 'TextQuoteSelector', exact: marker }] }, ...extra });
  expect(response.status).toBe(201);
  return (await response.json()) as Annotation;
}

async function list(user: Session, headers: Record<string, string> = {}): Promise<{ status: number; etag: string | null; body: string; list?: AnnotationList }> {
  const response = await user.get(`/api/documents/${documentId}/annotations`, { headers });
  const body = await response.text();
  return { status: response.status, etag: response.headers.get('etag'), body, list: body ? (JSON.parse(body) as AnnotationList) : undefined };
}

/** What the list must hold for `userId` now, from the database. */
async function expectedIds(userId: string): Promise<string[]> {
  const rows = await query<{ id: string }>(
    `SELECT id FROM annotation WHERE document_id = $1 AND deleted_at IS NULL AND (visibility = 'shared' OR author_id = $2) ORDER BY id`,
    [documentId, userId],
  );
  return rows.map((r) => r.id);
}

const idsOf = (l: AnnotationList | undefined) => (l?.items ?? []).map((a) => a.id).sort();

beforeAll(async () => {
  owner = await signInAsOwner();
  const workspace = await owner.post('/api/workspaces', { name: 'List cache' });
  workspaceId = ((await workspace.json()) as WorkspaceSummary).id;
  analyst = await joinWithRole(owner, workspaceId, 'analyst', 'cache-ana');
  colleague = await joinWithRole(owner, workspaceId, 'analyst', 'cache-cole');
  const created = await analyst.session.post('/api/documents', { title: '緩存', format: 'text', content: CONTENT, workspaceId });
  const detail = (await created.json()) as DocumentDetail;
  documentId = detail.id;
  revisionId = detail.revision.id;
  await annotate(analyst.session, 'K00');
  await annotate(colleague.session, 'K01');
});

describe('the whole list', () => {
  it('answers the same bytes and ETag while nothing changes, and 304 with no body to If-None-Match', async () => {
    const first = await list(analyst.session);
    expect(first.status).toBe(200);
    expect(first.etag).toMatch(/^"l-[\w-]+"$/);
    const again = await list(analyst.session);
    expect(again).toMatchObject({ status: 200, etag: first.etag, body: first.body });
    const revalidated = await list(analyst.session, { 'if-none-match': first.etag! });
    expect(revalidated).toMatchObject({ status: 304, etag: first.etag, body: '' });
    // A stale or foreign ETag gets the list.
    expect((await list(analyst.session, { 'if-none-match': '"l-stale"' })).status).toBe(200);
  });

  it("is each reader's own: the colleague's list has their abilities, and each keeps its own ETag", async () => {
    const mine = await list(analyst.session);
    const theirs = await list(colleague.session);
    expect(theirs.etag).not.toBe(mine.etag);
    for (const [reader, l] of [
      [analyst, mine],
      [colleague, theirs],
    ] as const) {
      for (const a of l.list!.items) expect(a.abilities.edit).toBe(a.author.id === reader.me.user.id);
    }
    // Even sending the other reader's ETag gets one's own list.
    expect((await list(colleague.session, { 'if-none-match': mine.etag! })).status).toBe(200);
  });

  it('shows every kind of change at once, never a stale copy', async () => {
    const etags = new Set<string>();
    const check = async (what: string) => {
      for (const reader of [analyst, colleague]) {
        const now = await list(reader.session);
        expect(idsOf(now.list), `${what}, as ${reader.me.user.name}`).toEqual(await expectedIds(reader.me.user.id));
        if (reader === analyst) {
          expect(etags.has(now.etag!), `${what}: a new ETag`).toBe(false);
          etags.add(now.etag!);
        }
      }
    };
    await check('start');
    const created = await annotate(colleague.session, 'K02');
    await check('a colleague creates');
    const edited = await colleague.session.patch(`/api/annotations/${created.id}`, { note: 'changed' }, { headers: { 'if-match': `"${created.version}"` } });
    expect(edited.status).toBe(200);
    expect((await list(analyst.session)).list!.items.find((a) => a.id === created.id)?.note).toBe('changed');
    await check('a colleague edits');
    const secret = await annotate(colleague.session, 'K03', { visibility: 'private' });
    await check('a colleague adds a private one');
    expect(idsOf((await list(analyst.session)).list)).not.toContain(secret.id);
    const submitted = await colleague.session.post(`/api/annotations/${created.id}/submit`, {});
    expect(submitted.status).toBe(200);
    expect((await list(analyst.session)).list!.items.find((a) => a.id === created.id)?.status).toBe('submitted');
    await check('a submission for review');
    const deleted = await colleague.session.delete(`/api/annotations/${created.id}`, { headers: { 'if-match': `"${created.version + 2}"` } });
    expect(deleted.status).toBe(204);
    await check('a delete');
    const restored = await colleague.session.post(`/api/annotations/${created.id}/restore`, {}, { headers: { 'if-match': `"${created.version + 3}"` } });
    expect(restored.status).toBe(200);
    await check('a restore');
    const mine = (await list(analyst.session)).list!.items.filter((a) => a.author.id === analyst.me.user.id);
    const bulk = await analyst.session.post(`/api/documents/${documentId}/annotations/delete`, { items: mine.map(({ id, version }) => ({ id, version })) });
    expect(bulk.status).toBe(200);
    await check('a bulk delete');
    const revision = await analyst.session.post(`/api/documents/${documentId}/revisions`, { format: 'text', content: `前言。\n\n${CONTENT}` });
    expect(revision.status).toBe(201);
    revisionId = ((await revision.json()) as { document: DocumentDetail }).document.revision.id;
    expect((await list(analyst.session)).list!.revisionId).toBe(revisionId);
    await check('a re-import');
  });

  it('follows a role change: a colleague made viewer can no longer edit their own annotations', async () => {
    const before = await list(colleague.session);
    expect(before.list!.items.some((a) => a.abilities.edit)).toBe(true);
    const demoted = await owner.patch(`/api/workspaces/${workspaceId}/members/${colleague.me.user.id}`, { role: 'viewer' });
    expect(demoted.status).toBe(200);
    const after = await list(colleague.session);
    expect(after.etag).not.toBe(before.etag);
    expect(after.list!.items.some((a) => a.abilities.edit)).toBe(false);
    expect((await owner.patch(`/api/workspaces/${workspaceId}/members/${colleague.me.user.id}`, { role: 'analyst' })).status).toBe(200);
  });

  it('ends with the list the database holds when 30 writes race 30 reads', async () => {
    const markers = Array.from({ length: 30 }, (_, i) => `K${String(i).padStart(2, '0')}`);
    await Promise.all([
      ...markers.map((m, i) => annotate(i % 2 ? analyst.session : colleague.session, m, { tag: 'data', note: `race ${i}` })),
      ...markers.map((_, i) => list(i % 2 ? analyst.session : colleague.session)),
    ]);
    for (const reader of [analyst, colleague]) expect(idsOf((await list(reader.session)).list)).toEqual(await expectedIds(reader.me.user.id));
  });

  it('a filtered list is built for the request and carries no list ETag', async () => {
    const response = await analyst.session.get(`/api/documents/${documentId}/annotations?tag=data`);
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBeNull();
    const filtered = (await response.json()) as AnnotationList;
    expect(filtered.items.length).toBeGreaterThan(0);
    expect(filtered.items.every((a) => a.tag === 'data')).toBe(true);
  });
});
