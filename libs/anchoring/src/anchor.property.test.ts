// Property checks of describe → anchor and of re-anchoring after random edits, over text with
// CJK, astral CJK (𠮷, 𩸽), ZWJ emoji and newlines. What each property guarantees is stated
// on it; where a guarantee needs a condition (a unique quote, a text without near-copies),
// the test checks the condition rather than assuming it.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { anchor, describeRange, FUZZY_THRESHOLD, maxErrorsFor, reanchorAll, sliceCodePoints, type AnchorResult } from './index';

// Few distinct atoms, so quotes repeat and contexts collide: the hard case for (b).
const atom = fc.constantFrom('a', 'b', ' ', '。', '漢', '字', '𠮷', '𩸽', '😀', '👩‍👩‍👧', '\n');
const atoms = (minLength: number, maxLength: number) => fc.array(atom, { minLength, maxLength }).map((parts) => parts.join(''));

// Characters drawn from large pools (CJK, CJK Extension B, ASCII), plus the special atoms:
// texts in which a quote has no near-copy, so "the edited passage" is well defined.
const wideChar = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCodePoint(c)) },
  { weight: 2, arbitrary: fc.integer({ min: 0x20000, max: 0x2a6df }).map((c) => String.fromCodePoint(c)) },
  { weight: 2, arbitrary: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCodePoint(c)) },
  { weight: 1, arbitrary: fc.constantFrom('𠮷', '𩸽', '👩‍👩‍👧', '\n') },
);
const wide = (minLength: number, maxLength: number) => fc.array(wideChar, { minLength, maxLength }).map((parts) => parts.join(''));

type Edit = { kind: 'insert'; at: number; text: string } | { kind: 'delete'; at: number; length: number };
const edit = (insertion: fc.Arbitrary<string>): fc.Arbitrary<Edit> =>
  fc.oneof(
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: insertion }),
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 6 }) }),
  );

const cps = (s: string): string[] => [...s];
const len = (s: string): number => cps(s).length;

/** Applies edits in turn, positions taken modulo the current length (code points). */
function applyEdits(s: string, edits: readonly Edit[]): string {
  const chars = cps(s);
  for (const e of edits) {
    const at = e.at % (chars.length + 1);
    if (e.kind === 'insert') chars.splice(at, 0, ...cps(e.text));
    else chars.splice(at, e.length);
  }
  return chars.join('');
}

/** Code point offsets of every occurrence of quote in text: the oracle for uniqueness. */
function occurrences(text: string, quote: string): number[] {
  const t = cps(text);
  const q = cps(quote);
  const found: number[] = [];
  for (let i = 0; i + q.length <= t.length; i++) if (t.slice(i, i + q.length).join('') === quote) found.push(i);
  return found;
}

/** Levenshtein distance over UTF-16 units, the unit of the edit budget. */
function unitDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(diagonal + (a[i - 1] === b[j - 1] ? 0 : 1), above + 1, row[j - 1] + 1);
      diagonal = above;
    }
  }
  return row[b.length];
}

/** True when some span of text (whole code points) is within k unit edits of quote. */
function hasNearCopy(text: string, quote: string, k: number): boolean {
  const t = cps(text);
  for (let i = 0; i < t.length; i++) {
    let piece = '';
    for (let j = i; j < t.length && piece.length <= quote.length + k; j++) {
      piece += t[j];
      if (Math.abs(piece.length - quote.length) <= k && unitDistance(piece, quote) <= k) return true;
    }
  }
  return false;
}

/** A text cut into before, quote and after, the quote non-empty. */
const split = (parts: fc.Arbitrary<string>, quote: fc.Arbitrary<string>) => fc.tuple(parts, quote, parts);

function spanText(text: string, result: AnchorResult): string | null {
  return result.status === 'orphan' ? null : sliceCodePoints(text, result.start, result.end);
}

describe('anchoring on unchanged text', () => {
  it('describe → anchor is exact at the same offsets, for every non-empty range', () => {
    fc.assert(
      fc.property(atoms(1, 40), fc.nat(), fc.nat(), (text, x, y) => {
        const n = len(text);
        const a = x % n;
        const b = a + 1 + (y % (n - a));
        expect(anchor(text, describeRange(text, a, b))).toEqual({ status: 'exact', start: a, end: b, score: 1 });
      }),
    );
  });
});

describe('anchoring after edits outside the span', () => {
  // Guarantee: the quote still occurs where the span went, so step (a) or (b) finds a verbatim
  // occurrence: status exact or moved, on text equal to the quote. Which occurrence is only
  // determined when there is one: then it is the shifted span. Both through anchor (hint =
  // old position) and reanchorAll (hint mapped through the shared prefix and suffix).
  it('lands on the quote\'s text, and on the shifted span when the quote is unique', () => {
    fc.assert(
      fc.property(split(atoms(0, 25), atoms(1, 8)), fc.array(edit(atoms(1, 6)), { maxLength: 4 }), fc.array(edit(atoms(1, 6)), { maxLength: 4 }), ([before, quote, after], editsBefore, editsAfter) => {
        const original = before + quote + after;
        const newBefore = applyEdits(before, editsBefore);
        const revised = newBefore + quote + applyEdits(after, editsAfter);
        const target = describeRange(original, len(before), len(before) + len(quote));
        const unique = occurrences(revised, quote).length === 1;

        const results = [anchor(revised, target), reanchorAll(original, revised, [{ id: 'a', ...target }])[0].result];
        for (const result of results) {
          expect(['exact', 'moved']).toContain(result.status);
          expect(spanText(revised, result)).toBe(quote);
          if (unique) expect(result).toMatchObject({ start: len(newBefore), end: len(newBefore) + len(quote) });
        }
      }),
    );
  });
});

describe('anchoring after edits inside the span', () => {
  // An edit strictly inside the quote: its first and last code points stay.
  const edited = (parts: fc.Arbitrary<string>, quote: fc.Arbitrary<string>, insertion: fc.Arbitrary<string>) =>
    fc.tuple(split(parts, quote), fc.nat(), fc.nat(), insertion).map(([[before, q, after], x, y, inserted]) => {
      const chars = cps(q);
      const i = 1 + (x % Math.max(1, chars.length - 1));
      const j = Math.min(chars.length - 1, i + (y % 4));
      const newQuote = [...chars.slice(0, i), inserted, ...chars.slice(Math.max(i, j))].join('');
      return { before, quote: q, after, newQuote };
    });

  // Guarantees by construction, on any text: a verbatim result is on the quote's text; a
  // fuzzy result is within the edit budget and scores at least the threshold.
  it('never returns a verbatim span of other text, nor a fuzzy one outside the budget or below the threshold', () => {
    fc.assert(
      fc.property(edited(atoms(0, 20), atoms(3, 12), atoms(0, 3)), ({ before, quote, after, newQuote }) => {
        fc.pre(newQuote !== quote);
        const original = before + quote + after;
        const revised = before + newQuote + after;
        const result = anchor(revised, describeRange(original, len(before), len(before) + len(quote)));
        const text = spanText(revised, result);
        if (result.status === 'exact' || result.status === 'moved') expect(text).toBe(quote);
        if (result.status === 'fuzzy') {
          expect(result.score).toBeGreaterThanOrEqual(FUZZY_THRESHOLD);
          expect(unitDistance(text!, quote)).toBeLessThanOrEqual(maxErrorsFor(quote));
        }
      }),
    );
  });

  // On texts in which nothing outside the edited passage is within the budget of the quote
  // (checked, not assumed): a fuzzy result overlaps the edited passage, since a span within
  // the budget lying wholly before or after it would be such a near-copy. And an edit within
  // the budget is never an orphan: the passage still starts at the old position and keeps
  // its context, and the quote aligned from there alone scores ≥ (40 + 20 + 20 + 2) / 92.
  it('on texts without near-copies: fuzzy on the edited passage, and never orphaned within the budget', () => {
    fc.assert(
      fc.property(edited(wide(0, 40), wide(5, 30), wide(0, 4)), ({ before, quote, after, newQuote }) => {
        const k = maxErrorsFor(quote);
        fc.pre(newQuote !== quote && !hasNearCopy(before, quote, k) && !hasNearCopy(after, quote, k));
        const original = before + quote + after;
        const revised = before + newQuote + after;
        const result = anchor(revised, describeRange(original, len(before), len(before) + len(quote)));
        const from = len(before);
        const to = from + len(newQuote);
        if (result.status === 'exact' || result.status === 'moved') expect(spanText(revised, result)).toBe(quote);
        if (result.status === 'fuzzy') {
          expect(result.score).toBeGreaterThanOrEqual(FUZZY_THRESHOLD);
          expect(unitDistance(spanText(revised, result)!, quote)).toBeLessThanOrEqual(k);
          expect(result.start < to && result.end > from).toBe(true);
        }
        if (unitDistance(newQuote, quote) <= k) expect(result.status).not.toBe('orphan');
      }),
    );
  });
});

describe('reanchorAll after one edit', () => {
  // Several annotations, one edit (replace [i, j) by new text). Guarantees: one result per
  // annotation, in order; annotations clear of the edit are on their own text (shifted when
  // unique); those touched by it are on verbatim text, or fuzzy within budget and threshold,
  // or orphans; every anchored result carries selectors describing its new span.
  it('keeps every annotation, and those clear of the edit on their own text', () => {
    const scenario = atoms(4, 40).chain((text) => {
      const n = len(text);
      const span = fc.tuple(fc.nat({ max: n - 1 }), fc.nat()).map(([a, y]) => [a, a + 1 + (y % Math.min(8, n - a))] as const);
      return fc.tuple(fc.constant(text), fc.array(span, { minLength: 1, maxLength: 6 }), fc.nat({ max: n }), fc.nat({ max: 5 }), atoms(0, 4));
    });
    fc.assert(
      fc.property(scenario, ([original, spans, i, width, inserted]) => {
        const chars = cps(original);
        const j = Math.min(chars.length, i + width);
        const revised = [...chars.slice(0, i), inserted, ...chars.slice(j)].join('');
        const shift = len(inserted) - (j - i);
        const stored = spans.map(([a, b], index) => ({ id: `n${index}`, ...describeRange(original, a, b) }));

        const results = reanchorAll(original, revised, stored);
        expect(results.map((r) => r.id)).toEqual(stored.map((s) => s.id));
        results.forEach(({ result, selectors }, index) => {
          const [a, b] = spans[index];
          const quote = stored[index].quote.exact;
          const text = spanText(revised, result);
          if (result.status === 'orphan') expect(selectors).toBeNull();
          else expect(selectors).toEqual(describeRange(revised, result.start, result.end));

          if (b <= i || a >= j) {
            expect(['exact', 'moved']).toContain(result.status);
            expect(text).toBe(quote);
            if (occurrences(revised, quote).length === 1) expect(result).toMatchObject(b <= i ? { start: a, end: b } : { start: a + shift, end: b + shift });
          } else if (result.status === 'fuzzy') {
            expect(result.score).toBeGreaterThanOrEqual(FUZZY_THRESHOLD);
            expect(unitDistance(text!, quote)).toBeLessThanOrEqual(maxErrorsFor(quote));
          } else if (result.status !== 'orphan') {
            expect(text).toBe(quote);
          }
        });
      }),
    );
  });
});
