// Property checks of the code point helpers against the string iterator ([...s]), which
// also counts a lone surrogate as one code point, over strings rich in pairs and halves.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { codePointLength, codePointToUtf16, sliceCodePoints, startsSurrogatePair, utf16ToCodePoint, wellFormed } from './code-points';
import { SurrogatePairs } from './surrogate-pairs';

// Single code units (so halves can meet and pair up or stay lone), any code point, and
// the characters that make Glossa's texts hard: CJK, astral CJK, emoji, ZWJ, CRLF.
const unit = fc.oneof(
  fc.constantFrom('a', '漢', '𠮷', '𩸽', '😀', '👩‍👩‍👧', '\r\n', '\uD83D', '\uDE00'),
  fc.integer({ min: 0xd7f0, max: 0xe00f }).map((c) => String.fromCharCode(c)),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
);
const text = fc.string({ unit, maxLength: 24 });

function hasLoneSurrogate(s: string): boolean {
  return [...s].some((c) => c.length === 1 && c.charCodeAt(0) >= 0xd800 && c.charCodeAt(0) <= 0xdfff);
}

describe('code point helpers', () => {
  it('count code points like the string iterator', () => {
    fc.assert(fc.property(text, (s) => codePointLength(s) === [...s].length));
  });

  it('round-trip every code point index through UTF-16', () => {
    fc.assert(
      fc.property(text, (s) => {
        const chars = [...s];
        for (let cp = 0; cp <= chars.length; cp++) {
          const u = codePointToUtf16(s, cp);
          expect(u).toBe(chars.slice(0, cp).join('').length);
          expect(utf16ToCodePoint(s, u)).toBe(cp);
        }
        expect(() => codePointToUtf16(s, chars.length + 1)).toThrow(RangeError);
      }),
    );
  });

  it('round-trip every UTF-16 index that does not split a pair, and refuse the others', () => {
    fc.assert(
      fc.property(text, (s) => {
        for (let u = 0; u <= s.length; u++) {
          if (u > 0 && startsSurrogatePair(s, u - 1)) expect(() => utf16ToCodePoint(s, u)).toThrow(RangeError);
          else expect(codePointToUtf16(s, utf16ToCodePoint(s, u))).toBe(u);
        }
        expect(() => utf16ToCodePoint(s, s.length + 1)).toThrow(RangeError);
      }),
    );
  });

  it('slice like the string iterator', () => {
    const sliced = text.chain((s) => {
      const n = [...s].length;
      return fc.tuple(fc.constant(s), fc.integer({ min: 0, max: n }), fc.integer({ min: 0, max: n }));
    });
    fc.assert(
      fc.property(sliced, ([s, x, y]) => {
        const [a, b] = x <= y ? [x, y] : [y, x];
        expect(sliceCodePoints(s, a, b)).toBe([...s].slice(a, b).join(''));
      }),
    );
  });

  it('agree with the precomputed pair index', () => {
    fc.assert(
      fc.property(text, (s) => {
        const pairs = SurrogatePairs.scan(s);
        expect(pairs === null).toBe(codePointLength(s) === s.length);
        if (!pairs) return;
        expect(s.length - pairs.count).toBe(codePointLength(s));
        for (let cp = 0; cp <= codePointLength(s); cp++) expect(pairs.toUtf16(cp)).toBe(codePointToUtf16(s, cp));
        for (let u = 0; u <= s.length; u++) {
          const floor = u > 0 && startsSurrogatePair(s, u - 1) ? u - 1 : u;
          expect(pairs.floorCodePoint(u)).toBe(utf16ToCodePoint(s, floor));
        }
      }),
    );
  });

  it('make strings well formed without moving any count, so concatenation adds up', () => {
    fc.assert(
      fc.property(text, text, (x, y) => {
        const wx = wellFormed(x);
        expect(wx.length).toBe(x.length);
        expect(codePointLength(wx)).toBe(codePointLength(x));
        expect(hasLoneSurrogate(wx)).toBe(false);
        expect(wx === x).toBe(!hasLoneSurrogate(x));
        expect(codePointLength(wx + wellFormed(y))).toBe(codePointLength(x) + codePointLength(y));
      }),
    );
  });
});
