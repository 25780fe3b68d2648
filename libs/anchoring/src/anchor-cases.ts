// Worked anchoring cases: each describes a span of an original text, anchors it in a revised
// text, and states the status and code point span expected, one step of DESIGN decision 3 each.
//
// Offsets are written as lengths of the literal pieces a text is built from ([...s].length,
// the string iterator's count of code points), so each expectation can be read off the text.
import type { AnchorStatus, AnchorTarget } from './anchor';

const cp = (s: string): number => [...s].length;

export interface AnchorCase {
  name: string;
  /** The revision the annotation was made on and its span there (described with 32 of context). */
  original: string;
  start: number;
  end: number;
  /** The text anchored against; the original when absent. */
  revised?: string;
  /** Anchor this target instead of describing [start, end) of the original. */
  target?: AnchorTarget;
  /** Anchor with the quote alone. */
  quoteOnly?: boolean;
  threshold?: number;
  expected: { status: Exclude<AnchorStatus, 'orphan'>; start: number; end: number; text: string } | { status: 'orphan' };
}

const FAMILY = '👩‍👩‍👧';

// A sentence from the 001 seed, and the quote 「1400餘名代表與會」 inside it.
const LEAD = '2月1日至10日，亞太經合組織第一次高官會及相關會議在廣州市舉行。此次高官會是由中國擔任2026年APEC東道主舉辦的首場正式活動，來自各成員經濟體共';
const QUOTE = '1400餘名代表與會';
const TAIL = '。各方圍繞APEC「中國年」主題和三大優先領域深入討論，全面啟動各領域合作。';
const SENTENCE = LEAD + QUOTE + TAIL;
const Q_START = cp(LEAD);
const Q_END = Q_START + cp(QUOTE);

// Two occurrences of the same figure with different surroundings.
const FIRST = '開幕式上，來自各成員經濟體共1400餘名代表與會，氣氛熱烈。';
const FILLER = '會議期間各方就貿易投資、數字經濟、綠色發展等議題深入交換意見，並就今年領導人會議的成果文件初步達成共識，會後舉行了記者會。';
const SECOND = '據主辦方統計，另有1400餘名代表因故未能到場，改以視像方式參與。';
const TWICE = FIRST + FILLER + SECOND;
const SECOND_AT = cp(FIRST + FILLER) + cp('據主辦方統計，另有');
// Prepending this puts the second occurrence's old offset next to the first occurrence.
const PUSH = '【編者按】本文於二月十一日更新，補充了會議閉幕時的統計數字以及各方代表的發言摘要，並更正了若干人名的譯寫，特此說明。以下為全文：\n';

// A paragraph copied verbatim: both copies have the same 32 code points of context.
const COPY = '亞太地區克服地緣政治、逆全球化和新冠疫情影響，深入推進區域合作，成為全球增長的引擎、區域一體化的旗手和創新發展的先鋒，也是世界經濟最具活力的板塊。各方期待在此基礎上進一步深化合作。';
const DOUBLED = `${COPY}\n${COPY}`;
const IN_COPY = 40;

// A paragraph of the 001 seed, long enough (> 128 code points) to be searched by its first
// and last 64 code points; rewriting 20 code points at one end defeats that end's probe.
const LONG =
  '王毅說，中方將「建設亞太共同體，促進共同繁榮」確定為今年辦會主題，將圍繞「開放、創新、合作」三大優先領域推進全年議程。' +
  '我們要重溫亞太合作初心，着眼APEC未來發展，推動今年領導人會議發表一份方向明確、內容豐富的成果文件，' +
  '更堅定舉起建設亞太共同體的旗幟，探討今後一個時期亞太共同體建設的階段性目標和實施路線圖。';
const LONG_BEFORE = '以下為會議紀要全文。\n';
const LONG_AFTER = '\n紀要完。';
const TWENTY = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉';

// A look-alike one edit away from QUOTE, far from it, and a stretch so full of QUOTE's pieces
// that the search is not narrowed to windows: the whole-text search then reports only the
// look-alike, and the passage edited in place (two edits) must be found near the hint.
const DECOY = '另據會務組統計，1401餘名代表與會。';
const CROWD = '各國代表與會者，'.repeat(60);
const CROWDED = DECOY + CROWD + SENTENCE;
const CROWDED_AT = cp(DECOY + CROWD) + Q_START;
const CROWDED_EDITED = DECOY + CROWD + `${LEAD}1500餘名代表列會${TAIL}`;
const LONG_LENGTH = cp(LONG);
const LONG_NEW_HEAD = TWENTY + [...LONG].slice(20).join('');
const LONG_NEW_TAIL = [...LONG].slice(0, LONG_LENGTH - 20).join('') + TWENTY;
const LONG_NEW_ENDS = TWENTY + [...LONG].slice(20, LONG_LENGTH - 20).join('') + TWENTY;

export const ANCHOR_CASES: AnchorCase[] = [
  // (a) exact: the stored position still holds the quote.
  { name: 'unchanged CJK text', original: SENTENCE, start: Q_START, end: Q_END, expected: { status: 'exact', start: Q_START, end: Q_END, text: QUOTE } },
  { name: 'text changed only after the quote', original: SENTENCE, start: Q_START, end: Q_END, revised: `${LEAD}${QUOTE}。`, expected: { status: 'exact', start: Q_START, end: Q_END, text: QUOTE } },
  { name: 'quote at the very start, text appended', original: SENTENCE, start: 0, end: 6, revised: `${SENTENCE}補記。`, expected: { status: 'exact', start: 0, end: 6, text: '2月1日至1' } },

  // (b) moved: the quote occurs verbatim elsewhere.
  { name: '𠮷 inserted before: one code point, not two units', original: SENTENCE, start: Q_START, end: Q_END, revised: `𠮷${SENTENCE}`, expected: { status: 'moved', start: Q_START + 1, end: Q_END + 1, text: QUOTE } },
  { name: '👩‍👩‍👧 inserted before: five code points', original: SENTENCE, start: Q_START, end: Q_END, revised: `${FAMILY}${SENTENCE}`, expected: { status: 'moved', start: Q_START + 5, end: Q_END + 5, text: QUOTE } },
  {
    name: '𠮷 and 👩‍👩‍👧 inside the quote, text inserted before',
    original: `吉野家的${FAMILY}在𠮷野家吃飯。`,
    start: 4,
    end: 12,
    revised: `今天，吉野家的${FAMILY}在𠮷野家吃飯。`,
    expected: { status: 'moved', start: 7, end: 15, text: `${FAMILY}在𠮷野` },
  },
  {
    name: 'a repeated quote: context beats a nearer occurrence',
    original: TWICE,
    start: SECOND_AT,
    end: SECOND_AT + cp('1400餘名代表'),
    revised: PUSH + TWICE,
    expected: { status: 'moved', start: cp(PUSH) + SECOND_AT, end: cp(PUSH) + SECOND_AT + cp('1400餘名代表'), text: '1400餘名代表' },
  },
  {
    name: 'a repeated quote: the first occurrence stays the first',
    original: TWICE,
    start: cp('開幕式上，來自各成員經濟體共'),
    end: cp('開幕式上，來自各成員經濟體共1400餘名代表'),
    revised: PUSH + TWICE,
    expected: { status: 'moved', start: cp(PUSH) + 14, end: cp(PUSH) + 22, text: '1400餘名代表' },
  },
  {
    name: 'a copied paragraph, identical context: the copy nearer the old position (second)',
    original: DOUBLED,
    start: cp(COPY) + 1 + IN_COPY,
    end: cp(COPY) + 1 + IN_COPY + 10,
    revised: `前言\n${DOUBLED}`,
    expected: { status: 'moved', start: 3 + cp(COPY) + 1 + IN_COPY, end: 3 + cp(COPY) + 1 + IN_COPY + 10, text: [...COPY].slice(IN_COPY, IN_COPY + 10).join('') },
  },
  {
    name: 'a copied paragraph, identical context: the copy nearer the old position (first)',
    original: DOUBLED,
    start: IN_COPY,
    end: IN_COPY + 10,
    revised: `前言\n${DOUBLED}`,
    expected: { status: 'moved', start: 3 + IN_COPY, end: 3 + IN_COPY + 10, text: [...COPY].slice(IN_COPY, IN_COPY + 10).join('') },
  },
  { name: 'quote at the very end, text prepended', original: SENTENCE, start: cp(SENTENCE) - 3, end: cp(SENTENCE), revised: `前言。${SENTENCE}`, expected: { status: 'moved', start: cp(SENTENCE), end: cp(SENTENCE) + 3, text: '合作。' } },
  {
    name: 'a position past the end of a shorter revision is not verified, the quote is found',
    original: SENTENCE,
    start: cp(SENTENCE) - 5,
    end: cp(SENTENCE),
    revised: '各領域合作。',
    expected: { status: 'moved', start: 1, end: 6, text: '領域合作。' },
  },
  { name: 'the quote alone, without a position, is found by search', original: SENTENCE, start: Q_START, end: Q_END, quoteOnly: true, expected: { status: 'moved', start: Q_START, end: Q_END, text: QUOTE } },

  // Blank and empty quotes.
  { name: 'a whitespace quote verified at its position', original: '甲  乙', start: 1, end: 3, expected: { status: 'exact', start: 1, end: 3, text: '  ' } },
  { name: 'a whitespace quote found verbatim elsewhere', original: '甲  乙', start: 1, end: 3, revised: '丙甲  乙', expected: { status: 'moved', start: 2, end: 4, text: '  ' } },
  { name: 'a whitespace quote gone: no fuzzy matching of blanks', original: '甲  乙', start: 1, end: 3, revised: '甲 乙', expected: { status: 'orphan' } },
  { name: 'an empty quote is an orphan', original: SENTENCE, start: 0, end: 1, target: { position: { start: 0, end: 0 }, quote: { exact: '' } }, expected: { status: 'orphan' } },

  // (c) fuzzy: the quote was edited a little, its surroundings were not.
  {
    name: 'one character changed in the quote',
    original: SENTENCE,
    start: Q_START,
    end: Q_END,
    revised: `${LEAD}1500餘名代表與會${TAIL}`,
    expected: { status: 'fuzzy', start: Q_START, end: Q_END, text: '1500餘名代表與會' },
  },
  {
    name: 'a character inserted in the quote, and text inserted before',
    original: SENTENCE,
    start: Q_START,
    end: Q_END,
    revised: `𠮷${LEAD}1400餘名代表出席與會${TAIL}`,
    expected: { status: 'fuzzy', start: Q_START + 1, end: Q_END + 3, text: '1400餘名代表出席與會' },
  },
  {
    name: '𠮷 replaced by 𩸽 inside the quote: the span keeps whole pairs',
    original: `今天在${'𠮷野家吃了牛丼和味噌湯'}，很好吃。`,
    start: 3,
    end: 14,
    revised: `今天在${'𩸽野家吃了牛丼和味噌湯'}，很好吃。`,
    expected: { status: 'fuzzy', start: 3, end: 14, text: '𩸽野家吃了牛丼和味噌湯' },
  },
  {
    name: 'a long quote whose first 20 code points were rewritten (found by its tail)',
    original: LONG_BEFORE + LONG + LONG_AFTER,
    start: cp(LONG_BEFORE),
    end: cp(LONG_BEFORE) + LONG_LENGTH,
    revised: LONG_BEFORE + LONG_NEW_HEAD + LONG_AFTER,
    expected: { status: 'fuzzy', start: cp(LONG_BEFORE), end: cp(LONG_BEFORE) + LONG_LENGTH, text: LONG_NEW_HEAD },
  },
  {
    name: 'a long quote whose last 20 code points were rewritten (found by its head)',
    original: LONG_BEFORE + LONG + LONG_AFTER,
    start: cp(LONG_BEFORE),
    end: cp(LONG_BEFORE) + LONG_LENGTH,
    revised: LONG_BEFORE + LONG_NEW_TAIL + LONG_AFTER,
    expected: { status: 'fuzzy', start: cp(LONG_BEFORE), end: cp(LONG_BEFORE) + LONG_LENGTH, text: LONG_NEW_TAIL },
  },
  {
    name: 'a long quote edited a little at both ends and in the middle',
    original: LONG_BEFORE + LONG + LONG_AFTER,
    start: cp(LONG_BEFORE),
    end: cp(LONG_BEFORE) + LONG_LENGTH,
    revised: LONG_BEFORE + LONG.replace('王毅說', '王毅表示').replace('重溫', '回顧').replace('路線圖', '路徑') + LONG_AFTER,
    expected: {
      status: 'fuzzy',
      start: cp(LONG_BEFORE),
      end: cp(LONG_BEFORE) + LONG_LENGTH,
      text: LONG.replace('王毅說', '王毅表示').replace('重溫', '回顧').replace('路線圖', '路徑'),
    },
  },

  {
    name: 'a closer look-alike elsewhere does not hide the passage edited in place',
    original: CROWDED,
    start: CROWDED_AT,
    end: CROWDED_AT + cp(QUOTE),
    revised: CROWDED_EDITED,
    expected: { status: 'fuzzy', start: CROWDED_AT, end: CROWDED_AT + cp(QUOTE), text: '1500餘名代表列會' },
  },
  {
    name: '… nor when text before it moved it off its old position',
    original: CROWDED,
    start: CROWDED_AT,
    end: CROWDED_AT + cp(QUOTE),
    revised: `序。${CROWDED_EDITED}`,
    expected: { status: 'fuzzy', start: CROWDED_AT + 2, end: CROWDED_AT + 2 + cp(QUOTE), text: '1500餘名代表列會' },
  },

  // (d) orphan: nothing good enough.
  {
    name: 'a long quote rewritten at both ends: 40 edits, over the budget of 32',
    original: LONG_BEFORE + LONG + LONG_AFTER,
    start: cp(LONG_BEFORE),
    end: cp(LONG_BEFORE) + LONG_LENGTH,
    revised: LONG_BEFORE + LONG_NEW_ENDS + LONG_AFTER,
    expected: { status: 'orphan' },
  },
  { name: 'the quoted sentence deleted', original: SENTENCE, start: Q_START, end: Q_END, revised: `${LEAD}${TAIL}`, expected: { status: 'orphan' } },
  {
    name: 'the quote rewritten beyond its edit budget',
    original: SENTENCE,
    start: Q_START,
    end: Q_END,
    revised: `${LEAD}逾千名高級別代表${TAIL}`,
    expected: { status: 'orphan' },
  },
  { name: 'a short quote (no edit budget) changed by one character', original: SENTENCE, start: Q_START, end: Q_START + 4, revised: SENTENCE.replace('1400', '1401'), expected: { status: 'orphan' } },
  {
    name: 'a look-alike with unrelated surroundings is refused',
    original: SENTENCE,
    start: Q_START,
    end: Q_END,
    revised: `另據統計，共1500餘名代表與會者登記。${FILLER}`,
    expected: { status: 'orphan' },
  },
  {
    name: 'the same look-alike is taken with threshold 0',
    original: SENTENCE,
    start: Q_START,
    end: Q_END,
    revised: `另據統計，共1500餘名代表與會者登記。${FILLER}`,
    threshold: 0,
    expected: { status: 'fuzzy', start: 6, end: 16, text: '1500餘名代表與會' },
  },
];
