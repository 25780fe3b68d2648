import { describe, expect, it } from 'vitest';
import { validateDocJson } from '@glossa/editor-schema';
import { jsonText, schemaViolations } from './invariant-cases';
import { MIN_SEED_BLOCKS, readSeed, SEED_CASES, SEED_MARKDOWN_CASES } from './seed-cases';
import { parseMarkdown } from './markdown';
import { seedMarkdown } from './seed-markdown';

describe('seedMarkdown', () => {
  it.each(SEED_MARKDOWN_CASES)('$name', ({ input, expected }) => {
    expect(seedMarkdown(input)).toBe(expected);
  });

  it('makes each corpus line its own block while headings, bold and lists still parse', () => {
    const doc = parseMarkdown(seedMarkdown('# 标题\n第一行\n**粗体**\n- 甲\n1. 乙\n引用^[3]'));
    expect(doc.toJSON()).toEqual({
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: '标题' }] },
        { type: 'paragraph', content: [{ type: 'text', text: '第一行' }] },
        { type: 'paragraph', content: [{ type: 'text', marks: [{ type: 'strong' }], text: '粗体' }] },
        { type: 'bullet_list', content: [{ type: 'list_item', content: [{ type: 'paragraph', content: [{ type: 'text', text: '甲' }] }] }] },
        { type: 'ordered_list', attrs: { order: 1 }, content: [{ type: 'list_item', content: [{ type: 'paragraph', content: [{ type: 'text', text: '乙' }] }] }] },
        { type: 'paragraph', content: [{ type: 'text', text: '引用^[3]' }] },
      ],
    });
  });

  it('keeps a footnote marker literal even when a matching definition line exists', () => {
    const doc = parseMarkdown(seedMarkdown('见^[12]\n[12]: https://example.com'));
    expect(jsonText(doc.toJSON())).toContain('见^[12]');
    expect(JSON.stringify(doc.toJSON())).not.toContain('"link"');
  });
});

describe('the seed corpus through seedMarkdown and parseMarkdown', () => {
  it.each(SEED_CASES)('$file gives a valid document of more than ten blocks', ({ file, contains, headings }) => {
    const doc = parseMarkdown(seedMarkdown(readSeed(file)));
    const json = doc.toJSON();
    expect(validateDocJson(json).ok).toBe(true);
    expect(schemaViolations(json)).toEqual([]);
    expect(doc.childCount).toBeGreaterThan(MIN_SEED_BLOCKS);
    expect(doc.textContent).toContain(contains);
    const headingCount = (json.content as Array<{ type: string }>).filter((block) => block.type === 'heading').length;
    if (headings) expect(headingCount).toBeGreaterThan(5);
    else expect(headingCount).toBe(0);
  });

  it('drops the empty image tags of seed 000', () => {
    const source = readSeed('000_ced588c36521f353.txt');
    expect(source).toContain('![]()');
    expect(parseMarkdown(seedMarkdown(source)).textContent).not.toContain('![]()');
  });

  it('keeps the footnote markers of seed 002 as text', () => {
    expect(parseMarkdown(seedMarkdown(readSeed('002_79aa052c30d55d94.txt'))).textContent).toContain('要求”^[1]。');
  });
});
