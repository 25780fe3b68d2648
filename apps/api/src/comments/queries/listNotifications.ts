// A person's notifications, newest first, from workspaces they still belong to; and marking read.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Notification, NotificationList, NotificationType } from '@glossa/contracts';

/** Notifications listed at once; the unread count covers all of them. */
const LISTED = 100;

interface Row {
  id: string;
  type: NotificationType;
  link_id: string | null;
  annotation_id: string | null;
  comment_id: string | null;
  actor_id: string | null;
  actor_name: string | null;
  created_at: Date;
  read_at: Date | null;
}

function present(row: Row): Notification {
  return {
    id: row.id,
    type: row.type,
    ...(row.link_id ? { linkId: row.link_id } : {}),
    ...(row.annotation_id ? { annotationId: row.annotation_id } : {}),
    ...(row.comment_id ? { commentId: row.comment_id } : {}),
    actor: row.actor_id !== null && row.actor_name !== null ? { id: row.actor_id, name: row.actor_name } : null,
    at: row.created_at.toISOString(),
    read: row.read_at !== null,
  };
}

// Someone who left a workspace no longer hears about it (B1: every read path).
const MINE = `n.user_id = $1 AND EXISTS (SELECT 1 FROM membership m WHERE m.workspace_id = n.workspace_id AND m.user_id = n.user_id)`;

@Injectable()
export class ListNotifications {
  constructor(private readonly dataSource: DataSource) {}

  async run(userId: string): Promise<NotificationList> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT n.id, n.type, n.link_id, n.annotation_id, n.comment_id, n.actor_id, u.name AS actor_name, n.created_at, n.read_at
         FROM notification n LEFT JOIN app_user u ON u.id = n.actor_id
        WHERE ${MINE}
        ORDER BY n.created_at DESC, n.id DESC LIMIT ${LISTED}`,
      [userId],
    );
    const [{ unread }] = (await this.dataSource.query(`SELECT count(*)::int AS unread FROM notification n WHERE ${MINE} AND n.read_at IS NULL`, [userId])) as Array<{ unread: number }>;
    return { items: rows.map(present), unread };
  }

  /** Ids that are not the caller's are ignored, so nobody learns which ids exist. */
  async markRead(userId: string, ids: readonly string[]): Promise<void> {
    await this.dataSource.query(`UPDATE notification SET read_at = now() WHERE user_id = $1 AND id = ANY($2::uuid[]) AND read_at IS NULL`, [userId, ids]);
  }
}
