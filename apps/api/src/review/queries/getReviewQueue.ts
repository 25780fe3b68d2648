// The review queue of one workspace: contradiction flags and submitted annotations, newest first,
// one keyset page at a time, with counts per status. Each branch walks its own index
// (link_queue*, annotation_queue) and stops after a page; the merge takes the newest of both.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { QueueCounts, QueueItem, ReviewQueue, ReviewQueueQuery } from '@glossa/contracts';
import { ANNOTATION_COLUMNS, ANNOTATION_FROM, type AnnotationRow } from '../../annotations/annotation-row';
import { presentAnnotation, type Viewer } from '../../annotations/presenters/annotationPresenter';
import { DomainError } from '../../common/domain-error';
import { findLinkRows } from '../../links/link-row';
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

interface PageRow {
  kind: 'link' | 'annotation';
  id: string;
  at_text: string;
}

@Injectable()
export class GetReviewQueue {
  constructor(private readonly dataSource: DataSource) {}

  /** Flag conditions for every filter but status and the cursor. */
  private flagWhere(params: unknown[], workspaceId: string, q: ReviewQueueQuery): Where {
    const where = new Where(params).add((p) => `l.workspace_id = ${p(workspaceId)}`).add(() => `l.type = 'contradicts'`);
    if (q.severity) where.add((p) => `l.severity = ${p(q.severity)}`);
    if (q.assigneeId) where.add((p) => `l.assignee_id = ${p(q.assigneeId)}`);
    if (q.raisedBy) where.add((p) => `l.raised_by = ${p(q.raisedBy)}`);
    if (q.documentId || q.tag) {
      const inner = new Where(params);
      if (q.documentId) inner.add((p) => `fa.document_id = ${p(q.documentId)}`);
      if (q.tag) inner.add((p) => `fa.tag = ${p(q.tag)}`);
      where.add(() => `EXISTS (SELECT 1 FROM link_annotation fla JOIN annotation fa ON fa.id = fla.annotation_id WHERE fla.link_id = l.id AND ${inner.sql})`);
    }
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
    const page: PageRow[] =
      branches.length === 0
        ? []
        : await this.dataSource.query(`SELECT kind, id, at_text FROM (${branches.join(' UNION ALL ')}) q ORDER BY created_at DESC, id DESC LIMIT ${q.limit + 1}`, params);
    const more = page.length > q.limit;
    const shown = page.slice(0, q.limit);
    const last = shown[shown.length - 1];
    // The page's rows and the counts are independent reads: two pool connections at once.
    const [items, counts] = await Promise.all([this.present(shown, viewer), this.counts(workspaceId, viewer, q)]);
    return {
      items,
      counts,
      nextCursor: more && last ? encodeCursor({ at: last.at_text, id: last.id }) : null,
    };
  }

  private async present(page: PageRow[], viewer: Viewer): Promise<QueueItem[]> {
    const manager = this.dataSource.manager;
    const links = new Map((await findLinkRows(manager, page.filter((r) => r.kind === 'link').map((r) => r.id))).map((row) => [row.id, row]));
    const annotationIds = page.filter((r) => r.kind === 'annotation').map((r) => r.id);
    const annotations: Array<AnnotationRow & { document_title: string }> =
      annotationIds.length === 0
        ? []
        : await manager.query(`SELECT ${ANNOTATION_COLUMNS}, d.title AS document_title FROM ${ANNOTATION_FROM} JOIN document d ON d.id = a.document_id WHERE a.id = ANY($1::uuid[])`, [
            annotationIds,
          ]);
    const annotationById = new Map(annotations.map((row) => [row.id, row]));
    return page.flatMap((r): QueueItem[] => {
      if (r.kind === 'link') {
        const row = links.get(r.id);
        return row ? [{ kind: 'link', link: presentLink(row, viewer) }] : [];
      }
      const row = annotationById.get(r.id);
      return row ? [{ kind: 'annotation', annotation: { ...presentAnnotation(row, viewer), documentTitle: row.document_title } }] : [];
    });
  }

  private async counts(workspaceId: string, viewer: Viewer, q: ReviewQueueQuery): Promise<QueueCounts> {
    const counts: QueueCounts = { open: 0, in_review: 0, confirmed: 0, dismissed: 0, resolved: 0, submitted: 0 };
    const flagParams: unknown[] = [];
    const flags: Array<{ status: keyof QueueCounts; n: number }> = await this.dataSource.query(
      `SELECT l.status, count(*)::int AS n FROM link l WHERE ${this.flagWhere(flagParams, workspaceId, q).sql} GROUP BY l.status`,
      flagParams,
    );
    for (const { status, n } of flags) counts[status] = n;
    const annotationParams: unknown[] = [];
    const where = this.annotationWhere(annotationParams, workspaceId, viewer, q);
    if (where) {
      const [{ n }] = (await this.dataSource.query(`SELECT count(*)::int AS n FROM annotation a WHERE ${where.sql}`, annotationParams)) as Array<{ n: number }>;
      counts.submitted = n;
    }
    return counts;
  }
}
