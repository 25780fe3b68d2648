// Re-imports a changed version of a document as its next revision and re-anchors its
// annotations, all in one transaction with the document.revised event: either the new revision
// exists with every annotation re-anchored or detached, or nothing changed.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { DocumentFormat, ReanchorCounts } from '@glossa/contracts';
import { reanchorAnnotations } from '../../annotations/commands/reanchorAnnotations';
import { DomainError } from '../../common/domain-error';
import { EventType } from '../../events/event-types';
import { recordEvent } from '../../events/record-event';
import { DocumentConverter } from '../conversion/document-converter';
import { DocumentEntity } from '../document.entity';
import type { RevisionEntity } from '../revision.entity';
import { convertContent, insertRevision } from '../revision-content';

export interface ImportRevisionInput {
  workspaceId: string;
  documentId: string;
  actorId: string;
  format: DocumentFormat;
  content: string | Uint8Array;
}

export interface ImportedRevision {
  document: DocumentEntity;
  revision: RevisionEntity;
  reanchored: ReanchorCounts;
}

@Injectable()
export class ImportRevision {
  constructor(
    private readonly dataSource: DataSource,
    private readonly converter: DocumentConverter,
  ) {}

  async run(input: ImportRevisionInput): Promise<ImportedRevision> {
    const content = await convertContent(this.converter, input.format, input.content, input.actorId);
    return this.dataSource.transaction(async (manager) => {
      // FOR UPDATE: re-imports of one document take turns, and annotation writes (which hold
      // the document FOR SHARE while they check the revision) wait for this one to finish.
      const [current] = (await manager.query(
        `SELECT r.id, r.number FROM document d JOIN document_revision r ON r.id = d.current_revision_id
          WHERE d.id = $1 AND d.workspace_id = $2 FOR UPDATE OF d`,
        [input.documentId, input.workspaceId],
      )) as Array<{ id: string; number: number }>;
      if (!current) throw DomainError.notFound('Document');
      const revision = await insertRevision(manager, input.documentId, current.number + 1, content);
      await recordEvent(manager, {
        type: EventType.DocumentRevised,
        workspaceId: input.workspaceId,
        documentId: input.documentId,
        subjectId: input.documentId,
        actorId: input.actorId,
        payload: { revisionId: revision.id, previousRevisionId: current.id, number: revision.number, format: input.format },
      });
      const reanchored = await reanchorAnnotations(manager, {
        workspaceId: input.workspaceId,
        documentId: input.documentId,
        revision: { id: revision.id, text: content.text },
        actorId: input.actorId,
      });
      const document = await manager.getRepository(DocumentEntity).findOneByOrFail({ id: input.documentId });
      return { document, revision, reanchored };
    });
  }
}
