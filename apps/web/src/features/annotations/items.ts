// What the side panel lists: confirmed annotations and this tab's unsaved creates as one item
// type, the filters over them, counts per tag and document order. Pure, no React.
import type { Annotation, AnnotationStatus, AnnotationTag, AnnotationVisibility, CreateAnnotationBody } from '../../api/annotations';
import { ANNOTATION_TAGS, selectorsOf } from '../../api/annotations';
import type { HighlightState } from '../reading/annotationsPlugin';

export interface AnnotationItem {
  /** The server id, or a local id while a create is pending or failed. */
  id: string;
  tag: AnnotationTag;
  note: string | null;
  visibility: AnnotationVisibility;
  status: AnnotationStatus;
  detached: boolean;
  author: { id: string; name: string };
  start: number;
  end: number;
  quote: string;
  saveState: HighlightState;
  /** The server's copy; null until a create is confirmed. */
  annotation: Annotation | null;
  /** A create or edit waiting in the offline outbox. */
  queued?: boolean;
}

export function itemFromAnnotation(annotation: Annotation): AnnotationItem {
  const { position, quote } = selectorsOf(annotation);
  return {
    id: annotation.id,
    tag: annotation.tag,
    note: annotation.note,
    visibility: annotation.visibility,
    status: annotation.status,
    detached: annotation.anchorStatus === 'detached',
    author: annotation.author,
    start: position?.start ?? 0,
    end: position?.end ?? 0,
    quote: quote?.exact ?? '',
    saveState: 'confirmed',
    annotation,
  };
}

export interface AnnotationFilter {
  /** Empty: every tag. */
  tags: readonly AnnotationTag[];
  /** An author id, or null for everyone. */
  author: string | null;
  mine: boolean;
  privateOnly: boolean;
  status: AnnotationStatus | null;
  text: string;
}

export const EMPTY_FILTER: AnnotationFilter = { tags: [], author: null, mine: false, privateOnly: false, status: null, text: '' };

export function isFilterActive(filter: AnnotationFilter): boolean {
  return filter.tags.length > 0 || filter.author !== null || filter.mine || filter.privateOnly || filter.status !== null || filter.text.trim() !== '';
}

/** Plain substring search, case-folded for Latin; CJK has no case, so any substring matches. */
export function matchesFilter(item: AnnotationItem, filter: AnnotationFilter, myId: string): boolean {
  if (filter.tags.length > 0 && !filter.tags.includes(item.tag)) return false;
  if (filter.author !== null && item.author.id !== filter.author) return false;
  if (filter.mine && item.author.id !== myId) return false;
  if (filter.privateOnly && item.visibility !== 'private') return false;
  if (filter.status !== null && item.status !== filter.status) return false;
  const needle = filter.text.trim().toLocaleLowerCase();
  if (needle === '') return true;
  return item.quote.toLocaleLowerCase().includes(needle) || (item.note ?? '').toLocaleLowerCase().includes(needle);
}

export function filterItems(items: readonly AnnotationItem[], filter: AnnotationFilter, myId: string): AnnotationItem[] {
  return isFilterActive(filter) ? items.filter((item) => matchesFilter(item, filter, myId)) : [...items];
}

export function countByTag(items: readonly AnnotationItem[]): Record<AnnotationTag, number> {
  const counts = Object.fromEntries(ANNOTATION_TAGS.map((tag) => [tag, 0])) as Record<AnnotationTag, number>;
  for (const item of items) counts[item.tag]++;
  return counts;
}

/** By start, then end, then id, so equal spans keep a stable order. */
export function compareDocumentOrder(a: AnnotationItem, b: AnnotationItem): number {
  return a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The distinct authors, by name, for the author filter. */
export function authorsOf(items: readonly AnnotationItem[]): Array<{ id: string; name: string }> {
  const byId = new Map<string, string>();
  for (const item of items) byId.set(item.author.id, item.author.name);
  return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * A create not yet stored: the body sent with its Idempotency-Key (the same on every retry), the
 * code points it covers and its quote, and whether its last attempt failed.
 */
export interface PendingCreate {
  idempotencyKey: string;
  body: CreateAnnotationBody;
  start: number;
  end: number;
  quote: string;
  state: 'pending' | 'failed';
  error: unknown;
}
