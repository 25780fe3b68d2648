// The SELECTs every link read uses: the link with its raiser and assignee, and its passages with
// document titles — deleted annotations included, so a flag keeps the quote it was raised on.
import type { EntityManager } from 'typeorm';
import type { AnnotationTag, AnnotationVisibility, FlagStatus, LinkType, Severity } from '@glossa/contracts';

export interface PassageRow {
  link_id: string;
  id: string;
  document_id: string;
  document_title: string;
  quote_exact: string;
  quote_prefix: string;
  quote_suffix: string;
  tag: AnnotationTag;
  visibility: AnnotationVisibility;
  deleted_at: Date | null;
  author_id: string;
  author_name: string;
}

export interface LinkRow {
  id: string;
  workspace_id: string;
  type: LinkType;
  status: FlagStatus | null;
  severity: Severity | null;
  rationale: string;
  raised_by: string;
  raised_by_name: string;
  assignee_id: string | null;
  assignee_name: string | null;
  resolution: string | null;
  version: number;
  created_at: Date;
  modified_at: Date;
  passages: PassageRow[];
}

/** The columns of a link read: the link, its raiser's and assignee's names, and its passages as a
 * JSON array in their linked order. Goes with LINK_FROM. */
export const LINK_COLUMNS = `l.id, l.workspace_id, l.type, l.status, l.severity, l.rationale, l.raised_by, r.name AS raised_by_name,
            l.assignee_id, s.name AS assignee_name, l.resolution, l.version, l.created_at, l.modified_at,
            coalesce((SELECT json_agg(json_build_object(
                               'link_id', la.link_id, 'id', a.id, 'document_id', a.document_id, 'document_title', d.title,
                               'quote_exact', a.quote_exact, 'quote_prefix', a.quote_prefix, 'quote_suffix', a.quote_suffix,
                               'tag', a.tag, 'visibility', a.visibility, 'deleted_at', a.deleted_at,
                               'author_id', a.author_id, 'author_name', u.name) ORDER BY la.position)
                        FROM link_annotation la
                        JOIN annotation a ON a.id = la.annotation_id
                        JOIN document d ON d.id = a.document_id
                        JOIN app_user u ON u.id = a.author_id
                       WHERE la.link_id = l.id), '[]') AS passages`;

export const LINK_FROM = `link l JOIN app_user r ON r.id = l.raised_by LEFT JOIN app_user s ON s.id = l.assignee_id`;

/** A link as LINK_COLUMNS yields it, either as a row of its own or as JSON (`row_to_json`), where
 * the times arrive as text. */
export type RawLinkRow = Omit<LinkRow, 'passages' | 'created_at' | 'modified_at'> & {
  created_at: Date | string;
  modified_at: Date | string;
  passages: Array<Omit<PassageRow, 'deleted_at'> & { deleted_at: string | null }>;
};

export function toLinkRow(raw: RawLinkRow): LinkRow {
  return {
    ...raw,
    created_at: new Date(raw.created_at),
    modified_at: new Date(raw.modified_at),
    passages: raw.passages.map((passage) => ({ ...passage, deleted_at: passage.deleted_at === null ? null : new Date(passage.deleted_at) })),
  };
}

/** The links with these ids, in the order given; missing ids are left out. One round trip. */
export async function findLinkRows(manager: EntityManager, ids: readonly string[]): Promise<LinkRow[]> {
  if (ids.length === 0) return [];
  const links: RawLinkRow[] = await manager.query(`SELECT ${LINK_COLUMNS} FROM ${LINK_FROM} WHERE l.id = ANY($1::uuid[])`, [ids]);
  const byId = new Map(links.map((link) => [link.id, toLinkRow(link)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
