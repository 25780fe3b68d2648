import { describe, expect, it } from 'vitest';
import { filtersFromSearch, searchFromFilters } from './queueFilters';

const ID = '0b6c1a4e-8f2d-4c7e-9a51-3d2f4e5a6b7c';

describe('queue filters in the query string', () => {
  it('round-trips every filter', () => {
    const filters = { status: 'confirmed', severity: 'high', documentId: ID, tag: 'claim', assigneeId: ID, raisedBy: ID } as const;
    expect(filtersFromSearch(searchFromFilters(filters))).toEqual(filters);
  });

  it('drops unknown or malformed values and leaves no undefined keys', () => {
    expect(filtersFromSearch('?status=bogus&severity=high&documentId=not-a-uuid&tag=nope&extra=1')).toEqual({ severity: 'high' });
    expect(Object.keys(filtersFromSearch(''))).toEqual([]);
  });

  it('writes nothing for no filters and a stable order otherwise', () => {
    expect(searchFromFilters({})).toBe('');
    expect(searchFromFilters({ severity: 'low', status: 'open' })).toBe('status=open&severity=low');
  });
});
