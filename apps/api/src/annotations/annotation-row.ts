// The one SELECT every annotation read uses (with the author's name), and the row it yields.
import type { EntityManager } from 'typeorm';
import type { AnchorStatus, AnnotationStatus, AnnotationTag, AnnotationVisibility } from '@glossa/contracts';

export interface AnnotationRow {
  id: string;
  workspace_id: string;
  document_id: string;
  revision_id: string;
  author_id: string;
  author_name: string;
  tag: AnnotationTag;
  note: string | null;
  visibility: AnnotationVisibility;
  status: AnnotationStatus;
  anchor_status: AnchorStatus;
  start_offset: number;
  end_offset: number;
  quote_exact: string;
  quote_prefix: string;
  quote_suffix: string;
  version: number;
  created_at: Date;
  modified_at: Date;
  deleted_at: Date | null;
}

export const ANNOTATION_COLUMNS = `a.id, a.workspace_id, a.document_id, a.revision_id, a.author_id, u.name AS author_name, a.tag, a.note,
  a.visibility, a.status, a.anchor_status, a.start_offset, a.end_offset, a.quote_exact, a.quote_prefix, a.quote_suffix,
  a.version, a.created_at, a.modified_at, a.deleted_at`;

export const ANNOTATION_FROM = `annotation a JOIN app_user u ON u.id = a.author_id`;

/** One annotation by id, deleted or not; visibility is the caller's to check. */
export async function findAnnotationRow(manager: EntityManager, id: string): Promise<AnnotationRow | null> {
  const rows: AnnotationRow[] = await manager.query(`SELECT ${ANNOTATION_COLUMNS} FROM ${ANNOTATION_FROM} WHERE a.id = $1`, [id]);
  return rows[0] ?? null;
}
