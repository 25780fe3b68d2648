// Searches a workspace's annotations the caller may see by a literal, case-insensitive substring
// of quote or note. The bigram GIN index (migration Review) narrows queries of 2+ characters —
// 2-character Chinese included — and strpos re-checks, so % and _ are matched literally.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AnnotationSearchResult, SearchAnnotationsQuery } from '@glossa/contracts';
import { ANNOTATION_COLUMNS, ANNOTATION_FROM, type AnnotationRow } from '../../annotations/annotation-row';
import { presentAnnotation, type Viewer } from '../../annotations/presenters/annotationPresenter';

/** Must equal the indexed expression of annotation_search_bigrams for the planner to use it. */
const SEARCHED_TEXT = `glossa_bigrams(a.quote_exact || E'\\n' || coalesce(a.note, ''))`;

@Injectable()
export class SearchAnnotations {
  constructor(private readonly dataSource: DataSource) {}

  async run(workspaceId: string, viewer: Viewer, query: SearchAnnotationsQuery): Promise<AnnotationSearchResult> {
    const params: unknown[] = [workspaceId, viewer.userId, query.q];
    const where = [
      `a.workspace_id = $1`,
      `a.deleted_at IS NULL`,
      `(a.visibility = 'shared' OR a.author_id = $2)`,
      `(strpos(lower(a.quote_exact), lower($3)) > 0 OR strpos(lower(coalesce(a.note, '')), lower($3)) > 0)`,
    ];
    if ([...query.q].length >= 2) where.push(`${SEARCHED_TEXT} @> glossa_bigrams($3)`);
    const filter = (column: string, value: unknown) => {
      params.push(value);
      where.push(`${column} = $${params.length}`);
    };
    if (query.tag) filter('a.tag', query.tag);
    if (query.documentId) filter('a.document_id', query.documentId);
    if (query.authorId) filter('a.author_id', query.authorId);
    params.push(query.limit);
    const rows: Array<AnnotationRow & { document_title: string }> = await this.dataSource.query(
      `SELECT ${ANNOTATION_COLUMNS}, d.title AS document_title
         FROM ${ANNOTATION_FROM} JOIN document d ON d.id = a.document_id
        WHERE ${where.join(' AND ')}
        ORDER BY a.created_at DESC, a.id DESC
        LIMIT $${params.length}`,
      params,
    );
    return { items: rows.map((row) => ({ ...presentAnnotation(row, viewer), documentTitle: row.document_title })) };
  }
}
