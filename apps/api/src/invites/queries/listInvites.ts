// Pending invites of a workspace (unused, unexpired), for the people who manage members. No tokens.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Action, type InviteList } from '@glossa/contracts';
import { WorkspaceAccess } from '../../workspaces/workspace-access';
import { presentInvite, type InviteRow } from '../presenters/invitePresenter';

@Injectable()
export class ListInvites {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: WorkspaceAccess,
  ) {}

  async run(actorId: string, workspaceId: string): Promise<InviteList> {
    await this.access.requireAbility(actorId, workspaceId, Action.ManageMembers);
    const rows: InviteRow[] = await this.dataSource.query(
      `SELECT i.id, i.role, i.expires_at, i.created_at, i.created_by, u.name AS created_by_name
         FROM invite i JOIN app_user u ON u.id = i.created_by
        WHERE i.workspace_id = $1 AND i.used_at IS NULL AND i.expires_at > now()
        ORDER BY i.created_at DESC, i.id`,
      [workspaceId],
    );
    return { items: rows.map(presentInvite) };
  }
}
