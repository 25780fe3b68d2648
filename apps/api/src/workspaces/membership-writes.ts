// The writes every way into a workspace shares (first account, invite, open sign-up, creating
// one): a membership row plus its audit event, inside the caller's transaction.
import type { EntityManager } from 'typeorm';
import type { Role } from '@glossa/contracts';
import { EventType } from '../events/event-types';
import { recordEvent } from '../events/record-event';
import { OWNER_ROLE } from '../policies/workspace-policy';

export interface JoinedVia {
  /** How they came in, kept in the audit event. */
  via: 'first-account' | 'invite' | 'open-signup' | 'created-workspace';
  inviteId?: string;
}

export async function insertMembership(manager: EntityManager, workspaceId: string, userId: string, role: Role, joined: JoinedVia): Promise<void> {
  await manager.query(`INSERT INTO membership (workspace_id, user_id, role) VALUES ($1, $2, $3)`, [workspaceId, userId, role]);
  await recordEvent(manager, {
    type: EventType.MemberJoined,
    workspaceId,
    documentId: null,
    subjectId: userId,
    actorId: userId,
    payload: { role, ...joined },
  });
}

/** A new workspace with `ownerId` as its owner. */
export async function insertWorkspace(manager: EntityManager, name: string, ownerId: string, via: JoinedVia['via']): Promise<string> {
  const rows: Array<{ id: string }> = await manager.query(`INSERT INTO workspace (name) VALUES ($1) RETURNING id`, [name]);
  const workspaceId = rows[0]!.id;
  await recordEvent(manager, { type: EventType.WorkspaceCreated, workspaceId, documentId: null, subjectId: workspaceId, actorId: ownerId, payload: { name } });
  await insertMembership(manager, workspaceId, ownerId, OWNER_ROLE, { via });
  return workspaceId;
}

export async function setCurrentWorkspace(manager: EntityManager, userId: string, workspaceId: string): Promise<void> {
  await manager.query(`UPDATE app_user SET current_workspace_id = $2 WHERE id = $1`, [userId, workspaceId]);
}
