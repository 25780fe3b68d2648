import { describe, expect, it } from 'vitest';
import { insertMention, matchMembers, mentionQueryAt } from './mentions';

const people = [
  { userId: '1', name: 'Rita Review' },
  { userId: '2', name: 'Owen Owner' },
  { userId: '3', name: 'Marita' },
  { userId: '4', name: '王小明' },
];

describe('@mentions', () => {
  it('finds the @query that ends at the caret, only at the start of a word', () => {
    expect(mentionQueryAt('hello @Ri', 9)).toEqual({ start: 6, query: 'Ri' });
    expect(mentionQueryAt('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionQueryAt('mail me@host', 12)).toBeNull();
    expect(mentionQueryAt('@Rita done', 10)).toBeNull();
    expect(mentionQueryAt('请看，@王', 5)).toEqual({ start: 3, query: '王' });
  });

  it('ranks names starting with the query before names containing it, case-insensitively', () => {
    expect(matchMembers(people, 'ri').map((p) => p.name)).toEqual(['Rita Review', 'Marita']);
    expect(matchMembers(people, '').length).toBe(4);
    expect(matchMembers(people, 'zz')).toEqual([]);
  });

  it('replaces the query with @Name and a space, and puts the caret after it', () => {
    expect(insertMention('hi @ri there', 3, 6, 'Rita Review')).toEqual({ text: 'hi @Rita Review there', caret: 16 });
    expect(insertMention('@ow', 0, 3, 'Owen Owner')).toEqual({ text: '@Owen Owner ', caret: 12 });
  });
});
