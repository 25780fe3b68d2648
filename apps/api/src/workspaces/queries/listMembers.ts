// Lists a workspace's members, owners first; any member may see who else is in the room.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ROLES, type MemberList } from '@glossa/contracts';
import { WorkspaceAccess } from '../workspace-access';
import { presentMember, type MemberRow } from '../presenters/workspacePresenter';

@Injectable()
export class ListMembers {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: WorkspaceAccess,
  ) {}

  async run(actorId: string, workspaceId: string): Promise<MemberList> {
    await this.access.requireMember(actorId, workspaceId);
    const rows: MemberRow[] = await this.dataSource.query(
      `SELECT m.user_id, u.name, u.email, m.role, m.created_at
         FROM membership m JOIN app_user u ON u.id = m.user_id
        WHERE m.workspace_id = $1
        ORDER BY array_position($2::text[], m.role), m.created_at, m.user_id`,
      [workspaceId, ROLES],
    );
    return { items: rows.map(presentMember) };
  }
}
