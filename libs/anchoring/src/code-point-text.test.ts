// Worked examples for CodePointText: conversions, boundaries and context slices around
// astral characters and ZWJ sequences.
import { describe, expect, it } from 'vitest';
import { CodePointText } from './index';

const FAMILY = '👩‍👩‍👧';

describe('CodePointText', () => {
  const ct = CodePointText.of(`a𠮷${FAMILY}b`);

  it('counts and converts code points', () => {
    expect(ct.length).toBe(8);
    expect([0, 1, 2, 3, 4, 7, 8].map((cp) => ct.toUtf16(cp))).toEqual([0, 1, 3, 5, 6, 11, 12]);
    expect([0, 1, 3, 5, 6, 11, 12].map((u) => ct.toCodePoint(u))).toEqual([0, 1, 2, 3, 4, 7, 8]);
    expect(CodePointText.of(ct)).toBe(ct);
  });

  it('knows the boundaries and rounds split indices outward or inward', () => {
    expect([0, 1, 2, 3, 4, 5].map((u) => ct.isBoundary(u))).toEqual([true, true, false, true, false, true]);
    expect(ct.floorBoundary(2)).toBe(1);
    expect(ct.ceilBoundary(2)).toBe(3);
    expect(ct.floorBoundary(3)).toBe(3);
    expect(ct.isBoundary(-1) || ct.isBoundary(13) || ct.isBoundary(0.5)).toBe(false);
  });

  it('slices and takes context by code points', () => {
    expect(ct.slice(1, 3)).toBe('𠮷👩');
    expect(ct.before(5, 2)).toBe('𠮷👩');
    expect(ct.before(1, 5)).toBe('a');
    expect(ct.after(3, 4)).toBe('👩‍👩‍');
    expect(ct.after(11, 3)).toBe('b');
    expect(ct.before(0, 3) + ct.after(12, 3)).toBe('');
  });

  it('refuses out-of-range and split indices', () => {
    expect(() => ct.toUtf16(9)).toThrow(RangeError);
    expect(() => ct.toCodePoint(13)).toThrow(RangeError);
    expect(() => ct.toUtf16(-1)).toThrow(RangeError);
    expect(() => ct.toCodePoint(2)).toThrow(RangeError);
    expect(() => ct.slice(3, 2)).toThrow(RangeError);
  });
});
