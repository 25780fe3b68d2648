// Lists what a caller may see of a document's annotations — shared ones and their own private
// ones, never anyone else's — in document order with detached ones last, optionally filtered.
//
// The whole list (no filter) also has a stamp: the document's current revision and, over all of
// its annotations (deleted and private ones too), their number and the sum of their versions.
// Every write to an annotation raises its version and a create adds one, so the stamp changes
// with every change the list could show; with the reader and their role it makes the ETag, and
// keys the AnnotationListCache. (Author names are part of the list and never change; a rename,
// if it comes, must enter the stamp.)
import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AnnotationList, ListAnnotationsQuery } from '@glossa/contracts';
import { DomainError } from '../../common/domain-error';
import { ANNOTATION_COLUMNS, ANNOTATION_FROM, type AnnotationRow } from '../annotation-row';
import { presentAnnotation, type Viewer } from '../presenters/annotationPresenter';
import { AnnotationListCache } from './annotationListCache';

export interface SerializedList {
  etag: string;
  /** Undefined when only the ETag was asked for and the list was not at hand. */
  body?: Buffer;
}

interface Stamp {
  revisionId: string;
  etag: string;
}

@Injectable()
export class ListAnnotations {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cache: AnnotationListCache,
  ) {}

  /**
   * The whole list as JSON bytes with its ETag. With `ifNoneMatch` equal to the current ETag,
   * answers the ETag alone (the caller's copy is current).
   */
  async serialized(documentId: string, viewer: Viewer, ifNoneMatch?: string): Promise<SerializedList> {
    const key = `${documentId}:${viewer.userId}:${viewer.role}`;
    const now = await this.stamp(this.dataSource.manager, documentId, viewer);
    if (ifNoneMatch === now.etag) return { etag: now.etag };
    const held = this.cache.enabled ? this.cache.get(key, now.etag) : undefined;
    if (held) return { etag: now.etag, body: held };
    // The stamp and the rows from one snapshot, so the ETag describes exactly these rows.
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const stamp = await this.stamp(manager, documentId, viewer);
      const rows = await this.rows(manager, documentId, viewer, {});
      const body = Buffer.from(JSON.stringify({ revisionId: stamp.revisionId, items: rows.map((row) => presentAnnotation(row, viewer)) } satisfies AnnotationList));
      if (this.cache.enabled) this.cache.set(key, stamp.etag, body);
      return { etag: stamp.etag, body };
    });
  }

  private async stamp(manager: EntityManager, documentId: string, viewer: Viewer): Promise<Stamp> {
    const [row] = (await manager.query(
      `SELECT d.current_revision_id, s.n, s.v
         FROM document d, LATERAL (SELECT count(*)::bigint AS n, coalesce(sum(a.version), 0)::bigint AS v FROM annotation a WHERE a.document_id = d.id) s
        WHERE d.id = $1`,
      [documentId],
    )) as Array<{ current_revision_id: string | null; n: string; v: string }>;
    if (!row?.current_revision_id) throw DomainError.notFound('Document');
    const digest = createHash('sha256').update(`${row.current_revision_id}|${row.n}|${row.v}|${viewer.userId}|${viewer.role}`).digest('base64url').slice(0, 27);
    return { revisionId: row.current_revision_id, etag: `"l-${digest}"` };
  }

  async run(documentId: string, viewer: Viewer, query: ListAnnotationsQuery): Promise<AnnotationList> {
    const [document] = (await this.dataSource.query(`SELECT current_revision_id FROM document WHERE id = $1`, [documentId])) as Array<{ current_revision_id: string | null }>;
    if (!document?.current_revision_id) throw DomainError.notFound('Document');
    const rows = await this.rows(this.dataSource.manager, documentId, viewer, query);
    return { revisionId: document.current_revision_id, items: rows.map((row) => presentAnnotation(row, viewer)) };
  }

  private rows(manager: EntityManager, documentId: string, viewer: Viewer, query: ListAnnotationsQuery): Promise<AnnotationRow[]> {
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
    return manager.query(
      `SELECT ${ANNOTATION_COLUMNS} FROM ${ANNOTATION_FROM}
        WHERE ${where.join(' AND ')}
        ORDER BY (a.anchor_status = 'detached'), a.start_offset, a.end_offset, a.created_at, a.id`,
      params,
    ) as Promise<AnnotationRow[]>;
  }
}
