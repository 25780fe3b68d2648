// Loads a link for a caller; a link of a workspace they do not belong to is "not found" (B1).
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Action, type Role } from '@glossa/contracts';
import { DomainError } from '../common/domain-error';
import { can } from '../policies/workspace-policy';
import { WorkspaceAccess } from '../workspaces/workspace-access';
import { findLinkRows, type LinkRow } from './link-row';

export interface VisibleLink {
  row: LinkRow;
  role: Role;
}

@Injectable()
export class LinkAccess {
  constructor(
    private readonly dataSource: DataSource,
    private readonly workspaces: WorkspaceAccess,
  ) {}

  async load(userId: string, linkId: string, manager: EntityManager = this.dataSource.manager): Promise<VisibleLink> {
    const [row] = await findLinkRows(manager, [linkId]);
    if (!row) throw DomainError.notFound('Link');
    const role = await this.workspaces.roleOf(userId, row.workspace_id, manager);
    if (role === null || !can(role, Action.ReadDocuments)) throw DomainError.notFound('Link');
    return { row, role };
  }
}
