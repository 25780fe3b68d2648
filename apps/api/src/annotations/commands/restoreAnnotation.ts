// Undoes a soft delete; the annotation keeps its original author and history. Deleted
// annotations sit out re-imports, so one restored after a re-import is re-anchored in the
// current revision right away (or detached), never left on an old revision as "anchored".
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '../../common/domain-error';
import { EventType } from '../../events/event-types';
import { recordEvent } from '../../events/record-event';
import type { AnnotationRow } from '../annotation-row';
import { updateAtVersion } from '../version-guard';
import { reanchorAnnotations } from './reanchorAnnotations';

@Injectable()
export class RestoreAnnotation {
  constructor(private readonly dataSource: DataSource) {}

  async run(annotation: AnnotationRow, actorId: string, expectedVersion: number): Promise<void> {
    if (annotation.version !== expectedVersion) throw DomainError.preconditionFailed(annotation.version);
    await this.dataSource.transaction(async (manager) => {
      // FOR SHARE first: a concurrent re-import either finishes before this or waits for it.
      const [revision] = (await manager.query(
        `SELECT r.id, r.text FROM document d JOIN document_revision r ON r.id = d.current_revision_id WHERE d.id = $1 FOR SHARE OF d`,
        [annotation.document_id],
      )) as Array<{ id: string; text: string }>;
      const version = await updateAtVersion(manager, annotation.id, expectedVersion, 'deleted_at = NULL', [], 'deleted_at IS NOT NULL');
      if (version === null) throw DomainError.conflict('This annotation is not deleted');
      await recordEvent(manager, {
        type: EventType.AnnotationRestored,
        workspaceId: annotation.workspace_id,
        documentId: annotation.document_id,
        subjectId: annotation.id,
        actorId,
        payload: { version, changes: { deleted: false } },
      });
      if (revision && revision.id !== annotation.revision_id) {
        await reanchorAnnotations(manager, { workspaceId: annotation.workspace_id, documentId: annotation.document_id, revision, actorId, annotationIds: [annotation.id] });
      }
    });
  }
}
