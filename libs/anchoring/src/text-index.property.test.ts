// Property checks of canonicalText and TextIndex over random Glossa documents, against
// oracles computed straight from the document (textBetween, resolve, the block list).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Fragment, type Node } from 'prosemirror-model';
import { schema } from '@glossa/editor-schema';
import { canonicalLeafText, canonicalText, codePointLength, sliceCodePoints, TextIndex } from './index';
import { startsSurrogatePair, wellFormed } from './code-points';

// Text atoms: ASCII, CJK, astral CJK, emoji with and without ZWJ, CRLF, a bare newline,
// and lone surrogate halves that would fuse into one code point if simply concatenated.
const atom = fc.constantFrom('a', 'Z', ' ', '漢', '字', '𠮷', '𩸽', '😀', '👩‍👩‍👧', '\r\n', '\n', '\uD83D', '\uDE00');
const words = fc.array(atom, { maxLength: 6 }).map((parts) => parts.join(''));
const markNames = fc.constantFrom<Array<'em' | 'strong'>>([], ['em'], ['strong'], ['em', 'strong']);

const inline: fc.Arbitrary<Node | null> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(words, markNames).map(([w, m]) => (w === '' ? null : schema.text(w, m.map((n) => schema.marks[n].create())))) },
  { weight: 1, arbitrary: fc.constant(schema.node('hard_break')) },
);
const inlines = fc.array(inline, { maxLength: 5 }).map((nodes) => nodes.filter((n): n is Node => n !== null));

const paragraph = inlines.map((content) => schema.node('paragraph', null, content));
const heading = fc.tuple(fc.integer({ min: 1, max: 6 }), inlines).map(([level, content]) => schema.node('heading', { level }, content));
const codeBlock = words.map((w) => schema.node('code_block', null, w === '' ? [] : [schema.text(w)]));
const textblock = fc.oneof({ weight: 4, arbitrary: paragraph }, heading, codeBlock);
const block = fc.oneof(
  { weight: 5, arbitrary: textblock },
  fc.constant(schema.node('horizontal_rule')),
  fc.array(textblock, { minLength: 1, maxLength: 3 }).map((content) => schema.node('blockquote', null, content)),
  fc
    .array(fc.array(paragraph, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 3 })
    .map((items) => schema.node('bullet_list', null, items.map((content) => schema.node('list_item', null, content)))),
);
const paragraphsOnly = fc.array(paragraph, { minLength: 1, maxLength: 8 });
const mixed = fc.array(block, { minLength: 1, maxLength: 8 });
const docs = fc.oneof(paragraphsOnly, mixed).map((content) => {
  const doc = schema.node('doc', null, content);
  doc.check();
  return doc;
});

/** The same document with lone surrogates replaced node by node: same positions, no fusing. */
function sanitized(node: Node): Node {
  if (node.isText) return node.type.schema.text(wellFormed(node.text ?? ''), node.marks);
  const children: Node[] = [];
  node.forEach((child) => children.push(sanitized(child)));
  return node.copy(Fragment.from(children));
}

/** Content ranges and canonical offsets of each textblock, found without the index. */
function textblocksOf(doc: Node): Array<{ from: number; to: number; start: number; end: number }> {
  const clean = sanitized(doc);
  const blocks: Array<{ from: number; to: number; start: number; end: number }> = [];
  let offset = 0;
  clean.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    if (blocks.length > 0) offset += 1;
    const length = codePointLength(node.textBetween(0, node.content.size, '\n', canonicalLeafText));
    blocks.push({ from: pos + 1, to: pos + 1 + node.content.size, start: offset, end: offset + length });
    offset += length;
    return false;
  });
  return blocks;
}

describe('canonicalText and TextIndex on random documents', () => {
  it('(a) agree with each other and with textBetween on the sanitized document', () => {
    fc.assert(
      fc.property(docs, (doc) => {
        const text = canonicalText(doc);
        const index = TextIndex.fromDoc(doc);
        expect(index.text).toBe(text);
        expect(index.length).toBe(codePointLength(text));
        expect(text).toBe(sanitized(doc).textBetween(0, doc.content.size, '\n', canonicalLeafText));
        const blocks = textblocksOf(doc);
        expect(index.length).toBe(blocks.length === 0 ? 0 : blocks[blocks.length - 1].end);
      }),
    );
  });

  it('(b) offset -> position -> offset is the identity, except assoc -1 at a block start', () => {
    fc.assert(
      fc.property(docs, (doc) => {
        const index = TextIndex.fromDoc(doc);
        const blocks = textblocksOf(doc);
        const laterStarts = new Set(blocks.slice(1).map((b) => b.start));
        for (let o = 0; o <= index.length; o++) {
          const after = index.offsetToPos(o, 1);
          const before = index.offsetToPos(o, -1);
          // Both land inside a textblock (documents with text always have one).
          expect(doc.resolve(after).parent.isTextblock).toBe(blocks.length > 0);
          expect(doc.resolve(before).parent.isTextblock).toBe(blocks.length > 0);
          expect(before).toBeLessThanOrEqual(after);
          if (o < index.length) expect(after).toBeLessThanOrEqual(index.offsetToPos(o + 1, -1));
          expect(index.posToOffset(after)).toBe(o);
          // The one ambiguity: o is the start of a textblock other than the first; assoc -1
          // then means the end of the previous textblock, just before the separator.
          expect(index.posToOffset(before)).toBe(laterStarts.has(o) ? o - 1 : o);
        }
      }),
    );
  });

  it('(c) position -> offset -> position is the identity inside text, and snaps elsewhere', () => {
    fc.assert(
      fc.property(docs, (doc) => {
        const index = TextIndex.fromDoc(doc);
        const blocks = textblocksOf(doc);
        let previous = 0;
        for (let pos = 0; pos <= doc.content.size; pos++) {
          const offset = index.posToOffset(pos);
          expect(offset).toBeGreaterThanOrEqual(previous);
          previous = offset;
          const k = blocks.findIndex((b) => b.from <= pos && pos <= b.to);
          if (k === -1) {
            // Between blocks: forward to the next textblock's start, else the text's end.
            const next = blocks.find((b) => b.from > pos);
            expect(offset).toBe(next ? next.start : index.length);
            continue;
          }
          const $pos = doc.resolve(pos);
          const node = $pos.textOffset > 0 ? $pos.parent.child($pos.index()) : null;
          if (node?.isText && startsSurrogatePair(node.text ?? '', $pos.textOffset - 1)) {
            // Between the halves of a pair: rounds down to the pair's start.
            expect(offset).toBe(index.posToOffset(pos - 1));
            continue;
          }
          expect(index.offsetToPos(offset, 1)).toBe(pos);
          expect(index.offsetToPos(offset, -1)).toBe(k > 0 && pos === blocks[k].from ? blocks[k - 1].to : pos);
        }
      }),
    );
  });

  // Ranges drawn as code point offsets, with the doc and its index.
  const ranged = docs.chain((doc) => {
    const index = TextIndex.fromDoc(doc);
    const offset = fc.integer({ min: 0, max: index.length });
    return fc.tuple(fc.constant(doc), fc.constant(index), offset, offset);
  });

  it('(d) a range inside one block covers the same text as textBetween', () => {
    fc.assert(
      fc.property(docs, fc.nat(), fc.nat(), fc.nat(), (doc, pick, x, y) => {
        const index = TextIndex.fromDoc(doc);
        const blocks = textblocksOf(doc);
        fc.pre(blocks.length > 0);
        const block = blocks[pick % blocks.length];
        const width = block.end - block.start + 1;
        const [a, b] = [block.start + (x % width), block.start + (y % width)].sort((m, n) => m - n);
        const { from, to } = index.offsetsToRange(a, b);
        if (a < b) expect({ from, to }).toEqual({ from: index.offsetToPos(a, 1), to: index.offsetToPos(b, -1) });
        expect(sliceCodePoints(index.text, a, b)).toBe(sanitized(doc).textBetween(from, to, '\n', canonicalLeafText));
      }),
    );
  });

  it('(d) any range covers the same text as textBetween with assoc 1 at both ends', () => {
    fc.assert(
      fc.property(ranged, ([doc, index, x, y]) => {
        const [a, b] = x <= y ? [x, y] : [y, x];
        const text = sanitized(doc).textBetween(index.offsetToPos(a, 1), index.offsetToPos(b, 1), '\n', canonicalLeafText);
        expect(text).toBe(sliceCodePoints(index.text, a, b));
      }),
    );
  });

  it('offsetsToRange and rangeToOffsets round-trip, dropping only a separator at the end', () => {
    fc.assert(
      fc.property(ranged, ([doc, index, x, y]) => {
        const [a, b] = x <= y ? [x, y] : [y, x];
        const laterStarts = new Set(textblocksOf(doc).slice(1).map((block) => block.start));
        const end = a < b && laterStarts.has(b) ? b - 1 : b;
        const { from, to } = index.offsetsToRange(a, b);
        expect(from).toBeLessThanOrEqual(to);
        expect(index.rangeToOffsets(from, to)).toEqual({ start: a, end });
        expect(sanitized(doc).textBetween(from, to, '\n', canonicalLeafText)).toBe(sliceCodePoints(index.text, a, end));
      }),
    );
  });
});
