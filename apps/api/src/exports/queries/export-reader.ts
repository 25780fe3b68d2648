// Reads an export's rows page by page — annotations through server-side cursors, links, comments
// and events by keyset — inside one read-only REPEATABLE READ transaction: a long export is one
// consistent snapshot, and only a page or two is in memory at a time.
import type { DataSource, QueryRunner } from 'typeorm';
import type { AnnotationTag, Comment, ExportedComment, ExportedDocument, ExportedEvent, Link } from '@glossa/contracts';
import { SEED_CORPUS } from '@glossa/seeds';
import { ANNOTATION_COLUMNS, ANNOTATION_FROM, type AnnotationRow } from '../../annotations/annotation-row';
import { COMMENT_COLUMNS, presentComment, type CommentRow } from '../../comments/comment-row';
import { presentLink } from '../../links/presenters/linkPresenter';
import { findLinkRows } from '../../links/link-row';
import { annotationScopeSql, type ExportScope } from '../export-scope';

/** Rows fetched per query: big enough to be fast, small enough to keep memory flat. */
export const EXPORT_PAGE_SIZE = 500;
const LINK_PAGE_SIZE = 200;

export interface ExportAnnotationRow extends AnnotationRow {
  /** Ids of the contradiction flags (contradicts links) this annotation belongs to. */
  flag_ids: string[];
}

export interface ExportDocumentRow extends ExportedDocument {
  /** Annotations in scope per tag, and how many of them are detached. */
  counts: Record<AnnotationTag, number> & { total: number; detached: number };
}

export type AnchorPart = 'all' | 'anchored' | 'detached';

interface Keyed {
  created_key: string;
}

const SOURCE_BY_SEED = new Map(SEED_CORPUS.map((seed) => [seed.key, seed.source]));
const FORMAT_SOURCE: Record<string, string> = { text: 'Imported plain text', markdown: 'Imported Markdown', html: 'Imported HTML' };

const EXPORT_COMMENT_COLUMNS = `${COMMENT_COLUMNS}, c.created_at::text AS created_key, c.annotation_id, c.link_id`;

interface CommentExportRow extends Keyed, CommentRow {
  annotation_id: string | null;
  link_id: string | null;
}

function presentExportedComment(row: CommentExportRow): ExportedComment {
  return { ...presentComment(row), annotationId: row.annotation_id, linkId: row.link_id };
}

export class ExportReader {
  private closed = false;
  /** Annotation rows handed out so far (a job's progress). */
  annotationsRead = 0;
  /** Names the server-side cursors of this reader's transaction. */
  private cursors = 0;

  private constructor(
    private readonly runner: QueryRunner,
    readonly scope: ExportScope,
    private readonly onClose: () => void,
  ) {}

  /** `onClose` runs once, when the reader closes (or fails to open). */
  static async open(dataSource: DataSource, scope: ExportScope, onClose: () => void = () => undefined): Promise<ExportReader> {
    const runner = dataSource.createQueryRunner();
    try {
      await runner.connect();
      await runner.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    } catch (error) {
      await runner.release();
      onClose();
      throw error;
    }
    return new ExportReader(runner, scope, onClose);
  }

  /** Ends the snapshot and returns the connection; safe to call more than once. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await this.runner.query('ROLLBACK');
    } catch {
      // The connection may already be gone; releasing it is what matters.
    } finally {
      this.onClose();
      await this.runner.release();
    }
  }

  private query<T>(sql: string, params: unknown[]): Promise<T[]> {
    if (this.closed) return Promise.reject(new Error('The export was cancelled'));
    return this.runner.query(sql, params) as Promise<T[]>;
  }

  /** Annotations in scope: the number the count header announces. */
  async countAnnotations(): Promise<number> {
    const scope = annotationScopeSql(this.scope, 'a', 1);
    const [row] = await this.query<{ n: number }>(`SELECT count(*)::int AS n FROM annotation a WHERE ${scope.sql}`, scope.params);
    return row?.n ?? 0;
  }

  async authorName(userId: string): Promise<string | null> {
    const [row] = await this.query<{ name: string }>(`SELECT name FROM app_user WHERE id = $1`, [userId]);
    return row?.name ?? null;
  }

  /** The scope's documents with their current revision and per-tag counts, in scope order. */
  async documents(): Promise<ExportDocumentRow[]> {
    const rows = await this.query<{
      id: string;
      title: string;
      language: string;
      seed_key: string | null;
      revision_id: string;
      revision_number: number;
      revision_created: Date;
      format: string;
      text_length: number;
    }>(
      `SELECT d.id, d.title, d.language, d.seed_key, r.id AS revision_id, r.number AS revision_number, r.created_at AS revision_created, r.format, r.text_length
         FROM document d JOIN document_revision r ON r.id = d.current_revision_id
        WHERE d.id = ANY($1::uuid[]) AND d.workspace_id = $2`,
      [this.scope.documentIds, this.scope.workspaceId],
    );
    const scope = annotationScopeSql(this.scope, 'a', 1);
    const counts = await this.query<{ document_id: string; tag: AnnotationTag; n: number; detached: number }>(
      `SELECT a.document_id, a.tag, count(*)::int AS n, count(*) FILTER (WHERE a.anchor_status = 'detached')::int AS detached
         FROM annotation a WHERE ${scope.sql} GROUP BY a.document_id, a.tag`,
      scope.params,
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    return this.scope.documentIds.flatMap((id) => {
      const row = byId.get(id);
      if (!row) return [];
      const tally = { claim: 0, opinion: 0, data: 0, total: 0, detached: 0 };
      for (const count of counts.filter((c) => c.document_id === id)) {
        tally[count.tag] += count.n;
        tally.total += count.n;
        tally.detached += count.detached;
      }
      return [
        {
          id: row.id,
          title: row.title,
          source: (row.seed_key !== null ? SOURCE_BY_SEED.get(row.seed_key) : undefined) ?? FORMAT_SOURCE[row.format] ?? 'Imported',
          language: row.language,
          revisionId: row.revision_id,
          revisionNumber: row.revision_number,
          revisionCreated: row.revision_created.toISOString(),
          textLength: row.text_length,
          counts: tally,
        },
      ];
    });
  }

  /**
   * A document's annotations in scope, in document order (detached ones last), a page at a time,
   * through a server-side cursor: PostgreSQL plans the query once and hands out the rows in order
   * (no re-sorting per page, whatever the document's size). The next page is fetched before the
   * current one is handed out, so the database works while the caller formats and sends.
   */
  async *annotationPages(documentId: string, part: AnchorPart = 'all'): AsyncGenerator<ExportAnnotationRow[]> {
    const cursor = `export_annotations_${++this.cursors}`;
    // The document is one of the scope's (checked when the scope was made), so the scope's own
    // document list is left out: with `document_id = $1` alone the order index serves the cursor.
    const scope = annotationScopeSql({ ...this.scope, documentIds: [documentId] }, 'a', 2, { singleDocument: true });
    const anchor = part === 'all' ? '' : part === 'detached' ? `AND a.anchor_status = 'detached'` : `AND a.anchor_status <> 'detached'`;
    await this.query(
      `DECLARE ${cursor} NO SCROLL CURSOR FOR
       SELECT ${ANNOTATION_COLUMNS},
              coalesce((SELECT array_agg(l.id::text ORDER BY l.created_at, l.id)
                          FROM link_annotation la JOIN link l ON l.id = la.link_id
                         WHERE la.annotation_id = a.id AND l.type = 'contradicts'), '{}') AS flag_ids
         FROM ${ANNOTATION_FROM}
        WHERE a.document_id = $1 AND ${scope.sql} ${anchor}
        ORDER BY (a.anchor_status = 'detached'), a.start_offset, a.end_offset, a.created_at, a.id`,
      [documentId, ...scope.params],
    );
    const fetch = (): Promise<ExportAnnotationRow[]> => {
      const page = this.query<ExportAnnotationRow>(`FETCH FORWARD ${EXPORT_PAGE_SIZE} FROM ${cursor}`, []);
      // Handled here too: a caller that stops early never awaits the page fetched ahead.
      page.catch(() => undefined);
      return page;
    };
    try {
      let next = fetch();
      for (;;) {
        const rows = await next;
        if (rows.length === 0) return;
        const full = rows.length === EXPORT_PAGE_SIZE;
        if (full) next = fetch();
        this.annotationsRead += rows.length;
        yield rows;
        if (!full) return;
      }
    } finally {
      if (!this.closed) await this.query(`CLOSE ${cursor}`, []).catch(() => undefined);
    }
  }

  /** Comments on these annotations (review decisions included), oldest first, by annotation. */
  async annotationComments(annotationIds: string[]): Promise<Map<string, Comment[]>> {
    const rows = await this.query<CommentExportRow>(
      `SELECT ${EXPORT_COMMENT_COLUMNS} FROM comment c JOIN app_user u ON u.id = c.author_id
        WHERE c.annotation_id = ANY($1::uuid[]) ORDER BY c.created_at, c.id`,
      [annotationIds],
    );
    const byAnnotation = new Map<string, Comment[]>();
    for (const row of rows) {
      const list = byAnnotation.get(row.annotation_id!) ?? [];
      list.push(presentExportedComment(row));
      byAnnotation.set(row.annotation_id!, list);
    }
    return byAnnotation;
  }

  /** Links of the workspace with at least one annotation in scope; `contradicts` only when asked. */
  private linkScopeSql(first: number, contradictionsOnly: boolean): { sql: string; params: unknown[] } {
    const scope = annotationScopeSql(this.scope, 'sa', first + 1);
    return {
      sql: `l.workspace_id = $${first}${contradictionsOnly ? ` AND l.type = 'contradicts'` : ''}
            AND EXISTS (SELECT 1 FROM link_annotation sla JOIN annotation sa ON sa.id = sla.annotation_id WHERE sla.link_id = l.id AND ${scope.sql})`,
      params: [this.scope.workspaceId, ...scope.params],
    };
  }

  /**
   * Links touching the scope, oldest first, as the Link contract presents them to the viewer.
   * A deleted or private passage keeps its place but not its quote (B6, B8).
   */
  async *linkPages(contradictionsOnly: boolean): AsyncGenerator<Link[]> {
    const scope = this.linkScopeSql(3, contradictionsOnly);
    let cursor: [string, string] = ['-infinity', '00000000-0000-0000-0000-000000000000'];
    for (;;) {
      const keys = await this.query<{ id: string } & Keyed>(
        `SELECT l.id, l.created_at::text AS created_key FROM link l
          WHERE ${scope.sql} AND (l.created_at, l.id) > ($1::timestamptz, $2::uuid)
          ORDER BY l.created_at, l.id LIMIT ${LINK_PAGE_SIZE}`,
        [...cursor, ...scope.params],
      );
      if (keys.length === 0) return;
      const rows = await findLinkRows(this.runner.manager, keys.map((key) => key.id));
      const ownPrivate = this.scope.filters.includePrivate === 'own';
      yield rows.map((row) => {
        const link = presentLink(row, this.scope.viewer);
        // Withheld like the annotations themselves: deleted ones, and private ones unless they are
        // the exporter's own and includePrivate=own.
        const withheld = (i: number): boolean => {
          const passage = row.passages[i]!;
          return passage.deleted_at !== null || (passage.visibility === 'private' && !(ownPrivate && passage.author_id === this.scope.viewer.userId));
        };
        return { ...link, annotations: link.annotations.map((p, i) => (withheld(i) ? { ...p, quote: { exact: '', prefix: '', suffix: '' } } : p)) };
      });
      if (keys.length < LINK_PAGE_SIZE) return;
      const last = keys[keys.length - 1]!;
      cursor = [last.created_key, last.id];
    }
  }

  /** Comments on annotations in scope and on links touching it, oldest first. */
  async *commentPages(): AsyncGenerator<ExportedComment[]> {
    const annotations = annotationScopeSql(this.scope, 'a', 3);
    const links = this.linkScopeSql(3 + annotations.params.length, false);
    let cursor: [string, string] = ['-infinity', '00000000-0000-0000-0000-000000000000'];
    for (;;) {
      const rows = await this.query<CommentExportRow>(
        `SELECT ${EXPORT_COMMENT_COLUMNS} FROM comment c JOIN app_user u ON u.id = c.author_id
          WHERE (c.created_at, c.id) > ($1::timestamptz, $2::uuid)
            AND (c.annotation_id IN (SELECT a.id FROM annotation a WHERE ${annotations.sql})
                 OR c.link_id IN (SELECT l.id FROM link l WHERE ${links.sql}))
          ORDER BY c.created_at, c.id LIMIT ${EXPORT_PAGE_SIZE}`,
        [...cursor, ...annotations.params, ...links.params],
      );
      if (rows.length === 0) return;
      yield rows.map(presentExportedComment);
      if (rows.length < EXPORT_PAGE_SIZE) return;
      const last = rows[rows.length - 1]!;
      cursor = [last.created_key, last.id];
    }
  }

  /** The event log's lines about annotations in scope and links touching it, in sequence order. */
  async *eventPages(): AsyncGenerator<ExportedEvent[]> {
    const annotations = annotationScopeSql(this.scope, 'a', 3);
    const links = this.linkScopeSql(3 + annotations.params.length, false);
    let cursor = '0';
    for (;;) {
      const rows = await this.query<{
        seq: string;
        type: string;
        subject_id: string;
        document_id: string | null;
        actor_id: string | null;
        actor_name: string | null;
        created_at: Date;
        payload: Record<string, unknown> & { changes?: Record<string, unknown> };
      }>(
        `SELECT e.seq, e.type, e.subject_id, e.document_id, e.actor_id, u.name AS actor_name, e.created_at, e.payload
           FROM event e LEFT JOIN app_user u ON u.id = e.actor_id
          WHERE e.workspace_id = $1 AND e.seq > $2::bigint
            AND ((e.type LIKE 'annotation.%' AND e.subject_id IN (SELECT a.id FROM annotation a WHERE ${annotations.sql}))
                 OR (e.type LIKE 'link.%' AND e.subject_id IN (SELECT l.id FROM link l WHERE ${links.sql})))
          ORDER BY e.seq LIMIT ${EXPORT_PAGE_SIZE}`,
        [this.scope.workspaceId, cursor, ...annotations.params, ...links.params],
      );
      if (rows.length === 0) return;
      yield rows.map((row) => {
        const { changes, version: _version, ...rest } = row.payload;
        return {
          seq: Number(row.seq),
          type: row.type,
          subjectId: row.subject_id,
          documentId: row.document_id,
          actor: row.actor_id !== null && row.actor_name !== null ? { id: row.actor_id, name: row.actor_name } : null,
          at: row.created_at.toISOString(),
          changes: changes ?? rest,
        };
      });
      if (rows.length < EXPORT_PAGE_SIZE) return;
      cursor = rows[rows.length - 1]!.seq;
    }
  }
}
