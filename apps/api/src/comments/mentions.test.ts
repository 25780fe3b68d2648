// Mentions: case-insensitive, longest name first, each person once, CJK names, no false hits.
import { describe, expect, it } from 'vitest';
import { findMentions } from './mentions';

const members = [
  { id: '1', name: 'Ana' },
  { id: '2', name: 'Ana Lee' },
  { id: '3', name: '王小明' },
  { id: '4', name: 'bob' },
];

describe('findMentions', () => {
  it.each([
    { body: 'hi @ana', ids: ['1'] },
    { body: 'hi @Ana Lee, see this', ids: ['2'] },
    { body: '@王小明 請看 @BOB @bob', ids: ['3', '4'] },
    { body: 'mail ana@example.org', ids: [] },
    { body: 'no mention at all', ids: [] },
    { body: '@carol is not a member', ids: [] },
  ])('$body → $ids', ({ body, ids }) => {
    expect(findMentions(body, members).map((m) => m.id)).toEqual(ids);
  });
});
