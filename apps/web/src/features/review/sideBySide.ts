// The pure part of picking a counterpart passage in a document opened side by side: which
// documents the chooser offers for a filter, and the annotation a selection becomes (with the
// draft that keeps it, and its Idempotency-Key, until the server has stored it). No React.
import { describeRange } from '@glossa/anchoring';
import type { AnnotationTag } from '../../api/annotations';
import type { PendingCreate } from '../annotations/items';

export interface ChoosableDocument {
  id: string;
  title: string;
}

/** Documents whose title holds the filter (case-folded for Latin; CJK has no case), minus `excludeId`. */
export function filterDocuments<T extends ChoosableDocument>(documents: readonly T[], filter: string, excludeId?: string): T[] {
  const needle = filter.trim().toLocaleLowerCase();
  return documents.filter((d) => d.id !== excludeId && (needle === '' || d.title.toLocaleLowerCase().includes(needle)));
}

/** Keys 1/2/3 pick a tag, as in the reading view's selection toolbar. */
export const TAG_BY_KEY: Readonly<Record<string, AnnotationTag>> = { '1': 'claim', '2': 'opinion', '3': 'data' };

/** The tag a key press picks, or null (modifiers mean some other shortcut). */
export function tagForKey(event: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean }): AnnotationTag | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  return TAG_BY_KEY[event.key] ?? null;
}

/** One selection on its way to becoming an annotation; retried with the same key until stored. */
export interface CounterpartDraft extends PendingCreate {
  documentId: string;
}

/** Describes code points [start, end) of `text` (a revision's canonical text) as a new annotation. */
export function counterpartDraft(input: { documentId: string; revisionId: string; text: string; start: number; end: number; tag: AnnotationTag; idempotencyKey: string }): CounterpartDraft {
  const { position, quote } = describeRange(input.text, input.start, input.end);
  return {
    documentId: input.documentId,
    idempotencyKey: input.idempotencyKey,
    body: { tag: input.tag, target: { revisionId: input.revisionId, selector: [position, quote] } },
    start: input.start,
    end: input.end,
    quote: quote.exact,
    state: 'pending',
    error: null,
  };
}
