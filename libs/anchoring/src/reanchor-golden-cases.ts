// The golden re-anchoring case over seed 001 (issue 4): about forty annotations picked by rule,
// and a revision of the seed with a paragraph inserted near the top and one sentence rewritten.
//
// Both revisions go through the importer the app uses for seeds (seedMarkdown + parseMarkdown)
// and canonicalText, so offsets are those the server would store.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseMarkdown, seedMarkdown } from '@glossa/importers';
import { canonicalText } from './canonical-text';
import { describeRange } from './selectors';
import type { StoredAnchor } from './reanchor';

export const SEED_NAME = '001_16db67a9ee7a681a.txt';
const SEED_PATH = join(__dirname, '..', '..', '..', 'seeds', SEED_NAME);

/** The paragraph inserted after the headline, as an editor's note would be. */
export const INSERTED_PARAGRAPH = '【編者按】本報於2月11日更新此文：補充高官會閉幕後各方的評價，並更正一處人名譯寫。';
/**
 * The sentence rewritten in the fifth paragraph of body prose (after the headline, at least 40
 * code points), and its new wording: four edits, within the budget of the whole sentence but
 * not of short phrases inside it.
 */
export const OLD_SENTENCE = '倡導以人為本、智能向善，就人工智能賦能增長和治理規則凝聚更多共識。';
export const NEW_SENTENCE = '倡導以人為本、智能向善，就人工智能賦能發展和治理規則凝聚更廣泛共識。';
const PROSE_PARAGRAPH = 40;

const cps = (s: string): string[] => [...s];

export function seedText(source: string): string {
  return canonicalText(parseMarkdown(seedMarkdown(source)));
}

export function readSeed(): string {
  return readFileSync(SEED_PATH, 'utf8');
}

/** The edited seed source: the note after the headline's line, the sentence rewritten. */
export function editSeed(source: string): string {
  const lines = source.split('\n');
  const headline = lines.findIndex((line) => line.trim() !== '');
  lines.splice(headline + 1, 0, '', INSERTED_PARAGRAPH);
  const edited = lines.join('\n');
  if (edited.split(OLD_SENTENCE).length !== 2) throw new Error(`the sentence to rewrite must occur once in ${SEED_NAME}`);
  return edited.replace(OLD_SENTENCE, NEW_SENTENCE);
}

/** The fifth paragraph of body prose in the canonical text, which holds the rewritten sentence. */
export function fifthProseParagraph(text: string): string {
  return text
    .split('\n')
    .slice(1)
    .filter((line) => cps(line).length >= PROSE_PARAGRAPH)[4];
}

export interface Sentence {
  start: number;
  end: number;
  text: string;
}

/** Sentences of the canonical text: runs ending in 。！？ or at a line end (code points). */
export function sentencesOf(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let offset = 0;
  for (const match of text.matchAll(/[^。！？\n]+[。！？]?|\n/gu)) {
    const length = cps(match[0]).length;
    if (match[0] !== '\n' && match[0].trim() !== '') sentences.push({ start: offset, end: offset + length, text: match[0] });
    offset += length;
  }
  return sentences;
}

/** Passages named in DESIGN.md or chosen for their difficulty: repeats, text edges, the rewrite. */
const NAMED: Array<{ id: string; quote: string; occurrence: number }> = [
  { id: 'attendance-1', quote: '1400餘名代表', occurrence: 0 },
  { id: 'attendance-2', quote: '1400餘名代表', occurrence: 1 },
  { id: 'economy-share', quote: '超出六成的全球經濟總量和近五成的貿易總額', occurrence: 0 },
  { id: 'theme-1', quote: '建設亞太共同體，促進共同繁榮', occurrence: 0 },
  { id: 'theme-2', quote: '建設亞太共同體，促進共同繁榮', occurrence: 1 },
  { id: 'source-1', quote: '資料來源：新華社', occurrence: 0 },
  { id: 'source-2', quote: '資料來源：新華社', occurrence: 1 },
  { id: 'headline-start', quote: '王毅出席APEC高官會', occurrence: 0 },
  { id: 'byline-end', quote: '大公報記者盧靜怡', occurrence: 0 },
  { id: 'rewrite-whole', quote: OLD_SENTENCE, occurrence: 0 },
  { id: 'rewrite-clause', quote: '就人工智能賦能增長和治理規則凝聚更多共識', occurrence: 0 },
  { id: 'rewrite-short', quote: '賦能增長', occurrence: 0 },
  { id: 'rewrite-phrase', quote: '增長和治理規則', occurrence: 0 },
  { id: 'rewrite-untouched', quote: '倡導以人為本', occurrence: 0 },
];

/** Code point offset of the n-th occurrence of quote in text. */
function nthOccurrence(text: string, quote: string, n: number): number {
  let u = -1;
  for (let i = 0; i <= n; i++) {
    u = text.indexOf(quote, u + 1);
    if (u === -1) throw new Error(`occurrence ${n} of ${quote} is missing from ${SEED_NAME}`);
  }
  return cps(text.slice(0, u)).length;
}

/**
 * Every 3rd sentence in one of four shapes (whole; first half; middle 6; last 12 code
 * points), then the named passages: about forty annotations, described with 32 of context.
 */
export function goldenAnnotations(text: string): StoredAnchor[] {
  const picked = sentencesOf(text)
    .filter((_, index) => index % 3 === 1)
    .map((s, index) => {
      const length = s.end - s.start;
      const variant = index % 4;
      const [a, b] =
        variant === 0
          ? [s.start, s.end]
          : variant === 1
            ? [s.start, s.start + Math.ceil(length / 2)]
            : variant === 2
              ? length <= 6
                ? [s.start, s.end]
                : [s.start + Math.floor((length - 6) / 2), s.start + Math.floor((length - 6) / 2) + 6]
              : [Math.max(s.start, s.end - 12), s.end];
      return { id: `sentence-${s.start}-v${variant}`, ...describeRange(text, a, b) };
    });
  const named = NAMED.map(({ id, quote, occurrence }) => {
    const start = nthOccurrence(text, quote, occurrence);
    return { id, ...describeRange(text, start, start + cps(quote).length) };
  });
  return [...picked, ...named];
}

export interface GoldenCase {
  oldText: string;
  newText: string;
  annotations: StoredAnchor[];
}

export function goldenCase(): GoldenCase {
  const source = readSeed();
  const oldText = seedText(source);
  return { oldText, newText: seedText(editSeed(source)), annotations: goldenAnnotations(oldText) };
}
