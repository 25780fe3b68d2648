// Writes notifications inside the caller's transaction: mentions in comments, decisions on
// someone's flag or annotation. Nobody is notified of their own doing.
import type { EntityManager } from 'typeorm';
import type { NotificationType } from '@glossa/contracts';

export interface NewNotifications {
  userIds: readonly string[];
  workspaceId: string;
  type: NotificationType;
  actorId: string;
  linkId?: string;
  annotationId?: string;
  commentId?: string;
}

export async function notify(manager: EntityManager, n: NewNotifications): Promise<void> {
  const recipients = [...new Set(n.userIds)].filter((id) => id !== n.actorId);
  if (recipients.length === 0) return;
  await manager.query(
    `INSERT INTO notification (user_id, workspace_id, type, actor_id, link_id, annotation_id, comment_id)
     SELECT u, $2, $3, $4, $5, $6, $7 FROM unnest($1::uuid[]) AS u`,
    [recipients, n.workspaceId, n.type, n.actorId, n.linkId ?? null, n.annotationId ?? null, n.commentId ?? null],
  );
}
