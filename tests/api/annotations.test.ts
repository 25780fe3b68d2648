// The annotations API against the real server and database (issue 4): creating with either
// selector, exact anchoring after astral characters, refusals that change nothing, ETag and
// If-Match under concurrency, idempotent retries, private annotations, soft delete and restore,
// history, and re-importing a revision without losing an annotation.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Annotation, AnnotationHistory, AnnotationList, DocumentDetail, RevisionImported, WorkspaceSummary } from '@glossa/contracts';
import { seedMarkdown } from '@glossa/importers';
import { joinWithRole, newSession, query, signInAsOwner, signUpStranger, type Session, type TestUser } from '../support/api';
import { ROOT } from '../support/server';
import { badCreateCases, badUpdateCases, type Caller, type TargetContext } from './annotations-cases';

let owner: Session;
let workspaceId: string;
let analyst: TestUser;
let colleague: TestUser;
let viewer: TestUser;
let admin: TestUser;
let stranger: TestUser;

interface Doc {
  id: string;
  revisionId: string;
  text: string;
}

const cps = (s: string): string[] => [...s];
/** Code point span of the first occurrence of `phrase` (after `from`, a UTF-16 index). */
function span(text: string, phrase: string, from = 0): { start: number; end: number } {
  const at = text.indexOf(phrase, from);
  if (at < 0) throw new Error(`${phrase} not in the text`);
  const start = cps(text.slice(0, at)).length;
  return { start, end: start + cps(phrase).length };
}
const slice = (text: string, start: number, end: number): string => cps(text).slice(start, end).join('');

async function json<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

async function importDocument(session: Session, title: string, format: 'text' | 'markdown', content: string): Promise<Doc> {
  const response = await session.post('/api/documents', { title, format, content, workspaceId });
  expect(response.status).toBe(201);
  const detail = await json<DocumentDetail>(response);
  return { id: detail.id, revisionId: detail.revision.id, text: await textOf(session, detail.id) };
}

async function textOf(session: Session, documentId: string): Promise<string> {
  const response = await session.get(`/api/documents/${documentId}/text`);
  expect(response.status).toBe(200);
  return response.text();
}

function annotate(session: Session, doc: Doc, selector: unknown[], extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<Response> {
  return session.post(`/api/documents/${doc.id}/annotations`, { tag: 'claim', target: { revisionId: doc.revisionId, selector }, ...extra }, { headers });
}

async function created(response: Response): Promise<Annotation> {
  expect(response.status).toBe(201);
  const annotation = await json<Annotation>(response);
  expect(response.headers.get('etag')).toBe(`"${annotation.version}"`);
  return annotation;
}

const at = (s: { start: number; end: number }) => [{ type: 'TextPositionSelector', start: s.start, end: s.end }];

async function list(session: Session, documentId: string, filter = ''): Promise<AnnotationList> {
  const response = await session.get(`/api/documents/${documentId}/annotations${filter}`);
  expect(response.status).toBe(200);
  return json<AnnotationList>(response);
}

/** Everything an annotation write touches, to prove a refused request changed nothing. */
async function snapshot(): Promise<Record<string, unknown>> {
  const [row] = await query<Record<string, unknown>>(
    `SELECT (SELECT count(*) FROM annotation)::int AS annotations,
            (SELECT count(*) FROM annotation_idempotency)::int AS keys,
            (SELECT count(*) FROM event)::int AS events,
            (SELECT count(*) FROM document_revision)::int AS revisions,
            (SELECT md5(coalesce(string_agg(id::text || version || tag || coalesce(note, '-') || visibility || start_offset || ':' || end_offset || coalesce(deleted_at::text, '-'), ',' ORDER BY id), '')) FROM annotation) AS rows`,
  );
  return row!;
}

// The test document: astral characters (a CJK Extension B ideograph, a ZWJ family emoji) before
// the target phrase, and a word that occurs twice.
const FAMILY = '👩‍👩‍👧';
const CONTENT = [`家族 ${FAMILY} 與 𠮷野家、𩸽 都在前面。`, '第二段有目標段落在此，其後是更多文字。', '重複一詞，再一次重複。'].join('\n\n');
const PHRASE = '目標段落';
let doc: Doc;
let ctx: TargetContext;

beforeAll(async () => {
  owner = await signInAsOwner();
  const workspace = await owner.post('/api/workspaces', { name: 'Annotations' });
  expect(workspace.status).toBe(201);
  workspaceId = (await json<WorkspaceSummary>(workspace)).id;
  analyst = await joinWithRole(owner, workspaceId, 'analyst', 'ana');
  colleague = await joinWithRole(owner, workspaceId, 'analyst', 'cole');
  viewer = await joinWithRole(owner, workspaceId, 'viewer', 'vi');
  admin = await joinWithRole(owner, workspaceId, 'admin', 'adam');
  stranger = await signUpStranger('stranger');
  doc = await importDocument(analyst.session, 'Astral', 'text', CONTENT);
  const { start, end } = span(doc.text, PHRASE);
  const start16 = doc.text.indexOf(PHRASE);
  ctx = { revisionId: doc.revisionId, start, end, start16, end16: start16 + PHRASE.length, length: cps(doc.text).length, phrase: PHRASE, repeated: '重複' };
  // The premise of the drift bug: UTF-16 and code point offsets differ here.
  expect(start16).toBeGreaterThan(start);
});

describe('creating', () => {
  it('from a position alone: the server completes the quote, anchored exactly after 𠮷 and 👩‍👩‍👧', async () => {
    const annotation = await created(await annotate(analyst.session, doc, at(ctx), { note: 'A claim' }));
    const [position, quote] = annotation.target.selector;
    expect(position).toEqual({ type: 'TextPositionSelector', start: ctx.start, end: ctx.end });
    expect(quote.exact).toBe(PHRASE);
    expect(quote.prefix.endsWith('第二段有')).toBe(true);
    expect(quote.suffix.startsWith('在此')).toBe(true);
    // The characters at those code point offsets of GET /text are the phrase.
    expect(slice(await textOf(owner, doc.id), position.start, position.end)).toBe(PHRASE);
    expect(annotation).toMatchObject({
      documentId: doc.id,
      tag: 'claim',
      note: 'A claim',
      visibility: 'shared',
      status: 'draft',
      anchorStatus: 'anchored',
      version: 1,
      author: { id: analyst.me.user.id, name: 'ana' },
      abilities: { edit: true, delete: true },
      target: { revisionId: doc.revisionId },
    });
    const [row] = await query<{ start_offset: number; end_offset: number; quote_exact: string }>(`SELECT start_offset, end_offset, quote_exact FROM annotation WHERE id = $1`, [annotation.id]);
    expect(row).toEqual({ start_offset: ctx.start, end_offset: ctx.end, quote_exact: PHRASE });
  });

  it('from a quote alone: the server finds the position', async () => {
    const annotation = await created(await annotate(analyst.session, doc, [{ type: 'TextQuoteSelector', exact: '𩸽' }], { tag: 'data' }));
    const expected = span(doc.text, '𩸽');
    expect(annotation.target.selector[0]).toEqual({ type: 'TextPositionSelector', ...expected });
    expect(expected.end - expected.start).toBe(1);
    expect(slice(doc.text, expected.start, expected.end)).toBe('𩸽');
  });

  it('from both selectors, with the ZWJ emoji itself as the passage', async () => {
    const family = span(doc.text, FAMILY);
    const annotation = await created(await annotate(analyst.session, doc, [{ type: 'TextPositionSelector', ...family }, { type: 'TextQuoteSelector', exact: FAMILY, prefix: '家族 ' }], { tag: 'opinion' }));
    expect(annotation.target.selector[1].exact).toBe(FAMILY);
    expect(annotation.target.selector[0]).toEqual({ type: 'TextPositionSelector', ...family });
    // Five code points (three people, two joiners), one grapheme.
    expect(family.end - family.start).toBe(5);
  });

  it('a quote made unique by its prefix', async () => {
    const annotation = await created(await annotate(analyst.session, doc, [{ type: 'TextQuoteSelector', exact: '重複', prefix: '再一次' }]));
    const second = span(doc.text, '重複', doc.text.indexOf('重複') + 1);
    expect(annotation.target.selector[0]).toMatchObject(second);
  });

  it('GET returns the same annotation with its ETag; the list is in document order', async () => {
    const first = await created(await annotate(analyst.session, doc, [{ type: 'TextQuoteSelector', exact: '家族' }]));
    const response = await colleague.session.get(`/api/annotations/${first.id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe('"1"');
    expect(await json<Annotation>(response)).toEqual({ ...first, abilities: { edit: false, delete: false } });
    const listed = await list(colleague.session, doc.id);
    expect(listed.revisionId).toBe(doc.revisionId);
    const starts = listed.items.map((a) => a.target.selector[0].start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(listed.items[0]!.id).toBe(first.id);
  });
});

describe('refusing bad input, changing nothing', () => {
  const callers = (): Record<Caller, Session> => ({ analyst: analyst.session, viewer: viewer.session, stranger: stranger.session, anonymous: newSession() });

  it.each(badCreateCases)('$name → $status $code', async (c) => {
    const session = callers()[c.as ?? 'analyst'];
    const before = await snapshot();
    const path = `/api/documents/${doc.id}/annotations`;
    const response = c.raw
      ? await session.request(path, { method: 'POST', body: c.raw.data, headers: { 'content-type': c.raw.contentType } })
      : await session.post(path, c.body(ctx), { headers: c.headers ?? {} });
    expect(response.status).toBe(c.status);
    const body = await json<{ error: { code: string; fields?: Array<{ path: string }> } }>(response);
    expect(body.error.code).toBe(c.code);
    if (c.field) expect(body.error.fields?.map((f) => f.path)).toContain(c.field);
    expect(await snapshot()).toEqual(before);
  });

  it('a document id that is not a UUID or does not exist → 404', async () => {
    const before = await snapshot();
    expect((await analyst.session.post('/api/documents/nope/annotations', {})).status).toBe(404);
    expect((await analyst.session.post('/api/documents/00000000-0000-4000-8000-000000000000/annotations', { tag: 'claim', target: { revisionId: doc.revisionId, selector: at(ctx) } })).status).toBe(404);
    expect(await snapshot()).toEqual(before);
  });

  it("a stranger cannot list, read or reach another workspace's annotations", async () => {
    const annotation = await created(await annotate(analyst.session, doc, at(ctx)));
    expect((await stranger.session.get(`/api/documents/${doc.id}/annotations`)).status).toBe(404);
    expect((await stranger.session.get(`/api/annotations/${annotation.id}`)).status).toBe(404);
    expect((await stranger.session.get(`/api/annotations/${annotation.id}/history`)).status).toBe(404);
    expect((await stranger.session.patch(`/api/annotations/${annotation.id}`, { tag: 'data' }, { headers: { 'if-match': '"1"' } })).status).toBe(404);
  });
});

describe('editing with ETag and If-Match', () => {
  it('without If-Match → 428; stale → 412 with the current version; current → 200 and a new ETag', async () => {
    const annotation = await created(await annotate(analyst.session, doc, at(ctx)));
    const url = `/api/annotations/${annotation.id}`;
    const before = await snapshot();
    const missing = await analyst.session.patch(url, { tag: 'data' });
    expect(missing.status).toBe(428);
    expect((await json<{ error: { code: string } }>(missing)).error.code).toBe('precondition_required');
    expect(await snapshot()).toEqual(before);

    const ok = await analyst.session.patch(url, { tag: 'data', note: 'Now data' }, { headers: { 'if-match': '"1"' } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('etag')).toBe('"2"');
    expect(await json<Annotation>(ok)).toMatchObject({ tag: 'data', note: 'Now data', version: 2 });

    const afterOk = await snapshot();
    const stale = await analyst.session.patch(url, { tag: 'opinion' }, { headers: { 'if-match': '"1"' } });
    expect(stale.status).toBe(412);
    expect(await json<{ error: { code: string; currentVersion: number } }>(stale)).toMatchObject({ error: { code: 'precondition_failed', currentVersion: 2 } });
    expect(await snapshot()).toEqual(afterOk);
  });

  it.each(badUpdateCases)('a PATCH with $name → 400, nothing changed', async ({ body, field }) => {
    const annotation = await created(await annotate(analyst.session, doc, at(ctx)));
    const before = await snapshot();
    const response = await analyst.session.patch(`/api/annotations/${annotation.id}`, body, { headers: { 'if-match': '"1"' } });
    expect(response.status).toBe(400);
    if (field) expect((await json<{ error: { fields: Array<{ path: string }> } }>(response)).error.fields.map((f) => f.path)).toContain(field);
    expect(await snapshot()).toEqual(before);
  });

  it("only the author edits the body: a colleague, the admin and the owner get 403", async () => {
    const annotation = await created(await annotate(analyst.session, doc, at(ctx)));
    const before = await snapshot();
    for (const session of [colleague.session, admin.session, owner, viewer.session]) {
      const response = await session.patch(`/api/annotations/${annotation.id}`, { note: 'not mine' }, { headers: { 'if-match': '"1"' } });
      expect(response.status).toBe(403);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('adjusting the extent re-checks the quote against the revision', async () => {
    const annotation = await created(await annotate(analyst.session, doc, at(ctx)));
    const wider = { start: ctx.start - 2, end: ctx.end + 2 };
    const response = await analyst.session.patch(`/api/annotations/${annotation.id}`, { target: { revisionId: doc.revisionId, selector: at(wider) } }, { headers: { 'if-match': '"1"' } });
    expect(response.status).toBe(200);
    const updated = await json<Annotation>(response);
    expect(updated.target.selector[1].exact).toBe(slice(doc.text, wider.start, wider.end));
    const mismatch = await analyst.session.patch(
      `/api/annotations/${annotation.id}`,
      { target: { revisionId: doc.revisionId, selector: [{ type: 'TextPositionSelector', ...wider }, { type: 'TextQuoteSelector', exact: PHRASE }] } },
      { headers: { 'if-match': '"2"' } },
    );
    expect(mismatch.status).toBe(422);
  });

  it('100 parallel PATCHes with the same If-Match → exactly one 200, 99 × 412', async () => {
    const annotation = await created(await annotate(analyst.session, doc, at(ctx)));
    // Hold the row so the writers that have read version 1 pile up at their UPDATE together,
    // rather than finishing one by one: the version check in the UPDATE must pick the winner.
    const lock = new Client({ connectionString: inject('databaseUrl') });
    await lock.connect();
    let pending: Array<Promise<Response>> = [];
    try {
      await lock.query('BEGIN');
      await lock.query('SELECT 1 FROM annotation WHERE id = $1 FOR UPDATE', [annotation.id]);
      pending = Array.from({ length: 100 }, (_, i) => analyst.session.patch(`/api/annotations/${annotation.id}`, { note: `writer ${i}` }, { headers: { 'if-match': '"1"' } }));
      // Watched from outside the locking transaction: pg_stat_activity is a snapshot within one.
      let waiting = 0;
      while (waiting < 3) {
        const [row] = await query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'glossa-api' AND wait_event_type = 'Lock' AND query LIKE 'UPDATE annotation%'`,
        );
        waiting = row!.n;
      }
    } finally {
      await lock.query('COMMIT');
      await lock.end();
    }
    const responses = await Promise.all(pending);
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 412)).toHaveLength(99);
    const winner = await json<Annotation>(responses[statuses.indexOf(200)]!);
    const [row] = await query<{ version: number; note: string }>(`SELECT version, note FROM annotation WHERE id = $1`, [annotation.id]);
    expect(row).toEqual({ version: 2, note: winner.note });
    const [events] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM event WHERE subject_id = $1 AND type = 'annotation.updated'`, [annotation.id]);
    expect(events!.n).toBe(1);
  });
});

describe('Idempotency-Key', () => {
  const selector = () => [{ type: 'TextQuoteSelector', exact: '更多文字' }];

  it('5 concurrent identical creates → one annotation, the same body five times', async () => {
    const key = `retry-${Date.now()}-${Math.random()}`;
    const before = await snapshot();
    const responses = await Promise.all(Array.from({ length: 5 }, () => annotate(analyst.session, doc, selector(), { note: 'once' }, { 'idempotency-key': key })));
    expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    const bodies = await Promise.all(responses.map((r) => json<Annotation>(r)));
    for (const body of bodies) expect(body).toEqual(bodies[0]);
    const [rows] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM annotation WHERE note = 'once' AND document_id = $1`, [doc.id]);
    expect(rows!.n).toBe(1);
    expect((await snapshot()).annotations).toBe((before.annotations as number) + 1);
    // A later retry still answers with the same annotation.
    const retry = await annotate(analyst.session, doc, selector(), { note: 'once' }, { 'idempotency-key': key });
    expect(await created(retry)).toEqual(bodies[0]);
  });

  it('the same key with another body → 422; the same key by another user is theirs', async () => {
    const key = `key-${Date.now()}`;
    const first = await created(await annotate(analyst.session, doc, selector(), {}, { 'idempotency-key': key }));
    const before = await snapshot();
    const other = await annotate(analyst.session, doc, selector(), { tag: 'data' }, { 'idempotency-key': key });
    expect(other.status).toBe(422);
    expect((await json<{ error: { code: string } }>(other)).error.code).toBe('unprocessable_content');
    expect(await snapshot()).toEqual(before);
    const theirs = await created(await annotate(colleague.session, doc, selector(), {}, { 'idempotency-key': key }));
    expect(theirs.id).not.toBe(first.id);
    expect(theirs.author.id).toBe(colleague.me.user.id);
  });
});

describe('private annotations', () => {
  it('are invisible to every other member in list, get and history — counts included', async () => {
    const privateDoc = await importDocument(owner, 'Private notes', 'text', '一段私人筆記的原文。另一段公開的原文。');
    const mine = await created(await annotate(analyst.session, privateDoc, [{ type: 'TextQuoteSelector', exact: '私人筆記' }], { visibility: 'private', note: 'secret' }));
    const shared = await created(await annotate(colleague.session, privateDoc, [{ type: 'TextQuoteSelector', exact: '公開' }]));
    for (const session of [colleague.session, admin.session, owner, viewer.session]) {
      const listed = await list(session, privateDoc.id);
      expect(listed.items.map((a) => a.id)).toEqual([shared.id]);
      expect((await list(session, privateDoc.id, '?q=secret')).items).toHaveLength(0);
      expect((await list(session, privateDoc.id, '?visibility=private')).items).toHaveLength(0);
      expect((await session.get(`/api/annotations/${mine.id}`)).status).toBe(404);
      expect((await session.get(`/api/annotations/${mine.id}/history`)).status).toBe(404);
      expect((await session.delete(`/api/annotations/${mine.id}`, { headers: { 'if-match': '"1"' } })).status).toBe(404);
    }
    expect((await list(analyst.session, privateDoc.id)).items.map((a) => a.id)).toEqual([mine.id, shared.id]);
    expect((await analyst.session.get(`/api/annotations/${mine.id}`)).status).toBe(200);
  });

  it('filters by tag, author, visibility and a literal, case-insensitive q', async () => {
    const filterDoc = await importDocument(owner, 'Filters', 'text', 'Alpha claim here. Beta 100% data. Gamma opinion.');
    const a = await created(await annotate(analyst.session, filterDoc, [{ type: 'TextQuoteSelector', exact: 'Alpha claim' }], { note: 'First NOTE' }));
    const b = await created(await annotate(colleague.session, filterDoc, [{ type: 'TextQuoteSelector', exact: 'Beta 100% data' }], { tag: 'data' }));
    const c = await created(await annotate(analyst.session, filterDoc, [{ type: 'TextQuoteSelector', exact: 'Gamma opinion' }], { tag: 'opinion', visibility: 'private' }));
    const ids = async (filter: string) => (await list(analyst.session, filterDoc.id, filter)).items.map((x) => x.id);
    expect(await ids('')).toEqual([a.id, b.id, c.id]);
    expect(await ids('?tag=data')).toEqual([b.id]);
    expect(await ids(`?authorId=${analyst.me.user.id}`)).toEqual([a.id, c.id]);
    expect(await ids('?visibility=private')).toEqual([c.id]);
    expect(await ids('?q=first%20note')).toEqual([a.id]);
    expect(await ids('?q=100%25')).toEqual([b.id]);
    expect(await ids('?q=%25')).toEqual([b.id]);
    expect(await ids('?q=gamma')).toEqual([c.id]);
    expect((await analyst.session.get(`/api/documents/${filterDoc.id}/annotations?tag=fact`)).status).toBe(400);
  });
});

describe('deleting, restoring and history', () => {
  it('an admin deletes (soft) and restores with If-Match; the author stays; history names who did what', async () => {
    const annotation = await created(await annotate(analyst.session, doc, at(ctx), { note: 'to be moderated' }));
    const url = `/api/annotations/${annotation.id}`;
    expect((await analyst.session.patch(url, { tag: 'opinion' }, { headers: { 'if-match': '"1"' } })).status).toBe(200);

    expect((await colleague.session.delete(url, { headers: { 'if-match': '"2"' } })).status).toBe(403);
    expect((await admin.session.delete(url)).status).toBe(428);
    expect((await admin.session.delete(url, { headers: { 'if-match': '"1"' } })).status).toBe(412);
    expect((await admin.session.delete(url, { headers: { 'if-match': '"2"' } })).status).toBe(204);

    expect((await analyst.session.get(url)).status).toBe(404);
    expect((await list(analyst.session, doc.id)).items.map((a) => a.id)).not.toContain(annotation.id);
    const [row] = await query<{ deleted: boolean }>(`SELECT deleted_at IS NOT NULL AS deleted FROM annotation WHERE id = $1`, [annotation.id]);
    expect(row!.deleted).toBe(true);

    expect((await admin.session.post(`${url}/restore`, undefined, { headers: { 'if-match': '"2"' } })).status).toBe(412);
    const restored = await admin.session.post(`${url}/restore`, undefined, { headers: { 'if-match': '"3"' } });
    expect(restored.status).toBe(200);
    expect(restored.headers.get('etag')).toBe('"4"');
    expect(await json<Annotation>(restored)).toMatchObject({ id: annotation.id, version: 4, tag: 'opinion', author: { id: analyst.me.user.id, name: 'ana' } });
    expect((await admin.session.post(`${url}/restore`, undefined, { headers: { 'if-match': '"4"' } })).status).toBe(409);
    expect((await list(analyst.session, doc.id)).items.map((a) => a.id)).toContain(annotation.id);

    const history = await json<AnnotationHistory>(await colleague.session.get(`${url}/history`));
    expect(history.items.map((e) => [e.type, e.actor?.name])).toEqual([
      ['annotation.created', 'ana'],
      ['annotation.updated', 'ana'],
      ['annotation.deleted', 'adam'],
      ['annotation.restored', 'adam'],
    ]);
    expect(history.items[0]!.changes).toMatchObject({ tag: 'claim', note: 'to be moderated', visibility: 'shared', target: { start: ctx.start, end: ctx.end, exact: PHRASE } });
    expect(history.items[1]!.changes).toEqual({ tag: { from: 'claim', to: 'opinion' } });
    const seqs = history.items.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  });

  it('the author deletes their own; a viewer cannot annotate at all', async () => {
    const annotation = await created(await annotate(analyst.session, doc, at(ctx)));
    expect((await viewer.session.delete(`/api/annotations/${annotation.id}`, { headers: { 'if-match': '"1"' } })).status).toBe(403);
    expect((await analyst.session.delete(`/api/annotations/${annotation.id}`, { headers: { 'if-match': '"1"' } })).status).toBe(204);
    // The audit trail stays readable after the delete.
    const history = await json<AnnotationHistory>(await analyst.session.get(`/api/annotations/${annotation.id}/history`));
    expect(history.items.map((e) => e.type)).toEqual(['annotation.created', 'annotation.deleted']);
  });
});

describe('re-importing a document', () => {
  it('moves annotations to the new revision; edited passages are fuzzy or detached; none is lost', async () => {
    const before = ['第一段：亞太地區貢獻了全球六成以上的經濟總量。', '第二段：會議共有1400餘名代表出席，規模空前。', '第三段：這一段將被整段刪除，不再出現。', `第四段：${FAMILY} 與 𠮷 之後的結論不變。`].join('\n\n');
    const after = ['新增的第零段：編者按語。', '第一段：亞太地區貢獻了全球六成以上的經濟總量。', '第二段：會議共有逾千名代表出席，規模空前。', `第四段：${FAMILY} 與 𠮷 之後的結論不變。`].join('\n\n');
    const reDoc = await importDocument(analyst.session, 'Re-import', 'text', before);
    const unaffected = ['六成以上的經濟總量', '之後的結論不變', '𠮷'];
    const kept: Annotation[] = [];
    for (const phrase of unaffected) kept.push(await created(await annotate(analyst.session, reDoc, at(span(reDoc.text, phrase)))));
    const edited = await created(await annotate(analyst.session, reDoc, at(span(reDoc.text, '會議共有1400餘名代表出席'))));
    const removed = await created(await annotate(analyst.session, reDoc, at(span(reDoc.text, '這一段將被整段刪除'))));
    const hidden = await created(await annotate(colleague.session, reDoc, at(span(reDoc.text, '規模空前')), { visibility: 'private' }));
    // Deleted before the re-import: it sits it out, and is re-anchored when restored.
    const sittingOut = await created(await annotate(analyst.session, reDoc, at(span(reDoc.text, '亞太地區'))));
    expect((await analyst.session.delete(`/api/annotations/${sittingOut.id}`, { headers: { 'if-match': '"1"' } })).status).toBe(204);

    expect((await viewer.session.post(`/api/documents/${reDoc.id}/revisions`, { format: 'text', content: after })).status).toBe(403);
    const response = await analyst.session.post(`/api/documents/${reDoc.id}/revisions`, { format: 'text', content: after });
    expect(response.status).toBe(201);
    const result = await json<RevisionImported>(response);
    expect(result.document.revision.number).toBe(2);
    const newRevision = result.document.revision.id;
    expect(newRevision).not.toBe(reDoc.revisionId);
    const { exact, moved, fuzzy, detached } = result.reanchored;
    expect(exact + moved + fuzzy + detached).toBe(6);
    expect(detached).toBeGreaterThanOrEqual(1);

    const newText = await textOf(analyst.session, reDoc.id);
    const listed = await list(analyst.session, reDoc.id);
    expect(listed.revisionId).toBe(newRevision);
    // Five visible to the analyst (the colleague's private one is not), none lost.
    expect(listed.items).toHaveLength(5);
    const byId = new Map(listed.items.map((a) => [a.id, a]));
    for (const [i, original] of kept.entries()) {
      const now = byId.get(original.id)!;
      expect(now.anchorStatus).toBe('anchored');
      expect(now.target.revisionId).toBe(newRevision);
      expect(now.version).toBe(2);
      // Exactly the same characters, at the new offsets.
      expect(now.target.selector[1].exact).toBe(unaffected[i]);
      expect(slice(newText, now.target.selector[0].start, now.target.selector[0].end)).toBe(unaffected[i]);
    }
    const gone = byId.get(removed.id)!;
    expect(gone.anchorStatus).toBe('detached');
    expect(gone.target).toEqual(removed.target);
    expect(listed.items[listed.items.length - 1]!.anchorStatus).toBe('detached');
    const changed = byId.get(edited.id)!;
    if (changed.anchorStatus === 'anchored') {
      expect(changed.target.revisionId).toBe(newRevision);
      expect(slice(newText, changed.target.selector[0].start, changed.target.selector[0].end)).toBe(changed.target.selector[1].exact);
    } else {
      expect(changed.target).toEqual(edited.target);
    }
    // The colleague's private annotation was re-anchored too, and is still theirs alone.
    expect((await colleague.session.get(`/api/annotations/${hidden.id}`)).status).toBe(200);

    const history = await json<AnnotationHistory>(await analyst.session.get(`/api/annotations/${removed.id}/history`));
    expect(history.items.map((e) => e.type)).toEqual(['annotation.created', 'annotation.reanchored']);
    expect(history.items[1]!.changes).toMatchObject({ status: 'detached' });
    const [events] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM event WHERE document_id = $1 AND type = 'annotation.reanchored'`, [reDoc.id]);
    expect(events!.n).toBe(6);

    const restored = await analyst.session.post(`/api/annotations/${sittingOut.id}/restore`, undefined, { headers: { 'if-match': '"2"' } });
    expect(restored.status).toBe(200);
    const back = await json<Annotation>(restored);
    expect(back).toMatchObject({ anchorStatus: 'anchored', version: 4, target: { revisionId: newRevision } });
    expect(restored.headers.get('etag')).toBe('"4"');
    expect(slice(newText, back.target.selector[0].start, back.target.selector[0].end)).toBe('亞太地區');

    // The old revision is no longer annotatable; a detached annotation is re-attached by selecting new text.
    expect((await annotate(analyst.session, reDoc, at(span(reDoc.text, '第一段')))).status).toBe(409);
    const reattach = await analyst.session.patch(
      `/api/annotations/${removed.id}`,
      { target: { revisionId: newRevision, selector: [{ type: 'TextQuoteSelector', exact: '編者按語' }] } },
      { headers: { 'if-match': `"${gone.version}"` } },
    );
    expect(reattach.status).toBe(200);
    expect(await json<Annotation>(reattach)).toMatchObject({ anchorStatus: 'anchored', target: { revisionId: newRevision } });
  });

  it('accepts a multipart upload as the next revision; a stranger gets 404 and nothing changes', async () => {
    const upDoc = await importDocument(analyst.session, 'Upload', 'text', '上傳前的第一段。\n\n保留的第二段。');
    const kept = await created(await annotate(analyst.session, upDoc, at(span(upDoc.text, '保留的第二段'))));
    const form = () => {
      const data = new FormData();
      data.append('format', 'text');
      data.append('file', new Blob(['上傳後改寫的第一段。\n\n保留的第二段。'], { type: 'text/plain' }), 'v2.txt');
      return data;
    };
    const before = await snapshot();
    expect((await stranger.session.request(`/api/documents/${upDoc.id}/revisions`, { method: 'POST', body: form() })).status).toBe(404);
    expect((await analyst.session.post(`/api/documents/${upDoc.id}/revisions`, { format: 'text', content: 'x', title: 'not a field' })).status).toBe(400);
    expect(await snapshot()).toEqual(before);
    const response = await analyst.session.request(`/api/documents/${upDoc.id}/revisions`, { method: 'POST', body: form() });
    expect(response.status).toBe(201);
    expect((await json<RevisionImported>(response)).reanchored).toEqual({ exact: 0, moved: 1, fuzzy: 0, detached: 0 });
    const now = await json<Annotation>(await analyst.session.get(`/api/annotations/${kept.id}`));
    expect(slice(await textOf(analyst.session, upDoc.id), now.target.selector[0].start, now.target.selector[0].end)).toBe('保留的第二段');
  });

  it(`seed 001: a paragraph edited and one inserted; every unaffected annotation keeps its characters`, async () => {
    const source = readFileSync(join(ROOT, 'seeds', '001_16db67a9ee7a681a.txt'), 'utf8');
    const OLD_SENTENCE = '倡導以人為本、智能向善，就人工智能賦能增長和治理規則凝聚更多共識。';
    const NEW_SENTENCE = '倡導以人為本、智能向善，就人工智能賦能發展和治理規則凝聚更廣泛共識。';
    expect(source).toContain(OLD_SENTENCE);
    const lines = source.split('\n');
    const revised = [lines[0], '【編者按】本報於2月11日更新此文：補充高官會閉幕後各方的評價。', ...lines.slice(1)].join('\n').replace(OLD_SENTENCE, NEW_SENTENCE);
    const seedDoc = await importDocument(analyst.session, 'Seed 001 copy', 'markdown', seedMarkdown(source));

    // One annotation of ten code points in each paragraph of body prose, plus one on the edited words.
    const paragraphs: Array<{ offset: number; text: string }> = [];
    let offset = 0;
    for (const paragraph of seedDoc.text.split('\n')) {
      paragraphs.push({ offset, text: paragraph });
      offset += cps(paragraph).length + 1;
    }
    const sentence = span(seedDoc.text, OLD_SENTENCE);
    const spans = paragraphs
      .filter((p) => cps(p.text).length >= 20)
      .map((p) => ({ start: p.offset + 4, end: p.offset + 14 }))
      .filter((s) => s.end <= sentence.start || s.start >= sentence.end)
      .slice(0, 30);
    expect(spans.length).toBeGreaterThanOrEqual(10);
    const annotations: Annotation[] = [];
    for (const s of spans) annotations.push(await created(await annotate(analyst.session, seedDoc, at(s))));
    const affected = await created(await annotate(analyst.session, seedDoc, at(span(seedDoc.text, '賦能增長'))));

    const response = await analyst.session.post(`/api/documents/${seedDoc.id}/revisions`, { format: 'markdown', content: seedMarkdown(revised) });
    expect(response.status).toBe(201);
    const { reanchored, document } = await json<RevisionImported>(response);
    expect(reanchored.exact + reanchored.moved + reanchored.fuzzy + reanchored.detached).toBe(annotations.length + 1);
    const newText = await textOf(analyst.session, seedDoc.id);
    expect(newText).toContain(NEW_SENTENCE);
    const listed = await list(analyst.session, seedDoc.id);
    expect(listed.items).toHaveLength(annotations.length + 1);
    const byId = new Map(listed.items.map((a) => [a.id, a]));
    for (const original of annotations) {
      const now = byId.get(original.id)!;
      expect(now.anchorStatus).toBe('anchored');
      expect(now.target.revisionId).toBe(document.revision.id);
      expect(now.target.selector[1].exact).toBe(original.target.selector[1].exact);
      expect(slice(newText, now.target.selector[0].start, now.target.selector[0].end)).toBe(original.target.selector[1].exact);
    }
    const edited = byId.get(affected.id)!;
    expect(edited.anchorStatus === 'detached' || edited.target.selector[1].exact !== '賦能增長').toBe(true);
  });
});
