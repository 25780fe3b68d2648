// Review against the real server and database (issue 5): who may move a flag and where to,
// If-Match on transitions, the audit events, comments with mentions and notifications, submitted
// annotations accepted or rejected, and the queue's filters, counts and cursor.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Annotation, Comment, CommentList, Link, NotificationList, ReviewQueue } from '@glossa/contracts';
import { query, type Session } from '../support/api';
import { annotate, flag, json, makeWorld, reviewSnapshot, transition, type ReviewWorld } from './links-fixture';

let w: ReviewWorld;
let a: Annotation;
let b: Annotation;
let c: Annotation;

interface ErrorBody {
  error: { code: string; allowed?: string[]; currentVersion?: number; fields?: Array<{ path: string }> };
}

async function linkOf(response: Response): Promise<Link> {
  expect(response.status).toBe(200);
  const link = await json<Link>(response);
  expect(response.headers.get('etag')).toBe(`"${link.version}"`);
  return link;
}

async function notifications(session: Session): Promise<NotificationList> {
  const response = await session.get('/api/me/notifications');
  expect(response.status).toBe(200);
  return json<NotificationList>(response);
}

beforeAll(async () => {
  w = await makeWorld('review');
  a = await annotate(w.analyst.session, w.docA, '逾千名高級別代表');
  b = await annotate(w.analyst.session, w.docB, '1400餘名代表');
  c = await annotate(w.colleague.session, w.docA, '六成以上');
});

describe('transitions', () => {
  let link: Link;

  beforeAll(async () => {
    link = await flag(w.analyst.session, [a.id, b.id], { severity: 'high' });
  });

  it.each(['analyst', 'colleague', 'viewer'] as const)('a %s cannot decide (403), nothing changes', async (who) => {
    const before = await reviewSnapshot();
    const response = await transition(w[who].session, link, { action: 'confirm' });
    expect(response.status).toBe(403);
    expect(await reviewSnapshot()).toEqual(before);
  });

  it('a reviewer cannot decide a flag they raised (403) and sees no actions on it', async () => {
    const own = await flag(w.reviewer.session, [a.id, c.id]);
    expect(own.abilities.transition).toEqual([]);
    for (const action of ['confirm', 'dismiss']) expect((await transition(w.reviewer.session, own, { action })).status).toBe(403);
    expect((await transition(w.reviewer.session, own, { action: 'assign', assigneeId: w.reviewer.me.user.id })).status).toBe(403);
    // Another reviewer may.
    expect((await linkOf(await transition(w.reviewer2.session, own, { action: 'dismiss', note: 'Different years' }))).status).toBe('dismissed');
  });

  it('without If-Match is 428; with a stale one 412 and the current version', async () => {
    expect((await transition(w.reviewer.session, link, { action: 'confirm' }, null)).status).toBe(428);
    const stale = await transition(w.reviewer.session, link, { action: 'confirm' }, '"7"');
    expect(stale.status).toBe(412);
    expect((await json<ErrorBody>(stale)).error.currentVersion).toBe(1);
  });

  it('an illegal transition is 409 with the allowed actions', async () => {
    const response = await transition(w.reviewer.session, link, { action: 'resolve', note: 'Too early' });
    expect(response.status).toBe(409);
    const { error } = await json<ErrorBody>(response);
    expect(error.code).toBe('conflict');
    expect(error.allowed).toEqual(['assign', 'confirm', 'dismiss']);
  });

  it.each([
    { name: 'resolve without a note', body: { action: 'resolve' }, field: 'note' },
    { name: 'assign without an assignee', body: { action: 'assign' }, field: 'assigneeId' },
    { name: 'an unknown action', body: { action: 'approve' }, field: 'action' },
  ])('$name is 400', async ({ body, field }) => {
    const response = await transition(w.reviewer.session, link, body);
    expect(response.status).toBe(400);
    expect((await json<ErrorBody>(response)).error.fields?.map((f) => f.path)).toContain(field);
  });

  it('assigning to someone who cannot review, or to the raiser, is 400', async () => {
    expect((await transition(w.reviewer.session, link, { action: 'assign', assigneeId: w.colleague.me.user.id })).status).toBe(400);
    expect((await transition(w.reviewer.session, link, { action: 'assign', assigneeId: w.stranger.me.user.id })).status).toBe(400);
  });

  it('assign → confirm → resolve → reopen, each recorded with who, from, to and note', async () => {
    link = await linkOf(await transition(w.admin.session, link, { action: 'assign', assigneeId: w.reviewer.me.user.id }));
    expect(link).toMatchObject({ status: 'in_review', assignee: { id: w.reviewer.me.user.id }, version: 2 });
    link = await linkOf(await transition(w.reviewer.session, link, { action: 'confirm', note: 'Sources differ' }));
    expect(link.status).toBe('confirmed');
    expect(link.abilities.transition).toEqual(['resolve', 'reopen']);
    link = await linkOf(await transition(w.reviewer.session, link, { action: 'resolve', note: 'Memo says 1400' }));
    expect(link).toMatchObject({ status: 'resolved', resolution: 'Memo says 1400', version: 4 });
    link = await linkOf(await transition(w.owner, link, { action: 'reopen', note: 'New source' }));
    expect(link).toMatchObject({ status: 'open', resolution: null, assignee: null, version: 5 });

    const ownerId = (await w.owner.me()).user.id;
    const events = await query<{ actor_id: string; payload: { action: string; from: string; to: string; note: string | null } }>(
      `SELECT actor_id, payload FROM event WHERE subject_id = $1 AND type = 'link.transitioned' ORDER BY seq`,
      [link.id],
    );
    expect(events.map((e) => [e.actor_id, e.payload.action, e.payload.from, e.payload.to, e.payload.note])).toEqual([
      [w.admin.me.user.id, 'assign', 'open', 'in_review', null],
      [w.reviewer.me.user.id, 'confirm', 'in_review', 'confirmed', 'Sources differ'],
      [w.reviewer.me.user.id, 'resolve', 'confirmed', 'resolved', 'Memo says 1400'],
      [ownerId, 'reopen', 'resolved', 'open', 'New source'],
    ]);
  });

  it('the raiser hears of each decision', async () => {
    const { items } = await notifications(w.analyst.session);
    const decisions = items.filter((n) => n.type === 'decision' && n.linkId === link.id);
    expect(decisions).toHaveLength(3);
  });

  it('a supports link has no review state: any transition is 409', async () => {
    const response = await w.analyst.session.post('/api/links', { type: 'supports', annotationIds: [b.id, c.id], rationale: 'Agree' });
    const supports = await json<Link>(response);
    expect((await transition(w.reviewer.session, supports, { action: 'confirm' })).status).toBe(409);
  });
});

describe('comments and mentions', () => {
  let link: Link;

  beforeAll(async () => {
    link = await flag(w.colleague.session, [b.id, c.id]);
  });

  it('a comment with a mention notifies the mentioned member; the body is stored verbatim', async () => {
    const body = `@${w.analyst.me.user.name.toUpperCase()} see <img src=x onerror=alert(1)> and [x](javascript:alert(1))`;
    const response = await w.reviewer.session.post(`/api/links/${link.id}/comments`, { body });
    expect(response.status).toBe(201);
    const comment = await json<Comment>(response);
    expect(comment.body).toBe(body);
    expect(comment.mentions).toEqual([{ id: w.analyst.me.user.id, name: w.analyst.me.user.name }]);
    const { items, unread } = await notifications(w.analyst.session);
    const mention = items.find((n) => n.commentId === comment.id);
    expect(mention).toMatchObject({ type: 'mention', linkId: link.id, actor: { id: w.reviewer.me.user.id }, read: false });
    expect(unread).toBeGreaterThan(0);

    const read = await w.analyst.session.post('/api/me/notifications/read', { ids: [mention!.id] });
    expect(read.status).toBe(200);
    const after = await json<NotificationList>(read);
    expect(after.items.find((n) => n.id === mention!.id)?.read).toBe(true);
    expect(after.unread).toBe(unread - 1);
  });

  it('replies thread by parentId, listed oldest first; a parent from another thread is 400', async () => {
    const first = await json<Comment>(await w.analyst.session.post(`/api/links/${link.id}/comments`, { body: 'First' }));
    const reply = await w.colleague.session.post(`/api/links/${link.id}/comments`, { body: 'Reply', parentId: first.id });
    expect(reply.status).toBe(201);
    const listed = await w.viewer.session.get(`/api/links/${link.id}/comments`);
    expect(listed.status).toBe(200);
    const { items } = await json<CommentList>(listed);
    expect(items.slice(-2).map((i) => [i.body, i.parentId])).toEqual([
      ['First', null],
      ['Reply', first.id],
    ]);
    const onAnnotation = await w.analyst.session.post(`/api/annotations/${b.id}/comments`, { body: 'Wrong thread', parentId: first.id });
    expect(onAnnotation.status).toBe(400);
  });

  it('refuses an empty or oversized comment (400), a viewer (403) and a stranger (404), storing nothing', async () => {
    const before = await reviewSnapshot();
    expect((await w.analyst.session.post(`/api/links/${link.id}/comments`, { body: '' })).status).toBe(400);
    expect((await w.analyst.session.post(`/api/links/${link.id}/comments`, { body: 'x'.repeat(10_001) })).status).toBe(400);
    expect((await w.viewer.session.post(`/api/links/${link.id}/comments`, { body: 'Hi' })).status).toBe(403);
    expect((await w.stranger.session.post(`/api/links/${link.id}/comments`, { body: 'Hi' })).status).toBe(404);
    expect((await w.stranger.session.get(`/api/links/${link.id}/comments`)).status).toBe(404);
    expect(await reviewSnapshot()).toEqual(before);
  });

  it('annotations have threads too', async () => {
    const response = await w.reviewer.session.post(`/api/annotations/${c.id}/comments`, { body: `Check this, @${w.colleague.me.user.name}` });
    expect(response.status).toBe(201);
    const { items } = await notifications(w.colleague.session);
    expect(items.some((n) => n.type === 'mention' && n.annotationId === c.id)).toBe(true);
    expect((await json<CommentList>(await w.viewer.session.get(`/api/annotations/${c.id}/comments`))).items).toHaveLength(1);
  });
});

describe('submitted annotations', () => {
  it('the author submits; a reviewer accepts with If-Match; the author is notified', async () => {
    const mine = await annotate(w.colleague.session, w.docB, '近五成');
    expect((await w.analyst.session.post(`/api/annotations/${mine.id}/submit`)).status).toBe(403);
    const submitted = await w.colleague.session.post(`/api/annotations/${mine.id}/submit`);
    expect(submitted.status).toBe(200);
    const s = await json<Annotation>(submitted);
    expect(s.status).toBe('submitted');
    expect((await w.colleague.session.post(`/api/annotations/${mine.id}/submit`)).status).toBe(409);

    const decide = (session: Session, body: unknown, version: number | null) =>
      session.post(`/api/annotations/${mine.id}/decision`, body, { headers: version === null ? {} : { 'if-match': `"${version}"` } });
    expect((await decide(w.analyst.session, { decision: 'accept' }, s.version)).status).toBe(403);
    expect((await decide(w.reviewer.session, { decision: 'accept' }, null)).status).toBe(428);
    expect((await decide(w.reviewer.session, { decision: 'accept' }, s.version - 1)).status).toBe(412);
    expect((await decide(w.reviewer.session, { decision: 'maybe' }, s.version)).status).toBe(400);
    const accepted = await decide(w.reviewer.session, { decision: 'accept', comment: 'Checked against the memo' }, s.version);
    expect(accepted.status).toBe(200);
    const a2 = await json<Annotation>(accepted);
    expect(a2.status).toBe('accepted');
    expect((await decide(w.reviewer.session, { decision: 'reject' }, a2.version)).status).toBe(409);

    const { items } = await notifications(w.colleague.session);
    expect(items.some((n) => n.type === 'decision' && n.annotationId === mine.id)).toBe(true);
    const history = await query<{ type: string }>(`SELECT type FROM event WHERE subject_id = $1 ORDER BY seq`, [mine.id]);
    expect(history.map((h) => h.type)).toEqual(['annotation.created', 'annotation.submitted', 'annotation.decided']);
  });

  it('a reviewer cannot decide their own annotation', async () => {
    const own = await annotate(w.reviewer.session, w.docB, '大會閉幕');
    const s = await json<Annotation>(await w.reviewer.session.post(`/api/annotations/${own.id}/submit`));
    const response = await w.reviewer.session.post(`/api/annotations/${own.id}/decision`, { decision: 'accept' }, { headers: { 'if-match': `"${s.version}"` } });
    expect(response.status).toBe(403);
  });
});

describe('the queue', () => {
  let q: ReviewWorld;
  const flags: Link[] = [];
  let submitted: Annotation;

  const queue = async (session: Session, params = ''): Promise<ReviewQueue> => {
    const response = await session.get(`/api/review/queue?workspaceId=${q.workspaceId}${params}`);
    expect(response.status).toBe(200);
    return json<ReviewQueue>(response);
  };

  beforeAll(async () => {
    q = await makeWorld('queue');
    const x1 = await annotate(q.analyst.session, q.docA, '逾千名高級別代表', { tag: 'data' });
    const x2 = await annotate(q.analyst.session, q.docB, '1400餘名代表', { tag: 'data' });
    const y1 = await annotate(q.colleague.session, q.docA, '六成以上');
    const y2 = await annotate(q.colleague.session, q.docB, '超出六成');
    flags.push(await flag(q.analyst.session, [x1.id, x2.id], { severity: 'high' }));
    flags.push(await flag(q.colleague.session, [y1.id, y2.id], { severity: 'low' }));
    flags.push(await flag(q.colleague.session, [x1.id, y2.id]));
    await linkOf(await transition(q.reviewer.session, flags[2]!, { action: 'dismiss' }));
    flags[1] = await linkOf(await transition(q.admin.session, flags[1]!, { action: 'assign', assigneeId: q.reviewer2.me.user.id }));
    const z = await annotate(q.analyst.session, q.docB, '貿易總額', { tag: 'opinion' });
    submitted = await json<Annotation>(await q.analyst.session.post(`/api/annotations/${z.id}/submit`));
  });

  it('by default lists what still needs someone, newest first, with counts per status', async () => {
    const page = await queue(q.reviewer.session);
    expect(page.items.map((i) => (i.kind === 'link' ? i.link.id : i.annotation.id))).toEqual([submitted.id, flags[1]!.id, flags[0]!.id]);
    expect(page.counts).toEqual({ open: 1, in_review: 1, confirmed: 0, dismissed: 1, resolved: 0, submitted: 1 });
    expect(page.nextCursor).toBeNull();
    const item = page.items[0]!;
    expect(item.kind === 'annotation' && item.annotation.documentTitle).toBe('Forum B queue');
  });

  it.each([
    { name: 'status=dismissed', params: '&status=dismissed', expected: [2] },
    { name: 'status=submitted', params: '&status=submitted', expected: ['submitted'] },
    { name: 'severity=high', params: '&severity=high', expected: [0] },
    { name: 'tag=data', params: '&tag=data', expected: [0] },
    { name: 'tag=opinion', params: '&tag=opinion', expected: ['submitted'] },
  ] as const)('filters: $name', async ({ params, expected }) => {
    const page = await queue(q.reviewer.session, params);
    expect(page.items.map((i) => (i.kind === 'link' ? i.link.id : i.annotation.id))).toEqual(expected.map((e) => (e === 'submitted' ? submitted.id : flags[e]!.id)));
  });

  it('filters by assignee, raiser and document; counts follow the filters', async () => {
    const assigned = await queue(q.reviewer.session, `&assigneeId=${q.reviewer2.me.user.id}`);
    expect(assigned.items.map((i) => i.kind === 'link' && i.link.id)).toEqual([flags[1]!.id]);
    expect(assigned.counts).toEqual({ open: 0, in_review: 1, confirmed: 0, dismissed: 0, resolved: 0, submitted: 0 });
    const raised = await queue(q.reviewer.session, `&raisedBy=${q.colleague.me.user.id}`);
    expect(raised.counts).toEqual({ open: 0, in_review: 1, confirmed: 0, dismissed: 1, resolved: 0, submitted: 0 });
    const inA = await queue(q.reviewer.session, `&documentId=${q.docA.id}`);
    expect(inA.counts).toEqual({ open: 1, in_review: 1, confirmed: 0, dismissed: 1, resolved: 0, submitted: 0 });
  });

  it('walks page by page with the cursor, each item once', async () => {
    const seen: string[] = [];
    let cursor: string | null = '';
    for (let pages = 0; cursor !== null && pages < 10; pages += 1) {
      const page: ReviewQueue = await queue(q.reviewer.session, `&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(1);
      seen.push(...page.items.map((i) => (i.kind === 'link' ? i.link.id : i.annotation.id)));
      cursor = page.nextCursor;
    }
    expect(seen).toEqual([submitted.id, flags[1]!.id, flags[0]!.id]);
  });

  it('refuses unknown parameters, bad values and a forged cursor (400); another workspace is 404', async () => {
    for (const params of ['&sort=new', '&status=closed', '&severity=critical', '&limit=0', '&limit=101', '&cursor=nope', '&documentId=x']) {
      const response = await q.reviewer.session.get(`/api/review/queue?workspaceId=${q.workspaceId}${params}`);
      expect(response.status, params).toBe(400);
    }
    expect((await q.stranger.session.get(`/api/review/queue?workspaceId=${q.workspaceId}`)).status).toBe(404);
  });

  it("does not list another member's private submitted annotation", async () => {
    const hidden = await annotate(q.colleague.session, q.docB, '近五成', { visibility: 'private' });
    expect((await q.colleague.session.post(`/api/annotations/${hidden.id}/submit`)).status).toBe(200);
    const page = await queue(q.reviewer.session, '&status=submitted');
    expect(page.items.map((i) => i.kind === 'annotation' && i.annotation.id)).not.toContain(hidden.id);
    const own = await queue(q.colleague.session, '&status=submitted');
    expect(own.items.map((i) => i.kind === 'annotation' && i.annotation.id)).toContain(hidden.id);
  });
});
