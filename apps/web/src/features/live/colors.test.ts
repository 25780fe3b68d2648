import { describe, expect, it } from 'vitest';
import { initials, viewerColor } from './colors';

describe('viewer initials and colours', () => {
  it('takes the first letters of the first and last words, any script', () => {
    expect(initials('Ada Lovelace')).toBe('AL');
    expect(initials('  grace  brewster murray hopper ')).toBe('GH');
    expect(initials('王小明')).toBe('王');
    expect(initials('𠮷田 花子')).toBe('𠮷花');
    expect(initials('')).toBe('?');
  });

  it('gives the same person the same colour', () => {
    expect(viewerColor('u-1')).toBe(viewerColor('u-1'));
    expect(viewerColor('u-1')).toMatch(/^#[0-9a-f]{6}$/);
  });
});
