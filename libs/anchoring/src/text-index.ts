// Maps ProseMirror positions (UTF-16 code units plus node tokens) to code point offsets
// into the canonical text and back, built once per document in O(n), O(log n) per lookup.
//
// Positions → offsets (posToOffset):
// - A position inside a textblock's content (from its start to its end, inclusive) maps
//   to the offset of the text before it. A position between the two halves of a surrogate
//   pair rounds down to the pair's start.
// - Any other position (between blocks, inside a list item before its paragraph, beside a
//   horizontal_rule) snaps forward to the start of the next textblock, or to the end of the
//   text when no textblock follows. So a node selection of a whole paragraph maps to its
//   text plus the separator after it.
//
// Offsets → positions (offsetToPos):
// - Each textblock k owns offsets [start_k, end_k]; the separator "\n" lies between end_k
//   and start_k+1 = end_k + 1, so every offset names exactly one textblock.
// - The block boundary rule: start_k of every textblock but the first is where one block
//   meets the next. There assoc 1 (the default) gives the start of block k and assoc -1
//   gives the END OF THE PREVIOUS textblock, so a range ending just after a separator
//   does not reach into the next block. Everywhere else assoc has no effect on Glossa
//   documents; in other schemas it also picks the side of an atom whose leafText is
//   longer than one code point (1: before it, -1: after it) and the side of the tokens
//   of a non-leaf inline node.
// - Consequently posToOffset(offsetToPos(o, assoc)) === o for every o, except (1) assoc -1
//   at the start of a textblock other than the first, which gives o - 1, and (2) offsets
//   strictly inside a multi-code-point atom, which Glossa's schema does not have.
// - And offsetToPos(posToOffset(pos), 1) === pos for every pos inside textblock content
//   that does not split a surrogate pair or sit among a non-leaf inline node's tokens.
import type { Node } from 'prosemirror-model';
import { BLOCK_SEPARATOR, canonicalLeafText } from './canonical-text';
import { codePointLength, wellFormed } from './code-points';
import { partitionPoint } from './partition-point';
import { SurrogatePairs } from './surrogate-pairs';

export type Assoc = -1 | 1;

/** Code point offsets into the canonical text, start <= end. */
export interface OffsetRange {
  start: number;
  end: number;
}

/** ProseMirror positions, from <= to. */
export interface PosRange {
  from: number;
  to: number;
}

/** One textblock: the offsets it owns and the positions of its content. */
interface Block {
  readonly start: number;
  readonly end: number;
  readonly from: number;
  readonly to: number;
  /** Its runs are runs[firstRun, endRun). */
  readonly firstRun: number;
  readonly endRun: number;
}

/**
 * A text node or inline leaf. Text runs map code points to units linearly between
 * surrogate pairs; a leaf is atomic: one position wide, only its two edges have positions.
 */
interface Run {
  readonly offset: number;
  readonly length: number;
  readonly pos: number;
  readonly size: number;
  readonly pairs: SurrogatePairs | null;
  readonly atomic: boolean;
}

function assertIndex(value: number, max: number, what: string): void {
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new RangeError(`${what} ${value} is outside [0, ${max}]`);
  }
}

function assertAssoc(assoc: number): void {
  if (assoc !== 1 && assoc !== -1) throw new RangeError(`assoc must be -1 or 1, got ${assoc}`);
}

export class TextIndex {
  private constructor(
    readonly text: string,
    readonly length: number,
    private readonly docSize: number,
    private readonly blocks: readonly Block[],
    private readonly runs: readonly Run[],
  ) {}

  static fromDoc(doc: Node): TextIndex {
    const pieces: string[] = [];
    const blocks: Block[] = [];
    const runs: Run[] = [];
    let offset = 0;

    const addRuns = (parent: Node, contentStart: number): void => {
      parent.forEach((child, childOffset) => {
        const pos = contentStart + childOffset;
        if (child.isText) {
          const text = child.text ?? '';
          const pairs = SurrogatePairs.scan(text);
          const length = text.length - (pairs?.count ?? 0);
          runs.push({ offset, length, pos, size: text.length, pairs, atomic: false });
          pieces.push(wellFormed(text));
          offset += length;
        } else if (child.isLeaf) {
          const leafText = canonicalLeafText(child);
          const length = codePointLength(leafText);
          runs.push({ offset, length, pos, size: child.nodeSize, pairs: null, atomic: true });
          pieces.push(leafText);
          offset += length;
        } else {
          addRuns(child, pos + 1);
        }
      });
    };

    doc.descendants((node, pos) => {
      if (!node.isTextblock) return true;
      if (blocks.length > 0) {
        pieces.push(BLOCK_SEPARATOR);
        offset += 1;
      }
      const start = offset;
      const firstRun = runs.length;
      const from = pos + 1;
      addRuns(node, from);
      blocks.push({ start, end: offset, from, to: from + node.content.size, firstRun, endRun: runs.length });
      return false;
    });

    return new TextIndex(pieces.join(''), offset, doc.content.size, blocks, runs);
  }

  posToOffset(pos: number): number {
    assertIndex(pos, this.docSize, 'position');
    const { blocks } = this;
    const b = partitionPoint(0, blocks.length, (i) => blocks[i].from <= pos) - 1;
    if (b >= 0 && pos <= blocks[b].to) return this.offsetInBlock(blocks[b], pos);
    const next = blocks[b + 1];
    return next ? next.start : this.length;
  }

  offsetToPos(offset: number, assoc: Assoc = 1): number {
    assertIndex(offset, this.length, 'offset');
    assertAssoc(assoc);
    const { blocks } = this;
    // A document of only block leaves has no text and no textblock to point into.
    if (blocks.length === 0) return 0;
    const b = partitionPoint(0, blocks.length, (i) => blocks[i].start <= offset) - 1;
    const block = blocks[b];
    if (assoc === -1 && offset === block.start && b > 0) return blocks[b - 1].to;
    return assoc === 1 ? this.posAfter(block, offset) : this.posBefore(block, offset);
  }

  /** Both ends through posToOffset; positions between blocks snap forward, see the header. */
  rangeToOffsets(from: number, to: number): OffsetRange {
    if (!(from <= to)) throw new RangeError(`position range [${from}, ${to}] is reversed`);
    return { start: this.posToOffset(from), end: this.posToOffset(to) };
  }

  /** from with assoc 1, to with assoc -1; an empty range collapses onto from. */
  offsetsToRange(start: number, end: number): PosRange {
    if (!(start <= end)) throw new RangeError(`offset range [${start}, ${end}] is reversed`);
    const from = this.offsetToPos(start, 1);
    return { from, to: start === end ? from : this.offsetToPos(end, -1) };
  }

  private offsetInBlock(block: Block, pos: number): number {
    const { runs } = this;
    const r = partitionPoint(block.firstRun, block.endRun, (i) => runs[i].pos <= pos) - 1;
    if (r < block.firstRun) return block.start;
    const run = runs[r];
    const units = pos - run.pos;
    // At or past the run's end: its end, also for the closing tokens of inline nodes.
    if (units >= run.size) return run.offset + run.length;
    if (run.atomic) return run.offset;
    return run.offset + (run.pairs ? run.pairs.floorCodePoint(units) : units);
  }

  /** Latest position with this offset inside the block: the run that starts at or before it. */
  private posAfter(block: Block, offset: number): number {
    const { runs } = this;
    const r = partitionPoint(block.firstRun, block.endRun, (i) => runs[i].offset <= offset) - 1;
    if (r < block.firstRun || offset >= runs[r].offset + runs[r].length) return block.to;
    const run = runs[r];
    return run.atomic ? run.pos : run.pos + this.unitsInto(run, offset - run.offset);
  }

  /** Earliest position with this offset inside the block: the first run that ends at or after it. */
  private posBefore(block: Block, offset: number): number {
    const { runs } = this;
    const r = partitionPoint(block.firstRun, block.endRun, (i) => runs[i].offset + runs[i].length < offset);
    if (r >= block.endRun || runs[r].offset >= offset) return block.from;
    const run = runs[r];
    return run.atomic ? run.pos + run.size : run.pos + this.unitsInto(run, offset - run.offset);
  }

  private unitsInto(run: Run, codePoints: number): number {
    return run.pairs ? run.pairs.toUtf16(codePoints) : codePoints;
  }
}
