// Binary search shared by the index structures: the first index of a range at which a
// predicate that is true on a prefix and false on the rest turns false.

/** First i in [lo, hi) with !isBefore(i), or hi; isBefore must be monotone (true…true false…false). */
export function partitionPoint(lo: number, hi: number, isBefore: (i: number) => boolean): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (isBefore(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
