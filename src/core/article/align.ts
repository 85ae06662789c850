/**
 * Word-sequence alignment in near-linear time and memory: the longest
 * common subsequence of two word lists, found the way patience diff finds
 * it. Words (as integer ids) that occur once in each side of a region, and
 * whose runs of three agree, are anchors; the longest chain of anchors in
 * order on both sides splits the region into smaller ones; a region small
 * enough is solved exactly by dynamic programming. No full n·m matrix is ever
 * built, so 20,000 cues against their article take a fraction of a second.
 * Pure: no DOM.
 */

/** Regions with at most this many cells (words × words) are aligned exactly. */
const DP_CELLS = 160_000;

interface Region {
  a0: number;
  a1: number;
  b0: number;
  b1: number;
}

/**
 * For each position of `a`, the position of `b` it is aligned with, or -1.
 * The pairs are increasing on both sides and pair only equal ids.
 */
export function alignWords(a: Int32Array, b: Int32Array): Int32Array {
  const match = new Int32Array(a.length).fill(-1);
  const stack: Region[] = [{ a0: 0, a1: a.length, b0: 0, b1: b.length }];
  while (stack.length) {
    let { a0, a1, b0, b1 } = stack.pop()!;
    // Common ends first: the usual case of a region is two runs that agree at their edges.
    while (a0 < a1 && b0 < b1 && a[a0] === b[b0]) match[a0++] = b0++;
    while (a0 < a1 && b0 < b1 && a[a1 - 1] === b[b1 - 1]) match[--a1] = --b1;
    const n = a1 - a0;
    const m = b1 - b0;
    if (n === 0 || m === 0) continue;
    if (n * m <= DP_CELLS) {
      lcs(a, b, a0, a1, b0, b1, match);
      continue;
    }
    const anchors = chain(uniquePairs(a, b, a0, a1, b0, b1, 3)) ?? chain(uniquePairs(a, b, a0, a1, b0, b1, 1));
    if (!anchors) {
      // Nothing in common that is unique on both sides: a banded pass along the diagonal
      // still pairs what lies near it (one side edited beyond recognition, or repeated text).
      banded(a, b, a0, a1, b0, b1, match);
      continue;
    }
    let pa = a0;
    let pb = b0;
    for (const [i, j] of anchors) {
      if (i < pa || j < pb) continue;
      stack.push({ a0: pa, a1: i, b0: pb, b1: j });
      match[i] = j;
      pa = i + 1;
      pb = j + 1;
    }
    stack.push({ a0: pa, a1, b0: pb, b1 });
  }
  return match;
}

/** Positions (i in a, j in b) of n-grams that start there and occur exactly once in each side of the region. */
function uniquePairs(a: Int32Array, b: Int32Array, a0: number, a1: number, b0: number, b1: number, n: number): [number, number][] {
  const key = (s: Int32Array, i: number): number => (n === 1 ? s[i]! : (s[i]! * 1_048_576 + s[i + 1]!) * 64 + (s[i + 2]! & 63));
  // Per key, a slot: count and last position on each side.
  const slot = new Map<number, number>();
  const ca: number[] = [];
  const pa: number[] = [];
  const cb: number[] = [];
  const pb: number[] = [];
  for (let i = a0; i + n <= a1; i++) {
    const k = key(a, i);
    const s = slot.get(k);
    if (s !== undefined) ca[s]!++;
    else {
      slot.set(k, ca.length);
      ca.push(1);
      pa.push(i);
      cb.push(0);
      pb.push(-1);
    }
  }
  for (let j = b0; j + n <= b1; j++) {
    const s = slot.get(key(b, j));
    if (s === undefined) continue;
    cb[s]!++;
    pb[s] = j;
  }
  const out: [number, number][] = [];
  for (let s = 0; s < ca.length; s++) {
    if (ca[s] !== 1 || cb[s] !== 1) continue;
    const i = pa[s]!;
    const j = pb[s]!;
    // The key folds the third word, so an anchor is checked word by word.
    if (n === 1 || (a[i] === b[j] && a[i + 1] === b[j + 1] && a[i + 2] === b[j + 2])) out.push([i, j]);
  }
  out.sort((x, y) => x[0] - y[0]);
  return out;
}

/** The longest chain of pairs increasing on both sides (patience sorting, O(k log k)); null when there are none. */
function chain(pairs: [number, number][]): [number, number][] | null {
  if (!pairs.length) return null;
  const tails: number[] = [];
  const prev = new Int32Array(pairs.length);
  for (let k = 0; k < pairs.length; k++) {
    const j = pairs[k]![1];
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (pairs[tails[mid]!]![1] < j) lo = mid + 1;
      else hi = mid;
    }
    prev[k] = lo > 0 ? tails[lo - 1]! : -1;
    tails[lo] = k;
  }
  const out: [number, number][] = [];
  for (let k = tails[tails.length - 1]!; k >= 0; k = prev[k]!) out.push(pairs[k]!);
  return out.reverse();
}

/** Exact longest common subsequence of a small region. */
function lcs(a: Int32Array, b: Int32Array, a0: number, a1: number, b0: number, b1: number, match: Int32Array): void {
  const n = a1 - a0;
  const m = b1 - b0;
  const w = m + 1;
  const t = new Uint32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      t[i * w + j] = a[a0 + i] === b[b0 + j] ? t[(i + 1) * w + j + 1]! + 1 : Math.max(t[(i + 1) * w + j]!, t[i * w + j + 1]!);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[a0 + i] === b[b0 + j]) {
      match[a0 + i] = b0 + j;
      i++;
      j++;
    } else if (t[(i + 1) * w + j]! >= t[i * w + j + 1]!) i++;
    else j++;
  }
}

/** Half-width (words) of the band `banded` searches around the region's diagonal. */
const BAND = 64;

/** Longest common subsequence restricted to a band around the diagonal: O((n + m) · BAND) time and memory. */
function banded(a: Int32Array, b: Int32Array, a0: number, a1: number, b0: number, b1: number, match: Int32Array): void {
  const n = a1 - a0;
  const m = b1 - b0;
  const width = 2 * BAND + 1;
  // Row i covers columns centre(i) - BAND .. centre(i) + BAND.
  const centre = (i: number): number => Math.round((i * m) / n);
  const t = new Uint32Array((n + 1) * width);
  const at = (i: number, j: number): number => {
    if (i >= n || j >= m) return 0;
    const d = j - centre(i) + BAND;
    return d < 0 || d >= width ? 0 : t[i * width + d]!;
  };
  for (let i = n - 1; i >= 0; i--) {
    const c = centre(i);
    for (let d = width - 1; d >= 0; d--) {
      const j = c - BAND + d;
      if (j < 0 || j >= m) continue;
      t[i * width + d] = a[a0 + i] === b[b0 + j] ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
    }
  }
  let i = 0;
  let j = Math.max(0, centre(0) - BAND);
  while (i < n && j < m) {
    if (a[a0 + i] === b[b0 + j]) {
      match[a0 + i] = b0 + j;
      i++;
      j++;
    } else if (at(i + 1, j) >= at(i, j + 1)) i++;
    else j++;
  }
}
