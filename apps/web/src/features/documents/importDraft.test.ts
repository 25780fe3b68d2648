import { MAX_TITLE_LENGTH } from '@glossa/contracts';
import { describe, expect, it } from 'vitest';
import { formatFromFilenameCases, utf8ByteLengthCases } from './importDraft-cases';
import { checkImportDraft, codePointLength, fieldForErrorPath, formatFromFilename, titleFromFilename, utf8ByteLength } from './importDraft';

describe('formatFromFilename', () => {
  it.each(formatFromFilenameCases)('%j → %j', (name, expected) => {
    expect(formatFromFilename(name)).toBe(expected);
  });
});

describe('titleFromFilename', () => {
  it.each([
    ['APEC 與中國.md', 'APEC 與中國'],
    ['C:\\docs\\brief.final.txt', 'brief.final'],
    ['no-extension', 'no-extension'],
  ])('%j → %j', (name, expected) => {
    expect(titleFromFilename(name)).toBe(expected);
  });
});

describe('utf8ByteLength', () => {
  it.each(utf8ByteLengthCases)('%j is %i bytes', (text, bytes) => {
    expect(utf8ByteLength(text)).toBe(bytes);
  });

  it('agrees with TextEncoder', () => {
    const sample = '在閱讀本文之前,誠邀您輕點“關注”𠮷😀\n' + 'x'.repeat(100);
    expect(utf8ByteLength(sample)).toBe(new TextEncoder().encode(sample).length);
  });
});

describe('codePointLength', () => {
  it('counts astral characters once', () => {
    expect(codePointLength('𠮷野家')).toBe(3);
  });
});

describe('checkImportDraft', () => {
  const paste = (content: string) => ({ kind: 'paste' as const, content });

  it('accepts a titled, non-empty paste', () => {
    expect(checkImportDraft({ title: 'APEC', source: paste('亞太') })).toEqual([]);
  });

  it('reports an empty title and empty content together', () => {
    expect(checkImportDraft({ title: '  ', source: paste(' \n ') }).map((p) => p.kind)).toEqual(['titleRequired', 'contentRequired']);
  });

  it('counts the title limit in code points', () => {
    expect(checkImportDraft({ title: '𠮷'.repeat(MAX_TITLE_LENGTH), source: paste('x') })).toEqual([]);
    expect(checkImportDraft({ title: '𠮷'.repeat(MAX_TITLE_LENGTH + 1), source: paste('x') })).toEqual([
      { field: 'title', kind: 'titleTooLong', length: MAX_TITLE_LENGTH + 1, max: MAX_TITLE_LENGTH },
    ]);
  });

  it('measures pasted content in UTF-8 bytes against the limit', () => {
    expect(checkImportDraft({ title: 't', source: paste('亞'.repeat(4)) }, 12)).toEqual([]);
    expect(checkImportDraft({ title: 't', source: paste('亞'.repeat(5)) }, 12)).toEqual([
      { field: 'content', kind: 'tooLarge', bytes: 15, limit: 12 },
    ]);
  });

  it('requires a file in file mode and checks its size', () => {
    expect(checkImportDraft({ title: 't', source: { kind: 'file', file: null } })).toEqual([{ field: 'content', kind: 'fileRequired' }]);
    expect(checkImportDraft({ title: 't', source: { kind: 'file', file: { name: 'a.txt', size: 11 } } }, 10)).toEqual([
      { field: 'content', kind: 'tooLarge', bytes: 11, limit: 10 },
    ]);
  });
});

describe('fieldForErrorPath', () => {
  it.each([
    ['title', 'title'],
    ['format', 'format'],
    ['content', 'content'],
    ['file', 'content'],
    ['(body)', undefined],
    ['cursor', undefined],
  ])('%j → %j', (path, field) => {
    expect(fieldForErrorPath(path)).toBe(field);
  });
});
