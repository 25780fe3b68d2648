// Places an imported annotation in its target document's current revision from its selectors
// (DESIGN 3, via @glossa/anchoring): the quote wins over the position; what cannot be placed is kept
// as detached with the quote it came with, never dropped.
import { anchor, codePointLength, describeRange, type CodePointText } from '@glossa/anchoring';
import { MAX_QUOTE_CODE_POINTS, type AnchorStatus, type FieldError } from '@glossa/contracts';
import type { ImportCandidate } from '../w3c/parse-w3c-annotation';

export interface PlacedAnnotation {
  anchorStatus: AnchorStatus;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
}

/**
 * Anchored: offsets and a quote with context recomputed from the revision text. Detached: the
 * imported quote, with the imported position when there was one (else 0…length of the quote), so the
 * annotation can be re-attached by hand. Null (with a field error) only for a bare position outside the text:
 * there is no quote to keep.
 */
export function anchorCandidate(text: CodePointText, candidate: Pick<ImportCandidate, 'quote' | 'position'>, errors: FieldError[], selectorPath: string): PlacedAnnotation | null {
  const { quote, position } = candidate;
  if (quote !== null) {
    const found = anchor(text, { quote, ...(position ? { position } : {}) });
    if (found.status !== 'orphan' && found.end - found.start <= MAX_QUOTE_CODE_POINTS) {
      return { anchorStatus: 'anchored', ...described(text, found.start, found.end) };
    }
    const start = position?.start ?? 0;
    return { anchorStatus: 'detached', start, end: start + codePointLength(quote.exact), exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix };
  }
  if (position !== null && position.end <= text.length && position.end - position.start <= MAX_QUOTE_CODE_POINTS) {
    return { anchorStatus: 'anchored', ...described(text, position.start, position.end) };
  }
  errors.push({ path: selectorPath, message: 'the position is outside the document text (code points) and there is no TextQuoteSelector to keep' });
  return null;
}

function described(text: CodePointText, start: number, end: number): Omit<PlacedAnnotation, 'anchorStatus'> {
  const range = describeRange(text, start, end);
  return { start: range.position.start, end: range.position.end, exact: range.quote.exact, prefix: range.quote.prefix ?? '', suffix: range.quote.suffix ?? '' };
}
