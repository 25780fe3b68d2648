// Who is viewing which document, across instances: each instance knows its own viewers and
// shares them per document through NOTIFY (a small JSON list), re-announced every few seconds
// so an instance that stops is forgotten. Rooms hear the merged list on every change.
import { Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { LiveServerEvent, type LivePresence, type LiveViewer } from '@glossa/contracts';
import { LiveBus } from './live-bus';
import { MAX_NOTIFY_PAYLOAD_BYTES, PRESENCE_CHANNEL } from './live-channel';
import { LiveConnections, type LiveConnection } from './live-connections';

const HEARTBEAT_MS = 5_000;
/** Another instance's viewers are dropped when not re-announced for this long. */
const EXPIRY_MS = 3 * HEARTBEAT_MS;
const MAX_NAME = 80;

/** [userId, name, start, end]; start/end null without a selection. */
type WireViewer = [string, string, number | null, number | null];
interface Announcement {
  /** The announcing instance. */
  i: string;
  /** The document. */
  d: string;
  /** Its viewers there. */
  v: WireViewer[];
  /** Asks the other instances to announce theirs (a first viewer here). */
  q?: 1;
}

@Injectable()
export class LivePresenceHub implements OnModuleInit, OnApplicationShutdown {
  private readonly local = new Map<string, Map<string, LiveViewer>>();
  private readonly remote = new Map<string, Map<string, { viewers: LiveViewer[]; at: number }>>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly bus: LiveBus,
    private readonly connections: LiveConnections,
  ) {}

  onModuleInit(): void {
    this.bus.on(PRESENCE_CHANNEL, (payload) => this.received(payload));
    this.timer = setInterval(() => this.heartbeat(), HEARTBEAT_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  join(connection: LiveConnection, documentId: string): void {
    let viewers = this.local.get(documentId);
    const first = !viewers;
    if (!viewers) this.local.set(documentId, (viewers = new Map()));
    viewers.set(connection.socket.id, { userId: connection.userId, name: connection.name, range: null });
    this.changed(documentId, first);
  }

  leave(connection: LiveConnection, documentId: string): void {
    const viewers = this.local.get(documentId);
    if (!viewers?.delete(connection.socket.id)) return;
    if (viewers.size === 0) this.local.delete(documentId);
    this.changed(documentId, false);
  }

  select(connection: LiveConnection, documentId: string, range: LiveViewer['range']): void {
    const viewer = this.local.get(documentId)?.get(connection.socket.id);
    if (!viewer) return;
    viewer.range = range;
    this.changed(documentId, false);
  }

  /** Everyone viewing the document on any instance, once per person. */
  viewers(documentId: string): LiveViewer[] {
    const byUser = new Map<string, LiveViewer>();
    const add = (viewer: LiveViewer) => {
      const known = byUser.get(viewer.userId);
      if (!known || (known.range === null && viewer.range !== null)) byUser.set(viewer.userId, viewer);
    };
    for (const viewer of this.local.get(documentId)?.values() ?? []) add(viewer);
    for (const entry of this.remote.get(documentId)?.values() ?? []) entry.viewers.forEach(add);
    return [...byUser.values()].sort((a, b) => a.name.localeCompare(b.name) || a.userId.localeCompare(b.userId));
  }

  private changed(documentId: string, ask: boolean): void {
    this.tellRoom(documentId);
    void this.announce(documentId, ask);
  }

  private tellRoom(documentId: string): void {
    const room = this.connections.room(documentId);
    if (room.size === 0) return;
    const presence: LivePresence = { documentId, viewers: this.viewers(documentId) };
    for (const subscription of room) if (!subscription.pending) subscription.connection.socket.emit(LiveServerEvent.Presence, presence);
  }

  private async announce(documentId: string, ask: boolean): Promise<void> {
    const wire: WireViewer[] = [...(this.local.get(documentId)?.values() ?? [])].map((v) => [v.userId, v.name.slice(0, MAX_NAME), v.range?.start ?? null, v.range?.end ?? null]);
    const message: Announcement = { i: this.bus.instanceId, d: documentId, v: wire, ...(ask ? { q: 1 as const } : {}) };
    let payload = JSON.stringify(message);
    // NOTIFY payloads stay under 8,000 bytes: a very crowded document shares fewer viewers.
    while (Buffer.byteLength(payload) > MAX_NOTIFY_PAYLOAD_BYTES && message.v.length > 0) {
      message.v = message.v.slice(0, Math.floor(message.v.length / 2));
      payload = JSON.stringify(message);
    }
    await this.bus.notify(PRESENCE_CHANNEL, payload);
  }

  private received(payload: string): void {
    let message: Announcement;
    try {
      message = JSON.parse(payload) as Announcement;
    } catch {
      return;
    }
    if (message.i === this.bus.instanceId || typeof message.d !== 'string' || !Array.isArray(message.v)) return;
    const viewers = message.v.map(([userId, name, start, end]): LiveViewer => ({ userId, name, range: start !== null && end !== null ? { start, end } : null }));
    let entries = this.remote.get(message.d);
    if (viewers.length === 0) entries?.delete(message.i);
    else {
      if (!entries) this.remote.set(message.d, (entries = new Map()));
      entries.set(message.i, { viewers, at: Date.now() });
    }
    if (entries?.size === 0) this.remote.delete(message.d);
    this.tellRoom(message.d);
    if (message.q && this.local.has(message.d)) void this.announce(message.d, false);
  }

  private heartbeat(): void {
    for (const documentId of this.local.keys()) void this.announce(documentId, false);
    const stale = Date.now() - EXPIRY_MS;
    for (const [documentId, entries] of this.remote) {
      let dropped = false;
      for (const [instance, entry] of entries) {
        if (entry.at < stale) {
          entries.delete(instance);
          dropped = true;
        }
      }
      if (entries.size === 0) this.remote.delete(documentId);
      if (dropped) this.tellRoom(documentId);
    }
  }
}
