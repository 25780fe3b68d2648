// A small Socket.IO client for the live channel in Node (system tests and e2e helpers): connect
// with a session cookie or an API token, send acknowledged messages, and wait for pushed events
// by condition (a promise resolved by the event itself, never a sleep).
import { io, type Socket } from 'socket.io-client';
import {
  LIVE_PATH,
  LiveClientEvent,
  LiveServerEvent,
  type LiveAck,
  type LiveBadge,
  type LiveChange,
  type LiveClosing,
  type LivePresence,
} from '@glossa/contracts';

export interface LiveClientOptions {
  /** A Cookie header (e.g. Session.cookieHeader()). */
  cookie?: string;
  /** An API token, sent as `auth.token`. */
  token?: string;
  /** An Origin header, as a browser would send. */
  origin?: string;
  /** How long `waitFor` and friends wait before failing (default 10 s). */
  timeoutMs?: number;
}

export interface ConnectRefusal {
  message: string;
  data?: { code?: string; message?: string };
}

type Waiter<T> = { test: (value: T) => boolean; resolve: (value: T) => void };

/** Everything of one kind a socket received, and waiting for the first that matches. */
class Inbox<T> {
  readonly items: T[] = [];
  private waiters: Array<Waiter<T>> = [];

  push(item: T): void {
    this.items.push(item);
    this.waiters = this.waiters.filter((w) => (w.test(item) ? (w.resolve(item), false) : true));
  }

  waitFor(test: (item: T) => boolean, timeoutMs: number, what: string): Promise<T> {
    const seen = this.items.find(test);
    if (seen !== undefined) return Promise.resolve(seen);
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`no ${what} within ${timeoutMs} ms`));
      }, timeoutMs);
      const waiter: Waiter<T> = { test, resolve: (v) => (clearTimeout(timer), resolve(v)) };
      this.waiters.push(waiter);
    });
  }
}

export class LiveClient {
  readonly socket: Socket;
  readonly changes = new Inbox<LiveChange>();
  readonly presence = new Inbox<LivePresence>();
  readonly badges = new Inbox<LiveBadge>();
  readonly closings = new Inbox<LiveClosing>();
  private readonly disconnects = new Inbox<string>();
  private readonly timeoutMs: number;

  constructor(baseUrl: string, options: LiveClientOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
    const extraHeaders: Record<string, string> = {};
    if (options.cookie) extraHeaders.cookie = options.cookie;
    if (options.origin) extraHeaders.origin = options.origin;
    this.socket = io(baseUrl, {
      path: LIVE_PATH,
      transports: ['websocket'],
      reconnection: false,
      autoConnect: false,
      forceNew: true,
      extraHeaders,
      auth: options.token !== undefined ? { token: options.token } : {},
    });
    this.socket.on(LiveServerEvent.Change, (change: LiveChange) => this.changes.push(change));
    this.socket.on(LiveServerEvent.Presence, (presence: LivePresence) => this.presence.push(presence));
    this.socket.on(LiveServerEvent.Badge, (badge: LiveBadge) => this.badges.push(badge));
    this.socket.on(LiveServerEvent.Closing, (closing: LiveClosing) => this.closings.push(closing));
    this.socket.on('disconnect', (reason) => this.disconnects.push(reason));
  }

  /** Connects; resolves once the server accepted the handshake, rejects with its refusal. */
  connect(): Promise<void> {
    return new Promise((resolve, reject) => {
      const onConnect = () => {
        this.socket.off('connect_error', onError);
        resolve();
      };
      const onError = (error: Error & { data?: ConnectRefusal['data'] }) => {
        this.socket.off('connect', onConnect);
        reject(Object.assign(new Error(error.message), { data: error.data }));
      };
      this.socket.once('connect', onConnect);
      this.socket.once('connect_error', onError);
      this.socket.connect();
    });
  }

  /** Connects expecting a refusal; resolves with it (fails if the server accepts). */
  async refused(): Promise<ConnectRefusal> {
    try {
      await this.connect();
    } catch (error) {
      return { message: (error as Error).message, data: (error as ConnectRefusal).data };
    }
    this.close();
    throw new Error('the server accepted the connection');
  }

  send(event: string, body: unknown): Promise<LiveAck> {
    return this.socket.timeout(this.timeoutMs).emitWithAck(event, body) as Promise<LiveAck>;
  }

  subscribe(documentId: string, after?: string): Promise<LiveAck> {
    return this.send(LiveClientEvent.Subscribe, after === undefined ? { documentId } : { documentId, after });
  }

  unsubscribe(documentId: string): Promise<LiveAck> {
    return this.send(LiveClientEvent.Unsubscribe, { documentId });
  }

  cursor(documentId: string, range: { start: number; end: number } | null): Promise<LiveAck> {
    return this.send(LiveClientEvent.Cursor, { documentId, range });
  }

  waitForChange(test: (change: LiveChange) => boolean, what = 'matching change'): Promise<LiveChange> {
    return this.changes.waitFor(test, this.timeoutMs, what);
  }

  /** The first change about this annotation (optionally of this event type). */
  waitForAnnotation(annotationId: string, type?: string): Promise<Extract<LiveChange, { kind: 'annotation' }>> {
    return this.waitForChange((c) => c.kind === 'annotation' && c.annotationId === annotationId && (type === undefined || c.type === type), `change of ${annotationId}`) as Promise<
      Extract<LiveChange, { kind: 'annotation' }>
    >;
  }

  waitForPresence(test: (presence: LivePresence) => boolean): Promise<LivePresence> {
    return this.presence.waitFor(test, this.timeoutMs, 'matching presence');
  }

  waitForBadge(test: (badge: LiveBadge) => boolean): Promise<LiveBadge> {
    return this.badges.waitFor(test, this.timeoutMs, 'matching badge');
  }

  /** Resolves with the disconnect reason (and the server's closing message, if it sent one). */
  async disconnected(timeoutMs = this.timeoutMs): Promise<{ reason: string; closing: LiveClosing | undefined }> {
    const reason = await this.disconnects.waitFor(() => true, timeoutMs, 'disconnect');
    return { reason, closing: this.closings.items[0] };
  }

  get connected(): boolean {
    return this.socket.connected;
  }

  close(): void {
    this.socket.disconnect();
  }
}

/** A connected client; throws with the server's refusal otherwise. */
export async function connectLive(baseUrl: string, options: LiveClientOptions = {}): Promise<LiveClient> {
  const client = new LiveClient(baseUrl, options);
  await client.connect();
  return client;
}
