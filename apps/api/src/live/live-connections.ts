// The sockets connected to this instance: who is behind each, which document rooms each joined
// (with the member's role there), and delivery that respects a resync in progress.
import { Injectable } from '@nestjs/common';
import type { Server, Socket } from 'socket.io';
import { LiveServerEvent, type LiveChange, type LiveClosing, type Role } from '@glossa/contracts';
import { comparePositions, type Position } from './live-cursor';

export interface LiveConnection {
  socket: Socket;
  userId: string;
  name: string;
  /** Set when the socket signed in with the session cookie (the session's SHA-256). */
  sessionIdHash: string | null;
  /** Set when the socket signed in with an API token. */
  tokenId: string | null;
  subscriptions: Map<string, Subscription>;
  closing: boolean;
}

export interface Subscription {
  connection: LiveConnection;
  documentId: string;
  workspaceId: string;
  role: Role;
  /** Changes at or before this position are not sent: the client has them. */
  floor: Position | null;
  /** While a resync replays, live changes wait here in log order. */
  pending: Array<{ position: Position; change: LiveChange }> | null;
}

@Injectable()
export class LiveConnections {
  private readonly connections = new Map<string, LiveConnection>();
  private readonly rooms = new Map<string, Set<Subscription>>();
  private server: Server | null = null;
  private joins = 0;

  /** The Socket.IO server, once the gateway has it (for one-encode broadcasts). */
  attach(server: Server): void {
    this.server = server;
  }

  add(connection: LiveConnection): void {
    this.connections.set(connection.socket.id, connection);
  }

  /** Forgets a socket and its rooms; returns the documents it was in. */
  remove(connection: LiveConnection): string[] {
    this.connections.delete(connection.socket.id);
    const left = [...connection.subscriptions.keys()];
    for (const documentId of left) this.leave(connection, documentId);
    return left;
  }

  /** Counts joins, so a reader can tell that rooms grew while it was loading. */
  get generation(): number {
    return this.joins;
  }

  join(subscription: Subscription): void {
    this.joins += 1;
    subscription.connection.subscriptions.set(subscription.documentId, subscription);
    let room = this.rooms.get(subscription.documentId);
    if (!room) this.rooms.set(subscription.documentId, (room = new Set()));
    room.add(subscription);
  }

  leave(connection: LiveConnection, documentId: string): boolean {
    const subscription = connection.subscriptions.get(documentId);
    if (!subscription) return false;
    connection.subscriptions.delete(documentId);
    const room = this.rooms.get(documentId);
    room?.delete(subscription);
    if (room?.size === 0) this.rooms.delete(documentId);
    return true;
  }

  room(documentId: string): ReadonlySet<Subscription> {
    return this.rooms.get(documentId) ?? new Set();
  }

  get roomCount(): number {
    return this.rooms.size;
  }

  all(): IterableIterator<LiveConnection> {
    return this.connections.values();
  }

  get size(): number {
    return this.connections.size;
  }

  get(socketId: string): LiveConnection | undefined {
    return this.connections.get(socketId);
  }

  ofUser(userId: string): LiveConnection[] {
    return [...this.connections.values()].filter((c) => c.userId === userId);
  }

  /** True when a change at `position` would go straight out (no resync running, not below the floor). */
  direct(subscription: Subscription, position: Position): boolean {
    return !subscription.pending && (!subscription.floor || comparePositions(position, subscription.floor) > 0);
  }

  /** One change to several sockets, encoded once. */
  broadcast(connections: readonly LiveConnection[], change: LiveChange): void {
    if (connections.length === 1 || !this.server) {
      for (const connection of connections) connection.socket.emit(LiveServerEvent.Change, change);
      return;
    }
    this.server.to(connections.map((c) => c.socket.id)).emit(LiveServerEvent.Change, change);
  }

  /** Sends a change unless the client has it already; holds it while a resync runs. */
  deliver(subscription: Subscription, position: Position, change: LiveChange): void {
    if (subscription.pending) {
      subscription.pending.push({ position, change });
      return;
    }
    if (subscription.floor && comparePositions(position, subscription.floor) <= 0) return;
    subscription.connection.socket.emit(LiveServerEvent.Change, change);
  }

  /** Tells the client why, then drops the socket (it does not reconnect on its own after this). */
  close(connection: LiveConnection, reason: LiveClosing['reason']): void {
    if (connection.closing) return;
    connection.closing = true;
    const closing: LiveClosing = { reason };
    connection.socket.emit(LiveServerEvent.Closing, closing);
    connection.socket.disconnect(true);
  }
}
