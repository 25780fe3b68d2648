import { describe, expect, it } from 'vitest';
import { validateDocJson } from '@glossa/editor-schema';
import { isEmptyDoc } from './empty-document';
import { PLAIN_TEXT_CASES } from './plain-text-cases';
import { parseText } from './plain-text';

describe('parseText', () => {
  it.each(PLAIN_TEXT_CASES)('$name', ({ text, expected }) => {
    const json = parseText(text).toJSON();
    expect(json).toEqual(expected);
    expect(validateDocJson(json).ok).toBe(true);
  });

  it('is empty exactly when no line has visible text', () => {
    expect(isEmptyDoc(parseText(' \n\u3000\n\t'))).toBe(true);
    expect(isEmptyDoc(parseText(' \n。\n'))).toBe(false);
  });
});
