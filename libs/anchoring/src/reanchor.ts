// Re-anchors every annotation of a document when a new revision is imported: each one is
// anchored in the new text, and the anchored ones get selectors described afresh from it.
//
// The new text is indexed once for all annotations. Each annotation's expected start is its
// old start mapped through the edit: texts usually share a prefix and a suffix, offsets in
// the shared prefix stay, offsets in the shared suffix shift by the length change, and those
// in between are interpolated. The hint only breaks ties between occurrences and centres
// the local fuzzy search; the old position itself is what step (a) verifies.
import { anchor, type AnchorOptions, type AnchorResult, type AnchorTarget } from './anchor';
import { CodePointText } from './code-point-text';
import { describeRange, type DescribedRange } from './selectors';
import { startsSurrogatePair } from './code-points';

export interface StoredAnchor extends AnchorTarget {
  id: string;
}

export interface Reanchored {
  id: string;
  result: AnchorResult;
  /** Selectors for the new revision (fuzzy ones quote the new text); null for an orphan, which keeps its old ones. */
  selectors: DescribedRange | null;
}

export type ReanchorOptions = Pick<AnchorOptions, 'threshold'>;

/** Maps old code point offsets to expected new ones through the texts' shared prefix and suffix. */
export function offsetMapper(oldText: CodePointText, newText: CodePointText): (offset: number) => number {
  const a = oldText.text;
  const b = newText.text;
  let prefix = 0;
  const limit = Math.min(a.length, b.length);
  while (prefix < limit && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  // Both texts have the same units before `prefix`, so the same pair split, if any.
  if (prefix > 0 && startsSurrogatePair(a, prefix - 1)) prefix--;
  let suffix = 0;
  while (suffix < limit - prefix && a.charCodeAt(a.length - 1 - suffix) === b.charCodeAt(b.length - 1 - suffix)) suffix++;
  // A shared suffix starting on a low surrogate would split a pair in the old text; drop it.
  if (suffix > 0 && !oldText.isBoundary(a.length - suffix)) suffix--;
  if (suffix > 0 && !newText.isBoundary(b.length - suffix)) suffix--;

  const sharedPrefix = oldText.toCodePoint(prefix);
  const oldTail = oldText.toCodePoint(a.length - suffix);
  const newTail = newText.toCodePoint(b.length - suffix);
  // Offsets are starts of spans: one where the prefix ends and the suffix begins belongs to
  // the suffix (text inserted there goes before the span).
  return (offset) => {
    if (offset >= oldTail) return offset - oldTail + newTail;
    if (offset <= sharedPrefix) return offset;
    return sharedPrefix + Math.round(((offset - sharedPrefix) * (newTail - sharedPrefix)) / Math.max(1, oldTail - sharedPrefix));
  };
}

/**
 * One result per annotation, in input order; none is dropped. Misuse (see anchor) throws
 * RangeError before anything is returned.
 */
export function reanchorAll(oldText: string, newText: string, annotations: readonly StoredAnchor[], options: ReanchorOptions = {}): Reanchored[] {
  const before = CodePointText.of(oldText);
  const after = CodePointText.of(newText);
  const map = oldText === newText ? (offset: number) => offset : offsetMapper(before, after);
  return annotations.map(({ id, position, quote }) => {
    const hint = position ? map(position.start) : undefined;
    const result = anchor(after, { position, quote }, { ...options, hint });
    const selectors = result.status === 'orphan' ? null : describeRange(after, result.start, result.end);
    return { id, result, selectors };
  });
}
