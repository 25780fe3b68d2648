// The review queue's filters as a query string (`/review?status=open&severity=high`): shareable
// and kept across reloads. Parsing ignores unknown or malformed values instead of sending them.
import { ANNOTATION_TAGS } from '../../api/annotations';
import { FLAG_STATUSES, type QueueFilters, type QueueStatus, type Severity } from '../../api/review';

export const QUEUE_STATUSES: QueueStatus[] = [...FLAG_STATUSES, 'submitted'];
export const SEVERITIES: Severity[] = ['low', 'medium', 'high'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The filters in a query string. */
export function filtersFromSearch(search: string): QueueFilters {
  const params = new URLSearchParams(search);
  const pick = <T extends string>(name: string, allowed: readonly T[]): T | undefined => {
    const value = params.get(name);
    return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
  };
  const id = (name: string): string | undefined => {
    const value = params.get(name);
    return value !== null && UUID.test(value) ? value.toLowerCase() : undefined;
  };
  const filters: QueueFilters = {
    status: pick('status', QUEUE_STATUSES),
    severity: pick('severity', SEVERITIES),
    documentId: id('documentId'),
    tag: pick('tag', ANNOTATION_TAGS),
    assigneeId: id('assigneeId'),
    raisedBy: id('raisedBy'),
  };
  // Absent keys rather than `undefined` ones, so equal filters make equal query keys.
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as QueueFilters;
}

/** The query string for filters, in a stable order; empty when nothing is filtered. */
export function searchFromFilters(filters: QueueFilters): string {
  const params = new URLSearchParams();
  for (const key of ['status', 'severity', 'documentId', 'tag', 'assigneeId', 'raisedBy'] as const) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  return params.toString();
}

