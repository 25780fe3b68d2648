// Resolves a document's workspace and checks the caller's role there. A document of a workspace
// they do not belong to answers exactly like a missing one (404), never 403 (SECURITY.md B1).
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Action } from '@glossa/contracts';
import { DomainError } from '../common/domain-error';
import { can } from '../policies/workspace-policy';
import { WorkspaceAccess } from '../workspaces/workspace-access';

@Injectable()
export class DocumentAccess {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: WorkspaceAccess,
  ) {}

  /** The document's workspace id, once the caller may do `action` on it. */
  async require(userId: string, documentId: string, action: Action): Promise<string> {
    const rows: Array<{ workspace_id: string }> = await this.dataSource.query(`SELECT workspace_id FROM document WHERE id = $1`, [documentId]);
    const workspaceId = rows[0]?.workspace_id;
    if (workspaceId === undefined) throw DomainError.notFound('Document');
    const role = await this.access.roleOf(userId, workspaceId);
    if (!can(role, Action.ReadDocuments)) throw DomainError.notFound('Document');
    if (!can(role, action)) throw DomainError.forbidden('Your role in this workspace does not allow this');
    return workspaceId;
  }
}
