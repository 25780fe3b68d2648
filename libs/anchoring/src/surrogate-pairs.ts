// Where the surrogate pairs of one string sit, so a long text node converts between
// UTF-16 indices and code point indices in O(log k) for k astral characters, not O(n).
import { partitionPoint } from './partition-point';
import { startsSurrogatePair } from './code-points';

export class SurrogatePairs {
  /** UTF-16 index of each pair's high surrogate, ascending. */
  private constructor(private readonly starts: readonly number[]) {}

  /** null when s has no surrogate pair, so plain text pays nothing per lookup. */
  static scan(s: string): SurrogatePairs | null {
    const starts: number[] = [];
    for (let i = 0; i < s.length; i++) {
      if (startsSurrogatePair(s, i)) starts.push(i++);
    }
    return starts.length === 0 ? null : new SurrogatePairs(starts);
  }

  get count(): number {
    return this.starts.length;
  }

  /**
   * Code points before UTF-16 index u. Each pair that starts before u costs one unit more
   * than it counts; a u between the halves of a pair rounds down to the pair's start.
   */
  floorCodePoint(u: number): number {
    return u - partitionPoint(0, this.starts.length, (i) => this.starts[i] < u);
  }

  /** UTF-16 index of code point cp: the i-th pair starts at code point starts[i] - i. */
  toUtf16(cp: number): number {
    return cp + partitionPoint(0, this.starts.length, (i) => this.starts[i] - i < cp);
  }
}
