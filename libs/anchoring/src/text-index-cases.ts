// Hand-computed expectations for canonicalText and TextIndex over Glossa-schema documents:
// each case lists its canonical text and offset <-> position pairs worked out on paper.
//
// Position arithmetic reminder: a node's opening token takes one position, so the content of
// a top-level paragraph starting at p begins at p + 1; a text node takes one position per
// UTF-16 unit (𠮷 takes two), a hard_break or horizontal_rule takes one.
import type { Node } from 'prosemirror-model';
import { schema } from '@glossa/editor-schema';

const t = (text: string, ...marks: Array<'em' | 'strong'>): Node => schema.text(text, marks.map((m) => schema.marks[m].create()));
const p = (...content: Array<Node | string>): Node =>
  schema.node('paragraph', null, content.map((c) => (typeof c === 'string' ? t(c) : c)));
const h = (level: number, text: string): Node => schema.node('heading', { level }, [t(text)]);
const code = (text: string): Node => schema.node('code_block', null, [t(text)]);
const br = (): Node => schema.node('hard_break');
const hr = (): Node => schema.node('horizontal_rule');
const li = (...blocks: Node[]): Node => schema.node('list_item', null, blocks);
const ul = (...items: Node[]): Node => schema.node('bullet_list', null, items);
const ol = (...items: Node[]): Node => schema.node('ordered_list', null, items);
const quote = (...blocks: Node[]): Node => schema.node('blockquote', null, blocks);
const doc = (...blocks: Node[]): Node => schema.node('doc', null, blocks);

export interface TextIndexCase {
  name: string;
  doc: Node;
  text: string;
  /** Code point length of text. */
  length: number;
  /** offsetToPos(offset, 1) === pos and posToOffset(pos) === offset. */
  exact: Array<[offset: number, pos: number]>;
  /** offsetToPos(offset, -1) === pos where that differs from assoc 1 (block boundaries). */
  before: Array<[offset: number, pos: number]>;
  /** posToOffset(pos) === offset for positions that are not the image of any offset. */
  snapped: Array<[pos: number, offset: number]>;
}

export const TEXT_INDEX_CASES: TextIndexCase[] = [
  {
    name: 'two paragraphs',
    // p 0..7 (content 1..6), p 7..14 (content 8..13)
    doc: doc(p('Hello'), p('World')),
    text: 'Hello\nWorld',
    length: 11,
    exact: [[0, 1], [3, 4], [5, 6], [6, 8], [11, 13]],
    before: [[6, 6]],
    snapped: [[0, 0], [7, 6], [14, 11]],
  },
  {
    name: 'heading, empty paragraph, hard_break',
    // h 0..7 (content 1..6), empty p 7..9 (content 8), p 9..14: a 10, br 11, b 12, end 13
    doc: doc(h(1, 'Title'), p(), p('a', br(), 'b')),
    text: 'Title\n\na\nb',
    length: 10,
    exact: [[0, 1], [5, 6], [6, 8], [7, 10], [8, 11], [9, 12], [10, 13]],
    before: [[6, 6], [7, 8]],
    snapped: [[0, 0], [7, 6], [9, 7], [14, 10]],
  },
  {
    name: 'lists, blockquote, horizontal_rule',
    // ul 0..16 > li 1..8 > p 2..7 (content 3..6); li 8..15 > p 9..14 (content 10..13)
    // quote 16..21 > p 17..20 (content 18..19); hr 21..22; p 22..27 (content 23..26)
    doc: doc(ul(li(p('one')), li(p('two'))), quote(p('q')), hr(), p('end')),
    text: 'one\ntwo\nq\nend',
    length: 13,
    exact: [[0, 3], [3, 6], [4, 10], [7, 13], [8, 18], [9, 19], [10, 23], [13, 26]],
    before: [[4, 6], [8, 13], [10, 19]],
    snapped: [[0, 0], [1, 0], [2, 0], [7, 4], [8, 4], [9, 4], [14, 8], [15, 8], [16, 8], [17, 8], [20, 10], [21, 10], [22, 10], [27, 13]],
  },
  {
    name: 'nested list with a second paragraph in the item',
    // ol 0..17 > li 1..16 > p 2..5 (content 3..4 "a"), p 5..8 (content 6..7 "b"),
    //   ul 8..15 > li 9..14 > p 10..13 (content 11..12 "c")
    doc: doc(ol(li(p('a'), p('b'), ul(li(p('c')))))),
    text: 'a\nb\nc',
    length: 5,
    exact: [[0, 3], [1, 4], [2, 6], [3, 7], [4, 11], [5, 12]],
    before: [[2, 4], [4, 7]],
    snapped: [[0, 0], [2, 0], [5, 2], [8, 4], [10, 4], [13, 5], [17, 5]],
  },
  {
    name: 'astral, ZWJ sequence, CJK',
    // p 0..6: a 1, 𠮷 2..4, b 4, end 5; p 6..16: 👩 7..9, ZWJ 9, 👩 10..12, ZWJ 12, 👧 13..15;
    // p 16..20: 漢 17, 字 18, end 19
    doc: doc(p('a𠮷b'), p('👩‍👩‍👧'), p('漢字')),
    text: 'a𠮷b\n👩‍👩‍👧\n漢字',
    length: 12,
    exact: [[0, 1], [1, 2], [2, 4], [3, 5], [4, 7], [5, 9], [6, 10], [7, 12], [8, 13], [9, 15], [10, 17], [11, 18], [12, 19]],
    before: [[4, 5], [10, 15]],
    // Positions between the halves of a pair round down to the pair's start.
    snapped: [[3, 1], [8, 4], [11, 6], [14, 8], [6, 4], [16, 10], [20, 12]],
  },
  {
    name: 'CRLF inside text, code_block, 𩸽',
    // p 0..6 (content 1..5 "a\r\nb"); code_block 6..13 (content 7..12 "x\r\n𩸽", 𩸽 at 10..12)
    doc: doc(p('a\r\nb'), code('x\r\n𩸽')),
    text: 'a\r\nb\nx\r\n𩸽',
    length: 9,
    exact: [[0, 1], [1, 2], [2, 3], [3, 4], [4, 5], [5, 7], [6, 8], [7, 9], [8, 10], [9, 12]],
    before: [[5, 5]],
    snapped: [[11, 8], [13, 9]],
  },
  {
    name: 'marks split the text into several nodes',
    // p 0..7: "ab" 1..3 strong, "c" 3..4, "𠮷" 4..6 em
    doc: doc(p(t('ab', 'strong'), 'c', t('𠮷', 'em'))),
    text: 'abc𠮷',
    length: 4,
    exact: [[0, 1], [1, 2], [2, 3], [3, 4], [4, 6]],
    before: [],
    snapped: [[5, 3], [0, 0], [7, 4]],
  },
  {
    name: 'horizontal rules around a paragraph',
    // hr 0..1; p 1..4 (content 2..3 "x"); hr 4..5
    doc: doc(hr(), p('x'), hr()),
    text: 'x',
    length: 1,
    exact: [[0, 2], [1, 3]],
    before: [],
    snapped: [[0, 0], [1, 0], [4, 1], [5, 1]],
  },
  {
    name: 'empty paragraphs only',
    // p 0..2 (content 1), p 2..4 (content 3)
    doc: doc(p(), p()),
    text: '\n',
    length: 1,
    exact: [[0, 1], [1, 3]],
    before: [[1, 1]],
    snapped: [[0, 0], [2, 1], [4, 1]],
  },
  {
    name: 'hard_break at the edges of a paragraph',
    // p 0..4: br 1..2, br 2..3, content end 3
    doc: doc(p(br(), br())),
    text: '\n\n',
    length: 2,
    exact: [[0, 1], [1, 2], [2, 3]],
    before: [],
    snapped: [[0, 0], [4, 2]],
  },
  {
    name: 'no textblock at all',
    doc: doc(hr()),
    text: '',
    length: 0,
    exact: [[0, 0]],
    before: [],
    snapped: [[1, 0]],
  },
];
