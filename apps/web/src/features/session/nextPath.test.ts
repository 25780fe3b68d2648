import { describe, expect, it } from 'vitest';
import { nextFromSearch, safeNextPath, signInPath } from './nextPath';
import { nextPathCases } from './nextPath-cases';

describe('safeNextPath', () => {
  it.each(nextPathCases)('%j → %j', (raw, expected) => {
    expect(safeNextPath(raw)).toBe(expected);
  });

  it('uses the given fallback for a refused value', () => {
    expect(safeNextPath('//evil.example', '/settings/tokens')).toBe('/settings/tokens');
  });
});

describe('signInPath', () => {
  it('remembers a safe destination, encoded', () => {
    expect(signInPath('/documents/a b?x=1')).toBe('/signin?next=%2Fdocuments%2Fa%2520b%3Fx%3D1');
    expect(nextFromSearch('next=%2Fdocuments%2Fa%2520b%3Fx%3D1')).toBe('/documents/a%20b?x=1');
  });

  it('leaves out the home page and anything unsafe', () => {
    expect(signInPath('/')).toBe('/signin');
    expect(signInPath('//evil.example')).toBe('/signin');
    expect(signInPath(undefined)).toBe('/signin');
  });
});

describe('nextFromSearch', () => {
  it('reads `next` from a query string and refuses other origins', () => {
    expect(nextFromSearch('?next=%2Finvite%2Fabc')).toBe('/invite/abc');
    expect(nextFromSearch('next=https%3A%2F%2Fevil.example')).toBe('/');
    expect(nextFromSearch('next=%2F%5Cevil')).toBe('/');
    expect(nextFromSearch('')).toBe('/');
  });
});
