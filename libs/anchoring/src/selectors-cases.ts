// Hand-computed expectations for describeRange and completeSelectors: CJK, 𠮷 and 👩‍👩‍👧
// before and inside quotes, repeated quotes, text edges, blank quotes, UTF-16 client bugs.
//
// Code points of SAMPLE (58 UTF-16 units, 54 code points):
//   0 主 1 辦 2 會 3 議 4 ： 5–13 來自各成員經濟體共 14–17 1400 18–21 餘名代表 22 與 23 會 24 。
//   25 另 26 有 27–30 1400 31–34 餘名代表 35 未 36 到 37 。 38 𠮷 39 野 40 家
//   41–45 👩 ZWJ 👩 ZWJ 👧 46 在 47 此 48 。 49 " " 50 " " 51 "\n" 52 U+3000 53 終
import type { SelectorFailure, TextSelector } from './selectors';

export const SAMPLE = '主辦會議：來自各成員經濟體共1400餘名代表與會。另有1400餘名代表未到。𠮷野家👩‍👩‍👧在此。  \n\u3000終';

export interface DescribeCase {
  name: string;
  text: string;
  start: number;
  end: number;
  contextLength?: number;
  exact: string;
  prefix: string;
  suffix: string;
}

export const DESCRIBE_CASES: DescribeCase[] = [
  { name: 'ASCII in the middle, context shorter than 32', text: 'The quick brown fox', start: 4, end: 9, exact: 'quick', prefix: 'The ', suffix: ' brown fox' },
  { name: 'CJK with 4 code points of context', text: SAMPLE, start: 14, end: 24, contextLength: 4, exact: '1400餘名代表與會', prefix: '經濟體共', suffix: '。另有1' },
  { name: '𠮷 and a ZWJ family in the prefix count as 1 and 5', text: SAMPLE, start: 46, end: 48, contextLength: 8, exact: '在此', prefix: '𠮷野家👩‍👩‍👧', suffix: '。  \n\u3000終' },
  { name: 'a quote inside the ZWJ family', text: SAMPLE, start: 42, end: 45, contextLength: 2, exact: '\u200D👩\u200D', prefix: '家👩', suffix: '👧在' },
  { name: 'the quote is 𠮷', text: SAMPLE, start: 38, end: 39, contextLength: 1, exact: '𠮷', prefix: '。', suffix: '野' },
  // 32 code points of astral prefix are 64 UTF-16 units; a unit-based cut would split a pair.
  { name: '32 astral code points of prefix', text: `${'𩸽'.repeat(40)}ab`, start: 40, end: 42, exact: 'ab', prefix: '𩸽'.repeat(32), suffix: '' },
  { name: 'quote at the very start', text: SAMPLE, start: 0, end: 4, exact: '主辦會議', prefix: '', suffix: '：來自各成員經濟體共1400餘名代表與會。另有1400餘名代表未' },
  { name: 'quote at the very end', text: SAMPLE, start: 52, end: 54, contextLength: 3, exact: '\u3000終', prefix: '  \n', suffix: '' },
  { name: 'no context', text: SAMPLE, start: 38, end: 41, contextLength: 0, exact: '𠮷野家', prefix: '', suffix: '' },
  { name: 'whitespace is described (only creating it is refused)', text: SAMPLE, start: 49, end: 53, contextLength: 1, exact: '  \n\u3000', prefix: '。', suffix: '終' },
];

/** describeRange arguments that are misuse and throw RangeError. */
export const DESCRIBE_MISUSE: Array<[start: number, end: number, contextLength?: number]> = [
  [3, 3],
  [5, 2],
  [-1, 2],
  [0, 55],
  [0.5, 2],
  [0, Number.NaN],
  [0, 2, -1],
  [0, 2, 1.5],
];

export interface CompleteCase {
  name: string;
  selectors: TextSelector[];
  /** The completed span and its exact text, or the failure reason. */
  expected: { start: number; end: number; exact: string } | SelectorFailure;
}

const position = (start: number, end: number): TextSelector => ({ type: 'TextPositionSelector', start, end });
const quote = (exact: string, prefix?: string, suffix?: string): TextSelector => ({
  type: 'TextQuoteSelector',
  exact,
  ...(prefix === undefined ? {} : { prefix }),
  ...(suffix === undefined ? {} : { suffix }),
});

export const COMPLETE_CASES: CompleteCase[] = [
  // Either selector alone is enough.
  { name: 'position alone gets its quote', selectors: [position(14, 24)], expected: { start: 14, end: 24, exact: '1400餘名代表與會' } },
  { name: 'quote alone gets its position, counted in code points after 𠮷 and 👩‍👩‍👧', selectors: [quote('在此')], expected: { start: 46, end: 48, exact: '在此' } },
  { name: 'a quote spanning 𠮷… and the family', selectors: [quote('家👩‍👩‍👧在')], expected: { start: 40, end: 47, exact: '家👩‍👩‍👧在' } },
  { name: 'both, agreeing, in either order', selectors: [quote('在此', '👩‍👧', '。'), position(46, 48)], expected: { start: 46, end: 48, exact: '在此' } },
  { name: 'a repeated quote told apart by its prefix', selectors: [quote('1400餘名代表', '共')], expected: { start: 14, end: 22, exact: '1400餘名代表' } },
  { name: 'a repeated quote told apart by its suffix', selectors: [quote('1400餘名代表', undefined, '未到')], expected: { start: 27, end: 35, exact: '1400餘名代表' } },
  { name: 'an empty prefix fits anywhere, including the very start', selectors: [quote('主辦', '')], expected: { start: 0, end: 2, exact: '主辦' } },
  { name: 'a quote at the very end with an empty suffix', selectors: [quote('終', '\u3000', '')], expected: { start: 53, end: 54, exact: '終' } },

  // out_of_range: offsets that do not name a range of this revision.
  { name: 'end past the text', selectors: [position(0, 55)], expected: 'out_of_range' },
  { name: 'negative start', selectors: [position(-1, 2)], expected: 'out_of_range' },
  { name: 'fractional start', selectors: [position(1.5, 3)], expected: 'out_of_range' },
  { name: 'reversed range', selectors: [position(5, 2)], expected: 'out_of_range' },
  { name: 'out of range wins over a quote', selectors: [position(50, 60), quote('終')], expected: 'out_of_range' },

  // empty: nothing visible to highlight.
  { name: 'collapsed range', selectors: [position(3, 3)], expected: 'empty' },
  { name: 'only spaces, a newline and U+3000', selectors: [position(49, 53)], expected: 'empty' },
  { name: 'only U+3000', selectors: [position(52, 53)], expected: 'empty' },
  { name: 'empty quote', selectors: [quote('')], expected: 'empty' },
  { name: 'quote of spaces', selectors: [quote('  ')], expected: 'empty' },
  { name: 'quote of a newline', selectors: [quote('\n')], expected: 'empty' },
  { name: 'quote of U+3000', selectors: [quote('\u3000')], expected: 'empty' },

  // quote_mismatch: both given, and they disagree.
  { name: 'exact differs from the text at the position', selectors: [position(14, 24), quote('1400餘名代表')], expected: 'quote_mismatch' },
  { name: 'right exact, prefix of the other occurrence', selectors: [position(14, 22), quote('1400餘名代表', '有')], expected: 'quote_mismatch' },
  { name: 'right exact, wrong suffix', selectors: [position(14, 22), quote('1400餘名代表', '共', '未到')], expected: 'quote_mismatch' },
  // A client counting UTF-16 units: 野家 is units [40, 42), code points [39, 41).
  { name: 'UTF-16 offsets after 𠮷', selectors: [position(40, 42), quote('野家')], expected: 'quote_mismatch' },
  // 在此 is units [50, 52) after 𠮷 and the family; as code points that is " \n".
  { name: 'UTF-16 offsets after 👩‍👩‍👧 (landing on whitespace)', selectors: [position(50, 52), quote('在此')], expected: 'quote_mismatch' },

  // quote_not_found and ambiguous_quote: a quote alone.
  { name: 'absent quote', selectors: [quote('APEC')], expected: 'quote_not_found' },
  { name: 'present quote, context of no occurrence', selectors: [quote('1400餘名代表', '約')], expected: 'quote_not_found' },
  { name: 'the low half of 𠮷 never matches inside the pair', selectors: [quote('\uDFB7')], expected: 'quote_not_found' },
  { name: 'repeated quote without context', selectors: [quote('1400餘名代表')], expected: 'ambiguous_quote' },
  { name: 'repeated quote whose suffix fits both', selectors: [quote('1400', undefined, '餘名代表')], expected: 'ambiguous_quote' },
];

/** Selector lists the contract never lets through: misuse, RangeError. */
export const COMPLETE_MISUSE: Array<[name: string, selectors: TextSelector[]]> = [
  ['no selector', []],
  ['two position selectors', [position(0, 1), position(1, 2)]],
  ['two quote selectors', [quote('主'), quote('辦')]],
  ['an unknown selector type', [{ type: 'RangeSelector' } as unknown as TextSelector]],
];
