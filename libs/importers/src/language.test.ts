import { describe, expect, it } from 'vitest';
import { LANGUAGE_CASES } from './language-cases';
import { readSeed, SEED_CASES } from './seed-cases';
import { detectLanguage } from './language';

describe('detectLanguage', () => {
  it.each(LANGUAGE_CASES)('$name → $expected', ({ text, expected }) => {
    expect(detectLanguage(text)).toBe(expected);
  });

  it.each(SEED_CASES)('seed $file → $language', ({ file, language }) => {
    expect(detectLanguage(readSeed(file))).toBe(language);
  });
});
