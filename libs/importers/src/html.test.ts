import { describe, expect, it } from 'vitest';
import { MAX_BLOCK_DEPTH } from '@glossa/contracts';
import { validateDocJson } from '@glossa/editor-schema';
import { DEEP_HTML_CASES, HTML_ATTACK_CASES, HTML_STRUCTURE_CASES } from './html-cases';
import { jsonText, maxDepth, schemaViolations } from './invariant-cases';
import { parseHtml } from './html';

const DEEP_BUDGET_MS = 5_000;

describe('parseHtml', () => {
  it.each([...HTML_ATTACK_CASES, ...HTML_STRUCTURE_CASES])('$name', async ({ html, expected, absent }) => {
    const json = (await parseHtml(html)).toJSON();
    expect(json).toEqual(expected);
    expect(schemaViolations(json)).toEqual([]);
    expect(validateDocJson(json).ok).toBe(true);
    const serialized = JSON.stringify(json);
    for (const fragment of absent ?? []) expect(serialized).not.toContain(fragment);
  });

  it.each(DEEP_HTML_CASES)('$name: finishes, stays within depth, keeps the words', async ({ html, keeps }) => {
    const started = performance.now();
    const json = (await parseHtml(html)).toJSON();
    expect(performance.now() - started).toBeLessThan(DEEP_BUDGET_MS);
    expect(maxDepth(json)).toBeLessThanOrEqual(MAX_BLOCK_DEPTH);
    expect(schemaViolations(json)).toEqual([]);
    expect(validateDocJson(json).ok).toBe(true);
    expect(jsonText(json)).toContain(keeps);
  });
});
