// What one export covers: the workspace, its documents in order, the reader and the filters,
// and the one WHERE clause every export query builds on (what the requester may read, B6/B8).
import { exportBoundInstant, type AnnotationStatus, type AnnotationTag, type IncludePrivate, type Role } from '@glossa/contracts';

export interface ExportFilters {
  tag?: AnnotationTag;
  status?: AnnotationStatus;
  author?: string;
  from?: string;
  to?: string;
  includePrivate: IncludePrivate;
}

export interface ExportScope {
  workspaceId: string;
  workspaceName: string;
  /** The exported documents, in the order the export lists them. */
  documentIds: string[];
  /** True when the export is of one document (the filename and memo title say so). */
  singleDocument: boolean;
  viewer: { userId: string; role: Role };
  filters: ExportFilters;
}

export interface SqlFilter {
  /** A condition on `alias`, the annotation table, with placeholders from `first`. */
  sql: string;
  params: unknown[];
}

/**
 * The annotations of the scope the viewer may read: the scope's documents of its workspace,
 * never deleted, shared or (with includePrivate=own) the viewer's own private ones, filtered.
 * Placeholders start at $`first` so callers can put their own parameters before.
 */
export function annotationScopeSql(scope: ExportScope, alias: string, first: number, options: { singleDocument?: boolean } = {}): SqlFilter {
  const params: unknown[] = [];
  const p = (value: unknown): string => {
    params.push(value);
    return `$${first + params.length - 1}`;
  };
  const where = [
    `${alias}.workspace_id = ${p(scope.workspaceId)}`,
    // singleDocument: the caller pins document_id itself (one of the scope's documents).
    options.singleDocument ? 'true' : `${alias}.document_id = ANY(${p(scope.documentIds)}::uuid[])`,
    `${alias}.deleted_at IS NULL`,
    scope.filters.includePrivate === 'own' ? `(${alias}.visibility = 'shared' OR ${alias}.author_id = ${p(scope.viewer.userId)})` : `${alias}.visibility = 'shared'`,
  ];
  const { tag, status, author, from, to } = scope.filters;
  if (tag) where.push(`${alias}.tag = ${p(tag)}`);
  if (status) where.push(`${alias}.status = ${p(status)}`);
  if (author) where.push(`${alias}.author_id = ${p(author)}`);
  if (from) where.push(`${alias}.created_at >= ${p(exportBoundInstant(from, 'from'))}`);
  if (to) where.push(`${alias}.created_at <= ${p(exportBoundInstant(to, 'to'))}`);
  return { sql: where.join(' AND '), params };
}

/** A human line naming the filters, for the memo's header. */
export function describeFilters(filters: ExportFilters, authorName: string | null): string[] {
  const parts: string[] = [];
  if (filters.tag) parts.push(`tag: ${filters.tag}`);
  if (filters.status) parts.push(`status: ${filters.status}`);
  if (filters.author) parts.push(`author: ${authorName ?? filters.author}`);
  if (filters.from) parts.push(`created from: ${filters.from}`);
  if (filters.to) parts.push(`created to: ${filters.to}`);
  return parts;
}
