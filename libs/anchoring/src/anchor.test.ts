// Runs the anchoring table and checks what the table cannot show: scores, options, misuse,
// and that expected failures come back as orphans rather than exceptions.
import { describe, expect, it } from 'vitest';
import { anchor, describeRange, FUZZY_THRESHOLD, maxErrorsFor, sliceCodePoints, type AnchorResult } from './index';
import { ANCHOR_CASES } from './anchor-cases';

describe('anchor', () => {
  it.each(ANCHOR_CASES)('$name', ({ original, start, end, revised, target, quoteOnly, threshold, expected }) => {
    const text = revised ?? original;
    const described = describeRange(original, start, end);
    const anchored = target ?? (quoteOnly ? { quote: described.quote } : described);
    const result = anchor(text, anchored, threshold === undefined ? {} : { threshold });
    if (expected.status === 'orphan') {
      expect(result).toEqual({ status: 'orphan' });
      return;
    }
    expect(result).toMatchObject({ status: expected.status, start: expected.start, end: expected.end });
    expect(sliceCodePoints(text, expected.start, expected.end)).toBe(expected.text);
    if (expected.status === 'exact') expect(result).toHaveProperty('score', 1);
    if (expected.status === 'fuzzy') expect((result as { score: number }).score).toBeGreaterThanOrEqual(threshold ?? FUZZY_THRESHOLD);
  });
});

describe('anchor scores', () => {
  const text = '甲乙丙丁戊己庚辛壬癸。子丑寅卯辰巳午未申酉。';
  const target = describeRange(text, 11, 15);

  it('scores a moved quote with intact context close to 1, and lower once its context changed', () => {
    const intact = anchor(`前言。${text}`, target) as Extract<AnchorResult, { score: number }>;
    const changed = anchor(text.replace('壬癸。', '壬癸！'), { ...target, position: { start: 0, end: 4 } }) as Extract<AnchorResult, { score: number }>;
    expect(intact).toMatchObject({ status: 'moved', start: 14, end: 18 });
    expect(changed).toMatchObject({ status: 'moved', start: 11, end: 15 });
    expect(intact.score).toBeGreaterThan(0.99);
    expect(changed.score).toBeLessThan(intact.score);
  });

  it('takes an explicit hint over the stored position to choose between equal occurrences', () => {
    const doubled = '一二三四五六七八九十。一二三四五六七八九十。';
    const quote = { exact: '四五六', prefix: '', suffix: '' };
    expect(anchor(doubled, { quote }, { hint: 1 })).toMatchObject({ status: 'moved', start: 3 });
    expect(anchor(doubled, { quote }, { hint: 14 })).toMatchObject({ status: 'moved', start: 14 });
    expect(anchor(doubled, { quote, position: { start: 100, end: 103 } }, { hint: 0 })).toMatchObject({ start: 3 });
    // Without any hint, equal occurrences go to the first.
    expect(anchor(doubled, { quote })).toMatchObject({ start: 3 });
  });

  it('budgets one edit per five UTF-16 units, at most 32', () => {
    expect(maxErrorsFor('1234')).toBe(0);
    expect(maxErrorsFor('12345')).toBe(1);
    expect(maxErrorsFor('𠮷𠮷𠮷')).toBe(1);
    expect(maxErrorsFor('字'.repeat(159))).toBe(31);
    expect(maxErrorsFor('字'.repeat(5000))).toBe(32);
  });

  it('refuses a fuzzy match just below the threshold and takes it at the threshold', () => {
    const original = '在廣州市舉行的會議上，共有1400餘名代表與會，各方圍繞主題深入討論。';
    const revised = original.replace('1400餘名代表與會', '1500餘名代表與會');
    const found = anchor(revised, describeRange(original, 13, 23)) as Extract<AnchorResult, { score: number }>;
    expect(found).toMatchObject({ status: 'fuzzy', start: 13, end: 23 });
    expect(anchor(revised, describeRange(original, 13, 23), { threshold: found.score })).toMatchObject({ status: 'fuzzy' });
    expect(anchor(revised, describeRange(original, 13, 23), { threshold: Math.min(1, found.score + 1e-9) })).toEqual({ status: 'orphan' });
  });
});

describe('anchor misuse and stale data', () => {
  const quote = { exact: '字' };

  it.each([
    ['a negative start', { start: -1, end: 1 }],
    ['a fractional end', { start: 0, end: 1.5 }],
    ['a reversed position', { start: 2, end: 1 }],
  ])('throws RangeError on %s', (_name, position) => {
    expect(() => anchor('字字', { position, quote })).toThrow(RangeError);
  });

  it('throws RangeError on a missing quote, a fractional hint, a threshold outside [0, 1]', () => {
    expect(() => anchor('字', { quote: undefined as unknown as { exact: string } })).toThrow(RangeError);
    expect(() => anchor('字', { quote }, { hint: 0.5 })).toThrow(RangeError);
    expect(() => anchor('字', { quote }, { threshold: 1.5 })).toThrow(RangeError);
    expect(() => anchor('字', { quote }, { threshold: Number.NaN })).toThrow(RangeError);
  });

  it('returns an orphan for a position past the end of an empty text', () => {
    expect(anchor('', { position: { start: 3, end: 5 }, quote: { exact: '中文' } })).toEqual({ status: 'orphan' });
  });

  it('accepts a hint outside the text', () => {
    expect(anchor('一二三', { quote: { exact: '二' } }, { hint: -40 })).toMatchObject({ status: 'moved', start: 1 });
    expect(anchor('一二三四五六', { quote: { exact: '二三四五七' } }, { hint: 99, threshold: 0 })).toMatchObject({ status: 'fuzzy', start: 1 });
  });
});
