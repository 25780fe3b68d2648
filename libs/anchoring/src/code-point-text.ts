// One revision's canonical text prepared for repeated code point ⇄ UTF-16 conversions, so
// anchoring hundreds of annotations scans the text once instead of once per lookup.
import { startsSurrogatePair } from './code-points';
import { SurrogatePairs } from './surrogate-pairs';

export class CodePointText {
  private constructor(
    readonly text: string,
    /** Length in code points. */
    readonly length: number,
    private readonly pairs: SurrogatePairs | null,
  ) {}

  static of(text: string | CodePointText): CodePointText {
    if (text instanceof CodePointText) return text;
    const pairs = SurrogatePairs.scan(text);
    return new CodePointText(text, text.length - (pairs?.count ?? 0), pairs);
  }

  /** UTF-16 index of code point cp; cp === length gives text.length. */
  toUtf16(cp: number): number {
    if (!Number.isInteger(cp) || cp < 0 || cp > this.length) throw new RangeError(`code point index ${cp} is outside [0, ${this.length}]`);
    return this.pairs ? this.pairs.toUtf16(cp) : cp;
  }

  /** Code points before UTF-16 index u, which must not split a pair (see isBoundary). */
  toCodePoint(u: number): number {
    if (!this.isBoundary(u)) throw new RangeError(`UTF-16 index ${u} is outside [0, ${this.text.length}] or splits a surrogate pair`);
    return this.pairs ? this.pairs.floorCodePoint(u) : u;
  }

  /** True when u is in [0, text.length] and not between the halves of a surrogate pair. */
  isBoundary(u: number): boolean {
    if (!Number.isInteger(u) || u < 0 || u > this.text.length) return false;
    return u === 0 || !startsSurrogatePair(this.text, u - 1);
  }

  /** Moves a UTF-16 index that splits a pair back to the pair's start. */
  floorBoundary(u: number): number {
    return u > 0 && startsSurrogatePair(this.text, u - 1) ? u - 1 : u;
  }

  /** Moves a UTF-16 index that splits a pair forward past the pair's end. */
  ceilBoundary(u: number): number {
    return u > 0 && startsSurrogatePair(this.text, u - 1) ? u + 1 : u;
  }

  /** Code points [start, end); throws RangeError like sliceCodePoints. */
  slice(start: number, end: number): string {
    if (!(end >= start)) throw new RangeError(`code point range [${start}, ${end}) is reversed`);
    return this.text.slice(this.toUtf16(start), this.toUtf16(end));
  }

  /** Up to n code points ending at UTF-16 index u (a boundary). */
  before(u: number, n: number): string {
    let from = u;
    for (let taken = 0; taken < n && from > 0; taken++) from -= from >= 2 && startsSurrogatePair(this.text, from - 2) ? 2 : 1;
    return this.text.slice(from, u);
  }

  /** Up to n code points starting at UTF-16 index u (a boundary). */
  after(u: number, n: number): string {
    let to = u;
    for (let taken = 0; taken < n && to < this.text.length; taken++) to += startsSurrogatePair(this.text, to) ? 2 : 1;
    return this.text.slice(u, to);
  }
}
