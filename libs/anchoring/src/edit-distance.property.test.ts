// Property checks of the banded alignments against the plain Levenshtein table, over strings
// with astral characters so that pair boundaries matter.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { alignBackward, alignForward, codePointDistance, contextSimilarity } from './edit-distance';
import { CodePointText } from './code-point-text';

/** Plain O(n·m) Levenshtein over UTF-16 units: the oracle. */
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

const atom = fc.constantFrom('a', 'b', 'c', '漢', '字', '𠮷', '𩸽', '😀', '\u200D');
const str = (maxLength: number) => fc.array(atom, { maxLength }).map((parts) => parts.join(''));

describe('alignForward and alignBackward', () => {
  it('list exactly the boundary ends within k edits, with the plain table distance', () => {
    fc.assert(
      fc.property(str(14), str(8), fc.nat(), fc.integer({ min: 0, max: 6 }), (text, pattern, pick, k) => {
        fc.pre(pattern.length > 0);
        const ct = CodePointText.of(text);
        const boundaries = Array.from({ length: text.length + 1 }, (_, u) => u).filter((u) => ct.isBoundary(u));
        const from = boundaries[pick % boundaries.length];
        const isBoundary = (u: number) => ct.isBoundary(u);

        const expectedForward = boundaries
          .filter((end) => end >= from)
          .map((end) => ({ at: end, errors: unitDistance(pattern, text.slice(from, end)) }))
          .filter((a) => a.errors <= k);
        const forward = alignForward(text, from, pattern, k, isBoundary);
        expect([...forward].sort((a, b) => a.at - b.at)).toEqual(expectedForward);
        for (let i = 1; i < forward.length; i++) expect(forward[i].errors).toBeGreaterThanOrEqual(forward[i - 1].errors);

        const expectedBackward = boundaries
          .filter((start) => start <= from)
          .map((start) => ({ at: start, errors: unitDistance(pattern, text.slice(start, from)) }))
          .filter((a) => a.errors <= k);
        const backward = alignBackward(text, from, pattern, k, isBoundary);
        expect([...backward].sort((a, b) => a.at - b.at)).toEqual(expectedBackward);
      }),
    );
  });
});

describe('context similarity', () => {
  it('is 1 exactly for equal strings or an empty expectation, and within [0, 1]', () => {
    fc.assert(
      fc.property(str(10), str(10), (expected, actual) => {
        const s = contextSimilarity(expected, actual);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
        expect(s === 1).toBe(expected === '' || expected === actual);
      }),
    );
  });

  it('counts code points: one astral substitution is one edit', () => {
    expect(codePointDistance('a𠮷b', 'a𩸽b')).toBe(1);
    expect(codePointDistance('👩‍👧', '👩')).toBe(2);
    expect(contextSimilarity('𠮷𠮷𠮷𠮷', '𠮷𠮷𠮷𩸽')).toBe(0.75);
  });
});
