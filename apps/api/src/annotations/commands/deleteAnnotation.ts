// Soft-deletes an annotation (deleted_at), so it can be restored with its author and history.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '../../common/domain-error';
import { EventType } from '../../events/event-types';
import { recordEvent } from '../../events/record-event';
import type { AnnotationRow } from '../annotation-row';
import { updateAtVersion } from '../version-guard';

@Injectable()
export class DeleteAnnotation {
  constructor(private readonly dataSource: DataSource) {}

  async run(current: AnnotationRow, actorId: string, expectedVersion: number): Promise<void> {
    if (current.version !== expectedVersion) throw DomainError.preconditionFailed(current.version);
    await this.dataSource.transaction(async (manager) => {
      const version = await updateAtVersion(manager, current.id, expectedVersion, 'deleted_at = now()', []);
      if (version === null) throw DomainError.notFound('Annotation');
      await recordEvent(manager, {
        type: EventType.AnnotationDeleted,
        workspaceId: current.workspace_id,
        documentId: current.document_id,
        subjectId: current.id,
        actorId,
        payload: { version, changes: { deleted: true } },
      });
    });
  }
}
