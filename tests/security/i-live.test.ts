// SECURITY.md I (live channel) and F5, beyond tests/api/live.test.ts: handshakes with an expired
// or logged-out session and from Origin null, a foreign document's history, a private annotation
// deleted in a shared document, hostile frames and a client pretending to be the server, cursor
// messages held to the same validation and policy as HTTP. Absence of an event is proven with a
// barrier: a later event on the same socket arrives first, with nothing forbidden before it.
import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveClientEvent, type Annotation, type DocumentDetail, type LiveChange } from '@glossa/contracts';
import { baseUrl, joinWithRole, query, Session, signUpStranger, type TestUser } from '../support/api';
import { connectLive, LiveClient } from '../support/live-client';
import { databaseFingerprint, unchanged } from './fixture';

let owner: TestUser;
let colleague: TestUser;
let stranger: TestUser;
let doc: { id: string; revisionId: string };
let strangerDoc: { id: string; revisionId: string };
const open: LiveClient[] = [];
const TEXT = 'Sockets must never carry what HTTP would refuse to show. '.repeat(20);

async function importDoc(session: Session, title: string): Promise<{ id: string; revisionId: string }> {
  const response = await session.post('/api/documents', { title, format: 'text', content: TEXT });
  expect(response.status).toBe(201);
  const detail = (await response.json()) as DocumentDetail;
  return { id: detail.id, revisionId: detail.revision.id };
}

async function annotate(session: Session, target: { id: string; revisionId: string }, start: number, extra: Record<string, unknown> = {}): Promise<Annotation> {
  const response = await session.post(`/api/documents/${target.id}/annotations`, {
    tag: 'claim',
    target: { revisionId: target.revisionId, selector: [{ type: 'TextPositionSelector', start, end: start + 5 }] },
    ...extra,
  });
  expect(response.status).toBe(201);
  return (await response.json()) as Annotation;
}

async function live(user: TestUser): Promise<LiveClient> {
  const client = await connectLive(baseUrl(), { cookie: user.session.cookieHeader() });
  open.push(client);
  return client;
}

/** Makes a shared annotation and waits for it on `client`: everything sent before it has arrived. */
async function barrier(client: LiveClient): Promise<void> {
  const marker = await annotate(owner.session, doc, 300);
  await client.waitForAnnotation(marker.id);
}

const mentions = (changes: readonly LiveChange[], id: string) => changes.filter((c) => JSON.stringify(c).includes(id));

beforeAll(async () => {
  owner = await signUpStranger('i-owner');
  colleague = await joinWithRole(owner.session, owner.me.currentWorkspaceId!, 'analyst', 'i-colleague');
  stranger = await signUpStranger('i-stranger');
  doc = await importDoc(owner.session, 'Live security');
  strangerDoc = await importDoc(stranger.session, 'Someone else’s');
});

afterAll(() => {
  for (const client of open) client.close();
});

describe('I1 handshakes without a live session are refused before any side effect', () => {
  it('an expired session, a logged-out session, a made-up session id, no credentials', async () => {
    const expired = await signUpStranger('i-expired');
    const hash = createHash('sha256').update(expired.session.cookies.get('glossa_session')!).digest('hex');
    await query(`UPDATE user_session SET expires_at = now() - interval '1 second' WHERE id_hash = $1`, [hash]);
    const leaver = await signUpStranger('i-leaver');
    const leaverCookie = leaver.session.cookieHeader();
    expect((await leaver.session.post('/api/auth/logout')).status).toBe(204);
    await unchanged(async () => {
      for (const cookie of [expired.session.cookieHeader(), leaverCookie, `glossa_session=${'A'.repeat(43)}`, '']) {
        const refusal = await new LiveClient(baseUrl(), { cookie, timeoutMs: 5_000 }).refused();
        expect(refusal.message.length).toBeGreaterThan(0);
      }
    });
  });
});

describe('A4 a session ended elsewhere closes its sockets', () => {
  it('a password change on another device disconnects the old session’s socket (within the 5 s the checklist allows)', async () => {
    const user = await signUpStranger('i-password');
    const elsewhere = await Session.loggedIn(baseUrl(), { email: user.email, password: user.password });
    const client = await connectLive(baseUrl(), { cookie: user.session.cookieHeader(), timeoutMs: 5_000 });
    open.push(client);
    const changed = await elsewhere.post('/api/auth/password', { currentPassword: user.password, newPassword: 'A different passphrase for sockets' });
    expect(changed.status).toBe(204);
    const { reason } = await client.disconnected(5_000);
    expect(reason.length).toBeGreaterThan(0);
    expect(client.connected).toBe(false);
  });
});

describe('I2 handshakes from a foreign page', () => {
  it.each(['https://evil.example', 'null', `${baseUrl()}.evil.example`])('Origin %s → refused, even with a valid cookie', async (origin) => {
    const refusal = await new LiveClient(baseUrl(), { cookie: owner.session.cookieHeader(), origin, timeoutMs: 5_000 }).refused();
    expect(refusal.message.length).toBeGreaterThan(0);
  });
});

describe('I3 another workspace’s document', () => {
  it('joining its room or asking its history (with a cursor) → not_found, and none of its events arrive', async () => {
    const client = await live(owner);
    expect(await client.subscribe(doc.id)).toMatchObject({ ok: true });
    const plain = await client.subscribe(strangerDoc.id);
    const history = await client.subscribe(strangerDoc.id, '1:1');
    const missing = await client.subscribe(randomUUID(), '1:1');
    expect(plain).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(history).toEqual(missing);
    const theirs = await annotate(stranger.session, strangerDoc, 10, { note: 'stranger only' });
    await barrier(client);
    expect(mentions(client.changes.items, theirs.id)).toEqual([]);
    expect(mentions(client.changes.items, strangerDoc.id)).toEqual([]);
  });
});

describe('I4 a private annotation in a shared document', () => {
  it('never reaches a colleague’s socket: not on create, edit or delete, not even as an id', async () => {
    const other = await live(colleague);
    expect(await other.subscribe(doc.id)).toMatchObject({ ok: true });
    const secret = await annotate(owner.session, doc, 40, { visibility: 'private', note: 'mine alone' });
    const edited = await owner.session.patch(`/api/annotations/${secret.id}`, { note: 'still mine' }, { headers: { 'if-match': `"${secret.version}"` } });
    expect(edited.status).toBe(200);
    const version = ((await edited.json()) as Annotation).version;
    expect((await owner.session.delete(`/api/annotations/${secret.id}`, { headers: { 'if-match': `"${version}"` } })).status).toBe(204);
    await barrier(other);
    expect(mentions(other.changes.items, secret.id)).toEqual([]);
    expect(JSON.stringify(other.changes.items)).not.toContain('mine alone');
  });
});

describe('I6 hostile frames', () => {
  it('malformed bodies, unknown types and __proto__ keys are refused or ignored; the socket stays sane', async () => {
    const client = await live(owner);
    const before = await databaseFingerprint();
    for (const body of ['just a string', 42, null, [doc.id], { documentId: doc.id, extra: true }, JSON.parse(`{"documentId":"${doc.id}","__proto__":{"polluted":true}}`), JSON.parse('{"constructor":{"prototype":{"polluted":true}}}')]) {
      const ack = await client.send(LiveClientEvent.Subscribe, body);
      expect(ack.ok, JSON.stringify(body)).toBe(false);
    }
    // Unknown event names get no answer that does anything; emitting them must not break the socket.
    client.socket.emit('no-such-event', { documentId: doc.id });
    client.socket.emit('__proto__', { polluted: true });
    expect(await client.subscribe(doc.id)).toMatchObject({ ok: true });
    expect(await databaseFingerprint()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // The server's own objects were not polluted either: a fresh JSON answer has no such key.
    const me = (await owner.session.get('/api/me').then((r) => r.json())) as Record<string, unknown>;
    expect('polluted' in me).toBe(false);
  });

  it('a client-sent "change" / "annotation.created" event is never rebroadcast to anyone', async () => {
    const forger = await live(owner);
    const listener = await live(colleague);
    expect(await forger.subscribe(doc.id)).toMatchObject({ ok: true });
    expect(await listener.subscribe(doc.id)).toMatchObject({ ok: true });
    const forgedId = randomUUID();
    const forged = { kind: 'annotation', type: 'annotation.created', documentId: doc.id, annotationId: forgedId, annotation: { id: forgedId, note: 'forged' } };
    for (const name of ['change', 'annotation.created', 'presence', 'badge', 'closing']) forger.socket.emit(name, forged);
    await barrier(listener);
    expect(mentions(listener.changes.items, forgedId)).toEqual([]);
    expect(mentions(forger.changes.items, forgedId)).toEqual([]);
    expect(listener.closings.items).toEqual([]);
  });
});

describe('I7 what a socket may send passes the same validation and policy as HTTP', () => {
  it('cursor messages: bad ranges and ids → validation_failed; a foreign document → not_found; nothing stored', async () => {
    const client = await live(colleague);
    expect(await client.subscribe(doc.id)).toMatchObject({ ok: true });
    await unchanged(async () => {
      for (const body of [
        { documentId: doc.id, range: { start: -1, end: 2 } },
        { documentId: doc.id, range: { start: 1.5, end: 2 } },
        { documentId: doc.id, range: { start: '1', end: 2 } },
        { documentId: doc.id, range: { start: 1, end: 2 }, note: 'not a field' },
        { documentId: 'nope', range: null },
      ]) {
        const ack = await client.send(LiveClientEvent.Cursor, body);
        expect(ack, JSON.stringify(body)).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
      }
      expect(await client.cursor(strangerDoc.id, { start: 1, end: 2 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    });
  });
});
