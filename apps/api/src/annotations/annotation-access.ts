// Loads an annotation for a caller and answers "not found" for anything they may not see:
// another workspace, someone else's private annotation, a deleted one (unless asked for).
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Role } from '@glossa/contracts';
import { DomainError } from '../common/domain-error';
import { canSeeAnnotation } from '../policies/annotation-policy';
import { WorkspaceAccess } from '../workspaces/workspace-access';
import { findAnnotationRow, type AnnotationRow } from './annotation-row';

export interface VisibleAnnotation {
  row: AnnotationRow;
  role: Role;
}

@Injectable()
export class AnnotationAccess {
  constructor(
    private readonly dataSource: DataSource,
    private readonly workspaces: WorkspaceAccess,
  ) {}

  async load(userId: string, annotationId: string, options: { includeDeleted?: boolean; manager?: EntityManager } = {}): Promise<VisibleAnnotation> {
    const manager = options.manager ?? this.dataSource.manager;
    const row = await findAnnotationRow(manager, annotationId);
    if (!row || (row.deleted_at !== null && !options.includeDeleted)) throw DomainError.notFound('Annotation');
    const role = await this.workspaces.roleOf(userId, row.workspace_id, manager);
    if (role === null || !canSeeAnnotation(role, userId, { authorId: row.author_id, visibility: row.visibility })) throw DomainError.notFound('Annotation');
    return { row, role };
  }
}
