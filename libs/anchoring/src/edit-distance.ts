// Edit distances the scorer needs beyond approx-string-match: similarity of a short context
// to the text beside a candidate, and the bounded alignment of a whole quote from one end.
//
// approx-string-match reports only where the best matches end (and re-derives starts);
// it cannot say "how well does the quote align if it starts exactly here", which is
// what pinning a candidate to a code point boundary and verifying a long quote from a
// probe hit need. A diagonal band of width 2k + 1 answers that in O(m·k).

/** Code points of s as numbers; s's UTF-16 units when it has no surrogate (the usual case). */
function codePointsOf(s: string): ArrayLike<number> {
  let astral = false;
  for (let i = 0; i < s.length && !astral; i++) astral = (s.charCodeAt(i) & 0xf800) === 0xd800;
  if (!astral) {
    const units = new Uint16Array(s.length);
    for (let i = 0; i < s.length; i++) units[i] = s.charCodeAt(i);
    return units;
  }
  return Array.from(s, (c) => c.codePointAt(0)!);
}

/**
 * Levenshtein distance between two short strings, counted in code points (contexts are at
 * most a few dozen code points, so the plain O(n·m) table is the cheap choice).
 */
export function codePointDistance(a: string, b: string): number {
  if (a === b) return 0;
  const x = codePointsOf(a);
  const y = codePointsOf(b);
  if (x.length === 0) return y.length;
  if (y.length === 0) return x.length;
  const row = new Int32Array(y.length + 1);
  for (let j = 0; j <= y.length; j++) row[j] = j;
  for (let i = 1; i <= x.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    const xi = x[i - 1];
    for (let j = 1; j <= y.length; j++) {
      const above = row[j];
      const d = diagonal + (xi === y[j - 1] ? 0 : 1);
      const e = above < row[j - 1] ? above + 1 : row[j - 1] + 1;
      row[j] = d < e ? d : e;
      diagonal = above;
    }
  }
  return row[y.length];
}

/**
 * 1 when `actual` equals `expected`, falling linearly to 0 as edits approach the length of
 * the longer (code points). An empty expectation carries no information and scores 1, as in
 * Hypothesis's match-quote.ts.
 */
export function contextSimilarity(expected: string, actual: string): number {
  if (expected === actual || expected.length === 0) return 1;
  const distance = codePointDistance(expected, actual);
  const length = Math.max(codePointsOf(expected).length, codePointsOf(actual).length);
  return Math.max(0, 1 - distance / length);
}

const FAR = 0x3fffffff;

/**
 * Last row of the edit-distance table between a pattern of m units and a text of n units,
 * computed only inside the diagonal band |i - j| <= k; cells outside the band are FAR.
 * same(i, j) compares pattern unit i with text unit j (0-based). Returns null as soon as
 * every cell of a row exceeds k, since row minima never decrease.
 */
function bandedLastRow(m: number, n: number, k: number, same: (i: number, j: number) => boolean): Int32Array | null {
  let prev = new Int32Array(n + 2).fill(FAR);
  let cur = new Int32Array(n + 2).fill(FAR);
  for (let j = 0; j <= Math.min(n, k); j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    const lo = Math.max(0, i - k);
    const hi = Math.min(n, i + k);
    if (lo > hi) return null;
    let best = FAR;
    for (let j = lo; j <= hi; j++) {
      let d: number;
      if (j === 0) d = i;
      else {
        d = prev[j - 1] + (same(i - 1, j - 1) ? 0 : 1);
        // prev[j] lies outside the previous row's band when j = i - 1 + k + 1.
        if (j <= i - 1 + k && prev[j] + 1 < d) d = prev[j] + 1;
        if (j - 1 >= lo && cur[j - 1] + 1 < d) d = cur[j - 1] + 1;
      }
      cur[j] = d;
      if (d < best) best = d;
    }
    if (best > k) return null;
    [prev, cur] = [cur, prev];
  }
  return prev;
}

export interface Alignment {
  /** UTF-16 index of the free end of the aligned span (its end for alignForward, its start for alignBackward). */
  at: number;
  /** Edits (UTF-16 units) between the pattern and the aligned span. */
  errors: number;
}

/** Every row cell within the budget whose index is acceptable, fewest errors first. */
function within(row: Int32Array, m: number, n: number, k: number, at: (j: number) => number, accept: (u: number) => boolean): Alignment[] {
  const found: Alignment[] = [];
  for (let j = Math.max(0, m - k); j <= Math.min(n, m + k); j++) {
    if (row[j] <= k && accept(at(j))) found.push({ at: at(j), errors: row[j] });
  }
  return found.sort((a, b) => a.errors - b.errors);
}

/**
 * Every span starting at UTF-16 index `from` within k edits of `pattern` whose end satisfies
 * isEnd, fewest errors first. All of them, not only the cheapest: an edit at the quote's end
 * can make a shorter span exactly as cheap, and only the suffix tells them apart.
 */
export function alignForward(text: string, from: number, pattern: string, k: number, isEnd: (u: number) => boolean): Alignment[] {
  const m = pattern.length;
  const n = Math.min(text.length - from, m + k);
  const row = bandedLastRow(m, n, k, (i, j) => pattern.charCodeAt(i) === text.charCodeAt(from + j));
  return row ? within(row, m, n, k, (j) => from + j, isEnd) : [];
}

/** Mirror of alignForward: every span ending at `to`, by its start. */
export function alignBackward(text: string, to: number, pattern: string, k: number, isStart: (u: number) => boolean): Alignment[] {
  const m = pattern.length;
  const n = Math.min(to, m + k);
  const row = bandedLastRow(m, n, k, (i, j) => pattern.charCodeAt(m - 1 - i) === text.charCodeAt(to - 1 - j));
  return row ? within(row, m, n, k, (j) => to - j, isStart) : [];
}
