import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../api/annotations';
import { authorsOf, compareDocumentOrder, countByTag, EMPTY_FILTER, filterItems, isFilterActive, itemFromAnnotation, type AnnotationFilter, type AnnotationItem } from './items';

const ME = 'u-me';

function annotation(id: string, over: Partial<Annotation> & { start?: number; end?: number; exact?: string } = {}): Annotation {
  const { start = 0, end = 1, exact = 'x', ...rest } = over;
  return {
    id,
    documentId: 'd',
    tag: 'claim',
    note: null,
    visibility: 'shared',
    status: 'draft',
    target: {
      revisionId: 'r',
      selector: [
        { type: 'TextPositionSelector', start, end },
        { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
      ],
    },
    anchorStatus: 'anchored',
    author: { id: ME, name: 'Me' },
    created: '2026-01-01T00:00:00Z',
    modified: '2026-01-01T00:00:00Z',
    version: 1,
    abilities: { edit: true, delete: true },
    ...rest,
  };
}

const items: AnnotationItem[] = [
  annotation('a', { start: 10, end: 20, exact: '逾千名高級別代表', tag: 'claim', note: 'Attendance figure' }),
  annotation('b', { start: 5, end: 8, exact: '1400餘名代表', tag: 'data', author: { id: 'u-other', name: 'Ada' } }),
  annotation('c', { start: 30, end: 40, exact: '亞太地區貢獻了全球六成以上的經濟總量', tag: 'opinion', visibility: 'private', status: 'submitted' }),
  annotation('d', { start: 5, end: 6, exact: '1', tag: 'data', note: '需要核实 the SOURCE', author: { id: 'u-other', name: 'Ada' } }),
].map(itemFromAnnotation);

const ids = (list: AnnotationItem[]) => list.map((i) => i.id).sort();
const f = (over: Partial<AnnotationFilter>): AnnotationFilter => ({ ...EMPTY_FILTER, ...over });

describe('itemFromAnnotation', () => {
  it('reads offsets and quote from the selectors, whatever their order', () => {
    const reversed = annotation('r', { start: 3, end: 7, exact: 'quote' });
    reversed.target.selector.reverse();
    expect(itemFromAnnotation(reversed)).toMatchObject({ start: 3, end: 7, quote: 'quote', saveState: 'confirmed', detached: false });
  });
});

describe('filterItems', () => {
  it.each<[string, Partial<AnnotationFilter>, string[]]>([
    ['no filter keeps all', {}, ['a', 'b', 'c', 'd']],
    ['one tag', { tags: ['data'] }, ['b', 'd']],
    ['two tags', { tags: ['claim', 'opinion'] }, ['a', 'c']],
    ['author', { author: 'u-other' }, ['b', 'd']],
    ['mine', { mine: true }, ['a', 'c']],
    ['private', { privateOnly: true }, ['c']],
    ['status', { status: 'submitted' }, ['c']],
    ['Chinese substring of a quote', { text: '高級別' }, ['a']],
    ['Chinese substring of a note', { text: '核实' }, ['d']],
    ['Latin text ignores case', { text: 'attendance' }, ['a']],
    ['Latin text in a mixed note', { text: 'source' }, ['d']],
    ['digits', { text: '1400' }, ['b']],
    ['combined', { tags: ['data'], text: '代表' }, ['b']],
    ['whitespace-only text is no filter', { text: '  ' }, ['a', 'b', 'c', 'd']],
    ['nothing matches', { text: '不存在' }, []],
  ])('%s', (_, over, expected) => {
    expect(ids(filterItems(items, f(over), ME))).toEqual(expected);
  });

  it('knows when a filter is active', () => {
    expect(isFilterActive(EMPTY_FILTER)).toBe(false);
    expect(isFilterActive(f({ mine: true }))).toBe(true);
  });
});

describe('counts, order, authors', () => {
  it('counts per tag', () => {
    expect(countByTag(items)).toEqual({ claim: 1, opinion: 1, data: 2 });
  });

  it('sorts in document order: start, then end', () => {
    expect([...items].sort(compareDocumentOrder).map((i) => i.id)).toEqual(['d', 'b', 'a', 'c']);
  });

  it('lists distinct authors by name', () => {
    expect(authorsOf(items)).toEqual([
      { id: 'u-other', name: 'Ada' },
      { id: ME, name: 'Me' },
    ]);
  });
});
