// Imports text, Markdown or HTML as a new document with its first immutable revision,
// and writes the document.imported event in the same transaction.
import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { codePointLength } from '@glossa/anchoring';
import { ErrorCode, type DocumentFormat } from '@glossa/contracts';
import { DomainError } from '../../common/domain-error';
import { EventType } from '../../events/event-types';
import { recordEvent } from '../../events/record-event';
import { DocumentConverter } from '../conversion/document-converter';
import { DocumentEntity } from '../document.entity';
import { RevisionEntity } from '../revision.entity';

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
    const converted = await this.converter.convert({ format: input.format, content: input.content });
    if (!converted.ok) {
      throw new DomainError(converted.code, converted.message, [{ path: converted.field, message: converted.message }]);
    }
    if (converted.empty) {
      throw new DomainError(ErrorCode.ValidationFailed, 'The document has no text', [{ path: 'content', message: 'content has no text once imported' }]);
    }
    const { text } = converted;
    const sourceSha256 = createHash('sha256').update(input.content).digest('hex');

    return this.dataSource.transaction(async (manager) => {
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(DocumentEntity)
        .values({ workspaceId: input.workspaceId, title: input.title, language: converted.language, seedKey: input.seedKey ?? null })
        .orIgnore()
        .returning('*')
        .execute();
      if (inserted.identifiers.length === 0 || !inserted.identifiers[0]) return null;
      const documentId = inserted.identifiers[0].id as string;

      const revision = await manager.getRepository(RevisionEntity).save(
        manager.getRepository(RevisionEntity).create({
          documentId,
          number: 1,
          format: input.format,
          doc: converted.doc,
          text,
          textLength: codePointLength(text),
          sourceSha256,
        }),
      );
      await manager.getRepository(DocumentEntity).update({ id: documentId }, { currentRevisionId: revision.id });
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
