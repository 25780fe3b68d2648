// The live channel (issue 6) against two real API processes on one database: handshake
// authentication and Origin, room authorization, per-recipient filtering, changes made through
// one instance reaching sockets on the other, presence, badges, resync after missed events,
// disconnection when access ends, and the frame and message-rate limits. Every wait is on a condition.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIVE_MAX_FRAME_BYTES, LIVE_MAX_MESSAGES_PER_SECOND, LIVE_MAX_SOCKETS_PER_USER, LiveClientEvent, type Annotation, type DocumentDetail, type LiveAck, type LiveChange } from '@glossa/contracts';
import { baseUrl, joinWithRole, signUpStranger, startServerOnSuiteDatabase, type Session, type TestUser } from '../support/api';
import { connectLive, LiveClient } from '../support/live-client';
import type { RunningServer } from '../support/server';
import { SUITE_SERVER_ENV } from '../support/global-setup';

let owner: TestUser;
let colleague: TestUser;
let stranger: TestUser;
let workspaceId: string;
let doc: { id: string; revisionId: string };
let strangerDoc: { id: string };
let second: RunningServer;
const open: LiveClient[] = [];

const TEXT = 'Live collaboration lets analysts see each other highlight passages as they happen. '.repeat(20);

async function importDoc(session: Session, title: string, workspace?: string): Promise<{ id: string; revisionId: string }> {
  const response = await session.post('/api/documents', { title, format: 'text', content: TEXT, ...(workspace ? { workspaceId: workspace } : {}) });
  expect(response.status).toBe(201);
  const detail = (await response.json()) as DocumentDetail;
  return { id: detail.id, revisionId: detail.revision.id };
}

async function annotate(session: Session, start: number, extra: Record<string, unknown> = {}): Promise<Annotation> {
  const response = await session.post(`/api/documents/${doc.id}/annotations`, {
    tag: 'claim',
    target: { revisionId: doc.revisionId, selector: [{ type: 'TextPositionSelector', start, end: start + 4 }] },
    ...extra,
  });
  expect(response.status).toBe(201);
  return (await response.json()) as Annotation;
}

/** A live client of `user` on `url` (instance A by default), closed after the suite. */
async function live(user: TestUser, url = baseUrl()): Promise<LiveClient> {
  const client = await connectLive(url, { cookie: user.session.cookieHeader() });
  open.push(client);
  return client;
}

function expectOk(ack: LiveAck): string {
  expect(ack).toMatchObject({ ok: true });
  if (!ack.ok || ack.cursor === undefined) throw new Error('no cursor in the ack');
  return ack.cursor;
}

/** The later of two "txid:seq" cursors. */
function laterCursor(a: string, b: string): string {
  const [ta, sa] = a.split(':').map(BigInt) as [bigint, bigint];
  const [tb, sb] = b.split(':').map(BigInt) as [bigint, bigint];
  return ta > tb || (ta === tb && sa >= sb) ? a : b;
}

beforeAll(async () => {
  owner = await signUpStranger('live-owner');
  workspaceId = owner.me.currentWorkspaceId!;
  colleague = await joinWithRole(owner.session, workspaceId, 'analyst', 'live-colleague');
  stranger = await signUpStranger('live-stranger');
  doc = await importDoc(owner.session, 'Live document', workspaceId);
  strangerDoc = await importDoc(stranger.session, 'Stranger document');
  second = await startServerOnSuiteDatabase(SUITE_SERVER_ENV, 'live-b');
}, 120_000);

afterAll(async () => {
  for (const client of open) client.close();
  await second?.stop();
});

describe('handshake', () => {
  it('refuses a connection without a session cookie or token', async () => {
    const refusal = await new LiveClient(baseUrl()).refused();
    expect(refusal.message).toBe('unauthenticated');
    expect(refusal.data?.code).toBe('unauthenticated');
  });

  it('refuses a wrong API token, and accepts a valid one', async () => {
    expect((await new LiveClient(baseUrl(), { token: 'glossa_pat_not-a-token' }).refused()).message).toBe('unauthenticated');
    const created = await owner.session.post('/api/auth/tokens', { name: 'live test' });
    expect(created.status).toBe(201);
    const { token } = (await created.json()) as { token: string };
    const client = await connectLive(baseUrl(), { token });
    open.push(client);
    expectOk(await client.subscribe(doc.id));
  });

  it('refuses a browser handshake from a foreign Origin, and accepts the app origin', async () => {
    const cookie = owner.session.cookieHeader();
    const refusal = await new LiveClient(baseUrl(), { cookie, origin: 'https://evil.example' }).refused();
    expect(refusal.message).toMatch(/websocket error|xhr poll error|403/i);
    const client = await connectLive(baseUrl(), { cookie, origin: baseUrl() });
    open.push(client);
    expect(client.connected).toBe(true);
  });
});

describe('rooms', () => {
  it('answers a foreign document exactly like a missing one', async () => {
    const client = await live(owner);
    const foreign = await client.subscribe(strangerDoc.id);
    const missing = await client.subscribe(randomUUID());
    expect(foreign).toEqual({ ok: false, error: { code: 'not_found', message: 'Document not found' } });
    expect(missing).toEqual(foreign);
  });

  it('refuses malformed messages with field-level reasons', async () => {
    const client = await live(owner);
    const ack = await client.send(LiveClientEvent.Subscribe, { documentId: 'nope', extra: 1 });
    expect(ack.ok).toBe(false);
    if (ack.ok) return;
    expect(ack.error.code).toBe('validation_failed');
    expect(Object.keys(ack.error.fields ?? {})).toEqual(expect.arrayContaining(['documentId']));
    const badCursor = await client.subscribe(doc.id, 'not:a:cursor');
    expect(badCursor).toMatchObject({ ok: false, error: { code: 'validation_failed', fields: { after: expect.any(String) } } });
  });

  it('delivers a private annotation to its author only, with per-recipient abilities', async () => {
    const author = await live(owner);
    const other = await live(colleague);
    expectOk(await author.subscribe(doc.id));
    expectOk(await other.subscribe(doc.id));
    const secret = await annotate(owner.session, 0, { visibility: 'private' });
    const shared = await annotate(owner.session, 10);
    const mine = await author.waitForAnnotation(secret.id, 'annotation.created');
    expect(mine.annotation).toMatchObject({ id: secret.id, visibility: 'private', abilities: { edit: true, delete: true } });
    const seen = await other.waitForAnnotation(shared.id, 'annotation.created');
    // The colleague's view of the owner's annotation: theirs to read, not to edit.
    expect(seen.annotation).toMatchObject({ id: shared.id, abilities: { edit: false, delete: false } });
    // Changes arrive in log order; the private one was written first, so it would be here by now.
    expect(other.changes.items.some((c) => c.kind === 'annotation' && c.annotationId === secret.id)).toBe(false);
    await author.waitForAnnotation(shared.id);
  });

  it('tells the others to drop an annotation its author makes private', async () => {
    const author = await live(owner);
    const other = await live(colleague);
    expectOk(await author.subscribe(doc.id));
    expectOk(await other.subscribe(doc.id));
    const annotation = await annotate(owner.session, 20);
    await other.waitForAnnotation(annotation.id, 'annotation.created');
    const hidden = await owner.session.patch(`/api/annotations/${annotation.id}`, { visibility: 'private' }, { headers: { 'if-match': `"${annotation.version}"` } });
    expect(hidden.status).toBe(200);
    const change = await other.waitForAnnotation(annotation.id, 'annotation.updated');
    expect(change).toMatchObject({ annotation: null, annotationId: annotation.id });
    expect((await author.waitForAnnotation(annotation.id, 'annotation.updated')).annotation).toMatchObject({ visibility: 'private' });
  });
});

describe('two instances', () => {
  it('delivers an annotation created through instance A to a client on instance B', async () => {
    const onB = await live(colleague, second.baseUrl);
    expectOk(await onB.subscribe(doc.id));
    const created = await annotate(owner.session, 30);
    const change = await onB.waitForAnnotation(created.id, 'annotation.created');
    expect(change).toMatchObject({ kind: 'annotation', documentId: doc.id, actorId: owner.me.user.id, annotation: { id: created.id, version: 1 } });
    expect(change.cursor).toMatch(/^\d+:\d+$/);
  });

  it('delivers every annotation of a bulk delete, and of its undo, to a client on instance B', async () => {
    const onB = await live(colleague, second.baseUrl);
    expectOk(await onB.subscribe(doc.id));
    const set = [await annotate(owner.session, 40), await annotate(owner.session, 50), await annotate(owner.session, 60)];
    for (const a of set) await onB.waitForAnnotation(a.id, 'annotation.created');
    const deleted = await owner.session.post(`/api/documents/${doc.id}/annotations/delete`, { items: set.map(({ id, version }) => ({ id, version })) });
    expect(deleted.status).toBe(200);
    for (const a of set) expect(await onB.waitForAnnotation(a.id, 'annotation.deleted')).toMatchObject({ annotationId: a.id, actorId: owner.me.user.id });
    const { items } = (await deleted.json()) as { items: Array<{ id: string; version: number }> };
    expect((await owner.session.post(`/api/documents/${doc.id}/annotations/restore`, { items })).status).toBe(200);
    for (const a of set) expect((await onB.waitForAnnotation(a.id, 'annotation.restored')).annotation).toMatchObject({ id: a.id, version: a.version + 2 });
  });

  it('shows who is viewing a document across instances', async () => {
    const onA = await live(owner);
    const onB = await live(colleague, second.baseUrl);
    expectOk(await onA.subscribe(doc.id));
    expectOk(await onB.subscribe(doc.id));
    const both = (p: { documentId: string; viewers: Array<{ userId: string }> }) =>
      p.documentId === doc.id && [owner.me.user.id, colleague.me.user.id].every((id) => p.viewers.some((v) => v.userId === id));
    await onA.waitForPresence(both);
    await onB.waitForPresence(both);
    expect(await onB.cursor(doc.id, { start: 3, end: 9 })).toEqual({ ok: true });
    await onA.waitForPresence((p) => p.viewers.some((v) => v.userId === colleague.me.user.id && v.range?.start === 3 && v.range.end === 9));
  });
});

describe('resync', () => {
  it('replays exactly the missed changes to a client that re-subscribes with its cursor', async () => {
    const first = await live(colleague);
    const cursor = expectOk(await first.subscribe(doc.id));
    first.close();
    const missed = [await annotate(owner.session, 40), await annotate(owner.session, 50), await annotate(owner.session, 60)];
    const deleted = await owner.session.delete(`/api/annotations/${missed[1]!.id}`, { headers: { 'if-match': '"1"' } });
    expect(deleted.status).toBe(204);
    // Someone else's private annotation is missed too, but never replayed to this client.
    const secret = await annotate(owner.session, 70, { visibility: 'private' });
    // Back, on the other instance this time; the replay must not depend on where the client was.
    const again = await live(colleague, second.baseUrl);
    // Instance B may not have read the last event yet; the missed ones are final once A answered.
    const ack = await again.subscribe(doc.id, cursor);
    const resumed = expectOk(ack);
    const annotationChanges = again.changes.items.filter((c): c is Extract<LiveChange, { kind: 'annotation' }> => c.kind === 'annotation');
    const expected = [
      [missed[0]!.id, 'annotation.created'],
      [missed[1]!.id, 'annotation.created'],
      [missed[2]!.id, 'annotation.created'],
      [missed[1]!.id, 'annotation.deleted'],
    ];
    // Everything B had read before the ack came as replay; anything later arrives live, in order.
    for (const [id, type] of expected) await again.waitForAnnotation(id!, type);
    const got = again.changes.items.filter((c): c is Extract<LiveChange, { kind: 'annotation' }> => c.kind === 'annotation').map((c) => [c.annotationId, c.type]);
    expect(got).toEqual(expected);
    expect(annotationChanges.every((c) => c.annotationId !== secret.id)).toBe(true);
    // The deleted one converges to gone; the others to the server's current state.
    const replayedDelete = again.changes.items.find((c) => c.kind === 'annotation' && c.type === 'annotation.deleted');
    expect(replayedDelete).toMatchObject({ annotation: null });
    expect(resumed).toMatch(/^\d+:\d+$/);
    // Re-subscribing from the newest cursor replays nothing.
    const latest = again.changes.items[again.changes.items.length - 1]!.cursor;
    const quiet = await live(colleague, second.baseUrl);
    expectOk(await quiet.subscribe(doc.id, laterCursor(latest, resumed)));
    expect(quiet.changes.items.filter((c) => c.kind === 'annotation' && expected.some(([id]) => id === c.annotationId))).toEqual([]);
  });
});

describe('badges', () => {
  it('pushes the review badge to members when an annotation is submitted for review', async () => {
    const reviewer = await live(owner, second.baseUrl);
    const annotation = await annotate(colleague.session, 80);
    const submitted = await colleague.session.post(`/api/annotations/${annotation.id}/submit`);
    expect(submitted.status).toBe(200);
    // The workspace is this file's own: this is its only submitted annotation and no flag is open.
    expect(await reviewer.waitForBadge((b) => b.openReviewItems === 1)).toEqual({ openReviewItems: 1, unreadMentions: 0, workspaceId });
  });
});

describe('access ends', () => {
  it('disconnects a removed member within 5 s, on both instances', async () => {
    const member = await joinWithRole(owner.session, workspaceId, 'analyst', 'live-removed');
    const onA = await live(member);
    const onB = await live(member, second.baseUrl);
    expectOk(await onA.subscribe(doc.id));
    expectOk(await onB.subscribe(doc.id));
    const removed = await owner.session.delete(`/api/workspaces/${workspaceId}/members/${member.me.user.id}`);
    expect(removed.status).toBe(204);
    for (const client of [onA, onB]) {
      const { reason, closing } = await client.disconnected(5_000);
      expect(reason).toBe('io server disconnect');
      expect(closing).toEqual({ reason: 'membership_removed' });
    }
  });

  it('disconnects the sockets of a session that logs out, on both instances', async () => {
    const onA = await live(colleague);
    const onB = await live(colleague, second.baseUrl);
    const other = await joinWithRole(owner.session, workspaceId, 'viewer', 'live-bystander');
    const bystander = await live(other);
    const loggedOut = await colleague.session.post('/api/auth/logout');
    expect(loggedOut.status).toBe(204);
    for (const client of [onA, onB]) {
      const { closing } = await client.disconnected(5_000);
      expect(closing).toEqual({ reason: 'session_ended' });
    }
    expect(bystander.connected).toBe(true);
    expectOk(await bystander.subscribe(doc.id));
    // Signing in again restores the colleague for the tests that follow.
    const again = await colleague.session.logIn({ email: colleague.email, password: colleague.password });
    expect(again.status).toBe(200);
  });
});

describe('limits', () => {
  it('refuses messages over the per-socket rate, then drops a socket that keeps going', async () => {
    const client = await live(owner);
    expectOk(await client.subscribe(doc.id));
    const burst = await Promise.all(Array.from({ length: LIVE_MAX_MESSAGES_PER_SECOND + 5 }, () => client.cursor(doc.id, null)));
    const limited = burst.filter((ack) => !ack.ok && ack.error.code === 'rate_limited');
    expect(limited.length).toBeGreaterThan(0);
    // Five times the rate at once: however one-second windows fall across it, one holds over twice the rate.
    for (let i = 0; i < 5 * LIVE_MAX_MESSAGES_PER_SECOND; i++) client.socket.emit(LiveClientEvent.Cursor, { documentId: doc.id, range: null });
    const { closing } = await client.disconnected();
    expect(closing).toEqual({ reason: 'rate_limited' });
  });

  it(`refuses a person's connection beyond ${LIVE_MAX_SOCKETS_PER_USER} on one instance; closing one lets the next in`, async () => {
    const someone = await signUpStranger('Many-tabs');
    const clients: LiveClient[] = [];
    for (let i = 0; i < LIVE_MAX_SOCKETS_PER_USER; i++) clients.push(await live(someone));
    const refusal = await new LiveClient(baseUrl(), { cookie: someone.session.cookieHeader() }).refused();
    expect(refusal.data).toMatchObject({ code: 'rate_limited' });
    // Another person is not affected.
    expect((await live(colleague)).connected).toBe(true);
    clients[0]!.close();
    // The server counts the closed one out once it has seen the disconnect: wait on that condition.
    const deadline = Date.now() + 5_000;
    let again: LiveClient | null = null;
    while (!again && Date.now() < deadline) {
      try {
        again = await live(someone);
      } catch {
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    expect(again?.connected).toBe(true);
  });

  it('closes a socket that sends a frame over the limit', async () => {
    const client = await live(owner);
    const small = await client.send(LiveClientEvent.Subscribe, { documentId: doc.id, padding: 'x'.repeat(LIVE_MAX_FRAME_BYTES / 2) });
    expect(small).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    client.socket.emit(LiveClientEvent.Subscribe, { documentId: doc.id, padding: 'x'.repeat(LIVE_MAX_FRAME_BYTES + 1) });
    const { reason } = await client.disconnected();
    expect(reason).toMatch(/transport (close|error)/);
  });
});
