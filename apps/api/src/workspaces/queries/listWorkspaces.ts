// The workspaces a person belongs to, with their role (and so their abilities) in each.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Role, WorkspaceSummary } from '@glossa/contracts';
import { presentWorkspace } from '../presenters/workspacePresenter';

@Injectable()
export class ListWorkspaces {
  constructor(private readonly dataSource: DataSource) {}

  async run(userId: string): Promise<WorkspaceSummary[]> {
    const rows: Array<{ id: string; name: string; role: Role }> = await this.dataSource.query(
      `SELECT w.id, w.name, m.role
         FROM membership m JOIN workspace w ON w.id = m.workspace_id
        WHERE m.user_id = $1
        ORDER BY m.created_at, w.id`,
      [userId],
    );
    return rows.map(presentWorkspace);
  }
}
