// Runs the selector tables: describeRange's quote and context, and every outcome of the
// server's completeSelectors check, including misuse that must throw.
import { describe, expect, it } from 'vitest';
import { completeSelectors, describeRange, isBlankQuote, sliceCodePoints } from './index';
import { COMPLETE_CASES, COMPLETE_MISUSE, DESCRIBE_CASES, DESCRIBE_MISUSE, SAMPLE } from './selectors-cases';

describe('describeRange', () => {
  it.each(DESCRIBE_CASES)('$name', ({ text, start, end, contextLength, exact, prefix, suffix }) => {
    const described = describeRange(text, start, end, contextLength);
    expect(described).toEqual({
      position: { type: 'TextPositionSelector', start, end },
      quote: { type: 'TextQuoteSelector', exact, prefix, suffix },
    });
    // The three parts are consecutive in the text.
    expect(text).toContain(prefix + exact + suffix);
    expect(sliceCodePoints(text, start, end)).toBe(exact);
  });

  it('defaults to 32 code points of context', () => {
    const { quote } = describeRange('一'.repeat(40) + '中' + '二'.repeat(40), 40, 41);
    expect(quote.prefix).toBe('一'.repeat(32));
    expect(quote.suffix).toBe('二'.repeat(32));
  });

  it.each(DESCRIBE_MISUSE)('refuses [%s, %s) with context %s', (start, end, contextLength) => {
    expect(() => describeRange(SAMPLE, start, end, contextLength)).toThrow(RangeError);
  });
});

describe('completeSelectors', () => {
  it.each(COMPLETE_CASES)('$name', ({ selectors, expected }) => {
    const result = completeSelectors(SAMPLE, selectors);
    if (typeof expected === 'string') {
      expect(result).toEqual({ ok: false, reason: expected });
      return;
    }
    // A success carries the server's own description: 32 code points of context.
    expect(result).toEqual({ ok: true, ...describeRange(SAMPLE, expected.start, expected.end) });
    expect(result.ok && result.quote.exact).toBe(expected.exact);
  });

  it('completes what describeRange produced, from either selector', () => {
    const { position, quote } = describeRange(SAMPLE, 27, 37);
    for (const selectors of [[position], [quote], [position, quote]]) {
      expect(completeSelectors(SAMPLE, selectors)).toEqual({ ok: true, position, quote });
    }
  });

  it.each(COMPLETE_MISUSE)('throws on misuse: %s', (_name, selectors) => {
    expect(() => completeSelectors(SAMPLE, selectors)).toThrow(RangeError);
  });
});

describe('isBlankQuote', () => {
  it.each([
    ['', true],
    [' \t\r\n', true],
    ['\u3000\u00A0', true],
    ['\u200B', false],
    ['\uFFFC', false],
    ['a', false],
    [' 字 ', false],
  ])('%j → %s', (exact, blank) => {
    expect(isBlankQuote(exact)).toBe(blank);
  });
});
