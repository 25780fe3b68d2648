// Finds an annotation's span in a text from its stored selectors, in the order of DESIGN
// decision 3, and says how it was found; an annotation that cannot be placed is an orphan.
//
// Order (the same-revision shortcut is the caller's: it needs no anchoring at all):
//   (a) exact  — the stored position still holds exactly the quote;
//   (b) moved  — the quote occurs verbatim elsewhere: the occurrence with the best context
//                and nearest the old position wins (score < 1 says the context changed);
//   (c) fuzzy  — the best approximate match within the edit budget, if it scores at least
//                the threshold (see match-quote.ts for budget, scoring and threshold);
//   (d) orphan — kept by the caller, listed as detached, never dropped.
// As in Hypothesis (src/annotator/anchoring/html.ts, anchor(): the position selector checked
// against the quote, then the quote matched with position.start as hint), verbatim search
// runs first and the costly fuzzy search only when the quote no longer occurs verbatim.
import { CodePointText } from './code-point-text';
import { bestExactMatch, bestFuzzyMatch, FUZZY_THRESHOLD, type QuoteExpectation } from './match-quote';
import { isBlankQuote, type TextPositionSelector, type TextQuoteSelector } from './selectors';

export const ANCHOR_STATUSES = ['exact', 'moved', 'fuzzy', 'orphan'] as const;
export type AnchorStatus = (typeof ANCHOR_STATUSES)[number];

/** Code point span of the text, with score 1 for exact, the context score for moved. */
export type AnchorResult = { status: 'exact' | 'moved' | 'fuzzy'; start: number; end: number; score: number } | { status: 'orphan' };

export interface AnchorTarget {
  /** Where the span was in the revision the selectors were made for; optional. */
  position?: Pick<TextPositionSelector, 'start' | 'end'>;
  quote: Pick<TextQuoteSelector, 'exact' | 'prefix' | 'suffix'>;
}

export interface AnchorOptions {
  /** Expected start in this text (code points), e.g. mapped through a diff; default position.start. */
  hint?: number;
  /** Least score of a fuzzy match, in [0, 1]; default FUZZY_THRESHOLD. */
  threshold?: number;
}

function assertTarget(target: AnchorTarget, options: AnchorOptions): void {
  if (typeof target?.quote?.exact !== 'string') throw new RangeError('a target needs a quote with an exact string');
  const { position } = target;
  if (position !== undefined) {
    const { start, end } = position;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || start > end) {
      throw new RangeError(`position [${start}, ${end}) is not a range of non-negative integers`);
    }
  }
  if (options.hint !== undefined && !Number.isInteger(options.hint)) throw new RangeError(`hint ${options.hint} is not an integer`);
  const { threshold } = options;
  if (threshold !== undefined && !(threshold >= 0 && threshold <= 1)) throw new RangeError(`threshold ${threshold} is outside [0, 1]`);
}

/**
 * Anchors the target in text (a revision's canonical text). Never throws for stored data
 * that no longer fits: a position past the end of a shorter text is simply not verified.
 * Throws RangeError only on misuse: no exact string, a negative, fractional or reversed
 * position, a fractional hint, a threshold outside [0, 1].
 */
export function anchor(text: string | CodePointText, target: AnchorTarget, options: AnchorOptions = {}): AnchorResult {
  assertTarget(target, options);
  const ct = CodePointText.of(text);
  const { position, quote } = target;
  // An empty quote says nothing about where it was; there is nothing to highlight either.
  if (quote.exact === '') return { status: 'orphan' };

  // (a) Position verified by quote.
  if (position && position.end <= ct.length && position.end > position.start && ct.slice(position.start, position.end) === quote.exact) {
    return { status: 'exact', start: position.start, end: position.end, score: 1 };
  }

  const expectation: QuoteExpectation = { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix, hint: options.hint ?? position?.start };

  // (b) Exact quote, disambiguated by context and proximity.
  const moved = bestExactMatch(ct, expectation);
  if (moved) return { status: 'moved', start: moved.start, end: moved.end, score: moved.score };

  // (c) Fuzzy quote. A blank quote has no content to match approximately.
  if (!isBlankQuote(quote.exact)) {
    const fuzzy = bestFuzzyMatch(ct, expectation);
    if (fuzzy && fuzzy.score >= (options.threshold ?? FUZZY_THRESHOLD)) {
      return { status: 'fuzzy', start: fuzzy.start, end: fuzzy.end, score: fuzzy.score };
    }
  }

  // (d) Orphan.
  return { status: 'orphan' };
}
