// What every import path shares, so a first import and a re-import cannot drift apart:
// converting content off the main thread (refusing what has no text), and writing a revision.
import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { codePointLength } from '@glossa/anchoring';
import { ErrorCode, type DocumentFormat, type DocumentLanguage } from '@glossa/contracts';
import { DomainError } from '../common/domain-error';
import type { DocumentConverter } from './conversion/document-converter';
import { RevisionEntity } from './revision.entity';

export interface RevisionContent {
  format: DocumentFormat;
  doc: Record<string, unknown>;
  /** The canonical text every annotation offset counts code points in. */
  text: string;
  language: DocumentLanguage;
  sourceSha256: string;
}

/**
 * Converts imported content into a revision's ProseMirror JSON and canonical text, or throws the
 * field error. `owner`: the importing user, whose concurrent conversions are capped (null: seeds).
 */
export async function convertContent(converter: DocumentConverter, format: DocumentFormat, content: string | Uint8Array, owner: string | null = null): Promise<RevisionContent> {
  const converted = await converter.convert({ format, content }, owner);
  if (!converted.ok) {
    throw new DomainError(converted.code, converted.message, [{ path: converted.field, message: converted.message }]);
  }
  if (converted.empty) {
    throw new DomainError(ErrorCode.ValidationFailed, 'The document has no text', [{ path: 'content', message: 'content has no text once imported' }]);
  }
  return { format, doc: converted.doc, text: converted.text, language: converted.language, sourceSha256: createHash('sha256').update(content).digest('hex') };
}

/** Writes revision `number` of a document and makes it current, in the caller's transaction. */
export async function insertRevision(manager: EntityManager, documentId: string, number: number, content: RevisionContent): Promise<RevisionEntity> {
  const repository = manager.getRepository(RevisionEntity);
  const revision = await repository.save(
    repository.create({
      documentId,
      number,
      format: content.format,
      doc: content.doc,
      text: content.text,
      textLength: codePointLength(content.text),
      sourceSha256: content.sourceSha256,
    }),
  );
  await manager.query(`UPDATE document SET current_revision_id = $2, language = $3 WHERE id = $1`, [documentId, revision.id, content.language]);
  return revision;
}
