// Creates a workspace with the caller as its owner.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CreateWorkspaceBody, WorkspaceSummary } from '@glossa/contracts';
import { OWNER_ROLE } from '../../policies/workspace-policy';
import { insertWorkspace } from '../membership-writes';
import { presentWorkspace } from '../presenters/workspacePresenter';

@Injectable()
export class CreateWorkspace {
  constructor(private readonly dataSource: DataSource) {}

  async run(actorId: string, input: CreateWorkspaceBody): Promise<WorkspaceSummary> {
    const id = await this.dataSource.transaction((manager) => insertWorkspace(manager, input.name, actorId, 'created-workspace'));
    return presentWorkspace({ id, name: input.name, role: OWNER_ROLE });
  }
}
