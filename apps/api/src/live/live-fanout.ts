// Delivers batches of committed events to this instance's sockets: each change presented for
// each recipient in the rooms of the documents it touches, role changes and removals applied to
// open sockets, and fresh badge counts for the members a change may concern.
import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LiveServerEvent, type LiveChange, type Role } from '@glossa/contracts';
import { EventType } from '../events/event-types';
import { BADGE_EVENT_TYPES, LINK_EVENT_TYPES, positionOf, type LiveEventRow } from './event-row';
import { changeFor, documentsOf, loadSubjects, viewerClass, type LoadedSubjects } from './live-changes';
import { LiveConnections, type LiveConnection } from './live-connections';
import { GetLiveBadges } from './queries/getLiveBadges';

@Injectable()
export class LiveFanout {
  private readonly log = new Logger('LiveFanout');

  constructor(
    private readonly dataSource: DataSource,
    private readonly connections: LiveConnections,
    private readonly badges: GetLiveBadges,
  ) {}

  /** No socket on this instance: events need not be read at all. */
  get idle(): boolean {
    return this.connections.size === 0;
  }

  /** Loads what the rows refer to, leaving out rows no room on this instance can hear. */
  load(rows: readonly LiveEventRow[]): Promise<LoadedSubjects> {
    const anyRoom = this.connections.roomCount > 0;
    const heard = rows.filter((row) => (row.document_id ? this.connections.room(row.document_id).size > 0 : anyRoom && LINK_EVENT_TYPES.includes(row.type)));
    return loadSubjects(this.dataSource.manager, heard);
  }

  /** Synchronous on purpose: the tail moves its position in the same tick (see EventLogTail). */
  emit(rows: readonly LiveEventRow[], subjects: LoadedSubjects): void {
    for (const row of rows) {
      if (row.type === EventType.MemberRemoved) {
        for (const connection of this.connections.ofUser(row.subject_id)) this.connections.close(connection, 'membership_removed');
        continue;
      }
      if (row.type === EventType.MemberRoleChanged) {
        this.changeRole(row.subject_id, row.workspace_id, (row.payload as { to?: Role }).to);
        continue;
      }
      const position = positionOf(row);
      for (const documentId of documentsOf(row, subjects)) {
        // Recipients of one class see the same thing: presented once, sent as one encoded frame.
        const groups = new Map<string, { change: LiveChange | null; connections: LiveConnection[] }>();
        for (const subscription of this.connections.room(documentId)) {
          const viewer = { userId: subscription.connection.userId, role: subscription.role };
          const key = viewerClass(row, subjects, viewer);
          let group = groups.get(key);
          if (!group) groups.set(key, (group = { change: changeFor(row, subjects, viewer, documentId), connections: [] }));
          if (!group.change) continue;
          if (this.connections.direct(subscription, position)) group.connections.push(subscription.connection);
          else this.connections.deliver(subscription, position, group.change);
        }
        for (const group of groups.values()) if (group.change && group.connections.length > 0) this.connections.broadcast(group.connections, group.change);
      }
    }
  }

  changeRole(userId: string, workspaceId: string, role: Role | undefined): void {
    if (!role) return;
    for (const connection of this.connections.ofUser(userId)) {
      for (const subscription of connection.subscriptions.values()) if (subscription.workspaceId === workspaceId) subscription.role = role;
    }
  }

  /** Badge counts go out after the changes, off the ordered path. */
  after(rows: readonly LiveEventRow[]): void {
    const workspaces = new Set(rows.filter((row) => BADGE_EVENT_TYPES.has(row.type)).map((row) => row.workspace_id));
    for (const workspaceId of workspaces) void this.sendBadges(workspaceId);
  }

  private async sendBadges(workspaceId: string): Promise<void> {
    const userIds = [...new Set([...this.connections.all()].map((c) => c.userId))];
    if (userIds.length === 0) return;
    try {
      const badges = await this.badges.run(workspaceId, userIds);
      for (const connection of this.connections.all()) {
        const badge = badges.get(connection.userId);
        if (badge && !connection.closing) connection.socket.emit(LiveServerEvent.Badge, badge);
      }
    } catch (error) {
      this.log.warn(`Badge counts failed: ${(error as Error).message}`);
    }
  }
}
