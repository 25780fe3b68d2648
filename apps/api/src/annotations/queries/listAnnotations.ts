// Lists what a caller may see of a document's annotations — shared ones and their own private
// ones, never anyone else's — in document order with detached ones last, optionally filtered.
// A document can hold thousands: PostgreSQL builds the response's JSON (the presenter's exact
// shape, `annotationPresenter.ts`) and it goes out as one string, with no row parsing in Node.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ListAnnotationsQuery } from '@glossa/contracts';
import { DomainError } from '../../common/domain-error';
import { annotationAbilities } from '../../policies/annotation-policy';
import type { Viewer } from '../presenters/annotationPresenter';

/** An instant as `Date.prototype.toISOString` writes it (milliseconds, UTC, Z). */
const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** One annotation as `presentAnnotation` shapes it; `$2` is the viewer, `$3`/`$4` their abilities on own/others'. */
const ANNOTATION_JSON = `json_build_object(
  'id', a.id, 'documentId', a.document_id, 'tag', a.tag, 'note', a.note, 'visibility', a.visibility, 'status', a.status,
  'target', json_build_object('revisionId', a.revision_id, 'selector', json_build_array(
    json_build_object('type', 'TextPositionSelector', 'start', a.start_offset, 'end', a.end_offset),
    json_build_object('type', 'TextQuoteSelector', 'exact', a.quote_exact, 'prefix', a.quote_prefix, 'suffix', a.quote_suffix))),
  'anchorStatus', a.anchor_status,
  'author', json_build_object('id', a.author_id, 'name', u.name),
  'created', ${iso('a.created_at')}, 'modified', ${iso('a.modified_at')},
  'version', a.version,
  'abilities', CASE WHEN a.author_id = $2 THEN $3::json ELSE $4::json END)`;

@Injectable()
export class ListAnnotations {
  constructor(private readonly dataSource: DataSource) {}

  /** The AnnotationList as JSON text. */
  async run(documentId: string, viewer: Viewer, query: ListAnnotationsQuery): Promise<string> {
    const [document] = (await this.dataSource.query(`SELECT current_revision_id FROM document WHERE id = $1`, [documentId])) as Array<{ current_revision_id: string | null }>;
    if (!document?.current_revision_id) throw DomainError.notFound('Document');
    // Every listed annotation is visible to the viewer, so only authorship changes what they may do:
    // the policy answers for both cases once, and the query picks per row.
    const own = annotationAbilities(viewer.role, viewer.userId, { authorId: viewer.userId, visibility: 'shared' });
    const others = annotationAbilities(viewer.role, viewer.userId, { authorId: '', visibility: 'shared' });
    const params: unknown[] = [documentId, viewer.userId, JSON.stringify(own), JSON.stringify(others)];
    const where = [`a.document_id = $1`, `a.deleted_at IS NULL`, `(a.visibility = 'shared' OR a.author_id = $2)`];
    const filter = (sql: (n: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (query.tag) filter((p) => `a.tag = ${p}`, query.tag);
    if (query.authorId) filter((p) => `a.author_id = ${p}`, query.authorId);
    if (query.visibility) filter((p) => `a.visibility = ${p}`, query.visibility);
    if (query.status) filter((p) => `a.status = ${p}`, query.status);
    // strpos, not LIKE: the text is matched literally, % and _ included.
    if (query.q) filter((p) => `(strpos(lower(a.quote_exact), lower(${p})) > 0 OR strpos(lower(coalesce(a.note, '')), lower(${p})) > 0)`, query.q);
    const [row] = (await this.dataSource.query(
      `SELECT coalesce(json_agg(${ANNOTATION_JSON} ORDER BY (a.anchor_status = 'detached'), a.start_offset, a.end_offset, a.created_at, a.id), '[]')::text AS items
         FROM annotation a JOIN app_user u ON u.id = a.author_id
        WHERE ${where.join(' AND ')}`,
      params,
    )) as Array<{ items: string }>;
    return `{"revisionId":${JSON.stringify(document.current_revision_id)},"items":${row!.items}}`;
  }
}
