// Worked examples for the code point helpers: astral characters, ZWJ sequences,
// lone surrogates, and refusal of indices that are out of range or split a pair.
import { describe, expect, it } from 'vitest';
import { codePointLength, codePointToUtf16, sliceCodePoints, utf16ToCodePoint } from './index';
import { wellFormed } from './code-points';

const FAMILY = '👩‍👩‍👧';

describe('codePointLength', () => {
  it.each([
    ['', 0],
    ['abc', 3],
    ['漢字', 2],
    ['𠮷', 1],
    ['𩸽', 1],
    ['😀', 1],
    // Woman, ZWJ, woman, ZWJ, girl: one grapheme, five code points, eight units.
    [FAMILY, 5],
    ['a\r\nb', 4],
    ['\uD800', 1],
    ['\uDC00\uD800', 2],
    ['\uD800x\uDC00', 3],
  ])('%j has %i code points', (s, n) => {
    expect(codePointLength(s)).toBe(n);
  });
});

describe('codePointToUtf16 and utf16ToCodePoint', () => {
  it('walk 𠮷 as one code point of two units', () => {
    expect([0, 1, 2, 3].map((cp) => codePointToUtf16('a𠮷b', cp))).toEqual([0, 1, 3, 4]);
    expect([0, 1, 3, 4].map((u) => utf16ToCodePoint('a𠮷b', u))).toEqual([0, 1, 2, 3]);
  });

  it('walk a ZWJ family code point by code point', () => {
    expect([0, 1, 2, 3, 4, 5].map((cp) => codePointToUtf16(FAMILY, cp))).toEqual([0, 2, 3, 5, 6, 8]);
  });

  it('count a lone surrogate as one unit and one code point', () => {
    expect(codePointToUtf16('\uD800a', 1)).toBe(1);
    expect(utf16ToCodePoint('\uDC00\uD800', 1)).toBe(1);
  });

  it('refuse a UTF-16 index between the halves of a pair', () => {
    expect(() => utf16ToCodePoint('a𠮷b', 2)).toThrow(RangeError);
  });

  it.each([-1, 4, 1.5, Number.NaN])('refuse code point index %s in a 3-code-point string', (cp) => {
    expect(() => codePointToUtf16('a𠮷b', cp)).toThrow(RangeError);
  });

  it.each([-1, 5, 0.5])('refuse UTF-16 index %s in a 4-unit string', (u) => {
    expect(() => utf16ToCodePoint('a𠮷b', u)).toThrow(RangeError);
  });
});

describe('sliceCodePoints', () => {
  it('slices by code points, never splitting a pair', () => {
    expect(sliceCodePoints('a𠮷b𩸽', 1, 2)).toBe('𠮷');
    expect(sliceCodePoints('a𠮷b𩸽', 3, 4)).toBe('𩸽');
    expect(sliceCodePoints(FAMILY, 0, 1)).toBe('👩');
    expect(sliceCodePoints(FAMILY, 2, 5)).toBe('👩‍👧');
    expect(sliceCodePoints('漢字', 2, 2)).toBe('');
  });

  it.each([
    [-1, 1],
    [2, 1],
    [0, 5],
    [0.5, 1],
    [0, Number.NaN],
  ])('refuses [%s, %s) in a 4-code-point string', (start, end) => {
    expect(() => sliceCodePoints('a𠮷b𩸽', start, end)).toThrow(RangeError);
  });
});

describe('wellFormed', () => {
  it('replaces lone surrogates only', () => {
    expect(wellFormed('a\uD800b\uDC00😀')).toBe('a\uFFFDb\uFFFD😀');
    const clean = 'a𠮷b';
    expect(wellFormed(clean)).toBe(clean);
  });
});
