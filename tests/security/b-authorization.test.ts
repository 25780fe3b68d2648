// SECURITY.md B (other people's things), beyond tests/api/permissions.test.ts: every annotation,
// link, comment and document route with an id called from another workspace (and with a valid
// If-Match), bodies that mix owners, the exact mass-assignment PATCH, a private annotation looked
// for on every read path, the exact injection strings of B7, and soft-deleted items.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Annotation, AnnotationList, Link, NotificationList } from '@glossa/contracts';
import { query, type Session } from '../support/api';
import { annotate, flag, json, makeWorld, type ReviewWorld } from '../api/links-fixture';
import { databaseFingerprint, errorOf, INTERNALS, unchanged } from './fixture';

let world: ReviewWorld;
let theirs: ReviewWorld;
let mine: Annotation;
let mine2: Annotation;
let foreign: Annotation;
let foreign2: Annotation;
let foreignLink: Link;

beforeAll(async () => {
  world = await makeWorld('sec-b');
  theirs = await makeWorld('sec-b-theirs');
  mine = await annotate(world.analyst.session, world.docA, '逾千名高級別代表', { note: 'mine' });
  mine2 = await annotate(world.analyst.session, world.docB, '1400餘名代表');
  foreign = await annotate(theirs.analyst.session, theirs.docA, '逾千名高級別代表', { note: 'theirs' });
  foreign2 = await annotate(theirs.analyst.session, theirs.docB, '1400餘名代表');
  foreignLink = await flag(theirs.analyst.session, [foreign.id, foreign2.id]);
  const comment = await theirs.analyst.session.post(`/api/links/${foreignLink.id}/comments`, { body: `@${theirs.reviewer.me.user.name} look` });
  expect(comment.status).toBe(201);
});

/** 404 with the body a random id gets. */
async function sameAsMissing(run: (id: string) => Promise<Response>, id: string, what: string): Promise<void> {
  const them = await run(id);
  const missing = await run(randomUUID());
  expect(them.status, `${what}: ${them.status}`).toBe(404);
  expect(missing.status, what).toBe(404);
  expect(await them.json(), what).toEqual(await missing.json());
}

describe('B1 every route with an id, from another workspace → 404 like a missing id', () => {
  it('annotations, links, comments, documents — as a member of another workspace, nothing changed', async () => {
    const s = world.analyst.session;
    const v = `"${foreign.version}"`;
    const cases: Array<[string, (id: string) => Promise<Response>, string]> = [
      ['GET annotation', (id) => s.get(`/api/annotations/${id}`), foreign.id],
      ['PATCH annotation', (id) => s.patch(`/api/annotations/${id}`, { note: 'x' }, { headers: { 'if-match': v } }), foreign.id],
      ['DELETE annotation', (id) => s.delete(`/api/annotations/${id}`, { headers: { 'if-match': v } }), foreign.id],
      ['restore annotation', (id) => s.post(`/api/annotations/${id}/restore`, undefined, { headers: { 'if-match': v } }), foreign.id],
      ['annotation history', (id) => s.get(`/api/annotations/${id}/history`), foreign.id],
      ['annotation links', (id) => s.get(`/api/annotations/${id}/links`), foreign.id],
      ['annotation comments', (id) => s.get(`/api/annotations/${id}/comments`), foreign.id],
      ['comment on annotation', (id) => s.post(`/api/annotations/${id}/comments`, { body: 'x' }), foreign.id],
      ['submit annotation', (id) => s.post(`/api/annotations/${id}/submit`, undefined, { headers: { 'if-match': v } }), foreign.id],
      ['decide annotation', (id) => s.post(`/api/annotations/${id}/decision`, { decision: 'accept' }, { headers: { 'if-match': v } }), foreign.id],
      ['GET link', (id) => s.get(`/api/links/${id}`), foreignLink.id],
      ['link history', (id) => s.get(`/api/links/${id}/history`), foreignLink.id],
      ['link transition', (id) => s.post(`/api/links/${id}/transitions`, { action: 'dismiss' }, { headers: { 'if-match': `"${foreignLink.version}"` } }), foreignLink.id],
      ['link comments', (id) => s.get(`/api/links/${id}/comments`), foreignLink.id],
      ['comment on link', (id) => s.post(`/api/links/${id}/comments`, { body: 'x' }), foreignLink.id],
      ['GET document', (id) => s.get(`/api/documents/${id}`), theirs.docA.id],
      ['document text', (id) => s.get(`/api/documents/${id}/text`), theirs.docA.id],
      ['document annotations', (id) => s.get(`/api/documents/${id}/annotations`), theirs.docA.id],
      ['annotate document', (id) => s.post(`/api/documents/${id}/annotations`, { tag: 'claim', target: { revisionId: theirs.docA.revisionId, selector: [{ type: 'TextQuoteSelector', exact: '會議開幕' }] } }), theirs.docA.id],
      ['new revision', (id) => s.post(`/api/documents/${id}/revisions`, { format: 'text', content: 'overwritten' }), theirs.docA.id],
      ['queue of the workspace', (id) => s.get(`/api/review/queue?workspaceId=${id}`), theirs.workspaceId],
      ['search in the workspace', (id) => s.get(`/api/annotations/search?q=${encodeURIComponent('代表')}&workspaceId=${id}`), theirs.workspaceId],
      ['members of the workspace', (id) => s.get(`/api/workspaces/${id}/members`), theirs.workspaceId],
    ];
    const before = await databaseFingerprint();
    for (const [what, run, id] of cases) await sameAsMissing(run, id, what);
    expect(await databaseFingerprint()).toEqual(before);
  });

  it('the same through an API token of another workspace’s admin (bearer, no cookies)', async () => {
    const created = await world.admin.session.post('/api/auth/tokens', { name: 'sec-b script' });
    const { token } = (await created.json()) as { token: string };
    const bearer = (path: string, init: RequestInit = {}) => fetch(`${world.owner.baseUrl}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, ...init.headers } });
    const before = await databaseFingerprint();
    await sameAsMissing((id) => bearer(`/api/annotations/${id}`), foreign.id, 'GET annotation by token');
    await sameAsMissing((id) => bearer(`/api/annotations/${id}`, { method: 'DELETE', headers: { 'if-match': `"${foreign.version}"` } }), foreign.id, 'DELETE annotation by token');
    await sameAsMissing((id) => bearer(`/api/links/${id}`), foreignLink.id, 'GET link by token');
    // Using a token updates its last-used time; nothing else may change.
    const after = await databaseFingerprint();
    expect({ ...after, api_token: null }).toEqual({ ...before, api_token: null });
  });
});

describe('B2 writes on another workspace’s object with a valid If-Match', () => {
  it('PATCH, DELETE, restore, submit and a flag transition → 404; row, version and event log unchanged', async () => {
    const s = world.admin.session; // an admin — of another workspace
    const rowBefore = await query('SELECT * FROM annotation WHERE id = $1', [foreign.id]);
    const linkBefore = await query('SELECT * FROM link WHERE id = $1', [foreignLink.id]);
    const eventsBefore = await query<{ n: number }>('SELECT count(*)::int AS n FROM event');
    await unchanged(async () => {
      for (const response of [
        await s.patch(`/api/annotations/${foreign.id}`, { note: 'hijacked', visibility: 'private' }, { headers: { 'if-match': `"${foreign.version}"` } }),
        await s.delete(`/api/annotations/${foreign.id}`, { headers: { 'if-match': `"${foreign.version}"` } }),
        await s.post(`/api/annotations/${foreign.id}/restore`, undefined, { headers: { 'if-match': `"${foreign.version}"` } }),
        await s.post(`/api/annotations/${foreign.id}/submit`, undefined, { headers: { 'if-match': `"${foreign.version}"` } }),
        await s.post(`/api/links/${foreignLink.id}/transitions`, { action: 'assign', assigneeId: world.reviewer.me.user.id }, { headers: { 'if-match': `"${foreignLink.version}"` } }),
      ]) {
        expect(response.status).toBe(404);
        expect((await errorOf(response)).code).toBe('not_found');
      }
    });
    expect(await query('SELECT * FROM annotation WHERE id = $1', [foreign.id])).toEqual(rowBefore);
    expect(await query('SELECT * FROM link WHERE id = $1', [foreignLink.id])).toEqual(linkBefore);
    expect(await query<{ n: number }>('SELECT count(*)::int AS n FROM event')).toEqual(eventsBefore);
  });
});

describe('B3 bodies that mix ids of different owners', () => {
  it('{annotationIds: [mine, theirs]} in either order, and [mine, mine, theirs] → 404, nothing stored', async () => {
    const s = world.analyst.session;
    await unchanged(async () => {
      for (const annotationIds of [[mine.id, foreign.id], [foreign.id, mine.id], [mine.id, mine2.id, foreign.id]]) {
        const response = await s.post('/api/links', { type: 'contradicts', annotationIds, rationale: 'mixed owners' });
        expect(response.status, JSON.stringify(annotationIds)).toBe(404);
        expect((await errorOf(response)).code).toBe('not_found');
      }
    });
  });

  it('a reply whose parentId is a comment of another workspace → refused, nothing stored', async () => {
    const [foreignComment] = await query<{ id: string }>('SELECT id FROM comment WHERE link_id = $1 LIMIT 1', [foreignLink.id]);
    const link = await flag(world.analyst.session, [mine.id, mine2.id]);
    await unchanged(async () => {
      const response = await world.analyst.session.post(`/api/links/${link.id}/comments`, { body: 'reply', parentId: foreignComment!.id });
      expect([400, 404]).toContain(response.status);
    });
  });

  it('a flag assigned to someone of another workspace → 400, nothing changed', async () => {
    const third = await annotate(world.colleague.session, world.docB, '近五成的貿易總額');
    const link = await flag(world.colleague.session, [mine.id, third.id], { rationale: 'assign across' });
    await unchanged(async () => {
      const response = await world.owner.post(`/api/links/${link.id}/transitions`, { action: 'assign', assigneeId: theirs.reviewer.me.user.id }, { headers: { 'if-match': `"${link.version}"` } });
      expect(response.status).toBe(400);
    });
  });

  it('marking notifications read with [mine, theirs] touches only mine (theirs stays unread; no id is confirmed)', async () => {
    const [theirNotification] = await query<{ id: string }>('SELECT id FROM notification WHERE user_id = $1 AND read_at IS NULL LIMIT 1', [theirs.reviewer.me.user.id]);
    expect(theirNotification).toBeDefined();
    const response = await world.analyst.session.post('/api/me/notifications/read', { ids: [randomUUID(), theirNotification!.id] });
    expect(response.status).toBe(200);
    const list = await json<NotificationList>(response);
    expect(JSON.stringify(list)).not.toContain(theirNotification!.id);
    expect((await query<{ read_at: unknown }>('SELECT read_at FROM notification WHERE id = $1', [theirNotification!.id]))[0]!.read_at).toBeNull();
  });

  it('filters naming another workspace’s document or author find nothing of theirs', async () => {
    const s = world.analyst.session;
    const queue = await s.get(`/api/review/queue?workspaceId=${world.workspaceId}&documentId=${theirs.docA.id}&status=open`);
    expect([200, 404]).toContain(queue.status);
    if (queue.status === 200) expect(JSON.stringify(await queue.json())).not.toContain(foreignLink.id);
    const search = await s.get(`/api/annotations/search?q=${encodeURIComponent('代表')}&documentId=${theirs.docA.id}`);
    expect([200, 404]).toContain(search.status);
    if (search.status === 200) expect(JSON.stringify(await search.json())).not.toContain(foreign.id);
  });
});

describe('B4 mass assignment on one’s own annotation', () => {
  it('PATCH {"authorId","workspaceId","createdAt","version":999,"status":"accepted","role":"owner"} → 400, nothing changes', async () => {
    const s = world.analyst.session;
    const body = { authorId: world.reviewer.me.user.id, workspaceId: theirs.workspaceId, createdAt: '2000-01-01T00:00:00Z', version: 999, status: 'accepted', role: 'owner' };
    const row = await query('SELECT * FROM annotation WHERE id = $1', [mine.id]);
    await unchanged(async () => {
      const response = await s.patch(`/api/annotations/${mine.id}`, body, { headers: { 'if-match': `"${mine.version}"` } });
      expect(response.status).toBe(400);
      expect((await errorOf(response)).code).toBe('validation_failed');
      // One field at a time too: none of them is writable.
      for (const [key, value] of Object.entries(body)) {
        const single = await s.patch(`/api/annotations/${mine.id}`, { note: 'fine', [key]: value }, { headers: { 'if-match': `"${mine.version}"` } });
        expect(single.status, key).toBe(400);
      }
    });
    expect(await query('SELECT * FROM annotation WHERE id = $1', [mine.id])).toEqual(row);
  });

  it('a member cannot set review fields: the author deciding their own submitted annotation → 403, nothing changes', async () => {
    const own = await annotate(world.analyst.session, world.docA, 'Growth 100% ASSURED');
    const submitted = await world.analyst.session.post(`/api/annotations/${own.id}/submit`, undefined, { headers: { 'if-match': `"${own.version}"` } });
    expect(submitted.status).toBe(200);
    const version = (await json<Annotation>(submitted)).version;
    await unchanged(async () => {
      const response = await world.analyst.session.post(`/api/annotations/${own.id}/decision`, { decision: 'accept' }, { headers: { 'if-match': `"${version}"` } });
      expect(response.status).toBe(403);
      const viaPatch = await world.analyst.session.patch(`/api/annotations/${own.id}`, { status: 'accepted' }, { headers: { 'if-match': `"${version}"` } });
      expect(viaPatch.status).toBe(400);
    });
  });
});

describe('B6 a private annotation never shows to another member', () => {
  it('not in list, get, history, search, counts, queue or links — for a colleague, the admin and the owner', async () => {
    const secret = `private-note-${randomUUID().slice(0, 8)}`;
    const hidden = await annotate(world.analyst.session, world.docA, '亞太地區貢獻了全球六成以上的經濟總量', { note: secret, visibility: 'private' });
    const submitted = await world.analyst.session.post(`/api/annotations/${hidden.id}/submit`, undefined, { headers: { 'if-match': `"${hidden.version}"` } });
    // Private annotations may or may not be submittable; either way nobody else may see them.
    expect([200, 409, 422]).toContain(submitted.status);
    const author = await world.analyst.session.get(`/api/annotations/${hidden.id}`);
    expect(author.status).toBe(200);
    for (const [who, s] of [['colleague', world.colleague.session], ['admin', world.admin.session], ['owner', world.owner], ['reviewer', world.reviewer.session]] as Array<[string, Session]>) {
      const bodies: string[] = [];
      const read = async (path: string) => {
        const response = await s.get(path);
        bodies.push(await response.text());
        return response;
      };
      expect((await read(`/api/annotations/${hidden.id}`)).status, who).toBe(404);
      expect((await read(`/api/annotations/${hidden.id}/history`)).status, who).toBe(404);
      expect((await read(`/api/annotations/${hidden.id}/links`)).status, who).toBe(404);
      expect((await read(`/api/annotations/${hidden.id}/comments`)).status, who).toBe(404);
      await read(`/api/documents/${world.docA.id}/annotations`);
      await read(`/api/documents/${world.docA.id}/annotations?visibility=private`);
      await read(`/api/documents/${world.docA.id}/annotations?q=${secret}`);
      await read(`/api/annotations/search?q=${secret}&workspaceId=${world.workspaceId}`);
      await read(`/api/annotations/search?q=${encodeURIComponent('亞太地區')}&workspaceId=${world.workspaceId}`);
      for (const status of ['submitted', 'open', 'in_review']) await read(`/api/review/queue?workspaceId=${world.workspaceId}&status=${status}`);
      await read(`/api/me/notifications`);
      const all = bodies.join('\n');
      expect(bodies.filter((b) => b.includes(hidden.id)).map((b) => b.slice(0, 300)), `${who} saw the id`).toEqual([]);
      expect(all.includes(secret), `${who} saw the note`).toBe(false);
    }
    // Counts: the author's own list has one more than the colleague's.
    const authorList = await json<AnnotationList>(await world.analyst.session.get(`/api/documents/${world.docA.id}/annotations`));
    const colleagueList = await json<AnnotationList>(await world.colleague.session.get(`/api/documents/${world.docA.id}/annotations`));
    expect(authorList.items.length - colleagueList.items.length).toBe(authorList.items.filter((a) => a.visibility === 'private').length);
  });
});

describe('B7 injection strings in sort, filters, search and tags', () => {
  const probes = ["' OR 1=1--", "%' AND pg_sleep(5)--", '%%%%', '.*', '\\', "'); DROP TABLE annotation;--"];

  it('?sort=author.passwordHash and unknown filters → 400 on every list', async () => {
    const s = world.analyst.session;
    const lists = [`/api/documents?workspaceId=${world.workspaceId}&`, `/api/documents/${world.docA.id}/annotations?`, `/api/review/queue?workspaceId=${world.workspaceId}&`, `/api/annotations/search?q=x&`];
    await unchanged(async () => {
      for (const list of lists) {
        for (const extra of ['sort=author.passwordHash', 'orderBy=password_hash', 'passwordHash=x', 'author.email=owner@glossa.test', 'where=1%3D1']) {
          const response = await s.get(`${list}${extra}`);
          expect(response.status, `${list}${extra}`).toBe(400);
          const text = JSON.stringify(await errorOf(response));
          expect(text).not.toMatch(INTERNALS);
          expect(text).not.toMatch(/\$argon2/);
        }
      }
    });
  });

  it('q = each probe is a literal: it finds exactly the annotation whose note holds it, and the table is still there', async () => {
    const s = world.analyst.session;
    const holders = new Map<string, string>();
    for (const probe of probes) {
      const response = await s.post(`/api/documents/${world.docB.id}/annotations`, { tag: 'data', note: `literal ${probe} end`, target: { revisionId: world.docB.revisionId, selector: [{ type: 'TextQuoteSelector', exact: '大會閉幕' }] } });
      expect(response.status).toBe(201);
      holders.set(probe, (await json<Annotation>(response)).id);
    }
    await unchanged(async () => {
      for (const probe of probes) {
        const q = encodeURIComponent(probe);
        const list = await s.get(`/api/documents/${world.docB.id}/annotations?q=${q}`);
        expect(list.status, probe).toBe(200);
        const listed = (await json<AnnotationList>(list)).items.map((a) => a.id);
        expect(listed, probe).toContain(holders.get(probe));
        // "' OR 1=1--" must not match everything.
        expect(listed.length, probe).toBeLessThan(probes.length + 2);
        const search = await s.get(`/api/annotations/search?q=${q}&workspaceId=${world.workspaceId}`);
        expect(search.status, probe).toBe(200);
        expect((await json<{ items: Array<{ id: string }> }>(search)).items.map((a) => a.id), probe).toContain(holders.get(probe));
      }
    });
    // A string that holds no probe finds none of them.
    const none = await json<AnnotationList>(await s.get(`/api/documents/${world.docB.id}/annotations?q=${encodeURIComponent("zz' OR 'a'='a")}`));
    expect(none.items).toEqual([]);
    expect((await query<{ n: number }>('SELECT count(*)::int AS n FROM annotation'))[0]!.n).toBeGreaterThan(0);
  });

  it("a tag of `'); DROP TABLE annotation;--` (create, edit, filter) → 400, nothing changed", async () => {
    const s = world.analyst.session;
    const tag = "'); DROP TABLE annotation;--";
    await unchanged(async () => {
      const create = await s.post(`/api/documents/${world.docA.id}/annotations`, { tag, target: { revisionId: world.docA.revisionId, selector: [{ type: 'TextQuoteSelector', exact: '會議開幕' }] } });
      expect(create.status).toBe(400);
      expect((await errorOf(create)).fields?.map((f) => f.path)).toEqual(['tag']);
      expect((await s.patch(`/api/annotations/${mine.id}`, { tag }, { headers: { 'if-match': `"${mine.version}"` } })).status).toBe(400);
      expect((await s.get(`/api/documents/${world.docA.id}/annotations?tag=${encodeURIComponent(tag)}`)).status).toBe(400);
      expect((await s.get(`/api/review/queue?workspaceId=${world.workspaceId}&tag=${encodeURIComponent(tag)}`)).status).toBe(400);
    });
  });

  it('pg_sleep is never executed: the probe query is answered while no backend sleeps', async () => {
    // Proof without a clock: PostgreSQL lists a sleeping backend in pg_stat_activity with wait_event PgSleep.
    const s = world.analyst.session;
    const pending = Promise.all([
      s.get(`/api/documents/${world.docA.id}/annotations?q=${encodeURIComponent("%' AND pg_sleep(5)--")}`),
      s.get(`/api/annotations/search?q=${encodeURIComponent("%' AND pg_sleep(5)--")}&workspaceId=${world.workspaceId}`),
      s.get(`/api/review/queue?workspaceId=${world.workspaceId}&cursor=${encodeURIComponent("x' AND pg_sleep(5)--")}`),
    ]);
    const sleeping = await query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event = 'PgSleep' OR query ILIKE '%pg_sleep(5)%' AND pid <> pg_backend_pid()`);
    const responses = await pending;
    expect(sleeping[0]!.n).toBe(0);
    expect(responses.map((r) => r.status)).toEqual([200, 200, 400]);
  });
});

describe('B8 soft-deleted items', () => {
  it('a deleted annotation is readable by nobody else, not listed, not found; restore keeps the author', async () => {
    const doomed = await annotate(world.analyst.session, world.docB, '全球經濟總量', { note: 'soon gone' });
    const deleted = await world.analyst.session.delete(`/api/annotations/${doomed.id}`, { headers: { 'if-match': `"${doomed.version}"` } });
    expect(deleted.status).toBe(204);
    for (const s of [world.colleague.session, world.reviewer.session, world.viewer.session, world.stranger.session]) {
      expect((await s.get(`/api/annotations/${doomed.id}`)).status).toBe(404);
      expect((await s.get(`/api/annotations/${doomed.id}/links`)).status).toBe(404);
      const list = await s.get(`/api/documents/${world.docB.id}/annotations`);
      if (list.status === 200) expect(JSON.stringify(await list.json())).not.toContain(doomed.id);
      const search = await s.get(`/api/annotations/search?q=${encodeURIComponent('全球經濟總量')}&workspaceId=${world.workspaceId}`);
      if (search.status === 200) expect(JSON.stringify(await search.json())).not.toContain(doomed.id);
      // Nobody but the author or an admin may restore it; they learn nothing either.
      const restore = await unchanged(() => s.post(`/api/annotations/${doomed.id}/restore`, undefined, { headers: { 'if-match': `"${doomed.version + 1}"` } }));
      expect([403, 404]).toContain(restore.status);
    }
    const [row] = await query<{ version: number }>('SELECT version FROM annotation WHERE id = $1', [doomed.id]);
    const restored = await world.admin.session.post(`/api/annotations/${doomed.id}/restore`, undefined, { headers: { 'if-match': `"${row!.version}"` } });
    expect(restored.status).toBe(200);
    const back = await json<Annotation>(restored);
    expect(back.author.id).toBe(world.analyst.me.user.id);
    expect((await query<{ author_id: string }>('SELECT author_id FROM annotation WHERE id = $1', [doomed.id]))[0]!.author_id).toBe(world.analyst.me.user.id);
  });
});
