// Lists what a caller may see of a document's annotations — shared ones and their own private
// ones, never anyone else's — in document order with detached ones last, optionally filtered.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AnnotationList, ListAnnotationsQuery } from '@glossa/contracts';
import { DomainError } from '../../common/domain-error';
import { ANNOTATION_COLUMNS, ANNOTATION_FROM, type AnnotationRow } from '../annotation-row';
import { presentAnnotation, type Viewer } from '../presenters/annotationPresenter';

@Injectable()
export class ListAnnotations {
  constructor(private readonly dataSource: DataSource) {}

  async run(documentId: string, viewer: Viewer, query: ListAnnotationsQuery): Promise<AnnotationList> {
    const [document] = (await this.dataSource.query(`SELECT current_revision_id FROM document WHERE id = $1`, [documentId])) as Array<{ current_revision_id: string | null }>;
    if (!document?.current_revision_id) throw DomainError.notFound('Document');
    const params: unknown[] = [documentId, viewer.userId];
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
    const rows: AnnotationRow[] = await this.dataSource.query(
      `SELECT ${ANNOTATION_COLUMNS} FROM ${ANNOTATION_FROM}
        WHERE ${where.join(' AND ')}
        ORDER BY (a.anchor_status = 'detached'), a.start_offset, a.end_offset, a.created_at, a.id`,
      params,
    );
    return { revisionId: document.current_revision_id, items: rows.map((row) => presentAnnotation(row, viewer)) };
  }
}
