// Imports text, Markdown or HTML as a new document with its first immutable revision,
// and writes the document.imported event in the same transaction.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { DocumentFormat } from '@glossa/contracts';
import { EventType } from '../../events/event-types';
import { recordEvent } from '../../events/record-event';
import { DocumentConverter } from '../conversion/document-converter';
import { DocumentEntity } from '../document.entity';
import type { RevisionEntity } from '../revision.entity';
import { convertContent, insertRevision } from '../revision-content';

export interface ImportDocumentInput {
  workspaceId: string;
  actorId: string | null;
  title: string;
  format: DocumentFormat;
  content: string | Uint8Array;
  /** Set for the demo corpus; a second import of the same key is skipped. */
  seedKey?: string;
}

export interface ImportedDocument {
  document: DocumentEntity;
  revision: RevisionEntity;
}

@Injectable()
export class ImportDocument {
  constructor(
    private readonly dataSource: DataSource,
    private readonly converter: DocumentConverter,
  ) {}

  /** Returns null only for a seed key that was imported before. */
  async run(input: ImportDocumentInput): Promise<ImportedDocument | null> {
    const content = await convertContent(this.converter, input.format, input.content);

    return this.dataSource.transaction(async (manager) => {
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(DocumentEntity)
        .values({ workspaceId: input.workspaceId, title: input.title, language: content.language, seedKey: input.seedKey ?? null })
        .orIgnore()
        .returning('*')
        .execute();
      if (inserted.identifiers.length === 0 || !inserted.identifiers[0]) return null;
      const documentId = inserted.identifiers[0].id as string;

      const revision = await insertRevision(manager, documentId, 1, content);
      const document = await manager.getRepository(DocumentEntity).findOneByOrFail({ id: documentId });
      await recordEvent(manager, {
        type: EventType.DocumentImported,
        workspaceId: input.workspaceId,
        documentId,
        subjectId: documentId,
        actorId: input.actorId,
        payload: { revisionId: revision.id, title: document.title, format: input.format },
      });
      return { document, revision };
    });
  }
}
