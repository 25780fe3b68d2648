// The two W3C selectors every Glossa annotation stores (DESIGN decision 3), how a range is
// described with them, and the server's check that completes a body giving either one alone.
//
// Offsets are code points over the revision's canonical text (DESIGN decision 2; Apache
// Annotator counts TextPositionSelector in code points too: packages/selector/src/text/
// code-point-seeker.ts). The quote's prefix and suffix are up to CONTEXT_LENGTH code points,
// so they never split a surrogate pair. Like Hypothesis (src/annotator/anchoring/types.ts,
// TextQuoteAnchor.fromRange: 32 of context) and unlike Apache Annotator's describe-text-
// quote.ts (the least context that is unique), they have a fixed length, so that re-anchoring
// can score how much of them survived an edit.
import { CodePointText } from './code-point-text';
import { exactOccurrences } from './match-quote';

export const TEXT_POSITION_SELECTOR = 'TextPositionSelector';
export const TEXT_QUOTE_SELECTOR = 'TextQuoteSelector';
/** Code points of context stored on each side of a quote (the "~32"). */
export const CONTEXT_LENGTH = 32;

export interface TextPositionSelector {
  type: typeof TEXT_POSITION_SELECTOR;
  start: number;
  end: number;
}

export interface TextQuoteSelector {
  type: typeof TEXT_QUOTE_SELECTOR;
  exact: string;
  prefix?: string;
  suffix?: string;
}

export type TextSelector = TextPositionSelector | TextQuoteSelector;

/** The redundant pair stored for one span of one revision. */
export interface DescribedRange {
  position: TextPositionSelector;
  quote: TextQuoteSelector;
}

/** Why a create body's selectors do not fit the revision; the API answers 422 with it. */
export const SELECTOR_FAILURES = ['out_of_range', 'quote_mismatch', 'quote_not_found', 'ambiguous_quote', 'empty'] as const;
export type SelectorFailure = (typeof SELECTOR_FAILURES)[number];

export type CompletedSelectors = ({ ok: true } & DescribedRange) | { ok: false; reason: SelectorFailure };

/**
 * True for a quote with nothing visible to highlight: empty or only whitespace (including
 * U+3000 and line breaks). Such a quote also matches almost anywhere, so it could never be
 * re-anchored meaningfully; creating one is refused as 'empty'.
 */
export function isBlankQuote(exact: string): boolean {
  return /^\s*$/u.test(exact);
}

function assertContextLength(contextLength: number): void {
  if (!Number.isInteger(contextLength) || contextLength < 0) throw new RangeError(`context length ${contextLength} is not a non-negative integer`);
}

/**
 * Both selectors for code points [start, end) of text, with up to contextLength code points
 * of prefix and suffix. Misuse throws RangeError: offsets that are not integers, reversed,
 * outside the text, or an empty range (an annotation covers at least one code point).
 */
export function describeRange(text: string | CodePointText, start: number, end: number, contextLength = CONTEXT_LENGTH): DescribedRange {
  assertContextLength(contextLength);
  const ct = CodePointText.of(text);
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > ct.length || start >= end) {
    throw new RangeError(`range [${start}, ${end}) is not a non-empty range of a ${ct.length}-code-point text`);
  }
  const start16 = ct.toUtf16(start);
  const end16 = ct.toUtf16(end);
  return {
    position: { type: TEXT_POSITION_SELECTOR, start, end },
    quote: {
      type: TEXT_QUOTE_SELECTOR,
      exact: ct.text.slice(start16, end16),
      prefix: ct.before(start16, contextLength),
      suffix: ct.after(end16, contextLength),
    },
  };
}

/** True when the quote's prefix and suffix, if given, are the text right beside [start16, end16). */
function contextAgrees(ct: CodePointText, quote: TextQuoteSelector, start16: number, end16: number): boolean {
  const { prefix = '', suffix = '' } = quote;
  return start16 >= prefix.length && ct.text.startsWith(prefix, start16 - prefix.length) && ct.text.startsWith(suffix, end16);
}

function pickSelectors(selectors: readonly TextSelector[]): { position?: TextPositionSelector; quote?: TextQuoteSelector } {
  if (!Array.isArray(selectors) || selectors.length === 0) throw new RangeError('selectors must be a non-empty array');
  const picked: { position?: TextPositionSelector; quote?: TextQuoteSelector } = {};
  for (const selector of selectors) {
    if (selector?.type === TEXT_POSITION_SELECTOR && picked.position === undefined) picked.position = selector;
    else if (selector?.type === TEXT_QUOTE_SELECTOR && picked.quote === undefined) picked.quote = selector;
    else throw new RangeError(`unexpected or repeated selector ${JSON.stringify(selector?.type)}`);
  }
  return picked;
}

const fail = (reason: SelectorFailure): CompletedSelectors => ({ ok: false, reason });

/**
 * The server's check of a create body against the stored revision (issue 4): either selector
 * alone is enough and the other is completed; when both are given they must agree. The result
 * always carries freshly described selectors (CONTEXT_LENGTH of context), so every stored
 * anchor has the same shape whatever the client sent.
 *
 * - position: integers with 0 <= start <= end <= length, else 'out_of_range'; start === end
 *   → 'empty'. With a quote, exact must equal the selected text and a given prefix/suffix must
 *   be the text right beside it (any length), else 'quote_mismatch' (a client that counted
 *   UTF-16 units lands here). Then only whitespace selected → 'empty'.
 * - quote alone: blank → 'empty'; the occurrences whose given prefix/suffix agree (exactly:
 *   the client had this very revision) are counted: none → 'quote_not_found', several →
 *   'ambiguous_quote', one → that span.
 *
 * Expected failures are values; a selector list that is empty, repeats a type or holds an
 * unknown type is misuse (the contract rejects it first) and throws RangeError.
 */
export function completeSelectors(text: string | CodePointText, selectors: readonly TextSelector[]): CompletedSelectors {
  const ct = CodePointText.of(text);
  const { position, quote } = pickSelectors(selectors);

  if (position) {
    const { start, end } = position;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > ct.length || start > end) return fail('out_of_range');
    if (start === end) return fail('empty');
    const start16 = ct.toUtf16(start);
    const end16 = ct.toUtf16(end);
    const selected = ct.text.slice(start16, end16);
    if (quote && (quote.exact !== selected || !contextAgrees(ct, quote, start16, end16))) return fail('quote_mismatch');
    if (isBlankQuote(selected)) return fail('empty');
    return { ok: true, ...describeRange(ct, start, end) };
  }

  const exact = quote!.exact;
  if (typeof exact !== 'string' || isBlankQuote(exact)) return fail('empty');
  const agreeing = exactOccurrences(ct, exact).filter((u) => contextAgrees(ct, quote!, u, u + exact.length));
  if (agreeing.length === 0) return fail('quote_not_found');
  if (agreeing.length > 1) return fail('ambiguous_quote');
  return { ok: true, ...describeRange(ct, ct.toCodePoint(agreeing[0]), ct.toCodePoint(agreeing[0] + exact.length)) };
}
