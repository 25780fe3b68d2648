// The quoted passage of an annotation with a little context, as the memo shows it: the stored
// prefix and suffix (taken from the revision's canonical text when the annotation was anchored),
// cut at the nearest paragraph break and to a few code points so the quote stays the focus.
export const CONTEXT_CODE_POINTS = 24;

export interface Passage {
  before: string;
  exact: string;
  after: string;
  /** True when there is more text before `before` (or after `after`) in the same paragraph. */
  cutBefore: boolean;
  cutAfter: boolean;
}

export function passageOf(quote: { exact: string; prefix: string; suffix: string }): Passage {
  const prefixLines = quote.prefix.split('\n');
  const suffixLines = quote.suffix.split('\n');
  const lastLine = [...prefixLines[prefixLines.length - 1]!];
  const firstLine = [...suffixLines[0]!];
  return {
    before: lastLine.slice(-CONTEXT_CODE_POINTS).join(''),
    exact: quote.exact,
    after: firstLine.slice(0, CONTEXT_CODE_POINTS).join(''),
    cutBefore: lastLine.length > CONTEXT_CODE_POINTS,
    cutAfter: firstLine.length > CONTEXT_CODE_POINTS,
  };
}
