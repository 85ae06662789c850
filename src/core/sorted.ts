/**
 * Binary searches over sorted lists, shared by the transcript model, the
 * article matcher's places and the article's text map. O(log n), no allocation.
 */

/** Index of the last element of a sorted (ascending) list that is <= x, or -1. */
export function lastAtOrBefore(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= x) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Index of the last item of a list sorted by `key` whose key is <= x, or -1. */
export function lastKeyAtOrBefore<T>(list: readonly T[], x: number, key: (item: T) => number): number {
  let lo = 0;
  let hi = list.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (key(list[mid]!) <= x) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
