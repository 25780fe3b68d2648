// The whitelist from a stored annotation row to what the W3C writer needs (no visibility, status or version).
import type { AnnotationRow } from '../../annotations/annotation-row';
import type { W3cAnnotationInput } from '../w3c-collection';

export function w3cInputFromRow(row: AnnotationRow): W3cAnnotationInput {
  return {
    id: row.id,
    documentId: row.document_id,
    revisionId: row.revision_id,
    tag: row.tag,
    note: row.note,
    creator: { id: row.author_id, name: row.author_name },
    created: row.created_at,
    modified: row.modified_at,
    start: row.start_offset,
    end: row.end_offset,
    exact: row.quote_exact,
    prefix: row.quote_prefix,
    suffix: row.quote_suffix,
  };
}
