// The review queue of one workspace: contradiction flags and submitted annotations, newest first,
// one keyset page at a time, with counts per status. Each branch walks its own index
// (link_queue*, annotation_queue) and stops after a page; the merge takes the newest of both.
// The page, what it shows of every item and the counts come back from one statement.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { FLAG_STATUSES, type QueueCounts, type QueueItem, type ReviewQueue, type ReviewQueueQuery } from '@glossa/contracts';
import { ANNOTATION_COLUMNS, ANNOTATION_FROM, type AnnotationRow } from '../../annotations/annotation-row';
import { presentAnnotation, type Viewer } from '../../annotations/presenters/annotationPresenter';
import { DomainError } from '../../common/domain-error';
import { LINK_COLUMNS, LINK_FROM, toLinkRow, type RawLinkRow } from '../../links/link-row';
import { presentLink } from '../../links/presenters/linkPresenter';

/** What still needs someone, when no status is asked for. */
const PENDING_FLAGS = ['open', 'in_review'];

interface Cursor {
  at: string;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const PG_TIMESTAMP = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)?$/;

// The cursor carries PostgreSQL's own text of created_at: microseconds survive the round trip.
function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.at, cursor.id])).toString('base64url');
}

function decodeCursor(raw: string): Cursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string' && PG_TIMESTAMP.test(value[0]) && UUID.test(value[1])) {
      return { at: value[0], id: value[1] };
    }
  } catch {
    // Falls through to the one error below.
  }
  throw DomainError.invalidField('cursor', 'cursor is not valid');
}

/** A WHERE clause under construction with its positional parameters. */
class Where {
  readonly parts: string[] = [];
  constructor(readonly params: unknown[]) {}
  add(sql: (p: (value: unknown) => string) => string): this {
    this.parts.push(sql((value) => `$${this.params.push(value)}`));
    return this;
  }
  get sql(): string {
    return this.parts.join(' AND ');
  }
}

/** One row of the queue statement: an item of the page (its link or annotation as JSON), or the counts. */
interface QueueRow {
  kind: 'link' | 'annotation' | 'counts';
  id: string | null;
  at_text: string | null;
  /** The item's place on the page, from 1. */
  n: number | null;
  link: RawLinkRow | null;
  annotation: (Omit<AnnotationRow, 'created_at' | 'modified_at' | 'deleted_at'> & { created_at: string; modified_at: string; deleted_at: string | null; document_title: string }) | null;
  counts: Array<{ status: keyof QueueCounts; n: number }> | null;
}

@Injectable()
export class GetReviewQueue {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The flags with a passage in the document or of the tag asked for, as a WITH entry named
   * `flag_members` (read once, by the page and the counts alike); null without such a filter.
   */
  private flagMembers(params: unknown[], q: ReviewQueueQuery): string | null {
    if (!q.documentId && !q.tag) return null;
    const inner = new Where(params);
    if (q.documentId) inner.add((p) => `fa.document_id = ${p(q.documentId)}`);
    if (q.tag) inner.add((p) => `fa.tag = ${p(q.tag)}`);
    return `flag_members AS MATERIALIZED (SELECT DISTINCT fla.link_id FROM link_annotation fla JOIN annotation fa ON fa.id = fla.annotation_id WHERE ${inner.sql})`;
  }

  /** Flag conditions for every filter but status and the cursor (with `flag_members` for document and tag). */
  private flagWhere(params: unknown[], workspaceId: string, q: ReviewQueueQuery): Where {
    const where = new Where(params).add((p) => `l.workspace_id = ${p(workspaceId)}`).add(() => `l.type = 'contradicts'`);
    if (q.severity) where.add((p) => `l.severity = ${p(q.severity)}`);
    if (q.assigneeId) where.add((p) => `l.assignee_id = ${p(q.assigneeId)}`);
    if (q.raisedBy) where.add((p) => `l.raised_by = ${p(q.raisedBy)}`);
    if (q.documentId || q.tag) where.add(() => `l.id IN (SELECT link_id FROM flag_members)`);
    return where;
  }

  /** Submitted-annotation conditions for every filter but status; null when none can match. */
  private annotationWhere(params: unknown[], workspaceId: string, viewer: Viewer, q: ReviewQueueQuery): Where | null {
    if (q.severity || q.assigneeId) return null;
    const where = new Where(params)
      .add((p) => `a.workspace_id = ${p(workspaceId)}`)
      .add(() => `a.status = 'submitted'`)
      .add(() => `a.deleted_at IS NULL`)
      .add((p) => `(a.visibility = 'shared' OR a.author_id = ${p(viewer.userId)})`);
    if (q.documentId) where.add((p) => `a.document_id = ${p(q.documentId)}`);
    if (q.tag) where.add((p) => `a.tag = ${p(q.tag)}`);
    if (q.raisedBy) where.add((p) => `a.author_id = ${p(q.raisedBy)}`);
    return where;
  }

  async run(workspaceId: string, viewer: Viewer, q: ReviewQueueQuery): Promise<ReviewQueue> {
    const cursor = q.cursor !== undefined ? decodeCursor(q.cursor) : null;
    const params: unknown[] = [];
    const members = this.flagMembers(params, q);
    const branches: string[] = [];
    const wantFlags = q.status !== 'submitted';
    const wantAnnotations = q.status === undefined || q.status === 'submitted';
    if (wantFlags) {
      const where = this.flagWhere(params, workspaceId, q);
      if (q.status) where.add((p) => `l.status = ${p(q.status)}`);
      else where.add((p) => `l.status = ANY(${p(PENDING_FLAGS)}::text[])`);
      if (cursor) where.add((p) => `(l.created_at, l.id) < (${p(cursor.at)}::timestamptz, ${p(cursor.id)}::uuid)`);
      branches.push(`(SELECT 'link' AS kind, l.id, l.created_at, l.created_at::text AS at_text FROM link l WHERE ${where.sql}
                      ORDER BY l.created_at DESC, l.id DESC LIMIT ${q.limit + 1})`);
    }
    const annotationWhere = wantAnnotations ? this.annotationWhere(params, workspaceId, viewer, q) : null;
    if (annotationWhere) {
      if (cursor) annotationWhere.add((p) => `(a.created_at, a.id) < (${p(cursor.at)}::timestamptz, ${p(cursor.id)}::uuid)`);
      branches.push(`(SELECT 'annotation' AS kind, a.id, a.created_at, a.created_at::text AS at_text FROM annotation a WHERE ${annotationWhere.sql}
                      ORDER BY a.created_at DESC, a.id DESC LIMIT ${q.limit + 1})`);
    }
    // Counts per flag status (whatever the status filter) and of submitted annotations. Without
    // filters on flags, one count per status lets each walk its part of link_queue_status alone
    // (an index-only scan) instead of reading and grouping every flag of the workspace.
    const flagFiltered = Boolean(q.severity || q.assigneeId || q.raisedBy || q.documentId || q.tag);
    const countWhere = this.flagWhere(params, workspaceId, q);
    const countParts = [
      flagFiltered
        ? `SELECT l.status, count(*)::int AS n FROM link l WHERE ${countWhere.sql} GROUP BY l.status`
        : `SELECT s.status, (SELECT count(*)::int FROM link l WHERE ${countWhere.sql} AND l.status = s.status) AS n
             FROM unnest($${params.push(FLAG_STATUSES)}::text[]) AS s(status)`,
    ];
    const submittedWhere = this.annotationWhere(params, workspaceId, viewer, q);
    if (submittedWhere) countParts.push(`SELECT 'submitted', count(*)::int FROM annotation a WHERE ${submittedWhere.sql}`);
    // The page's items, numbered in order, each with what it shows (the link with its passages, or
    // the submitted annotation with its document's title; nothing for the row that only tells
    // whether a next page exists), and one more row with the counts. A branch that cannot be on
    // this page is left out of the statement.
    const pageSql =
      branches.length === 0
        ? `SELECT NULL::text AS kind, NULL::uuid AS id, NULL::text AS at_text, 0 AS n WHERE false`
        : `SELECT kind, id, at_text, (row_number() OVER (ORDER BY created_at DESC, id DESC))::int AS n
             FROM (${branches.join(' UNION ALL ')}) q ORDER BY created_at DESC, id DESC LIMIT ${q.limit + 1}`;
    const linkJson = wantFlags
      ? `CASE WHEN p.kind = 'link' AND p.n <= ${q.limit} THEN (SELECT row_to_json(x) FROM (SELECT ${LINK_COLUMNS} FROM ${LINK_FROM} WHERE l.id = p.id) x) END`
      : 'NULL::json';
    const annotationJson = annotationWhere
      ? `CASE WHEN p.kind = 'annotation' AND p.n <= ${q.limit} THEN (SELECT row_to_json(x) FROM (SELECT ${ANNOTATION_COLUMNS}, d.title AS document_title
                                                                       FROM ${ANNOTATION_FROM} JOIN document d ON d.id = a.document_id
                                                                      WHERE a.id = p.id) x) END`
      : 'NULL::json';
    const ctes = [members, `page AS (${pageSql})`, `counts AS (${countParts.join(' UNION ALL ')})`].filter((cte) => cte !== null);
    const rows: QueueRow[] = await this.dataSource.query(
      `WITH ${ctes.join(',\n            ')}
       SELECT p.kind, p.id, p.at_text, p.n, ${linkJson} AS link, ${annotationJson} AS annotation, NULL::json AS counts
         FROM page p
       UNION ALL
       SELECT 'counts', NULL, NULL, NULL, NULL, NULL, (SELECT coalesce(json_agg(c), '[]') FROM counts c)`,
      params,
    );
    const page = rows.filter((row) => row.kind !== 'counts').sort((a, b) => (a.n ?? 0) - (b.n ?? 0));
    const more = page.length > q.limit;
    const shown = page.slice(0, q.limit);
    const last = shown[shown.length - 1];
    const counts: QueueCounts = { open: 0, in_review: 0, confirmed: 0, dismissed: 0, resolved: 0, submitted: 0 };
    for (const { status, n } of rows.find((row) => row.kind === 'counts')?.counts ?? []) counts[status] = n;
    return {
      items: shown.flatMap((row) => this.present(row, viewer)),
      counts,
      nextCursor: more && last?.id && last.at_text ? encodeCursor({ at: last.at_text, id: last.id }) : null,
    };
  }

  private present(row: QueueRow, viewer: Viewer): QueueItem[] {
    if (row.kind === 'link' && row.link) return [{ kind: 'link', link: presentLink(toLinkRow(row.link), viewer) }];
    if (row.kind === 'annotation' && row.annotation) {
      const { document_title: documentTitle, ...raw } = row.annotation;
      const annotation: AnnotationRow = {
        ...raw,
        created_at: new Date(raw.created_at),
        modified_at: new Date(raw.modified_at),
        deleted_at: raw.deleted_at === null ? null : new Date(raw.deleted_at),
      };
      return [{ kind: 'annotation', annotation: { ...presentAnnotation(annotation, viewer), documentTitle } }];
    }
    return [];
  }
}
