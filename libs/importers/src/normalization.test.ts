import { describe, expect, it } from 'vitest';
import { NORMALIZATION_CASES, LIMIT_CASES } from './normalization-cases';
import { normalizeInput } from './normalization';

describe('normalizeInput', () => {
  it.each(NORMALIZATION_CASES)('$name', ({ input, expected }) => {
    const result = normalizeInput(input);
    if (expected.ok) {
      expect(result).toEqual({ ok: true, text: expected.text });
    } else {
      expect(result).toMatchObject({ ok: false, code: expected.code, field: 'content' });
    }
  });

  it.each(LIMIT_CASES)('$name', ({ build, expected }) => {
    const result = normalizeInput(build());
    if (expected === true) expect(result.ok).toBe(true);
    else expect(result).toMatchObject({ ok: false, code: expected, field: 'content' });
  });

  it('explains a failure without echoing the input', () => {
    const secret = 'secret-token-1234';
    const result = normalizeInput(`${secret}\u0000`);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message.length).toBeGreaterThan(10);
    expect(result.message).not.toContain(secret);
  });

  it('returns NFC text that normalizing again leaves unchanged', () => {
    const result = normalizeInput('A\u030A\u0041\u0301 e\u0301');
    expect(result).toEqual({ ok: true, text: '\u00c5\u00c1 \u00e9' });
  });
});
