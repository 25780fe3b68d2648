// Imports annotations into one workspace, all or nothing: each is given a target document of that
// workspace, anchored by its selectors against the document's current revision (quote first; unmatched →
// detached), stored with a new id and the importer as author, and logged as annotation.created with where
// it came from — every row and event in one transaction.
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CodePointText } from '@glossa/anchoring';
import { ErrorCode, type FieldError, type ImportedAnnotation, type ImportResult } from '@glossa/contracts';
import { DomainError } from '../../common/domain-error';
import { EventType } from '../../events/event-types';
import { recordEvents, type NewEvent } from '../../events/record-event';
import { join, type ImportCandidate } from '../../w3c/parse-w3c-annotation';
import { anchorCandidate, type PlacedAnnotation } from '../anchor-candidate';
import type { ImportPayload } from '../read-import-payload';

export interface ImportAnnotationsInput {
  workspaceId: string;
  actorId: string;
  payload: ImportPayload;
  /** Every annotation onto this document (of the workspace). */
  documentId?: string;
  /** Source document id or source IRI → target document id (of the workspace). */
  documentMap?: Record<string, string>;
}

/** Rows per INSERT (each column travels as one array parameter). */
const ROWS_PER_INSERT = 5_000;

const invalid = (fields: FieldError[]): DomainError => new DomainError(ErrorCode.ValidationFailed, 'Some annotations cannot be imported; nothing was stored', fields);

@Injectable()
export class ImportAnnotations {
  constructor(private readonly dataSource: DataSource) {}

  async run(input: ImportAnnotationsInput): Promise<ImportResult> {
    const { workspaceId } = input;
    const documentMap = normalizeMap(input.documentMap ?? {});
    const explicit = [...new Set([...(input.documentId ? [input.documentId.toLowerCase()] : []), ...Object.values(documentMap)])];
    // Named targets must be documents of this workspace; anything else answers like a missing document.
    if ((await this.documentsOf(workspaceId, explicit)).size !== explicit.length) throw DomainError.notFound('Document');
    const implicit = await this.documentsOf(workspaceId, input.payload.candidates.map((c) => c.sourceDocumentId).filter((id): id is string => id !== null));

    const errors: FieldError[] = [];
    const targets = input.payload.candidates.map((candidate) => {
      const target =
        (candidate.sourceIri !== null ? documentMap[candidate.sourceIri] : undefined) ??
        (candidate.sourceDocumentId !== null ? documentMap[candidate.sourceDocumentId] : undefined) ??
        input.documentId?.toLowerCase() ??
        (candidate.sourceDocumentId !== null && implicit.has(candidate.sourceDocumentId) ? candidate.sourceDocumentId : undefined);
      if (target === undefined) {
        errors.push({
          path: join(candidate.path, input.payload.format === 'glossa' ? 'documentId' : 'target.source'),
          message: 'names no document of this workspace; send documentId, or documentMap from the source document (id or IRI) to one of its documents',
        });
      }
      return target;
    });
    if (errors.length > 0) throw invalid(errors);

    return this.dataSource.transaction(async (manager) => {
      const documentIds = [...new Set(targets as string[])];
      // FOR SHARE: a concurrent re-import cannot replace a revision between anchoring and writing.
      const rows: Array<{ id: string; revision_id: string; text: string }> = documentIds.length
        ? await manager.query(
            `SELECT d.id, d.current_revision_id AS revision_id, r.text
               FROM document d JOIN document_revision r ON r.id = d.current_revision_id
              WHERE d.workspace_id = $1 AND d.id = ANY($2::uuid[])
              FOR SHARE OF d`,
            [workspaceId, documentIds],
          )
        : [];
      const documents = new Map(rows.map((row) => [row.id, { revisionId: row.revision_id, text: CodePointText.of(row.text) }]));
      if (documents.size !== documentIds.length) throw DomainError.notFound('Document');

      const placed: Array<{ id: string; candidate: ImportCandidate; documentId: string; revisionId: string; place: PlacedAnnotation }> = [];
      input.payload.candidates.forEach((candidate, index) => {
        const documentId = targets[index]!;
        const document = documents.get(documentId)!;
        const place = anchorCandidate(document.text, candidate, errors, join(candidate.path, 'target.selector'));
        if (place) placed.push({ id: randomUUID(), candidate, documentId, revisionId: document.revisionId, place });
      });
      if (errors.length > 0) throw invalid(errors);

      // One statement per chunk with one array parameter per column: PostgreSQL plans it once.
      for (let i = 0; i < placed.length; i += ROWS_PER_INSERT) {
        const chunk = placed.slice(i, i + ROWS_PER_INSERT);
        const column = <T>(pick: (row: (typeof chunk)[number]) => T): T[] => chunk.map(pick);
        await manager.query(
          `INSERT INTO annotation (id, workspace_id, document_id, revision_id, author_id, tag, note, visibility, anchor_status,
                                   start_offset, end_offset, quote_exact, quote_prefix, quote_suffix)
           SELECT id, $1::uuid, document_id, revision_id, $2::uuid, tag, note, visibility, anchor_status, start_offset, end_offset, quote_exact, quote_prefix, quote_suffix
             FROM unnest($3::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::text[], $8::text[], $9::text[], $10::int[], $11::int[], $12::text[], $13::text[], $14::text[])
                  AS t(id, document_id, revision_id, tag, note, visibility, anchor_status, start_offset, end_offset, quote_exact, quote_prefix, quote_suffix)`,
          [
            workspaceId,
            input.actorId,
            column((row) => row.id),
            column((row) => row.documentId),
            column((row) => row.revisionId),
            column((row) => row.candidate.tag),
            column((row) => row.candidate.note),
            column((row) => row.candidate.visibility),
            column((row) => row.place.anchorStatus),
            column((row) => row.place.start),
            column((row) => row.place.end),
            column((row) => row.place.exact),
            column((row) => row.place.prefix),
            column((row) => row.place.suffix),
          ],
        );
      }
      const events: NewEvent[] = placed.map(({ id, candidate, documentId, revisionId, place }) => ({
        type: EventType.AnnotationCreated,
        workspaceId,
        documentId,
        subjectId: id,
        actorId: input.actorId,
        payload: {
          version: 1,
          changes: {
            tag: candidate.tag,
            note: candidate.note,
            visibility: candidate.visibility,
            target: { revisionId, start: place.start, end: place.end, exact: place.exact, anchorStatus: place.anchorStatus },
            // Provenance: the importer is the author; who made it first, and where, stays in the history.
            importedFrom: { format: input.payload.format, id: candidate.sourceId, source: candidate.sourceIri, creator: candidate.creator, created: candidate.created },
          },
        },
      }));
      await recordEvents(manager, events);

      const annotations: ImportedAnnotation[] = placed.map(({ id, candidate, documentId, place }) => ({ id, documentId, anchorStatus: place.anchorStatus, tag: candidate.tag, sourceId: candidate.sourceId }));
      const anchored = annotations.filter((a) => a.anchorStatus === 'anchored').length;
      return { format: input.payload.format, imported: annotations.length, anchored, detached: annotations.length - anchored, annotations };
    });
  }

  private async documentsOf(workspaceId: string, ids: string[]): Promise<Set<string>> {
    const unique = [...new Set(ids.map((id) => id.toLowerCase()))];
    if (unique.length === 0) return new Set();
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM document WHERE workspace_id = $1 AND id = ANY($2::uuid[]) AND current_revision_id IS NOT NULL`,
      [workspaceId, unique],
    );
    return new Set(rows.map((row) => row.id));
  }
}

/** Map keys that are document ids compare case-insensitively; IRIs stay as written. */
function normalizeMap(map: Record<string, string>): Record<string, string> {
  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  return Object.fromEntries(Object.entries(map).map(([key, value]) => [UUID.test(key) ? key.toLowerCase() : key, value.toLowerCase()]));
}
