// Answers "which role does this person hold here" from the database on every request, and turns
// the policy's answer into errors: not a member → 404 like a missing id; too weak a role → 403.
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Action, Role } from '@glossa/contracts';
import { DomainError } from '../common/domain-error';
import { can } from '../policies/workspace-policy';

@Injectable()
export class WorkspaceAccess {
  constructor(private readonly dataSource: DataSource) {}

  async roleOf(userId: string, workspaceId: string, manager: EntityManager = this.dataSource.manager): Promise<Role | null> {
    const rows: Array<{ role: Role }> = await manager.query(`SELECT role FROM membership WHERE workspace_id = $1 AND user_id = $2`, [workspaceId, userId]);
    return rows[0]?.role ?? null;
  }

  /** The caller's role in a workspace of theirs; someone else's workspace is "not found", never "forbidden". */
  async requireMember(userId: string, workspaceId: string, manager?: EntityManager): Promise<Role> {
    const role = await this.roleOf(userId, workspaceId, manager);
    if (role === null) throw DomainError.notFound('Workspace');
    return role;
  }

  async requireAbility(userId: string, workspaceId: string, action: Action): Promise<Role> {
    const role = await this.requireMember(userId, workspaceId);
    if (!can(role, action)) throw DomainError.forbidden('Your role in this workspace does not allow this');
    return role;
  }

  /** The workspace the person last chose if they still belong to it, else their first; null if none. */
  async currentWorkspaceId(userId: string): Promise<string | null> {
    return (await this.membership(userId))?.workspaceId ?? null;
  }

  /**
   * The person's membership in `workspaceId`, or without one in their current workspace (as
   * currentWorkspaceId chooses it), with their role there; null when there is none. One read.
   */
  async membership(userId: string, workspaceId?: string): Promise<{ workspaceId: string; role: Role } | null> {
    const rows: Array<{ workspace_id: string; role: Role }> = await this.dataSource.query(
      `SELECT m.workspace_id, m.role
         FROM membership m JOIN app_user u ON u.id = m.user_id
        WHERE m.user_id = $1 AND ($2::uuid IS NULL OR m.workspace_id = $2::uuid)
        ORDER BY (m.workspace_id = u.current_workspace_id) DESC, m.created_at, m.workspace_id
        LIMIT 1`,
      [userId, workspaceId ?? null],
    );
    const row = rows[0];
    return row ? { workspaceId: row.workspace_id, role: row.role } : null;
  }
}
