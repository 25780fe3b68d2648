// Whitelists what a client may see of an annotation, with what the caller may do with it.
// Every path (create, read, list, update, restore, idempotent replay) answers through this.
import type { Annotation, Role } from '@glossa/contracts';
import { annotationAbilities } from '../../policies/annotation-policy';
import type { AnnotationRow } from '../annotation-row';

export interface Viewer {
  userId: string;
  role: Role | null;
}

export function presentAnnotation(row: AnnotationRow, viewer: Viewer): Annotation {
  return {
    id: row.id,
    documentId: row.document_id,
    tag: row.tag,
    note: row.note,
    visibility: row.visibility,
    status: row.status,
    target: {
      revisionId: row.revision_id,
      selector: [
        { type: 'TextPositionSelector', start: row.start_offset, end: row.end_offset },
        { type: 'TextQuoteSelector', exact: row.quote_exact, prefix: row.quote_prefix, suffix: row.quote_suffix },
      ],
    },
    anchorStatus: row.anchor_status,
    author: { id: row.author_id, name: row.author_name },
    created: row.created_at.toISOString(),
    modified: row.modified_at.toISOString(),
    version: row.version,
    abilities: annotationAbilities(viewer.role, viewer.userId, { authorId: row.author_id, visibility: row.visibility }),
  };
}

/** The ETag of an annotation: its version, quoted (RFC 9110 §8.8.3). */
export function annotationEtag(version: number): string {
  return `"${version}"`;
}
