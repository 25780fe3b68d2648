// Changes an annotation's tag, note, visibility or extent at the version the client last read,
// and records who changed what (annotation.updated) in the same transaction.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { UpdateAnnotationBody } from '@glossa/contracts';
import { DomainError } from '../../common/domain-error';
import { EventType } from '../../events/event-types';
import { recordEvent } from '../../events/record-event';
import type { AnnotationRow } from '../annotation-row';
import { resolveTarget } from '../resolve-target';
import { updateAtVersion } from '../version-guard';

export interface UpdateAnnotationInput {
  /** The annotation as the caller may see it, read before this write. */
  current: AnnotationRow;
  actorId: string;
  expectedVersion: number;
  body: UpdateAnnotationBody;
}

@Injectable()
export class UpdateAnnotation {
  constructor(private readonly dataSource: DataSource) {}

  async run({ current, actorId, expectedVersion, body }: UpdateAnnotationInput): Promise<void> {
    // What the caller read is stale already: no need to open a transaction.
    if (current.version !== expectedVersion) throw DomainError.preconditionFailed(current.version);
    await this.dataSource.transaction(async (manager) => {
      const sets: string[] = [];
      const params: unknown[] = [];
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      const assign = (column: string, value: unknown, field?: string, from?: unknown) => {
        params.push(value);
        sets.push(`${column} = $${params.length + 2}`);
        if (field !== undefined && from !== value) changes[field] = { from, to: value };
      };
      if (body.tag !== undefined) assign('tag', body.tag, 'tag', current.tag);
      if (body.note !== undefined) assign('note', body.note, 'note', current.note);
      if (body.visibility !== undefined) assign('visibility', body.visibility, 'visibility', current.visibility);
      if (body.target !== undefined) {
        const target = await resolveTarget(manager, current.document_id, body.target);
        assign('revision_id', target.revisionId);
        assign('start_offset', target.position.start);
        assign('end_offset', target.position.end);
        assign('quote_exact', target.quote.exact);
        assign('quote_prefix', target.quote.prefix ?? '');
        assign('quote_suffix', target.quote.suffix ?? '');
        assign('anchor_status', 'anchored');
        const before = { revisionId: current.revision_id, start: current.start_offset, end: current.end_offset, exact: current.quote_exact, anchorStatus: current.anchor_status };
        const after = { revisionId: target.revisionId, start: target.position.start, end: target.position.end, exact: target.quote.exact, anchorStatus: 'anchored' };
        if (JSON.stringify(before) !== JSON.stringify(after)) changes.target = { from: before, to: after };
      }
      const version = await updateAtVersion(manager, current.id, expectedVersion, sets.join(', '), params);
      if (version === null) throw DomainError.notFound('Annotation');
      await recordEvent(manager, {
        type: EventType.AnnotationUpdated,
        workspaceId: current.workspace_id,
        documentId: current.document_id,
        subjectId: current.id,
        actorId,
        payload: { version, changes },
      });
    });
  }
}
