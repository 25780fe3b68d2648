// The browser's one live connection (Socket.IO at /socket.io, authenticated by the session
// cookie): its status, the documents it is subscribed to with the last cursor applied for each,
// re-subscribing with `after` on every reconnect so missed changes are replayed (or, when the
// server cannot replay that far back, telling the document's listeners to refetch everything),
// throttled selection cursors, and the badge and closing pushes. No React here.
import {
  ErrorCode,
  LIVE_PATH,
  LiveAck,
  LiveBadge,
  LiveChange,
  LiveClientEvent,
  LiveClosing,
  LivePresence,
  LiveServerEvent,
  type CursorMessage,
} from '@glossa/contracts';
import { io, type Socket } from 'socket.io-client';

/** `connecting` before the first connect; `offline` after a drop, until connected again. */
export type LiveStatus = 'connecting' | 'online' | 'offline';

export interface DocumentListener {
  /** One committed change of the document (or about it), in the order the server sent them. */
  change(change: LiveChange): void;
  presence(presence: LivePresence): void;
  /**
   * The view may have missed changes it cannot replay (no cursor yet, or the cursor is too old):
   * it refetches what it shows from the API.
   */
  resync(): void;
  /** The server refused the subscription itself (no access, unknown document). */
  refused?(error: { code: string; message: string }): void;
}

interface Subscription {
  documentId: string;
  /** The last cursor received for this document (a change or a subscribe ack). */
  cursor: string | null;
  listeners: Set<DocumentListener>;
  /** A subscribe has been acknowledged on the current socket connection. */
  joined: boolean;
}

export interface LiveConnectionOptions {
  /** Where the app is served; the socket connects to the same origin. Defaults to the page's. */
  url?: string;
  /** Extra socket.io-client options (tests pass `extraHeaders` with a cookie). */
  socketOptions?: Parameters<typeof io>[1];
  /** How long to wait for an acknowledgement. */
  ackTimeoutMs?: number;
  /** The least time between two cursor messages for one document. */
  cursorIntervalMs?: number;
  /** How long to wait before reconnecting after the server closed the socket for sending too fast. */
  rateLimitBackoffMs?: number;
  /** How long to wait before asking again after a busy or crossed subscribe. */
  retryDelayMs?: number;
}

const DEFAULT_ACK_TIMEOUT_MS = 10_000;
/** Well under LIVE_MAX_MESSAGES_PER_SECOND even with a few documents open. */
const DEFAULT_CURSOR_INTERVAL_MS = 250;
const DEFAULT_RATE_LIMIT_BACKOFF_MS = 5_000;
const DEFAULT_RETRY_DELAY_MS = 1_000;
/** Refusals of a subscribe that are worth asking again. */
const RETRYABLE = new Set<string>([ErrorCode.ServiceUnavailable, ErrorCode.RateLimited, ErrorCode.Conflict]);

type Range = CursorMessage['range'];

function sameRange(a: Range | undefined, b: Range | undefined): boolean {
  return a === b || (a != null && b != null && a.start === b.start && a.end === b.end);
}

export class LiveConnection {
  private readonly socket: Socket;
  private readonly subscriptions = new Map<string, Subscription>();
  private readonly statusListeners = new Set<() => void>();
  private readonly badgeListeners = new Set<(badge: LiveBadge) => void>();
  private readonly closingListeners = new Set<(closing: LiveClosing) => void>();
  private readonly ackTimeoutMs: number;
  private readonly cursorIntervalMs: number;
  private readonly rateLimitBackoffMs: number;
  private readonly retryDelayMs: number;
  private readonly cursors = new Map<string, { sent: Range | undefined; wanted: Range; timer: ReturnType<typeof setTimeout> | null; lastAt: number }>();
  private currentStatus: LiveStatus = 'connecting';
  private closed = false;
  private browserOffline = false;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly onBrowserOffline = () => {
    this.browserOffline = true;
    // The socket may not notice for a while (heartbeats): drop it now, and say so.
    this.socket.disconnect();
    this.setStatus('offline');
  };
  private readonly onBrowserOnline = () => {
    this.browserOffline = false;
    if (!this.closed && !this.socket.connected) this.socket.connect();
  };

  constructor(options: LiveConnectionOptions = {}) {
    this.ackTimeoutMs = options.ackTimeoutMs ?? DEFAULT_ACK_TIMEOUT_MS;
    this.cursorIntervalMs = options.cursorIntervalMs ?? DEFAULT_CURSOR_INTERVAL_MS;
    this.rateLimitBackoffMs = options.rateLimitBackoffMs ?? DEFAULT_RATE_LIMIT_BACKOFF_MS;
    this.retryDelayMs = options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS;
    // WebSocket first (no sticky sessions needed behind a load balancer), long-polling if it fails.
    const socketOptions = { path: LIVE_PATH, withCredentials: true, transports: ['websocket', 'polling'], tryAllTransports: true, ...options.socketOptions, autoConnect: false };
    this.socket = options.url === undefined ? io(socketOptions) : io(options.url, socketOptions);
    this.socket.on('connect', () => this.onConnect());
    this.socket.on('disconnect', (reason) => this.onDisconnect(reason));
    // A failed attempt (server down, refused handshake) means offline until one succeeds.
    this.socket.on('connect_error', () => this.setStatus('offline'));
    this.socket.on(LiveServerEvent.Change, (payload: unknown) => this.onChange(payload));
    this.socket.on(LiveServerEvent.Presence, (payload: unknown) => this.onPresence(payload));
    this.socket.on(LiveServerEvent.Badge, (payload: unknown) => {
      const badge = LiveBadge.safeParse(payload);
      if (badge.success) for (const listener of [...this.badgeListeners]) listener(badge.data);
    });
    this.socket.on(LiveServerEvent.Closing, (payload: unknown) => {
      const closing = LiveClosing.safeParse(payload);
      if (closing.success) this.emitClosing(closing.data);
    });
    if (typeof window !== 'undefined' && typeof window.addEventListener === 'function') {
      window.addEventListener('offline', this.onBrowserOffline);
      window.addEventListener('online', this.onBrowserOnline);
      this.browserOffline = typeof navigator !== 'undefined' && navigator.onLine === false;
    }
    if (this.browserOffline) this.currentStatus = 'offline';
    else this.socket.connect();
  }

  get status(): LiveStatus {
    return this.currentStatus;
  }

  /** Calls `listener` whenever status changes; returns the unsubscribe. */
  onStatus(listener: () => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  onBadge(listener: (badge: LiveBadge) => void): () => void {
    this.badgeListeners.add(listener);
    return () => this.badgeListeners.delete(listener);
  }

  onClosing(listener: (closing: LiveClosing) => void): () => void {
    this.closingListeners.add(listener);
    return () => this.closingListeners.delete(listener);
  }

  /** The last cursor received for a document, if any. */
  cursorOf(documentId: string): string | null {
    return this.subscriptions.get(documentId)?.cursor ?? null;
  }

  /**
   * Listens to a document's changes and presence; the first listener joins its room. Returns
   * the function that stops listening (the last one leaves the room).
   */
  subscribe(documentId: string, listener: DocumentListener): () => void {
    let subscription = this.subscriptions.get(documentId);
    if (!subscription) {
      subscription = { documentId, cursor: null, listeners: new Set(), joined: false };
      this.subscriptions.set(documentId, subscription);
      subscription.listeners.add(listener);
      if (this.socket.connected) this.join(subscription);
    } else {
      subscription.listeners.add(listener);
    }
    const joined = subscription;
    return () => {
      joined.listeners.delete(listener);
      if (joined.listeners.size > 0 || this.subscriptions.get(documentId) !== joined) return;
      this.subscriptions.delete(documentId);
      const cursor = this.cursors.get(documentId);
      if (cursor?.timer) clearTimeout(cursor.timer);
      this.cursors.delete(documentId);
      if (this.socket.connected && joined.joined) this.socket.emit(LiveClientEvent.Unsubscribe, { documentId });
    };
  }

  /** Shares where the selection is in a document (null: none); throttled, latest value wins. */
  setCursor(documentId: string, range: Range): void {
    let entry = this.cursors.get(documentId);
    if (!entry) {
      entry = { sent: undefined, wanted: range, timer: null, lastAt: 0 };
      this.cursors.set(documentId, entry);
    }
    entry.wanted = range;
    if (entry.timer || sameRange(entry.sent, range)) return;
    const wait = Math.max(0, entry.lastAt + this.cursorIntervalMs - Date.now());
    const current = entry;
    current.timer = setTimeout(() => {
      current.timer = null;
      this.flushCursor(documentId);
    }, wait);
  }

  /** Stops everything; the connection cannot be used again. */
  close(): void {
    this.closed = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    for (const entry of this.cursors.values()) if (entry.timer) clearTimeout(entry.timer);
    this.cursors.clear();
    if (typeof window !== 'undefined' && typeof window.removeEventListener === 'function') {
      window.removeEventListener('offline', this.onBrowserOffline);
      window.removeEventListener('online', this.onBrowserOnline);
    }
    this.socket.disconnect();
    this.subscriptions.clear();
    this.statusListeners.clear();
  }

  private flushCursor(documentId: string): void {
    const entry = this.cursors.get(documentId);
    const subscription = this.subscriptions.get(documentId);
    if (!entry || !subscription?.joined || !this.socket.connected || sameRange(entry.sent, entry.wanted)) return;
    entry.sent = entry.wanted;
    entry.lastAt = Date.now();
    const message: CursorMessage = { documentId, range: entry.wanted };
    this.socket.emit(LiveClientEvent.Cursor, message);
  }

  private setStatus(status: LiveStatus): void {
    if (status === this.currentStatus) return;
    this.currentStatus = status;
    for (const listener of [...this.statusListeners]) listener();
  }

  private onConnect(): void {
    this.setStatus('online');
    for (const subscription of this.subscriptions.values()) {
      subscription.joined = false;
      this.join(subscription);
    }
  }

  private onDisconnect(reason: Socket.DisconnectReason): void {
    for (const subscription of this.subscriptions.values()) subscription.joined = false;
    for (const entry of this.cursors.values()) entry.sent = undefined;
    if (this.closed) return;
    this.setStatus('offline');
    // socket.io-client reconnects by itself except after the server (or this client) closed it.
    if (reason === 'io server disconnect' && !this.browserOffline && !this.reconnectTimer) {
      this.reconnectTimer = setTimeout(() => {
        this.reconnectTimer = null;
        if (!this.closed && !this.browserOffline && !this.socket.connected) this.socket.connect();
      }, this.rateLimitBackoffMs);
    }
  }

  private emitClosing(closing: LiveClosing): void {
    for (const listener of [...this.closingListeners]) listener(closing);
  }

  /** Emits subscribe (with `after` when a cursor is known) and handles the acknowledgement. */
  private join(subscription: Subscription, withCursor = true): void {
    const after = withCursor ? subscription.cursor : null;
    const message = after ? { documentId: subscription.documentId, after } : { documentId: subscription.documentId };
    this.socket.timeout(this.ackTimeoutMs).emit(LiveClientEvent.Subscribe, message, (error: Error | null, raw: unknown) => {
      if (this.subscriptions.get(subscription.documentId) !== subscription || !this.socket.connected) return;
      if (error) {
        // No answer in time: try again while connected; a reconnect re-subscribes anyway.
        this.join(subscription, withCursor);
        return;
      }
      const ack = LiveAck.safeParse(raw);
      if (!ack.success) return;
      if (!ack.data.ok) {
        if (after) {
          // The server cannot replay from this cursor (too old, or unknown): start afresh and
          // refetch everything the view shows.
          subscription.cursor = null;
          this.join(subscription, false);
          return;
        }
        if (RETRYABLE.has(ack.data.error.code)) {
          // Busy, or two subscribes crossed: ask again shortly (a reconnect asks anyway).
          setTimeout(() => {
            if (this.subscriptions.get(subscription.documentId) === subscription && this.socket.connected && !subscription.joined) this.join(subscription, false);
          }, this.retryDelayMs);
          return;
        }
        for (const listener of [...subscription.listeners]) listener.refused?.(ack.data.error);
        return;
      }
      subscription.joined = true;
      if (ack.data.cursor) subscription.cursor = ack.data.cursor;
      // Without a replay, changes made before this subscribe may be missing from the view.
      if (!after) for (const listener of [...subscription.listeners]) listener.resync();
      const cursor = this.cursors.get(subscription.documentId);
      if (cursor) this.setCursor(subscription.documentId, cursor.wanted);
    });
  }

  private onChange(payload: unknown): void {
    const parsed = LiveChange.safeParse(payload);
    if (!parsed.success) return;
    const change = parsed.data;
    const documentId = change.documentId;
    const targets = documentId ? [this.subscriptions.get(documentId)] : [...this.subscriptions.values()];
    for (const subscription of targets) {
      if (!subscription) continue;
      subscription.cursor = change.cursor;
      for (const listener of [...subscription.listeners]) listener.change(change);
    }
  }

  private onPresence(payload: unknown): void {
    const parsed = LivePresence.safeParse(payload);
    if (!parsed.success) return;
    const subscription = this.subscriptions.get(parsed.data.documentId);
    if (subscription) for (const listener of [...subscription.listeners]) listener.presence(parsed.data);
  }
}

let shared: { userId: string; connection: LiveConnection; users: number } | null = null;

/**
 * The page's connection for the signed-in person, made on first use and shared by every hook;
 * released by each user, closed when none is left or when a different person signs in.
 */
export function acquireLiveConnection(userId: string, make: () => LiveConnection = () => new LiveConnection()): { connection: LiveConnection; release: () => void } {
  if (shared && shared.userId !== userId) {
    shared.connection.close();
    shared = null;
  }
  if (!shared) shared = { userId, connection: make(), users: 0 };
  const entry = shared;
  entry.users += 1;
  let released = false;
  return {
    connection: entry.connection,
    release: () => {
      if (released) return;
      released = true;
      entry.users -= 1;
      if (entry.users === 0 && shared === entry) {
        entry.connection.close();
        shared = null;
      }
    },
  };
}
