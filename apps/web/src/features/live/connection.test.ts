// LiveConnection against a real Socket.IO server on loopback: subscribe acks and cursors, changes
// and presence reaching a document's listeners, re-subscribing with `after` after a dropped
// transport, starting afresh when the cursor is refused, throttled cursors, badges and closing.
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LIVE_PATH, type LiveChange, type LivePresence } from '@glossa/contracts';
import { Server, type Socket as ServerSocket } from 'socket.io';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireLiveConnection, LiveConnection, type DocumentListener } from './connection';

const DOC = '00000000-0000-4000-8000-000000000001';
const OTHER = '00000000-0000-4000-8000-000000000002';
const USER = '00000000-0000-4000-8000-0000000000aa';

interface Received {
  event: string;
  payload: Record<string, unknown>;
}

let http: HttpServer;
let io: Server;
let url: string;
let received: Received[];
let sockets: ServerSocket[];
/** What the server answers to a subscribe; by default ok with cursor `c<n>`. */
let answerSubscribe: (message: Record<string, unknown>) => unknown;
const connections: LiveConnection[] = [];

function until(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const check = () => {
      if (condition()) return resolve();
      if (Date.now() > deadline) return reject(new Error(`timed out waiting for ${what}`));
      setTimeout(check, 5);
    };
    check();
  });
}

function change(cursor: string, documentId = DOC): LiveChange {
  return { kind: 'document', type: 'document.revised', cursor, documentId, actorId: null };
}

function recorder(): DocumentListener & { changes: LiveChange[]; presences: LivePresence[]; resyncs: number; refusals: string[] } {
  const r = {
    changes: [] as LiveChange[],
    presences: [] as LivePresence[],
    resyncs: 0,
    refusals: [] as string[],
    change: (c: LiveChange) => void r.changes.push(c),
    presence: (p: LivePresence) => void r.presences.push(p),
    resync: () => void (r.resyncs += 1),
    refused: (e: { code: string }) => void r.refusals.push(e.code),
  };
  return r;
}

function connect(options: ConstructorParameters<typeof LiveConnection>[0] = {}): LiveConnection {
  const connection = new LiveConnection({ url, socketOptions: { transports: ['websocket'], reconnectionDelay: 20, reconnectionDelayMax: 50 }, ...options });
  connections.push(connection);
  return connection;
}

beforeEach(async () => {
  received = [];
  sockets = [];
  let n = 0;
  answerSubscribe = () => ({ ok: true, cursor: `c${++n}` });
  http = createServer();
  io = new Server(http, { path: LIVE_PATH });
  io.on('connection', (socket) => {
    sockets.push(socket);
    for (const event of ['subscribe', 'unsubscribe', 'cursor']) {
      socket.on(event, (payload: Record<string, unknown>, ack?: (answer: unknown) => void) => {
        received.push({ event, payload });
        if (event === 'subscribe') ack?.(answerSubscribe(payload));
        else ack?.({ ok: true });
      });
    }
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});

afterEach(async () => {
  for (const connection of connections.splice(0)) connection.close();
  await new Promise<void>((resolve) => io.close(() => resolve()));
});

const subscribes = () => received.filter((r) => r.event === 'subscribe').map((r) => r.payload);

describe('LiveConnection', () => {
  it('goes online, subscribes without a cursor, and asks the view to refetch once', async () => {
    const connection = connect();
    expect(connection.status).toBe('connecting');
    const listener = recorder();
    connection.subscribe(DOC, listener);
    await until(() => listener.resyncs === 1, 'the first ack');
    expect(connection.status).toBe('online');
    expect(subscribes()).toEqual([{ documentId: DOC }]);
    expect(connection.cursorOf(DOC)).toBe('c1');
  });

  it('hands a document its changes and presence, keeps the last cursor, ignores other documents and malformed frames', async () => {
    const connection = connect();
    const listener = recorder();
    connection.subscribe(DOC, listener);
    await until(() => listener.resyncs === 1, 'subscribed');
    sockets[0]!.emit('change', change('c7', OTHER));
    sockets[0]!.emit('change', { kind: 'annotation', cursor: 5 });
    sockets[0]!.emit('change', change('c8'));
    sockets[0]!.emit('presence', { documentId: DOC, viewers: [{ userId: USER, name: 'Ada', range: { start: 1, end: 3 } }] });
    await until(() => listener.presences.length === 1, 'presence');
    expect(listener.changes.map((c) => c.cursor)).toEqual(['c8']);
    expect(connection.cursorOf(DOC)).toBe('c8');
    expect(listener.presences[0]!.viewers[0]!.name).toBe('Ada');
  });

  it('after a dropped transport, reconnects and re-subscribes with the last cursor as `after`', async () => {
    const connection = connect();
    const listener = recorder();
    const statuses: string[] = [];
    connection.onStatus(() => statuses.push(connection.status));
    connection.subscribe(DOC, listener);
    await until(() => listener.resyncs === 1, 'subscribed');
    sockets[0]!.emit('change', change('c42'));
    await until(() => listener.changes.length === 1, 'a change');
    sockets[0]!.conn.close();
    await until(() => subscribes().length === 2, 'the re-subscribe');
    expect(subscribes()[1]).toEqual({ documentId: DOC, after: 'c42' });
    await until(() => connection.status === 'online', 'online again');
    expect(statuses).toEqual(['online', 'offline', 'online']);
    // A replay needs no refetch.
    expect(listener.resyncs).toBe(1);
  });

  it('when the cursor is refused, subscribes afresh and asks the view to refetch everything', async () => {
    const connection = connect();
    const listener = recorder();
    connection.subscribe(DOC, listener);
    await until(() => listener.resyncs === 1, 'subscribed');
    sockets[0]!.emit('change', change('c-old'));
    await until(() => listener.changes.length === 1, 'a change');
    answerSubscribe = (message) => (message.after ? { ok: false, error: { code: 'cursor_expired', message: 'too old' } } : { ok: true, cursor: 'c-new' });
    sockets[0]!.conn.close();
    await until(() => listener.resyncs === 2, 'the refetch');
    expect(subscribes().slice(1)).toEqual([{ documentId: DOC, after: 'c-old' }, { documentId: DOC }]);
    expect(connection.cursorOf(DOC)).toBe('c-new');
    expect(listener.refusals).toEqual([]);
  });

  it('says offline when the server cannot be reached, and online once it can', async () => {
    const port = (http.address() as AddressInfo).port;
    await new Promise<void>((resolve) => io.close(() => resolve()));
    const connection = connect();
    await until(() => connection.status === 'offline', 'offline');
    http = createServer();
    io = new Server(http, { path: LIVE_PATH });
    await new Promise<void>((resolve) => http.listen(port, '127.0.0.1', resolve));
    await until(() => connection.status === 'online', 'online');
  });

  it('reports a refused subscription to the listener', async () => {
    answerSubscribe = () => ({ ok: false, error: { code: 'not_found', message: 'no such document' } });
    const connection = connect();
    const listener = recorder();
    connection.subscribe(DOC, listener);
    await until(() => listener.refusals.length === 1, 'the refusal');
    expect(listener.refusals).toEqual(['not_found']);
    expect(listener.resyncs).toBe(0);
  });

  it('asks again after a busy refusal', async () => {
    let refusals = 1;
    answerSubscribe = () => (refusals-- > 0 ? { ok: false, error: { code: 'service_unavailable', message: 'Try again shortly' } } : { ok: true, cursor: 'c1' });
    const connection = connect({ retryDelayMs: 10 });
    const listener = recorder();
    connection.subscribe(DOC, listener);
    await until(() => listener.resyncs === 1, 'the second subscribe');
    expect(subscribes()).toHaveLength(2);
    expect(listener.refusals).toEqual([]);
  });

  it('joins a room once for several listeners and leaves it with the last one', async () => {
    const connection = connect();
    const a = recorder();
    const b = recorder();
    const stopA = connection.subscribe(DOC, a);
    await until(() => a.resyncs === 1, 'subscribed');
    const stopB = connection.subscribe(DOC, b);
    stopA();
    sockets[0]!.emit('change', change('c9'));
    await until(() => b.changes.length === 1, 'the change for b');
    expect(a.changes).toEqual([]);
    stopB();
    await until(() => received.some((r) => r.event === 'unsubscribe'), 'unsubscribe');
    expect(subscribes()).toHaveLength(1);
    expect(received.find((r) => r.event === 'unsubscribe')!.payload).toEqual({ documentId: DOC });
  });

  it('sends selection cursors throttled, the latest value winning, and none repeated', async () => {
    const connection = connect({ cursorIntervalMs: 100 });
    const listener = recorder();
    connection.subscribe(DOC, listener);
    await until(() => listener.resyncs === 1, 'subscribed');
    connection.setCursor(DOC, { start: 1, end: 2 });
    connection.setCursor(DOC, { start: 1, end: 3 });
    connection.setCursor(DOC, { start: 1, end: 4 });
    await until(() => received.some((r) => r.event === 'cursor'), 'a cursor');
    connection.setCursor(DOC, { start: 1, end: 4 });
    connection.setCursor(DOC, null);
    await until(() => received.filter((r) => r.event === 'cursor').length === 2, 'a second cursor');
    const cursors = received.filter((r) => r.event === 'cursor').map((r) => r.payload);
    expect(cursors).toEqual([
      { documentId: DOC, range: { start: 1, end: 4 } },
      { documentId: DOC, range: null },
    ]);
  });

  it('passes badge and closing pushes to their listeners', async () => {
    const connection = connect();
    const badges: unknown[] = [];
    const closings: unknown[] = [];
    connection.onBadge((b) => badges.push(b));
    connection.onClosing((c) => closings.push(c));
    await until(() => sockets.length === 1 && connection.status === 'online', 'connected');
    sockets[0]!.emit('badge', { openReviewItems: 3, unreadMentions: 1 });
    sockets[0]!.emit('closing', { reason: 'session_ended' });
    await until(() => closings.length === 1, 'closing');
    expect(badges).toEqual([{ openReviewItems: 3, unreadMentions: 1 }]);
    expect(closings).toEqual([{ reason: 'session_ended' }]);
  });
});

describe('acquireLiveConnection', () => {
  it('shares one connection per person and closes it when the last user releases it', () => {
    const made: LiveConnection[] = [];
    const make = () => {
      const c = connect({ url: 'http://127.0.0.1:1' });
      made.push(c);
      return c;
    };
    const first = acquireLiveConnection(USER, make);
    const second = acquireLiveConnection(USER, make);
    expect(second.connection).toBe(first.connection);
    first.release();
    first.release();
    const third = acquireLiveConnection(USER, make);
    expect(third.connection).toBe(first.connection);
    second.release();
    third.release();
    const fresh = acquireLiveConnection(USER, make);
    expect(fresh.connection).not.toBe(first.connection);
    const someoneElse = acquireLiveConnection(OTHER, make);
    expect(someoneElse.connection).not.toBe(fresh.connection);
    someoneElse.release();
    expect(made).toHaveLength(3);
  });
});
