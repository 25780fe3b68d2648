// Table-driven checks of canonicalText and TextIndex against hand-computed cases, plus a
// small foreign schema for what Glossa's schema lacks (leafless atoms, inline wrappers).
import { describe, expect, it } from 'vitest';
import { Schema, type Node } from 'prosemirror-model';
import { schema } from '@glossa/editor-schema';
import { canonicalLeafText, canonicalText, codePointLength, TextIndex } from './index';
import { TEXT_INDEX_CASES } from './text-index-cases';

describe.each(TEXT_INDEX_CASES)('$name', ({ doc, text, length, exact, before, snapped }) => {
  const index = TextIndex.fromDoc(doc);

  it('renders the canonical text', () => {
    expect(canonicalText(doc)).toBe(text);
    expect(index.text).toBe(text);
    expect(index.length).toBe(length);
    expect(codePointLength(text)).toBe(length);
  });

  it('agrees with textBetween using the canonical leaf text', () => {
    expect(doc.textBetween(0, doc.content.size, '\n', canonicalLeafText)).toBe(text);
  });

  it.each(exact)('offset %i <-> position %i', (offset, pos) => {
    expect(index.offsetToPos(offset)).toBe(pos);
    expect(index.offsetToPos(offset, 1)).toBe(pos);
    expect(index.posToOffset(pos)).toBe(offset);
    const boundary = before.find(([o]) => o === offset);
    expect(index.offsetToPos(offset, -1)).toBe(boundary ? boundary[1] : pos);
  });

  it('lists only boundary offsets that are also exact offsets', () => {
    for (const [offset] of before) expect(exact.map(([o]) => o)).toContain(offset);
  });

  it.each(snapped)('position %i snaps to offset %i', (pos, offset) => {
    expect(index.posToOffset(pos)).toBe(offset);
  });
});

describe('TextIndex ranges', () => {
  const doc = schema.node('doc', null, [
    schema.node('paragraph', null, [schema.text('Hello')]),
    schema.node('paragraph', null, [schema.text('World')]),
  ]);
  const index = TextIndex.fromDoc(doc);

  it('maps a node selection of a paragraph to its text and trailing separator', () => {
    expect(index.rangeToOffsets(0, 7)).toEqual({ start: 0, end: 6 });
  });

  it('maps a text selection exactly', () => {
    expect(index.rangeToOffsets(2, 10)).toEqual({ start: 1, end: 8 });
  });

  it('keeps a range ending after a separator inside the earlier block', () => {
    expect(index.offsetsToRange(0, 6)).toEqual({ from: 1, to: 6 });
    expect(index.offsetsToRange(5, 6)).toEqual({ from: 6, to: 6 });
  });

  it('collapses an empty range onto its start, even at a block start', () => {
    expect(index.offsetsToRange(6, 6)).toEqual({ from: 8, to: 8 });
  });

  it('spans blocks', () => {
    expect(index.offsetsToRange(3, 9)).toEqual({ from: 4, to: 11 });
  });
});

describe('TextIndex misuse', () => {
  const doc = schema.node('doc', null, [schema.node('paragraph', null, [schema.text('ab')])]);
  const index = TextIndex.fromDoc(doc);

  it.each([-1, 5, 1.5, Number.NaN])('refuses position %s', (pos) => {
    expect(() => index.posToOffset(pos)).toThrow(RangeError);
  });

  it.each([-1, 3, 0.5, Number.POSITIVE_INFINITY])('refuses offset %s', (offset) => {
    expect(() => index.offsetToPos(offset)).toThrow(RangeError);
  });

  it('refuses an assoc other than -1 or 1', () => {
    expect(() => index.offsetToPos(0, 0 as unknown as 1)).toThrow(RangeError);
  });

  it('refuses reversed ranges', () => {
    expect(() => index.rangeToOffsets(3, 2)).toThrow(RangeError);
    expect(() => index.offsetsToRange(2, 1)).toThrow(RangeError);
  });

  it('accepts the extremes', () => {
    expect(index.posToOffset(4)).toBe(2);
    expect(index.offsetToPos(2)).toBe(3);
  });
});

describe('lone surrogates', () => {
  it('become U+FFFD so halves in adjacent text nodes cannot fuse', () => {
    const doc = schema.node('doc', null, [
      schema.node('paragraph', null, [schema.text('\uD83D', [schema.marks.strong.create()]), schema.text('\uDE00x')]),
    ]);
    const index = TextIndex.fromDoc(doc);
    expect(canonicalText(doc)).toBe('\uFFFD\uFFFDx');
    expect(index.text).toBe('\uFFFD\uFFFDx');
    expect(index.length).toBe(3);
    expect(index.offsetToPos(2)).toBe(3);
    expect(index.posToOffset(2)).toBe(1);
  });

  it('leave a real pair inside one text node alone', () => {
    const doc = schema.node('doc', null, [schema.node('paragraph', null, [schema.text('\uD83D\uDE00')])]);
    expect(canonicalText(doc)).toBe('😀');
    expect(TextIndex.fromDoc(doc).length).toBe(1);
  });
});

// A schema with what Glossa's lacks: an atom without leafText, an atom whose leafText is
// several code points, a non-leaf inline node, and a block leaf that declares leafText.
const foreign = new Schema({
  nodes: {
    doc: { content: 'block+' },
    paragraph: { content: 'inline*', group: 'block' },
    rule: { group: 'block', leafText: () => '---' },
    text: { group: 'inline' },
    image: { inline: true, group: 'inline' },
    mention: { inline: true, group: 'inline', attrs: { name: {} }, leafText: (node: Node) => `@${node.attrs.name}` },
    span: { inline: true, group: 'inline', content: 'text*' },
  },
});

describe('schema-agnostic rendering and mapping', () => {
  // p 0..10: x 1, image 2..3, mention 3..4, span 4..8 (content "yz" 5..7), w 8, end 9;
  // rule 10..11; p 11..14 (content "q" 12..13)
  const doc = foreign.node('doc', null, [
    foreign.node('paragraph', null, [
      foreign.text('x'),
      foreign.node('image'),
      foreign.node('mention', { name: 'bob' }),
      foreign.node('span', null, [foreign.text('yz')]),
      foreign.text('w'),
    ]),
    foreign.node('rule'),
    foreign.node('paragraph', null, [foreign.text('q')]),
  ]);
  const index = TextIndex.fromDoc(doc);
  const text = 'x\uFFFC@bobyzw\nq';

  it('renders atoms, wrappers and block leaves per the definition', () => {
    expect(canonicalText(doc)).toBe(text);
    expect(index.text).toBe(text);
    expect(index.length).toBe(11);
    expect(doc.textBetween(0, doc.content.size, '\n', canonicalLeafText)).toBe(text);
  });

  it.each([
    [0, 1, 1],
    [1, 2, 2],
    [2, 3, 3],
    // Inside "@bob": 1 stays before the atom, -1 goes after it.
    [3, 3, 4],
    [5, 3, 4],
    // Between the atom and the span's text: the span's opening token lies in between.
    [6, 5, 4],
    // Between the span's text and "w": its closing token lies in between.
    [8, 8, 7],
    [9, 9, 9],
    [10, 12, 9],
    [11, 13, 13],
  ])('offset %i -> position %i (assoc 1), %i (assoc -1)', (offset, after, beforePos) => {
    expect(index.offsetToPos(offset, 1)).toBe(after);
    expect(index.offsetToPos(offset, -1)).toBe(beforePos);
  });

  it.each([
    [0, 0],
    [1, 0],
    [2, 1],
    [3, 2],
    [4, 6],
    [5, 6],
    [6, 7],
    [7, 8],
    [8, 8],
    [9, 9],
    [10, 10],
    [11, 10],
    [12, 10],
    [13, 11],
    [14, 11],
  ])('position %i -> offset %i', (pos, offset) => {
    expect(index.posToOffset(pos)).toBe(offset);
  });
});
