// Public surface of @glossa/anchoring: the canonical text of a document, code point offsets and
// ProseMirror positions, selectors, anchoring and re-anchoring. No Nest, TypeORM or DOM here.
export { canonicalText, canonicalLeafText, BLOCK_SEPARATOR, OBJECT_REPLACEMENT } from './canonical-text';
export { codePointLength, codePointToUtf16, utf16ToCodePoint, sliceCodePoints } from './code-points';
export { TextIndex, type Assoc, type OffsetRange, type PosRange } from './text-index';
export { CodePointText } from './code-point-text';
export {
  describeRange,
  completeSelectors,
  isBlankQuote,
  CONTEXT_LENGTH,
  SELECTOR_FAILURES,
  TEXT_POSITION_SELECTOR,
  TEXT_QUOTE_SELECTOR,
  type TextPositionSelector,
  type TextQuoteSelector,
  type TextSelector,
  type DescribedRange,
  type CompletedSelectors,
  type SelectorFailure,
} from './selectors';
export {
  FUZZY_THRESHOLD,
  MAX_ERRORS,
  ERRORS_PER_UNIT,
  LONG_QUOTE,
  PROBE_LENGTH,
  QUOTE_WEIGHT,
  PREFIX_WEIGHT,
  SUFFIX_WEIGHT,
  POSITION_WEIGHT,
  maxErrorsFor,
} from './match-quote';
export { anchor, ANCHOR_STATUSES, type AnchorResult, type AnchorStatus, type AnchorTarget, type AnchorOptions } from './anchor';
export { reanchorAll, type StoredAnchor, type Reanchored, type ReanchorOptions } from './reanchor';
