import { describe, expect, it } from 'vitest';
import { buildThread } from './thread';

const c = (id: string, parentId: string | null = null) => ({ id, parentId });

describe('buildThread', () => {
  it('keeps top-level comments in order and groups replies under their parent', () => {
    const tree = buildThread([c('a'), c('b'), c('a1', 'a'), c('a2', 'a'), c('a1x', 'a1')]);
    expect(tree.get(null)!.map((x) => x.id)).toEqual(['a', 'b']);
    expect(tree.get('a')!.map((x) => x.id)).toEqual(['a1', 'a2']);
    expect(tree.get('a1')!.map((x) => x.id)).toEqual(['a1x']);
    expect(tree.get('b')).toBeUndefined();
  });

  it('shows a reply whose parent is missing at the top level', () => {
    const tree = buildThread([c('r', 'gone'), c('a')]);
    expect(tree.get(null)!.map((x) => x.id)).toEqual(['r', 'a']);
    expect(tree.has('gone')).toBe(false);
  });

  it('never nests a comment under itself', () => {
    expect(buildThread([c('s', 's')]).get(null)!.map((x) => x.id)).toEqual(['s']);
  });

  it('is empty for no comments', () => {
    expect(buildThread([]).size).toBe(0);
  });
});
