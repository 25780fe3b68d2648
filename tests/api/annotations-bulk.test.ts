// Deleting and restoring many annotations of a document at once (the side panel's "Delete
// selected"): all or nothing under every refusal (404, 403, 412, 400 — each naming the items at
// fault, the database unchanged), one event per annotation, retries that change nothing twice,
// undo that re-anchors after a re-import, and the limits.
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_BULK_ANNOTATIONS, type Annotation, type AnnotationHistory, type ApiErrorBody, type BulkAnnotationsResult, type DocumentDetail, type WorkspaceSummary } from '@glossa/contracts';
import { joinWithRole, query, signInAsOwner, signUpStranger, type Session, type TestUser } from '../support/api';

let owner: Session;
let workspaceId: string;
let analyst: TestUser;
let colleague: TestUser;
let admin: TestUser;
let viewer: TestUser;
let documentId: string;
let revisionId: string;

const WORDS = ['甲組數據', '乙方觀點', '丙項聲明', '丁級來源', '戊類證據', '己方回應', '庚年統計', '辛亥報告'];
const CONTENT = WORDS.map((word, i) => `第${i + 1}段：${word}在此段落中出現一次。`).join('\n\n');

async function annotate(user: Session, word: string, extra: Record<string, unknown> = {}): Promise<Annotation> {
  const response = await user.post(`/api/documents/${documentId}/annotations`, { tag: 'claim', target: { revisionId, selector: [{ type: 'TextQuoteSelector', exact: word }] }, ...extra });
  expect(response.status).toBe(201);
  return (await response.json()) as Annotation;
}

const items = (annotations: readonly Pick<Annotation, 'id' | 'version'>[]) => annotations.map(({ id, version }) => ({ id, version }));
const bulk = (user: Session, action: 'delete' | 'restore', body: unknown, target = documentId) => user.post(`/api/documents/${target}/annotations/${action}`, body);

/** Every annotation and event row of the document, to prove a refused request changed nothing. */
async function snapshot(): Promise<unknown> {
  return query(
    `SELECT (SELECT count(*) FROM event WHERE document_id = $1)::int AS events,
            (SELECT string_agg(id::text || ':' || version || ':' || (deleted_at IS NULL), ',' ORDER BY id) FROM annotation WHERE document_id = $1) AS rows`,
    [documentId],
  );
}

async function expectRefused(response: Response, status: number, fields: Array<{ path: string; message: RegExp }>, before: unknown): Promise<void> {
  expect(response.status).toBe(status);
  const body = (await response.json()) as ApiErrorBody;
  expect(body.error.fields?.map((f) => f.path)).toEqual(fields.map((f) => f.path));
  fields.forEach((field, i) => expect(body.error.fields![i]!.message).toMatch(field.message));
  expect(JSON.stringify(body)).not.toMatch(/at \w+ \(|node_modules/);
  expect(await snapshot()).toEqual(before);
}

async function deletedState(ids: readonly string[]): Promise<boolean[]> {
  const rows = await query<{ id: string; deleted: boolean }>(`SELECT id, deleted_at IS NOT NULL AS deleted FROM annotation WHERE id = ANY($1::uuid[])`, [ids]);
  const byId = new Map(rows.map((r) => [r.id, r.deleted]));
  return ids.map((id) => byId.get(id)!);
}

beforeAll(async () => {
  owner = await signInAsOwner();
  const workspace = await owner.post('/api/workspaces', { name: 'Bulk' });
  expect(workspace.status).toBe(201);
  workspaceId = ((await workspace.json()) as WorkspaceSummary).id;
  analyst = await joinWithRole(owner, workspaceId, 'analyst', 'bulk-ana');
  colleague = await joinWithRole(owner, workspaceId, 'analyst', 'bulk-cole');
  admin = await joinWithRole(owner, workspaceId, 'admin', 'bulk-admin');
  viewer = await joinWithRole(owner, workspaceId, 'viewer', 'bulk-vi');
  const created = await analyst.session.post('/api/documents', { title: '批量刪除', format: 'text', content: CONTENT, workspaceId });
  expect(created.status).toBe(201);
  const detail = (await created.json()) as DocumentDetail;
  documentId = detail.id;
  revisionId = detail.revision.id;
});

describe('bulk delete and restore', () => {
  it('deletes all named annotations in one step, one event each, and restores them with the answered versions', async () => {
    const mine = [await annotate(analyst.session, WORDS[0]!), await annotate(analyst.session, WORDS[1]!, { visibility: 'private' }), await annotate(analyst.session, WORDS[2]!)];
    const eventsBefore = await query<{ n: number }>(`SELECT count(*)::int AS n FROM event WHERE type = 'annotation.deleted' AND subject_id = ANY($1::uuid[])`, [mine.map((a) => a.id)]);
    expect(eventsBefore[0]!.n).toBe(0);

    const response = await bulk(analyst.session, 'delete', { items: items(mine) });
    expect(response.status).toBe(200);
    const result = (await response.json()) as BulkAnnotationsResult;
    expect(result).toEqual({ items: mine.map((a) => ({ id: a.id, version: a.version + 1 })), changed: 3 });
    expect(await deletedState(mine.map((a) => a.id))).toEqual([true, true, true]);
    const events = await query<{ subject_id: string; actor_id: string }>(`SELECT subject_id, actor_id FROM event WHERE type = 'annotation.deleted' AND subject_id = ANY($1::uuid[])`, [mine.map((a) => a.id)]);
    expect(events.map((e) => e.subject_id).sort()).toEqual(mine.map((a) => a.id).sort());
    expect(new Set(events.map((e) => e.actor_id))).toEqual(new Set([analyst.me.user.id]));
    const list = (await (await analyst.session.get(`/api/documents/${documentId}/annotations`)).json()) as { items: Annotation[] };
    expect(list.items.map((a) => a.id)).not.toContain(mine[0]!.id);

    const restored = await bulk(analyst.session, 'restore', { items: result.items });
    expect(restored.status).toBe(200);
    expect((await restored.json()) as BulkAnnotationsResult).toEqual({ items: mine.map((a) => ({ id: a.id, version: a.version + 2 })), changed: 3 });
    expect(await deletedState(mine.map((a) => a.id))).toEqual([false, false, false]);
    const history = (await (await analyst.session.get(`/api/annotations/${mine[1]!.id}/history`)).json()) as AnnotationHistory;
    expect(history.items.map((e) => e.type)).toEqual(expect.arrayContaining(['annotation.deleted', 'annotation.restored']));
    await bulk(analyst.session, 'delete', { items: items(mine.map((a) => ({ id: a.id, version: a.version + 2 }))) });
  });

  it('a retry of a delete that committed changes nothing twice and answers the same versions', async () => {
    const pair = [await annotate(analyst.session, WORDS[3]!), await annotate(analyst.session, WORDS[4]!)];
    const first = (await (await bulk(analyst.session, 'delete', { items: items(pair) })).json()) as BulkAnnotationsResult;
    const before = await snapshot();
    const again = await bulk(analyst.session, 'delete', { items: items(pair) });
    expect(again.status).toBe(200);
    expect((await again.json()) as BulkAnnotationsResult).toEqual({ items: first.items, changed: 0 });
    expect(await snapshot()).toEqual(before);
  });

  it('20 concurrent bulk deletes of overlapping sets: each annotation deleted once, one event each', async () => {
    const set = await Promise.all(WORDS.slice(0, 6).map((word) => annotate(analyst.session, word, { tag: 'data' })));
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => bulk(analyst.session, 'delete', { items: items(i % 2 === 0 ? set : [...set].reverse().slice(0, 4)) })),
    );
    expect(responses.map((r) => r.status)).toEqual(Array.from({ length: 20 }, () => 200));
    const changed = await Promise.all(responses.map(async (r) => ((await r.json()) as BulkAnnotationsResult).changed));
    expect(changed.reduce((a, b) => a + b, 0)).toBe(set.length);
    expect(await deletedState(set.map((a) => a.id))).toEqual(set.map(() => true));
    const events = await query<{ n: number }>(`SELECT count(*)::int AS n FROM event WHERE type = 'annotation.deleted' AND subject_id = ANY($1::uuid[])`, [set.map((a) => a.id)]);
    expect(events[0]!.n).toBe(set.length);
  });

  it('an admin may delete a colleague\'s shared annotations; restore is the same rule', async () => {
    const theirs = await annotate(colleague.session, WORDS[5]!);
    const deleted = await bulk(admin.session, 'delete', { items: items([theirs]) });
    expect(deleted.status).toBe(200);
    const result = (await deleted.json()) as BulkAnnotationsResult;
    expect((await bulk(admin.session, 'restore', { items: result.items })).status).toBe(200);
  });

  describe('refusals change nothing and name the items at fault', () => {
    let own: Annotation;
    let colleagues: Annotation;
    let colleaguesPrivate: Annotation;

    beforeAll(async () => {
      own = await annotate(analyst.session, WORDS[6]!);
      colleagues = await annotate(colleague.session, WORDS[6]!, { tag: 'data' });
      colleaguesPrivate = await annotate(colleague.session, WORDS[7]!, { visibility: 'private' });
    });

    it("a colleague's annotation among one's own → 403 naming it", async () => {
      const before = await snapshot();
      await expectRefused(await bulk(analyst.session, 'delete', { items: items([own, colleagues]) }), 403, [{ path: 'items.1.id', message: /author or a workspace admin/ }], before);
    });

    it("a colleague's private annotation is not there for anyone else, even an admin → 404", async () => {
      const before = await snapshot();
      await expectRefused(await bulk(admin.session, 'delete', { items: items([own, colleaguesPrivate]) }), 404, [{ path: 'items.1.id', message: /no such annotation/ }], before);
    });

    it('an annotation of another document or workspace, or no annotation at all → 404 naming each', async () => {
      const strangerUser = await signUpStranger('bulk-stranger');
      const strangerWorkspace = ((await (await strangerUser.session.get('/api/workspaces')).json()) as { items: WorkspaceSummary[] }).items[0]!;
      const other = await strangerUser.session.post('/api/documents', { title: 'Other', format: 'text', content: '另一份文件的內容。', workspaceId: strangerWorkspace.id });
      const otherDoc = (await other.json()) as DocumentDetail;
      const foreign = (await (
        await strangerUser.session.post(`/api/documents/${otherDoc.id}/annotations`, { tag: 'claim', target: { revisionId: otherDoc.revision.id, selector: [{ type: 'TextQuoteSelector', exact: '另一份' }] } })
      ).json()) as Annotation;
      const before = await snapshot();
      await expectRefused(
        await bulk(analyst.session, 'delete', { items: [...items([own, foreign]), { id: '00000000-0000-4000-8000-000000000000', version: 1 }] }),
        404,
        [
          { path: 'items.1.id', message: /no such annotation/ },
          { path: 'items.2.id', message: /no such annotation/ },
        ],
        before,
      );
      // The stranger cannot reach this document at all: 404 for the document itself.
      const response = await bulk(strangerUser.session, 'delete', { items: items([own]) });
      expect(response.status).toBe(404);
      expect(await snapshot()).toEqual(before);
    });

    it('a stale version → 412 naming it and the version now', async () => {
      const edited = await analyst.session.patch(`/api/annotations/${own.id}`, { note: 'edited' }, { headers: { 'if-match': `"${own.version}"` } });
      expect(edited.status).toBe(200);
      const before = await snapshot();
      const other = await annotate(analyst.session, WORDS[2]!, { tag: 'data' });
      const beforeWithOther = await snapshot();
      expect(beforeWithOther).not.toEqual(before);
      await expectRefused(await bulk(analyst.session, 'delete', { items: items([other, own]) }), 412, [{ path: 'items.1.version', message: new RegExp(`now at version ${own.version + 1}`) }], beforeWithOther);
      own = { ...own, version: own.version + 1 };
    });

    it('a viewer cannot delete → 403', async () => {
      const before = await snapshot();
      const response = await bulk(viewer.session, 'delete', { items: items([own]) });
      expect(response.status).toBe(403);
      expect(await snapshot()).toEqual(before);
    });

    it.each([
      ['no items', { items: [] }, 'items'],
      ['items missing', {}, 'items'],
      ['an id listed twice', () => ({ items: [...items([own]), ...items([own])] }), 'items.1.id'],
      ['a bad id', { items: [{ id: 'nope', version: 1 }] }, 'items.0.id'],
      ['a fractional version', () => ({ items: [{ id: own.id, version: 1.5 }] }), 'items.0.version'],
      ['a version as text', () => ({ items: [{ id: own.id, version: '1' }] }), 'items.0.version'],
      ['an extra field', () => ({ items: items([own]), force: true }), '(body)'],
      ['an extra field in an item', () => ({ items: [{ ...items([own])[0], authorId: own.author.id }] }), 'items.0'],
      ['over the limit', { items: Array.from({ length: MAX_BULK_ANNOTATIONS + 1 }, (_, i) => ({ id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, version: 1 })) }, 'items'],
    ])('%s → 400', async (_name, body, path) => {
      const before = await snapshot();
      const response = await bulk(analyst.session, 'delete', typeof body === 'function' ? body() : body);
      expect(response.status).toBe(400);
      const error = ((await response.json()) as ApiErrorBody).error;
      expect(error.code).toBe('validation_failed');
      expect(error.fields?.map((f) => f.path)).toContain(path);
      expect(await snapshot()).toEqual(before);
    });
  });

  it('restoring after a re-import re-anchors the restored annotations in the new revision', async () => {
    const a = await annotate(analyst.session, WORDS[0]!, { tag: 'opinion' });
    const b = await annotate(analyst.session, WORDS[1]!, { tag: 'opinion' });
    const deleted = (await (await bulk(analyst.session, 'delete', { items: items([a, b]) })).json()) as BulkAnnotationsResult;
    // The new revision moves the first word and drops the second.
    const next = `前言一段。\n\n${CONTENT.replace(WORDS[1]!, '（已刪）')}`;
    const revision = await analyst.session.post(`/api/documents/${documentId}/revisions`, { format: 'text', content: next });
    expect(revision.status).toBe(201);
    const restored = await bulk(analyst.session, 'restore', { items: deleted.items });
    expect(restored.status).toBe(200);
    const result = (await restored.json()) as BulkAnnotationsResult;
    const [first, second] = await Promise.all(result.items.map(async (item) => (await (await analyst.session.get(`/api/annotations/${item.id}`)).json()) as Annotation));
    const newRevision = ((await (await analyst.session.get(`/api/documents/${documentId}`)).json()) as DocumentDetail).revision.id;
    expect(first).toMatchObject({ anchorStatus: 'anchored', target: { revisionId: newRevision } });
    expect(first!.target.selector.find((s) => s.type === 'TextQuoteSelector')).toMatchObject({ exact: WORDS[0] });
    expect(second).toMatchObject({ anchorStatus: 'detached' });
    // The answered versions are the ones the rows have now (undo again works with them).
    expect(result.items).toEqual([
      { id: a.id, version: first!.version },
      { id: b.id, version: second!.version },
    ]);
  });
});
