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

/**
 * How many of the workspace's newest annotations the first attempt re-checks. A term common
 * enough to fill a page is found among them (a bigram in 4% of annotations yields ~24 hits).
 */
const FIRST_WINDOW = 600;
/** The largest second window: past it, the bigram index's candidates cost less to re-check. */
const MAX_WINDOW = 5_000;

@Injectable()
export class SearchAnnotations {
  constructor(private readonly dataSource: DataSource) {}

  async run(workspaceId: string, viewer: Viewer, query: SearchAnnotationsQuery): Promise<AnnotationSearchResult> {
    const params: unknown[] = [workspaceId, viewer.userId, query.q];
    const match = [
      `(a.visibility = 'shared' OR a.author_id = $2)`,
      `(strpos(lower(a.quote_exact), lower($3)) > 0 OR strpos(lower(coalesce(a.note, '')), lower($3)) > 0)`,
    ];
    const scope = [`a.workspace_id = $1`, `a.deleted_at IS NULL`];
    const filter = (column: string, value: unknown) => {
      params.push(value);
      scope.push(`${column} = $${params.length}`);
    };
    if (query.tag) filter('a.tag', query.tag);
    if (query.documentId) filter('a.document_id', query.documentId);
    if (query.authorId) filter('a.author_id', query.authorId);
    params.push(query.limit);
    const limit = `$${params.length}`;
    const select = `SELECT ${ANNOTATION_COLUMNS}, d.title AS document_title`;
    const order = `ORDER BY a.created_at DESC, a.id DESC LIMIT ${limit}`;

    // Newest first: if the latest annotations already hold a full page of matches, those are the
    // newest matches of all, and the many-candidate bigram re-check is skipped. Narrow filters
    // (one document or author) would make the window walk long, so they go to the index directly.
    if (!query.documentId && !query.authorId) {
      let window = FIRST_WINDOW;
      for (let attempt = 0; attempt < 2; attempt += 1) {
        const recent: SearchRow[] = await this.dataSource.query(
          `${select}
             FROM (SELECT * FROM annotation a WHERE ${scope.join(' AND ')}
                    ORDER BY a.created_at DESC, a.id DESC LIMIT ${window}) a
             JOIN app_user u ON u.id = a.author_id JOIN document d ON d.id = a.document_id
            WHERE ${match.join(' AND ')}
            ${order}`,
          params,
        );
        if (recent.length >= query.limit) return this.present(recent, viewer);
        // Fewer hits than a page: one larger window, only when the hit rate says it will fill it.
        if (recent.length < 2) break;
        window = Math.ceil(((query.limit * window) / recent.length) * 1.5);
        if (window > MAX_WINDOW) break;
      }
    }

    const where = [...scope, ...match];
    if ([...query.q].length >= 2) where.push(`${SEARCHED_TEXT} @> glossa_bigrams($3)`);
    const rows: SearchRow[] = await this.dataSource.query(
      `${select}
         FROM ${ANNOTATION_FROM} JOIN document d ON d.id = a.document_id
        WHERE ${where.join(' AND ')}
        ${order}`,
      params,
    );
    return this.present(rows, viewer);
  }

  private present(rows: SearchRow[], viewer: Viewer): AnnotationSearchResult {
    return { items: rows.map((row) => ({ ...presentAnnotation(row, viewer), documentTitle: row.document_title })) };
  }
}

type SearchRow = AnnotationRow & { document_title: string };
