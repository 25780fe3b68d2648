// Where a quote sits in a text: every exact occurrence, or the best approximate match, each
// scored by quote, context and position similarity (after Hypothesis's match-quote.ts).
//
// Scoring (Hypothesis src/annotator/anchoring/match-quote.ts, same weights):
//   score = (50·quote + 20·prefix + 20·suffix + 2·position) / 92, each part in [0, 1]
//   quote    = 1 − errors / exact.length          (UTF-16 units, as approx-string-match counts)
//   prefix   = 1 − distance(prefix, the same number of code points before the match) / length
//   suffix   = the same after the match; an absent or empty context scores 1 (no information)
//   position = 1 − |start − hint| / text length   (code points; 1 without a hint: a tie-breaker)
// Unlike Hypothesis, contexts are compared anchored at the match (Levenshtein against the text
// right beside it, not a substring search), and a fuzzy match must reach FUZZY_THRESHOLD.
//
// FUZZY_THRESHOLD = 0.75, i.e. 50·quote + 20·(prefix + suffix) + 2·position ≥ 69:
// - a match within the error budget (quote ≥ 0.8) whose contexts are intact scores ≥ 0.87 and
//   always passes, whatever its position;
// - even a near-perfect quote needs prefix + suffix ≥ ~0.85, about one whole side of its
//   context, so a look-alike elsewhere in the text with unrelated surroundings is refused
//   and the annotation becomes an orphan instead of a wrong highlight.
import approxSearch from 'approx-string-match';
import { CodePointText } from './code-point-text';
import { alignBackward, alignForward, contextSimilarity } from './edit-distance';

export const QUOTE_WEIGHT = 50;
export const PREFIX_WEIGHT = 20;
export const SUFFIX_WEIGHT = 20;
export const POSITION_WEIGHT = 2;
const TOTAL_WEIGHT = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT;

/** Least score of a fuzzy match; see the header for what it admits. */
export const FUZZY_THRESHOLD = 0.75;
/**
 * Edit budget: one edit per five units of the quote, at most 32. Myers' bit-vector search
 * (approx-string-match) costs O(⌈k/32⌉·n), so 32 keeps every search to one machine word.
 */
export const MAX_ERRORS = 32;
export const ERRORS_PER_UNIT = 1 / 5;
/** Quotes longer than this (code points) are searched by their head and tail only. */
export const LONG_QUOTE = 128;
/** Length (code points) of the head and tail probes of a long quote. */
export const PROBE_LENGTH = 64;
/** Probe hits aligned per probe, nearest the hint first; bounds the work on repetitive texts. */
export const MAX_CANDIDATES = 64;
/** UTF-16 units beyond the quote's own length searched around the hint on their own. */
const LOCAL_MARGIN = 64;

/** What is known about the quote: its text, its context, where it is expected (code points). */
export interface QuoteExpectation {
  exact: string;
  prefix?: string;
  suffix?: string;
  hint?: number;
}

/** A span of the text in code points, with the edits it differs by and its score. */
export interface QuoteMatch {
  start: number;
  end: number;
  errors: number;
  score: number;
}

export function maxErrorsFor(exact: string): number {
  return Math.min(MAX_ERRORS, Math.floor(exact.length * ERRORS_PER_UNIT));
}

/**
 * UTF-16 starts of every occurrence of `exact` in the text that neither starts nor ends
 * inside a surrogate pair (a quote beginning with a lone low surrogate would otherwise
 * match the second half of 𠮷).
 */
export function exactOccurrences(ct: CodePointText, exact: string): number[] {
  const found: number[] = [];
  if (exact.length === 0) return found;
  for (let u = ct.text.indexOf(exact); u !== -1; u = ct.text.indexOf(exact, u + 1)) {
    if (ct.isBoundary(u) && ct.isBoundary(u + exact.length)) found.push(u);
  }
  return found;
}

/**
 * Scores candidate spans; prepared once per quote, and caching the context similarity of each
 * start and end, since many aligned spans share them.
 */
class Scorer {
  private readonly prefixLength: number;
  private readonly suffixLength: number;
  private readonly prefixScores = new Map<number, number>();
  private readonly suffixScores = new Map<number, number>();

  constructor(
    private readonly ct: CodePointText,
    private readonly quote: QuoteExpectation,
  ) {
    this.prefixLength = Array.from(quote.prefix ?? '').length;
    this.suffixLength = Array.from(quote.suffix ?? '').length;
  }

  private prefixScore(start16: number): number {
    if (this.prefixLength === 0) return 1;
    let score = this.prefixScores.get(start16);
    if (score === undefined) {
      score = contextSimilarity(this.quote.prefix!, this.ct.before(start16, this.prefixLength));
      this.prefixScores.set(start16, score);
    }
    return score;
  }

  private suffixScore(end16: number): number {
    if (this.suffixLength === 0) return 1;
    let score = this.suffixScores.get(end16);
    if (score === undefined) {
      score = contextSimilarity(this.quote.suffix!, this.ct.after(end16, this.suffixLength));
      this.suffixScores.set(end16, score);
    }
    return score;
  }

  score(start16: number, end16: number, errors: number): QuoteMatch {
    const { ct, quote } = this;
    const quoteScore = quote.exact.length === 0 ? 0 : Math.max(0, 1 - errors / quote.exact.length);
    const start = ct.toCodePoint(start16);
    const positionScore = quote.hint === undefined ? 1 : 1 - Math.min(1, Math.abs(start - quote.hint) / Math.max(1, ct.length));
    const raw =
      QUOTE_WEIGHT * quoteScore + PREFIX_WEIGHT * this.prefixScore(start16) + SUFFIX_WEIGHT * this.suffixScore(end16) + POSITION_WEIGHT * positionScore;
    return { start, end: ct.toCodePoint(end16), errors, score: raw / TOTAL_WEIGHT };
  }
}

/** Higher score wins; equal scores go to the match nearer the hint, then the earlier one. */
function better(a: QuoteMatch, b: QuoteMatch | null, hint: number | undefined): boolean {
  if (b === null || a.score !== b.score) return b === null || a.score > b.score;
  if (hint !== undefined) {
    const da = Math.abs(a.start - hint);
    const db = Math.abs(b.start - hint);
    if (da !== db) return da < db;
  }
  return a.start < b.start;
}

/** The best-scoring exact occurrence of the quote, or null when there is none. */
export function bestExactMatch(ct: CodePointText, quote: QuoteExpectation): QuoteMatch | null {
  const scorer = new Scorer(ct, quote);
  let best: QuoteMatch | null = null;
  for (const u of exactOccurrences(ct, quote.exact)) {
    const match = scorer.score(u, u + quote.exact.length, 0);
    if (better(match, best, quote.hint)) best = match;
  }
  return best;
}

interface Region {
  from: number;
  to: number;
}

/** With more piece occurrences than this, filtering would not pay: the whole text is searched. */
const MAX_WINDOWS = 256;

/**
 * The parts of the text that can hold a match of `pattern` within k edits, or null when
 * filtering would not pay. Filter-then-verify, as the approx-string-match docs suggest: split
 * the pattern into k + 1 disjoint pieces; k edits touch at most k of them, so every match
 * contains some piece verbatim, found by indexOf (native, fast). A piece at pattern offset o
 * found at h puts the match's start within k of h − o, so the window [h − o − k, h − o + m + 2k)
 * holds it. Only these windows go to the bit-vector search, which costs a hash lookup per
 * non-ASCII unit of text searched.
 */
function filteredRegions(text: string, pattern: string, k: number): Region[] | null {
  const size = Math.floor(pattern.length / (k + 1));
  if (size < 2) return null;
  const windows: Region[] = [];
  for (let piece = 0; piece <= k; piece++) {
    const offset = piece * size;
    const needle = pattern.slice(offset, offset + size);
    for (let h = text.indexOf(needle); h !== -1; h = text.indexOf(needle, h + 1)) {
      if (windows.length === MAX_WINDOWS) return null;
      windows.push({ from: Math.max(0, h - offset - k), to: Math.min(text.length, h - offset + pattern.length + 2 * k) });
    }
  }
  windows.sort((a, b) => a.from - b.from);
  const merged: Region[] = [];
  let covered = 0;
  for (const w of windows) {
    const last = merged[merged.length - 1];
    if (last && w.from <= last.to) last.to = Math.max(last.to, w.to);
    else merged.push({ ...w });
  }
  for (const w of merged) covered += w.to - w.from;
  return covered * 2 > text.length ? null : merged;
}

/** Starts (or ends, atEnd) of the lowest-error matches of probe in each region, UTF-16. */
function probeHits(ct: CodePointText, regions: readonly Region[], probe: string, k: number, atEnd: boolean): number[] {
  const hits = new Set<number>();
  for (const region of regions) {
    const text = region.from === 0 && region.to === ct.text.length ? ct.text : ct.text.slice(region.from, region.to);
    for (const m of approxSearch(text, probe, k)) hits.add(region.from + (atEnd ? m.end : m.start));
  }
  return [...hits];
}

/** At most MAX_CANDIDATES of the hits, nearest the hint first. */
function nearest(hits: number[], hint16: number | undefined): number[] {
  if (hits.length <= MAX_CANDIDATES) return hits;
  const centre = hint16 ?? 0;
  return hits.sort((a, b) => Math.abs(a - centre) - Math.abs(b - centre)).slice(0, MAX_CANDIDATES);
}

/**
 * The best approximate match of the quote within its edit budget, whatever its score (the
 * caller applies the threshold), or null when nothing is within budget.
 *
 * Search: the whole text, narrowed to the windows that can hold a match (filteredRegions).
 * approx-string-match reports only the lowest-error matches of a search, so a look-alike
 * elsewhere with fewer edits could hide the edited passage itself; the neighbourhood of the
 * hint is therefore searched on its own too, and the quote is also aligned from the hint.
 * Quotes longer than LONG_QUOTE are searched by a head and a tail probe of PROBE_LENGTH code
 * points (if both ends were rewritten beyond a probe's budget the quote is not found, which
 * is then rightly an orphan). Every hit is verified by aligning the whole quote from it
 * within the budget, in O(m·k), and every span within budget is scored, not only the
 * cheapest: an edit at the quote's end can make a shorter span as cheap, and only the suffix
 * tells them apart. Spans start and end on code point boundaries only, so none splits a
 * surrogate pair.
 */
export function bestFuzzyMatch(ct: CodePointText, quote: QuoteExpectation): QuoteMatch | null {
  const { exact, hint } = quote;
  const k = maxErrorsFor(exact);
  if (k === 0) return null;
  const { text } = ct;
  const hint16 = hint === undefined ? undefined : ct.toUtf16(Math.min(Math.max(0, hint), ct.length));
  let local: Region | null = null;
  if (hint16 !== undefined) {
    const margin = exact.length + LOCAL_MARGIN;
    local = { from: Math.max(0, hint16 - margin), to: Math.min(text.length, hint16 + exact.length + margin) };
  }

  const codePoints = Array.from(exact);
  const long = codePoints.length > LONG_QUOTE;
  const head = long ? codePoints.slice(0, PROBE_LENGTH).join('') : exact;
  const tail = long ? codePoints.slice(-PROBE_LENGTH).join('') : null;
  const hitsOf = (probe: string, atEnd: boolean): number[] => {
    const kp = Math.min(k, maxErrorsFor(probe));
    const regions = filteredRegions(text, probe, kp) ?? [{ from: 0, to: text.length }];
    // Searched on its own: a search reports only its lowest-error matches (see above).
    if (local) regions.push(local);
    return nearest(probeHits(ct, regions, probe, kp, atEnd), hint16);
  };

  // The hint itself is a start: when the text before the span is unchanged, the edited span
  // is aligned from there even if the searches' lowest-error hits lie elsewhere.
  const starts = new Set<number>([...(hint16 === undefined ? [] : [hint16]), ...hitsOf(head, false)]);
  const ends = new Set<number>(tail === null ? [] : hitsOf(tail, true));

  const isBoundary = (u: number): boolean => ct.isBoundary(u);
  const scorer = new Scorer(ct, quote);
  const seen = new Set<string>();
  let best: QuoteMatch | null = null;
  const consider = (start16: number, end16: number, errors: number): void => {
    const key = `${start16}:${end16}`;
    if (seen.has(key)) return;
    seen.add(key);
    const match = scorer.score(start16, end16, errors);
    if (better(match, best, hint)) best = match;
  };
  // A hit may begin or end between the halves of a pair; try the boundary on either side.
  for (const hit of starts) {
    for (const from of new Set([ct.floorBoundary(hit), ct.ceilBoundary(hit)])) {
      if (from > text.length) continue;
      for (const aligned of alignForward(text, from, exact, k, isBoundary)) consider(from, aligned.at, aligned.errors);
    }
  }
  for (const hit of ends) {
    for (const to of new Set([ct.floorBoundary(hit), ct.ceilBoundary(hit)])) {
      if (to > text.length) continue;
      for (const aligned of alignBackward(text, to, exact, k, isBoundary)) consider(aligned.at, to, aligned.errors);
    }
  }
  return best;
}
