import { describe, expect, it } from 'vitest';
import { MAX_BLOCK_DEPTH } from '@glossa/contracts';
import { validateDocJson } from '@glossa/editor-schema';
import { isEmptyDoc } from './empty-document';
import { jsonText, maxDepth, schemaViolations } from './invariant-cases';
import { DEEP_MARKDOWN_CASES, MARKDOWN_CASES } from './markdown-cases';
import { parseMarkdown } from './markdown';

/** Generous for CI; the parse itself takes tens of milliseconds. */
const DEEP_BUDGET_MS = 3_000;

describe('parseMarkdown', () => {
  it.each(MARKDOWN_CASES)('$name', ({ markdown, expected }) => {
    const json = parseMarkdown(markdown).toJSON();
    expect(json).toEqual(expected);
    expect(schemaViolations(json)).toEqual([]);
    expect(validateDocJson(json).ok).toBe(true);
  });

  it('gives an empty document for input without text', () => {
    expect(isEmptyDoc(parseMarkdown('   \n\n![]()\n'))).toBe(true);
    expect(isEmptyDoc(parseMarkdown('x'))).toBe(false);
  });

  it.each(DEEP_MARKDOWN_CASES)('$name: finishes quickly, stays within depth, keeps the words', ({ markdown, keeps }) => {
    const started = performance.now();
    const json = parseMarkdown(markdown).toJSON();
    expect(performance.now() - started).toBeLessThan(DEEP_BUDGET_MS);
    expect(maxDepth(json)).toBeLessThanOrEqual(MAX_BLOCK_DEPTH);
    expect(schemaViolations(json)).toEqual([]);
    expect(validateDocJson(json).ok).toBe(true);
    expect(jsonText(json)).toContain(keeps);
  });

  it('nests quotes as deep as the budget allows before unwrapping', () => {
    const json = parseMarkdown(`${'> '.repeat(40)}forty`).toJSON();
    // doc + 29 blockquotes + paragraph + text = 32 levels.
    expect(maxDepth(json)).toBe(MAX_BLOCK_DEPTH);
  });
});
