// Links between annotations against the real server and database (issue 5): flags across
// documents, refusals that store nothing, one row under 50 identical concurrent requests,
// idempotent retries, deleted passages kept, an annotation's links, and annotation search.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Annotation, AnnotationSearchResult, Link, LinkList } from '@glossa/contracts';
import { query } from '../support/api';
import { annotate, flag, json, makeWorld, postLink, reviewSnapshot, type ReviewWorld } from './links-fixture';
import { badLinkCases, type LinkIds } from './links-cases';

let w: ReviewWorld;
let attendanceA: Annotation;
let attendanceB: Annotation;
let shareA: Annotation;
let shareB: Annotation;
let ids: LinkIds;

beforeAll(async () => {
  w = await makeWorld('links');
  attendanceA = await annotate(w.analyst.session, w.docA, '逾千名高級別代表', { note: 'More than a thousand' });
  attendanceB = await annotate(w.analyst.session, w.docB, '1400餘名代表', { tag: 'data' });
  shareA = await annotate(w.colleague.session, w.docA, '六成以上');
  shareB = await annotate(w.colleague.session, w.docB, '超出六成');
  const hidden = await annotate(w.colleague.session, w.docB, '近五成', { visibility: 'private' });
  const gone = await annotate(w.analyst.session, w.docB, '貿易總額');
  expect((await w.analyst.session.delete(`/api/annotations/${gone.id}`, { headers: { 'if-match': '"1"' } })).status).toBe(204);
  const elsewhere = await makeWorld('links-elsewhere');
  const foreign = await annotate(elsewhere.analyst.session, elsewhere.docA, '逾千名高級別代表');
  ids = { a: attendanceA.id, b: attendanceB.id, c: shareA.id, foreign: foreign.id, hidden: hidden.id, gone: gone.id, missing: randomUUID() };
});

describe('flagging a contradiction', () => {
  let link: Link;

  it('across two documents: 201, open, medium, both passages with their titles, an ETag and an event', async () => {
    const response = await postLink(w.analyst.session, { type: 'contradicts', annotationIds: [attendanceA.id, attendanceB.id], rationale: 'Over a thousand vs 1400' });
    expect(response.status).toBe(201);
    link = await json<Link>(response);
    expect(response.headers.get('etag')).toBe('"1"');
    expect(link).toMatchObject({ type: 'contradicts', status: 'open', severity: 'medium', rationale: 'Over a thousand vs 1400', workspaceId: w.workspaceId, version: 1, assignee: null, resolution: null });
    expect(link.raisedBy).toEqual({ id: w.analyst.me.user.id, name: w.analyst.me.user.name });
    expect(link.annotations.map((p) => [p.id, p.documentId, p.quote.exact, p.deleted])).toEqual([
      [attendanceA.id, w.docA.id, '逾千名高級別代表', false],
      [attendanceB.id, w.docB.id, '1400餘名代表', false],
    ]);
    expect(link.annotations[0]!.documentTitle).toBe('Forum A links');
    // The raiser is an analyst: nothing to decide, but they may comment.
    expect(link.abilities).toEqual({ transition: [], comment: true });
    const events = await query<{ type: string; actor_id: string }>(`SELECT type, actor_id FROM event WHERE subject_id = $1`, [link.id]);
    expect(events).toEqual([{ type: 'link.created', actor_id: w.analyst.me.user.id }]);
  });

  it('reads back with its ETag; a reviewer sees every action the open state allows', async () => {
    const response = await w.reviewer.session.get(`/api/links/${link.id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe('"1"');
    expect((await json<Link>(response)).abilities.transition).toEqual(['assign', 'confirm', 'dismiss']);
  });

  it('the same type over the same annotations, in any order, is a 409 and stores nothing', async () => {
    const before = await reviewSnapshot();
    const response = await postLink(w.colleague.session, { type: 'contradicts', annotationIds: [attendanceB.id, attendanceA.id], rationale: 'Again' });
    expect(response.status).toBe(409);
    expect((await json<{ error: { code: string } }>(response)).error.code).toBe('conflict');
    expect(await reviewSnapshot()).toEqual(before);
  });

  it('another type over the same annotations is a separate link, without review state', async () => {
    const response = await postLink(w.analyst.session, { type: 'same_claim', annotationIds: [attendanceA.id, attendanceB.id], rationale: 'Both are attendance' });
    expect(response.status).toBe(201);
    expect(await json<Link>(response)).toMatchObject({ type: 'same_claim', status: null, severity: null, abilities: { transition: [] } });
  });

  it('is listed among the links of each of its annotations', async () => {
    const response = await w.viewer.session.get(`/api/annotations/${attendanceB.id}/links`);
    expect(response.status).toBe(200);
    const { items } = await json<LinkList>(response);
    expect(items.map((l) => l.type).sort()).toEqual(['contradicts', 'same_claim']);
  });

  it('is invisible to non-members: the link and its annotation answer 404', async () => {
    expect((await w.stranger.session.get(`/api/links/${link.id}`)).status).toBe(404);
    expect((await w.stranger.session.get(`/api/annotations/${attendanceA.id}/links`)).status).toBe(404);
    expect((await w.stranger.session.get(`/api/links/not-a-uuid`)).status).toBe(404);
  });

  it('survives the deletion of a passage, which shows as deleted with its last quote', async () => {
    const a = await annotate(w.analyst.session, w.docA, 'Growth 100% ASSURED');
    const flagged = await flag(w.analyst.session, [a.id, shareB.id], { severity: 'high' });
    expect((await w.analyst.session.delete(`/api/annotations/${a.id}`, { headers: { 'if-match': '"1"' } })).status).toBe(204);
    const response = await w.reviewer.session.get(`/api/links/${flagged.id}`);
    expect(response.status).toBe(200);
    const after = await json<Link>(response);
    expect(after.status).toBe('open');
    expect(after.severity).toBe('high');
    expect(after.annotations[0]).toMatchObject({ id: a.id, deleted: true, quote: { exact: 'Growth 100% ASSURED' } });
    expect(after.annotations[1]).toMatchObject({ id: shareB.id, deleted: false });
  });
});

describe('refusing bad links', () => {
  it.each(badLinkCases)('$name → $status $code, nothing stored', async ({ body, status, code, field }) => {
    const before = await reviewSnapshot();
    const response = await postLink(w.analyst.session, body(ids));
    expect(response.status).toBe(status);
    const error = (await json<{ error: { code: string; fields?: Array<{ path: string }> } }>(response)).error;
    expect(error.code).toBe(code);
    if (field) expect(error.fields?.map((f) => f.path)).toContain(field);
    expect(await reviewSnapshot()).toEqual(before);
  });

  it('a viewer may not link (403), a stranger gets 404 for the same ids, nothing stored', async () => {
    const before = await reviewSnapshot();
    const body = { type: 'supports', annotationIds: [shareA.id, shareB.id], rationale: 'Same share' };
    expect((await postLink(w.viewer.session, body)).status).toBe(403);
    expect((await postLink(w.stranger.session, body)).status).toBe(404);
    expect(await reviewSnapshot()).toEqual(before);
  });

  it("one's own private annotation must be shared before it is linked (422)", async () => {
    const mine = await annotate(w.colleague.session, w.docA, '會議開幕', { visibility: 'private' });
    const before = await reviewSnapshot();
    const response = await postLink(w.colleague.session, { type: 'supports', annotationIds: [mine.id, shareA.id], rationale: 'Mine' });
    expect(response.status).toBe(422);
    expect(await reviewSnapshot()).toEqual(before);
  });
});

describe('concurrency and retries', () => {
  it('50 identical flags at once: exactly one row, the rest 409', async () => {
    const a = await annotate(w.analyst.session, w.docA, '論壇');
    const b = await annotate(w.analyst.session, w.docB, '大會閉幕');
    const body = { type: 'contradicts', annotationIds: [a.id, b.id], rationale: 'Race' };
    const statuses = await Promise.all(Array.from({ length: 50 }, () => postLink(w.analyst.session, body).then((r) => r.status)));
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    const rows = await query<{ n: number }>(`SELECT count(*)::int AS n FROM link_annotation WHERE annotation_id = $1`, [a.id]);
    expect(rows).toEqual([{ n: 1 }]);
  });

  it('a retry with the same Idempotency-Key returns the first link; the key with another body is 422', async () => {
    const a = await annotate(w.analyst.session, w.docA, '會議');
    const key = randomUUID();
    const body = { type: 'supports', annotationIds: [a.id, shareB.id], rationale: 'Retry' };
    const responses = await Promise.all(Array.from({ length: 5 }, () => postLink(w.analyst.session, body, { 'idempotency-key': key })));
    expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    const links = await Promise.all(responses.map((r) => json<Link>(r)));
    expect(new Set(links.map((l) => l.id)).size).toBe(1);
    const other = await postLink(w.analyst.session, { ...body, rationale: 'Different' }, { 'idempotency-key': key });
    expect(other.status).toBe(422);
  });
});

describe('searching annotations to link', () => {
  const search = async (session: ReviewWorld['analyst']['session'], params: string): Promise<Annotation[]> => {
    const response = await session.get(`/api/annotations/search?${params}`);
    expect(response.status).toBe(200);
    return (await json<AnnotationSearchResult>(response)).items;
  };
  const inWorkspace = () => `workspaceId=${w.workspaceId}`;

  it('finds a 2-character Chinese substring of quotes across documents, with document titles', async () => {
    const items = await search(w.analyst.session, `${inWorkspace()}&q=${encodeURIComponent('六成')}`);
    expect(items.map((i) => i.id).sort()).toEqual([shareA.id, shareB.id].sort());
    expect((items as Array<Annotation & { documentTitle: string }>).map((i) => i.documentTitle).sort()).toEqual(['Forum A links', 'Forum B links']);
  });

  it('matches notes, case-insensitively, and % literally', async () => {
    expect((await search(w.analyst.session, `${inWorkspace()}&q=THOUSAND`)).map((i) => i.id)).toEqual([attendanceA.id]);
    // 'than a' would match the LIKE pattern %n%a%; the search is literal.
    expect(await search(w.analyst.session, `${inWorkspace()}&q=${encodeURIComponent('n%a')}`)).toEqual([]);
  });

  it('a single character works too, and filters narrow it', async () => {
    const all = await search(w.analyst.session, `${inWorkspace()}&q=${encodeURIComponent('代')}`);
    expect(all.map((i) => i.id).sort()).toEqual([attendanceA.id, attendanceB.id].sort());
    expect((await search(w.analyst.session, `${inWorkspace()}&q=${encodeURIComponent('代')}&tag=data`)).map((i) => i.id)).toEqual([attendanceB.id]);
    expect((await search(w.analyst.session, `${inWorkspace()}&q=${encodeURIComponent('代')}&documentId=${w.docA.id}`)).map((i) => i.id)).toEqual([attendanceA.id]);
  });

  it('a page smaller than the matches holds the newest ones, whichever way the search runs', async () => {
    const both = await search(w.analyst.session, `${inWorkspace()}&q=${encodeURIComponent('代')}`);
    const newest = [...both].sort((x, y) => y.created.localeCompare(x.created) || y.id.localeCompare(x.id))[0]!;
    expect((await search(w.analyst.session, `${inWorkspace()}&q=${encodeURIComponent('代')}&limit=1`)).map((i) => i.id)).toEqual([newest.id]);
    // Someone else's private match never fills a page, even a page of one.
    expect(await search(w.analyst.session, `${inWorkspace()}&q=${encodeURIComponent('近五成')}&limit=1`)).toEqual([]);
  });

  it("never finds someone else's private annotation, nor deleted ones", async () => {
    expect(await search(w.analyst.session, `${inWorkspace()}&q=${encodeURIComponent('近五成')}`)).toEqual([]);
    expect((await search(w.colleague.session, `${inWorkspace()}&q=${encodeURIComponent('近五成')}`)).map((i) => i.id)).toEqual([ids.hidden]);
    expect(await search(w.analyst.session, `${inWorkspace()}&q=${encodeURIComponent('貿易總額')}`)).toEqual([]);
  });

  it('refuses unknown parameters and an empty q (400), and answers 404 for a workspace not of yours', async () => {
    expect((await w.analyst.session.get(`/api/annotations/search?${inWorkspace()}&q=x&sort=up`)).status).toBe(400);
    expect((await w.analyst.session.get(`/api/annotations/search?${inWorkspace()}&q=`)).status).toBe(400);
    expect((await w.stranger.session.get(`/api/annotations/search?${inWorkspace()}&q=x`)).status).toBe(404);
  });
});
