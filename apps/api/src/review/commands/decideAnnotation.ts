// A reviewer accepts or rejects a submitted annotation at the version they read: the status, the
// optional comment, annotation.decided and the author's notification in one transaction.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AnnotationDecisionBody } from '@glossa/contracts';
import type { AnnotationRow } from '../../annotations/annotation-row';
import { updateAtVersion } from '../../annotations/version-guard';
import { notify } from '../../comments/notify';
import { DomainError } from '../../common/domain-error';
import { EventType } from '../../events/event-types';
import { recordEvent } from '../../events/record-event';

const STATUS_OF = { accept: 'accepted', reject: 'rejected' } as const;

@Injectable()
export class DecideAnnotation {
  constructor(private readonly dataSource: DataSource) {}

  async run(current: AnnotationRow, actorId: string, expectedVersion: number, body: AnnotationDecisionBody): Promise<void> {
    if (current.version !== expectedVersion) throw DomainError.preconditionFailed(current.version);
    const to = STATUS_OF[body.decision];
    await this.dataSource.transaction(async (manager) => {
      const version = await updateAtVersion(manager, current.id, expectedVersion, `status = $3`, [to], `deleted_at IS NULL AND status = 'submitted'`);
      if (version === null) throw DomainError.conflict(`This annotation is ${current.status}; only submitted ones can be decided`);
      let commentId: string | undefined;
      if (body.comment !== undefined) {
        const [row] = (await manager.query(`INSERT INTO comment (workspace_id, annotation_id, author_id, body) VALUES ($1, $2, $3, $4) RETURNING id`, [
          current.workspace_id,
          current.id,
          actorId,
          body.comment,
        ])) as Array<{ id: string }>;
        commentId = row!.id;
      }
      await recordEvent(manager, {
        type: EventType.AnnotationDecided,
        workspaceId: current.workspace_id,
        documentId: current.document_id,
        subjectId: current.id,
        actorId,
        payload: { version, changes: { status: { from: 'submitted', to } }, comment: body.comment ?? null },
      });
      await notify(manager, { userIds: [current.author_id], workspaceId: current.workspace_id, type: 'decision', actorId, annotationId: current.id, commentId });
    });
  }
}
