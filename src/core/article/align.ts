/**
 * Word-sequence alignment in near-linear time and bounded memory: a common
 * subsequence of two word lists (integer ids), found the way patience diff
 * finds it, with every step's cost bounded.
 *
 * 1. Anchors: n-grams (three words, then single words) that occur exactly
 *    once on each side of a region, found with one pass over each side and
 *    an open-addressed hash table (no string keys, no per-word objects); the
 *    longest chain of them in order on both sides (patience sorting,
 *    O(k log k)) splits the region into the gaps between anchors.
 * 2. Gaps: common ends are paired first; a gap small enough (at most
 *    `dpCells` word pairs) is aligned exactly by dynamic programming; a
 *    larger one gets anchors of its own, at most `levels` times over, so the
 *    whole input is scanned a bounded number of times; past that, a banded
 *    pass along the gap's diagonal pairs what lies near it, in chunks of
 *    bounded size (O(rows · band) time, O(chunk · band) memory).
 *
 * No recursion and no argument spreads: a work list of regions. As a
 * generator it yields every few thousand units of work, so a caller can
 * hand the event loop back between slices (see `alignSteps`).
 * Pure: no DOM.
 */

/** Tuning of `alignWords`; the defaults suit articles of any size. */
export interface AlignOptions {
  /** Regions with at most this many cells (words × words) are aligned exactly. Default 160,000. */
  dpCells?: number;
  /** How many times a region may be split at anchors before it is aligned in bands. Default 4. */
  levels?: number;
  /** Half-width (words) of the band searched around a region's diagonal. Default 64. */
  band?: number;
  /** Rows (words of `a`) per chunk of a banded pass. Default 4096. */
  chunk?: number;
}

/** Units of work (cells, words scanned) between two yields of `alignSteps`. */
export const ALIGN_STEP = 16_384;

/**
 * For each position of `a`, the position of `b` it is aligned with, or -1.
 * The pairs are increasing on both sides and pair only equal ids.
 */
export function alignWords(a: Int32Array, b: Int32Array, options: AlignOptions = {}): Int32Array {
  const match = new Int32Array(a.length).fill(-1);
  const steps = alignSteps(a, b, match, options);
  while (!steps.next().done);
  return match;
}

/**
 * `alignWords` as a generator: fills `match` (length `a.length`, all -1) and
 * yields every {@link ALIGN_STEP} units of work or so.
 */
export function* alignSteps(a: Int32Array, b: Int32Array, match: Int32Array, options: AlignOptions = {}): Generator<void, void, void> {
  const dpCells = options.dpCells ?? 160_000;
  const levels = options.levels ?? 4;
  const band = options.band ?? 64;
  const chunk = options.chunk ?? 4096;
  // The work list: a0, a1, b0, b1, level per region.
  const work: number[] = [0, a.length, 0, b.length, 0];
  let done = 0;
  while (work.length) {
    const level = work.pop()!;
    let b1 = work.pop()!;
    let b0 = work.pop()!;
    let a1 = work.pop()!;
    let a0 = work.pop()!;
    const from = a0;
    // Common ends first: the usual case of a gap is two runs that agree at their edges.
    while (a0 < a1 && b0 < b1 && a[a0] === b[b0]) match[a0++] = b0++;
    while (a0 < a1 && b0 < b1 && a[a1 - 1] === b[b1 - 1]) match[--a1] = --b1;
    done += a0 - from;
    const n = a1 - a0;
    const m = b1 - b0;
    if (n > 0 && m > 0) {
      if (n * m <= dpCells) {
        lcs(a, b, a0, a1, b0, b1, match);
        done += n * m;
      } else {
        let anchors: Int32Array | null = null;
        if (level < levels) {
          anchors = yield* chain(yield* uniquePairs(a, b, a0, a1, b0, b1, 3));
          anchors ??= yield* chain(yield* uniquePairs(a, b, a0, a1, b0, b1, 1));
        }
        done += n + m;
        if (anchors) {
          let pa = a0;
          let pb = b0;
          for (let k = 0; k < anchors.length; k += 2) {
            const i = anchors[k]!;
            const j = anchors[k + 1]!;
            work.push(pa, i, pb, j, level + 1);
            match[i] = j;
            pa = i + 1;
            pb = j + 1;
          }
          work.push(pa, a1, pb, b1, level + 1);
        } else if (n > chunk) {
          // Too long for one banded pass: chunks along the diagonal, each aligned on its own.
          for (let s = a0; s < a1; s += chunk) {
            const e = Math.min(a1, s + chunk);
            work.push(s, e, b0 + Math.floor(((s - a0) * m) / n), e === a1 ? b1 : b0 + Math.floor(((e - a0) * m) / n), levels);
          }
        } else {
          // Nothing in common that is unique on both sides: a banded pass along the diagonal
          // still pairs what lies near it (one side edited beyond recognition, or repeated text).
          banded(a, b, a0, a1, b0, b1, match, band);
          done += (n + m) * (2 * band + 1);
        }
      }
    }
    if (done >= ALIGN_STEP) {
      done = 0;
      yield;
    }
  }
}

/** Words scanned (or anchors chained) between two yields of a long scan, less one (a power of two, less one). */
const SCAN_MASK = 8191;

/** Mixes three word ids into a 32-bit hash. */
function hash3(x: number, y: number, z: number): number {
  let h = Math.imul(x, 0x9e3779b1) ^ Math.imul(y + 0x7f4a7c15, 0x85ebca77) ^ Math.imul(z + 0x165667b1, 0xc2b2ae3d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return h ^ (h >>> 12);
}

/**
 * Positions (i in a, j in b), flat and increasing in i, of n-grams (n = 1 or 3) that start
 * there and occur exactly once in each side of the region. One pass over each side.
 */
function* uniquePairs(a: Int32Array, b: Int32Array, a0: number, a1: number, b0: number, b1: number, n: number): Generator<void, Int32Array, void> {
  const count = a1 - a0 - n + 1;
  if (count <= 0 || b1 - b0 < n) return new Int32Array(0);
  let size = 16;
  while (size < count * 2) size *= 2;
  const mask = size - 1;
  // Per slot: the n-gram's first position in a (-1: empty), and its count on each side and position in b.
  const posA = new Int32Array(size).fill(-1);
  const cntA = new Int32Array(size);
  const cntB = new Int32Array(size);
  const posB = new Int32Array(size);
  const same = (s: Int32Array, i: number, p: number): boolean => (n === 1 ? s[i] === a[p] : s[i] === a[p] && s[i + 1] === a[p + 1] && s[i + 2] === a[p + 2]);
  const slotOf = (s: Int32Array, i: number, insert: boolean): number => {
    let h = (n === 1 ? hash3(s[i]!, 0, 0) : hash3(s[i]!, s[i + 1]!, s[i + 2]!)) & mask;
    for (;;) {
      const p = posA[h]!;
      if (p < 0) {
        if (!insert) return -1;
        posA[h] = i;
        return h;
      }
      if (same(s, i, p)) return h;
      h = (h + 1) & mask;
    }
  };
  // The slot of each n-gram of a, so the last pass need not look it up again.
  const slots = new Int32Array(count);
  for (let i = a0; i + n <= a1; i++) {
    const h = slotOf(a, i, true);
    slots[i - a0] = h;
    cntA[h]!++;
    if (((i - a0) & SCAN_MASK) === SCAN_MASK) yield;
  }
  for (let j = b0; j + n <= b1; j++) {
    if (((j - b0) & SCAN_MASK) === SCAN_MASK) yield;
    const h = slotOf(b, j, false);
    if (h < 0) continue;
    cntB[h]!++;
    posB[h] = j;
  }
  let found = 0;
  const out = new Int32Array(2 * Math.min(count, b1 - b0));
  for (let i = 0; i < count; i++) {
    const h = slots[i]!;
    if (cntA[h] !== 1 || cntB[h] !== 1) continue;
    out[found++] = a0 + i;
    out[found++] = posB[h]!;
  }
  return out.subarray(0, found);
}

/** The longest chain of pairs (flat i, j; increasing in i) increasing on both sides, flat; null when there are none. Patience sorting, O(k log k). */
function* chain(pairs: Int32Array): Generator<void, Int32Array | null, void> {
  const k = pairs.length >> 1;
  if (!k) return null;
  const tails = new Int32Array(k);
  let len = 0;
  const prev = new Int32Array(k);
  for (let p = 0; p < k; p++) {
    if ((p & SCAN_MASK) === SCAN_MASK) yield;
    const j = pairs[2 * p + 1]!;
    let lo = 0;
    let hi = len;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (pairs[2 * tails[mid]! + 1]! < j) lo = mid + 1;
      else hi = mid;
    }
    prev[p] = lo > 0 ? tails[lo - 1]! : -1;
    tails[lo] = p;
    if (lo === len) len++;
  }
  const out = new Int32Array(2 * len);
  let w = len;
  for (let p = tails[len - 1]!; p >= 0; p = prev[p]!) {
    w--;
    out[2 * w] = pairs[2 * p]!;
    out[2 * w + 1] = pairs[2 * p + 1]!;
  }
  return out;
}

/** Exact longest common subsequence of a small region. */
function lcs(a: Int32Array, b: Int32Array, a0: number, a1: number, b0: number, b1: number, match: Int32Array): void {
  const n = a1 - a0;
  const m = b1 - b0;
  const w = m + 1;
  const t = new Uint32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    const ai = a[a0 + i];
    for (let j = m - 1; j >= 0; j--) {
      t[i * w + j] = ai === b[b0 + j] ? t[(i + 1) * w + j + 1]! + 1 : Math.max(t[(i + 1) * w + j]!, t[i * w + j + 1]!);
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

/** Longest common subsequence restricted to a band around the diagonal: O((n + m) · band) time and memory. */
function banded(a: Int32Array, b: Int32Array, a0: number, a1: number, b0: number, b1: number, match: Int32Array, band: number): void {
  const n = a1 - a0;
  const m = b1 - b0;
  const width = 2 * band + 1;
  // Row i covers columns centre(i) - band .. centre(i) + band.
  const centre = (i: number): number => Math.round((i * m) / n);
  const t = new Uint32Array((n + 1) * width);
  const at = (i: number, j: number): number => {
    if (i >= n || j >= m) return 0;
    const d = j - centre(i) + band;
    return d < 0 || d >= width ? 0 : t[i * width + d]!;
  };
  for (let i = n - 1; i >= 0; i--) {
    const c = centre(i);
    for (let d = width - 1; d >= 0; d--) {
      const j = c - band + d;
      if (j < 0 || j >= m) continue;
      t[i * width + d] = a[a0 + i] === b[b0 + j] ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
    }
  }
  let i = 0;
  let j = Math.max(0, centre(0) - band);
  while (i < n && j < m) {
    if (a[a0 + i] === b[b0 + j]) {
      match[a0 + i] = b0 + j;
      i++;
      j++;
    } else if (at(i + 1, j) >= at(i, j + 1)) i++;
    else j++;
  }
}
