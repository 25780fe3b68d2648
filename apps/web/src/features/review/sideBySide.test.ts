import { describe, expect, it } from 'vitest';
import { counterpartDraft, filterDocuments, tagForKey } from './sideBySide';

const docs = [
  { id: '1', title: '廣州APEC第一次高官會' },
  { id: '2', title: '王毅出席APEC高官會' },
  { id: '3', title: 'Budget Report 2024' },
];
const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe('filterDocuments', () => {
  it('offers every document but the excluded one for an empty filter', () => {
    expect(filterDocuments(docs, '  ', '2').map((d) => d.id)).toEqual(['1', '3']);
  });

  it('matches a Chinese substring of the title', () => {
    expect(filterDocuments(docs, '高官會').map((d) => d.id)).toEqual(['1', '2']);
    expect(filterDocuments(docs, '王毅').map((d) => d.id)).toEqual(['2']);
  });

  it('matches Latin titles case-insensitively, and trims the filter', () => {
    expect(filterDocuments(docs, ' budget ').map((d) => d.id)).toEqual(['3']);
    expect(filterDocuments(docs, 'apec', '1').map((d) => d.id)).toEqual(['2']);
  });

  it('finds nothing for a filter no title holds', () => {
    expect(filterDocuments(docs, 'zzz')).toEqual([]);
  });
});

describe('tagForKey', () => {
  it('maps 1/2/3 to claim/opinion/data like the selection toolbar', () => {
    expect([tagForKey(key('1')), tagForKey(key('2')), tagForKey(key('3'))]).toEqual(['claim', 'opinion', 'data']);
  });

  it('ignores other keys and any modifier', () => {
    expect(tagForKey(key('4'))).toBeNull();
    expect(tagForKey(key('a'))).toBeNull();
    expect(tagForKey(key('1', { ctrlKey: true }))).toBeNull();
    expect(tagForKey(key('2', { metaKey: true }))).toBeNull();
    expect(tagForKey(key('3', { altKey: true }))).toBeNull();
  });
});

describe('counterpartDraft', () => {
  it('describes the selected code points with position and quote selectors', () => {
    const text = '共有𠀀1400餘名代表出席。';
    // Code points: 共 有 𠀀 1 4 0 0 餘 名 代 表 出 席 。 — the figure is [3, 11).
    const draft = counterpartDraft({ documentId: 'd', revisionId: 'r', text, start: 3, end: 11, tag: 'data', idempotencyKey: 'k' });
    expect(draft.quote).toBe('1400餘名代表');
    expect(draft.body.tag).toBe('data');
    expect(draft.body.target.revisionId).toBe('r');
    expect(draft.body.target.selector[0]).toEqual({ type: 'TextPositionSelector', start: 3, end: 11 });
    expect(draft.body.target.selector[1]).toMatchObject({ type: 'TextQuoteSelector', exact: '1400餘名代表', prefix: '共有𠀀', suffix: '出席。' });
    expect(draft).toMatchObject({ documentId: 'd', idempotencyKey: 'k', start: 3, end: 11, state: 'pending', error: null });
  });

  it('refuses an empty range', () => {
    expect(() => counterpartDraft({ documentId: 'd', revisionId: 'r', text: 'abc', start: 1, end: 1, tag: 'claim', idempotencyKey: 'k' })).toThrow(RangeError);
  });
});
