// The live channel's edge (Socket.IO through @nestjs/websockets): authenticates each handshake,
// limits each socket's message rate, and handles subscribe / unsubscribe / cursor with
// acknowledgements shaped by LiveAck. Pushed changes come only from the event log (LiveFanout).
import { Inject, Logger } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  type OnGatewayInit,
} from '@nestjs/websockets';
import type { Server, Socket } from 'socket.io';
import { DataSource } from 'typeorm';
import type { z } from 'zod';
import {
  Action,
  CursorMessage,
  ErrorCode,
  LIVE_MAX_SOCKETS_PER_USER,
  LIVE_PATH,
  LiveClientEvent,
  LiveErrorCode,
  LiveServerEvent,
  SubscribeMessage as SubscribeBody,
  UnsubscribeMessage,
  fieldErrorsFromZod,
  type LiveAck,
} from '@glossa/contracts';
import { DomainError } from '../common/domain-error';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { DocumentAccess } from '../documents/document-access';
import { WorkspaceAccess } from '../workspaces/workspace-access';
import { EventLogTail } from './event-log-tail';
import { LiveAuthenticator, type LiveIdentity } from './live-auth';
import { changeFor, documentsOf, loadSubjects } from './live-changes';
import { LiveConnections, type LiveConnection, type Subscription } from './live-connections';
import { comparePositions, decodeCursor, encodeCursor, laterOf, type Position } from './live-cursor';
import { LivePresenceHub } from './live-presence';
import { SocketRate } from './live-rate';
import { ReplayDocumentEvents } from './queries/replayDocumentEvents';

const refuse = (code: string, message: string, fields?: Record<string, string>): LiveAck => ({ ok: false, error: { code, message, ...(fields ? { fields } : {}) } });
const OK: LiveAck = { ok: true };

function parse<S extends z.ZodType>(schema: S, input: unknown): { value: z.infer<S> } | { refusal: LiveAck } {
  const result = schema.safeParse(input ?? {});
  if (result.success) return { value: result.data };
  const fields = Object.fromEntries(fieldErrorsFromZod(result.error).map((f) => [f.path, f.message]));
  return { refusal: refuse(ErrorCode.ValidationFailed, 'Some fields are invalid', fields) };
}

const NOT_FOUND = refuse(ErrorCode.NotFound, 'Document not found');

@WebSocketGateway({ path: LIVE_PATH })
export class LiveGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect {
  private readonly log = new Logger('LiveGateway');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly authenticator: LiveAuthenticator,
    private readonly connections: LiveConnections,
    private readonly documents: DocumentAccess,
    private readonly workspaces: WorkspaceAccess,
    private readonly tail: EventLogTail,
    private readonly replay: ReplayDocumentEvents,
    private readonly presence: LivePresenceHub,
  ) {}

  afterInit(server: Server): void {
    this.connections.attach(server);
    server.use((socket, next) => {
      const auth = (socket.handshake.auth ?? {}) as Record<string, unknown>;
      this.authenticator
        .authenticate(auth, socket.handshake.headers.cookie, this.config)
        .then((identity) => {
          if (!identity) {
            const error = new Error(ErrorCode.Unauthenticated) as Error & { data?: unknown };
            error.data = { code: ErrorCode.Unauthenticated, message: 'Sign in (session cookie) or send an API token as auth.token' };
            return next(error);
          }
          if (this.connections.ofUser(identity.userId).length >= LIVE_MAX_SOCKETS_PER_USER) {
            const error = new Error(ErrorCode.RateLimited) as Error & { data?: unknown };
            error.data = { code: ErrorCode.RateLimited, message: `At most ${LIVE_MAX_SOCKETS_PER_USER} live connections per person; close another tab` };
            return next(error);
          }
          (socket.data as { identity?: LiveIdentity }).identity = identity;
          next();
        })
        .catch((error: unknown) => {
          this.log.warn(`Live handshake failed: ${(error as Error).message}`);
          const failure = new Error(ErrorCode.ServiceUnavailable) as Error & { data?: unknown };
          failure.data = { code: ErrorCode.ServiceUnavailable, message: 'Try again shortly' };
          next(failure);
        });
    });
  }

  handleConnection(socket: Socket): void {
    const identity = (socket.data as { identity?: LiveIdentity }).identity;
    if (!identity) {
      socket.disconnect(true);
      return;
    }
    const connection: LiveConnection = {
      socket,
      userId: identity.userId,
      name: identity.name,
      sessionIdHash: identity.sessionIdHash,
      tokenId: identity.tokenId,
      subscriptions: new Map(),
      closing: false,
    };
    this.connections.add(connection);
    const rate = new SocketRate();
    socket.use((packet, next) => {
      const verdict = rate.take();
      if (verdict === 'ok') return next();
      if (verdict === 'drop') return this.connections.close(connection, 'rate_limited');
      const ack = packet[packet.length - 1];
      if (typeof ack === 'function') (ack as (a: LiveAck) => void)(refuse(ErrorCode.RateLimited, 'Too many messages; slow down'));
    });
  }

  handleDisconnect(socket: Socket): void {
    const connection = this.connections.get(socket.id);
    if (!connection) return;
    for (const documentId of this.connections.remove(connection)) this.presence.leave(connection, documentId);
  }

  @SubscribeMessage(LiveClientEvent.Subscribe)
  async subscribe(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<LiveAck> {
    const connection = this.connections.get(socket.id);
    if (!connection || connection.closing) return refuse(ErrorCode.Unauthenticated, 'This connection is closing');
    const parsed = parse(SubscribeBody, body);
    if ('refusal' in parsed) return parsed.refusal;
    const { documentId } = parsed.value;
    let after: Position | null = null;
    if (parsed.value.after !== undefined) {
      after = decodeCursor(parsed.value.after);
      if (!after) return refuse(ErrorCode.ValidationFailed, 'Some fields are invalid', { after: 'after must be a cursor from a previous message' });
    }
    try {
      return await this.join(connection, documentId, after);
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.NotFound) return NOT_FOUND;
      this.log.warn(`Subscribe failed: ${(error as Error).message}`);
      return refuse(ErrorCode.ServiceUnavailable, 'Try again shortly');
    }
  }

  /** Joins the room at once (live changes wait), replays what the client missed, then lets them through. */
  private async join(connection: LiveConnection, documentId: string, after: Position | null): Promise<LiveAck> {
    // The same policy as GET /api/documents/:id: a foreign or missing document is "not found".
    const workspaceId = await this.documents.require(connection.userId, documentId, Action.ReadDocuments);
    const role = await this.workspaces.roleOf(connection.userId, workspaceId);
    if (role === null) return NOT_FOUND;
    // Gone while the checks ran.
    if (connection.closing || this.connections.get(connection.socket.id) !== connection) return refuse(ErrorCode.Unauthenticated, 'This connection is closing');
    if (this.connections.leave(connection, documentId)) this.presence.leave(connection, documentId);
    const subscription: Subscription = { connection, documentId, workspaceId, role, floor: null, pending: [] };
    this.connections.join(subscription);
    const upTo = this.tail.current;
    // A cursor ahead of this instance is normal (another instance delivered a little further),
    // unless no transaction of this cluster has that id yet: it was kept from before a restore.
    if (after && comparePositions(after, upTo) > 0 && (await this.isFromAnotherCluster(after))) {
      this.connections.leave(connection, documentId);
      return refuse(LiveErrorCode.CursorTooOld, 'Too much changed since this cursor; reload the document');
    }
    const floor = after ? laterOf(after, upTo) : upTo;
    if (after && comparePositions(after, upTo) < 0) {
      const replayed = await this.replayed(subscription, after, upTo).catch((error: unknown) => {
        if (connection.subscriptions.get(documentId) === subscription) this.connections.leave(connection, documentId);
        throw error;
      });
      if (replayed) return replayed;
    }
    if (connection.subscriptions.get(documentId) !== subscription) return refuse(ErrorCode.Conflict, 'Subscribed again meanwhile');
    const held = subscription.pending ?? [];
    subscription.pending = null;
    subscription.floor = floor;
    let last = floor;
    for (const { position, change } of held) {
      this.connections.deliver(subscription, position, change);
      last = laterOf(last, position);
    }
    subscription.floor = last;
    this.presence.join(connection, documentId);
    return { ok: true, cursor: encodeCursor(last) };
  }

  private async isFromAnotherCluster(position: Position): Promise<boolean> {
    const [row] = (await this.dataSource.query(`SELECT $1::text::xid8 >= pg_snapshot_xmax(pg_current_snapshot()) AS ahead`, [position.txid.toString()])) as Array<{ ahead: boolean }>;
    return row?.ahead === true;
  }

  /** Sends the document's changes in (after, upTo]; a refusal when that cannot be done. */
  private async replayed(subscription: Subscription, after: Position, upTo: Position): Promise<LiveAck | null> {
    const { connection, documentId, workspaceId } = subscription;
    const rows = await this.replay.run(workspaceId, documentId, after, upTo);
    if (rows === null) {
      this.connections.leave(connection, documentId);
      return refuse(LiveErrorCode.CursorTooOld, 'Too much changed since this cursor; reload the document');
    }
    const subjects = await loadSubjects(this.dataSource.manager, rows);
    if (connection.subscriptions.get(documentId) !== subscription) return refuse(ErrorCode.Conflict, 'Subscribed again meanwhile');
    for (const row of rows) {
      if (!documentsOf(row, subjects).includes(documentId)) continue;
      const change = changeFor(row, subjects, { userId: connection.userId, role: subscription.role }, documentId);
      if (change) connection.socket.emit(LiveServerEvent.Change, change);
    }
    return null;
  }

  @SubscribeMessage(LiveClientEvent.Unsubscribe)
  unsubscribe(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): LiveAck {
    const connection = this.connections.get(socket.id);
    if (!connection) return refuse(ErrorCode.Unauthenticated, 'This connection is closing');
    const parsed = parse(UnsubscribeMessage, body);
    if ('refusal' in parsed) return parsed.refusal;
    if (this.connections.leave(connection, parsed.value.documentId)) this.presence.leave(connection, parsed.value.documentId);
    return OK;
  }

  @SubscribeMessage(LiveClientEvent.Cursor)
  cursor(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): LiveAck {
    const connection = this.connections.get(socket.id);
    if (!connection) return refuse(ErrorCode.Unauthenticated, 'This connection is closing');
    const parsed = parse(CursorMessage, body);
    if ('refusal' in parsed) return parsed.refusal;
    const { documentId, range } = parsed.value;
    if (!connection.subscriptions.has(documentId)) return NOT_FOUND;
    if (range && range.end < range.start) return refuse(ErrorCode.ValidationFailed, 'Some fields are invalid', { 'range.end': 'end must not be before start' });
    this.presence.select(connection, documentId, range);
    return OK;
  }
}
