// Imports text, Markdown or HTML as a new document with its first immutable revision,
// and writes the document.imported event in the same transaction. With an Idempotency-Key, a
// retry of the same import by the same person returns the first document (SECURITY.md H2).
import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { DocumentFormat } from '@glossa/contracts';
import { replayIdempotent, type IdempotencyLedger } from '../../common/idempotency-ledger';
import { isUniqueViolation } from '../../common/unique-violation';
import { EventType } from '../../events/event-types';
import { recordEvent } from '../../events/record-event';
import { DocumentConverter } from '../conversion/document-converter';
import { DocumentEntity } from '../document.entity';
import { RevisionEntity } from '../revision.entity';
import { convertContent, insertRevision } from '../revision-content';

export interface ImportDocumentInput {
  workspaceId: string;
  actorId: string | null;
  title: string;
  format: DocumentFormat;
  content: string | Uint8Array;
  /** Set for the demo corpus; a second import of the same key is skipped. */
  seedKey?: string;
  /** A client-chosen key (with a signed-in actor) that makes the import safe to retry. */
  idempotencyKey?: string;
}

const DOCUMENT_LEDGER: IdempotencyLedger = { table: 'document_idempotency', subjectColumn: 'document_id', noun: 'document' };
const IDEMPOTENCY_PKEY = 'document_idempotency_pkey';

/** What makes two imports "the same request": destination, title, format and the exact bytes. */
function requestHash(input: ImportDocumentInput): string {
  const content = createHash('sha256').update(input.content).digest('hex');
  return createHash('sha256').update(JSON.stringify([input.workspaceId, input.title, input.format, content])).digest('hex');
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
    const key = input.actorId !== null ? input.idempotencyKey : undefined;
    const requestSha256 = key !== undefined ? requestHash(input) : '';
    if (key !== undefined) {
      const earlier = await this.replay(input.actorId!, key, requestSha256);
      if (earlier) return earlier;
    }
    try {
      return await this.insert(input, key, requestSha256);
    } catch (error) {
      if (key === undefined || !isUniqueViolation(error, IDEMPOTENCY_PKEY)) throw error;
      // A concurrent import with the same key committed first.
      const earlier = await this.replay(input.actorId!, key, requestSha256);
      if (!earlier) throw error;
      return earlier;
    }
  }

  /** The document a key already imported, with the revision that import created. */
  private async replay(userId: string, key: string, requestSha256: string): Promise<ImportedDocument | null> {
    const documentId = await replayIdempotent(this.dataSource, DOCUMENT_LEDGER, userId, key, requestSha256);
    if (!documentId) return null;
    const document = await this.dataSource.getRepository(DocumentEntity).findOneByOrFail({ id: documentId });
    const revision = await this.dataSource.getRepository(RevisionEntity).findOneOrFail({
      where: { documentId, number: 1 },
      select: { id: true, documentId: true, number: true, format: true, doc: true, textLength: true, createdAt: true },
    });
    return { document, revision };
  }

  private async insert(input: ImportDocumentInput, key: string | undefined, requestSha256: string): Promise<ImportedDocument | null> {
    const content = await convertContent(this.converter, input.format, input.content, input.actorId);

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

      if (key !== undefined) {
        await manager.query(`INSERT INTO document_idempotency (user_id, key, request_sha256, document_id) VALUES ($1, $2, $3, $4)`, [
          input.actorId,
          key,
          requestSha256,
          documentId,
        ]);
      }
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
