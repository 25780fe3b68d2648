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

/** The links with these ids, in the order given; missing ids are left out. One round trip: the
 * passages come as a JSON array per link, in their linked order. */
export async function findLinkRows(manager: EntityManager, ids: readonly string[]): Promise<LinkRow[]> {
  if (ids.length === 0) return [];
  const links: Array<Omit<LinkRow, 'passages'> & { passages: Array<Omit<PassageRow, 'deleted_at'> & { deleted_at: string | null }> }> = await manager.query(
    `SELECT l.id, l.workspace_id, l.type, l.status, l.severity, l.rationale, l.raised_by, r.name AS raised_by_name,
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
                       WHERE la.link_id = l.id), '[]') AS passages
       FROM link l JOIN app_user r ON r.id = l.raised_by LEFT JOIN app_user s ON s.id = l.assignee_id
      WHERE l.id = ANY($1::uuid[])`,
    [ids],
  );
  const byId = new Map(
    links.map((link) => [
      link.id,
      { ...link, passages: link.passages.map((passage) => ({ ...passage, deleted_at: passage.deleted_at === null ? null : new Date(passage.deleted_at) })) },
    ]),
  );
  return ids.flatMap((id) => byId.get(id) ?? []);
}
