// Reads, under a per-workspace lock, what a membership change must decide on: the actor's
// role, the target's row and how many owners there are. Two owners demoting each other at
// the same moment are serialized here, so a workspace can never end up without an owner.
import type { EntityManager } from 'typeorm';
import type { Role } from '@glossa/contracts';
import { DomainError } from '../common/domain-error';
import { OWNER_ROLE } from '../policies/workspace-policy';
import type { MemberRow } from './presenters/workspacePresenter';
import type { WorkspaceAccess } from './workspace-access';

export interface LockedMembership {
  actorRole: Role;
  target: MemberRow;
  ownerCount: number;
}

export async function lockMembership(manager: EntityManager, access: WorkspaceAccess, workspaceId: string, actorId: string, targetId: string): Promise<LockedMembership> {
  await manager.query(`SELECT id FROM workspace WHERE id = $1 FOR UPDATE`, [workspaceId]);
  const actorRole = await access.requireMember(actorId, workspaceId, manager);
  const targets: MemberRow[] = await manager.query(
    `SELECT m.user_id, u.name, u.email, m.role, m.created_at
       FROM membership m JOIN app_user u ON u.id = m.user_id
      WHERE m.workspace_id = $1 AND m.user_id = $2`,
    [workspaceId, targetId],
  );
  const target = targets[0];
  if (!target) throw DomainError.notFound('Member');
  const owners: Array<{ count: number }> = await manager.query(
    `SELECT count(*)::int AS count FROM membership WHERE workspace_id = $1 AND role = $2`,
    [workspaceId, OWNER_ROLE],
  );
  return { actorRole, target, ownerCount: owners[0]?.count ?? 0 };
}
