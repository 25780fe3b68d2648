// Makes one of the person's workspaces their current one (lists and imports default to it).
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { WorkspaceAccess } from '../../workspaces/workspace-access';
import { setCurrentWorkspace } from '../../workspaces/membership-writes';

@Injectable()
export class SwitchWorkspace {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: WorkspaceAccess,
  ) {}

  async run(userId: string, workspaceId: string): Promise<void> {
    await this.access.requireMember(userId, workspaceId);
    await setCurrentWorkspace(this.dataSource.manager, userId, workspaceId);
  }
}
