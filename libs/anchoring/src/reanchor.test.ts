// Worked examples for re-anchoring a whole document: the offset hint through the shared
// prefix and suffix, order and completeness of the results, orphans kept, misuse refused.
import { describe, expect, it } from 'vitest';
import { CodePointText, describeRange, reanchorAll } from './index';
import { offsetMapper } from './reanchor';

const mapper = (a: string, b: string) => offsetMapper(CodePointText.of(a), CodePointText.of(b));

describe('offsetMapper', () => {
  it('keeps offsets in the shared prefix and shifts those in the shared suffix', () => {
    const map = mapper('甲乙丙丁戊', '甲乙XYZ丙丁戊');
    expect([0, 1, 2, 3, 5].map(map)).toEqual([0, 1, 5, 6, 8]);
  });

  it('interpolates between the edits', () => {
    // Shared prefix "ab", shared suffix "yz"; old middle [2, 10) becomes [2, 6).
    const map = mapper('ab01234567yz', 'abABCDyz');
    expect([2, 6, 10, 12].map(map)).toEqual([2, 4, 6, 8]);
  });

  it('counts code points, and never shares half of a surrogate pair', () => {
    // U+20BB7 and U+20BB8 share their high surrogate; the prefix must stop before it.
    const map = mapper('a\u{20BB7}b𩸽c', 'a\u{20BB8}b👩‍👩‍👧c');
    expect(map(0)).toBe(0);
    expect(map(1)).toBe(1);
    expect(map(5)).toBe(9);
  });

  it('maps texts that only grew or shrank at one end', () => {
    expect(mapper('字字', '字字字')(1)).toBe(1);
    expect(mapper('甲乙', '丙甲乙')(1)).toBe(2);
    expect(mapper('甲乙丙', '甲')(0)).toBe(0);
    expect(mapper('甲乙丙', '丙')(2)).toBe(0);
  });

  it('maps a start where text was inserted to after the insertion', () => {
    const map = mapper('甲乙丙', '甲乙X丙');
    expect([1, 2].map(map)).toEqual([1, 3]);
  });
});

describe('reanchorAll', () => {
  const oldText = '第一段：各方代表共商合作。\n第二段：會議通過成果文件。\n第三段：閉幕。';
  const stored = [
    { id: 'x', ...describeRange(oldText, 4, 8) },
    { id: 'y', ...describeRange(oldText, 18, 24) },
    { id: 'z', ...describeRange(oldText, 32, 34) },
  ];

  it('anchors every annotation exactly when the text did not change', () => {
    const results = reanchorAll(oldText, oldText, stored);
    expect(results.map((r) => [r.id, r.result.status])).toEqual([
      ['x', 'exact'],
      ['y', 'exact'],
      ['z', 'exact'],
    ]);
    expect(results.map((r) => r.selectors)).toEqual(stored.map(({ position, quote }) => ({ position, quote })));
  });

  it('keeps orphans in place with no selectors, and refreshes the others', () => {
    const newText = '序。\n第一段：各方代表共商合作。\n第三段：閉幕。';
    const results = reanchorAll(oldText, newText, stored);
    expect(results.map((r) => r.id)).toEqual(['x', 'y', 'z']);
    expect(results[0]).toMatchObject({ result: { status: 'moved', start: 7, end: 11 }, selectors: describeRange(newText, 7, 11) });
    expect(results[1]).toEqual({ id: 'y', result: { status: 'orphan' }, selectors: null });
    expect(results[2].result).toMatchObject({ status: 'moved', start: 21, end: 23 });
  });

  it('returns nothing for nothing', () => {
    expect(reanchorAll(oldText, '', [])).toEqual([]);
  });

  it('throws RangeError on a malformed stored position', () => {
    expect(() => reanchorAll(oldText, oldText, [{ id: 'bad', position: { start: 3, end: 1 }, quote: { exact: '各方' } }])).toThrow(RangeError);
  });
});
