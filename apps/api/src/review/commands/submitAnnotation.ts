// An author submits their annotation for review (draft or rejected → submitted), with
// annotation.submitted in the same transaction.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AnnotationRow } from '../../annotations/annotation-row';
import { updateAtVersion } from '../../annotations/version-guard';
import { DomainError } from '../../common/domain-error';
import { EventType } from '../../events/event-types';
import { recordEvent } from '../../events/record-event';

@Injectable()
export class SubmitAnnotation {
  constructor(private readonly dataSource: DataSource) {}

  async run(current: AnnotationRow, actorId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const version = await updateAtVersion(manager, current.id, current.version, `status = 'submitted'`, [], `deleted_at IS NULL AND status IN ('draft', 'rejected')`);
      if (version === null) throw DomainError.conflict(`This annotation is ${current.status}; only drafts and rejected ones can be submitted`);
      await recordEvent(manager, {
        type: EventType.AnnotationSubmitted,
        workspaceId: current.workspace_id,
        documentId: current.document_id,
        subjectId: current.id,
        actorId,
        payload: { version, changes: { status: { from: current.status, to: 'submitted' } } },
      });
    });
  }
}
