/**
 * Word-level sequence alignment of two key lists (the recognizer's words and
 * the edited text's), in the way of patience diff and BBC's stt-align:
 *
 * 1. Anchors: keys that occur exactly once in each list, paired, and the
 *    longest chain of pairs in order on both sides (longest increasing
 *    subsequence, O(k log k)).
 * 2. Between consecutive anchors, an edit-distance alignment (match 0,
 *    substitution 1.01, insertion or deletion 1) in a band around the gap's
 *    diagonal, so the cost stays near linear in the input: a gap is never
 *    wider than `maxCells` cells.
 *
 * No recursion, no spread of data-sized arrays into arguments.
 */

/** For each key of `b`: the index of the key of `a` it lines up with (a match or a substitution), or -1. */
export interface SequenceAlignment {
  toA: Int32Array;
  /** 1 where the pair is an exact match, 0 for a substitution or no pair. */
  exact: Uint8Array;
}

export interface SequenceOptions {
  /** Most DP cells for one gap between anchors. Default 2e7. */
  maxCells?: number;
}

function uniqueAnchors(a: readonly string[], b: readonly string[]): [number, number][] {
  const countA = new Map<string, number>();
  const posA = new Map<string, number>();
  a.forEach((k, i) => {
    countA.set(k, (countA.get(k) ?? 0) + 1);
    posA.set(k, i);
  });
  const countB = new Map<string, number>();
  for (const k of b) countB.set(k, (countB.get(k) ?? 0) + 1);
  const pairs: [number, number][] = [];
  b.forEach((k, j) => {
    if (countA.get(k) === 1 && countB.get(k) === 1) pairs.push([posA.get(k)!, j]);
  });
  return longestChain(pairs);
}

/** The longest subsequence of `pairs` (sorted by their second) whose firsts rise. */
function longestChain(pairs: readonly [number, number][]): [number, number][] {
  const tails: number[] = [];
  const prev = new Int32Array(pairs.length).fill(-1);
  for (let k = 0; k < pairs.length; k++) {
    const x = pairs[k]![0];
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[tails[mid]!]![0] < x) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[k] = tails[lo - 1]!;
    tails[lo] = k;
  }
  const out: [number, number][] = [];
  for (let k = tails.length ? tails[tails.length - 1]! : -1; k >= 0; k = prev[k]!) out.push(pairs[k]!);
  return out.reverse();
}

/**
 * A substitution costs a little more than one insertion or deletion, less than both: of two pairings with the
 * same number of edits, the one with more exact matches wins ("under a tree" against "the tree um It" pairs
 * tree with tree, not three substitutions in a row).
 */
const SUBSTITUTE = 1.01;
const DIAG = 1;
const UP = 2; // a key of `a` left unpaired (deleted from the text)
const LEFT = 3; // a key of `b` left unpaired (inserted in the text)

/** Banded edit-distance alignment of a[a0, a1) with b[b0, b1), written into `out`. */
function alignGap(a: readonly string[], b: readonly string[], a0: number, a1: number, b0: number, b1: number, out: SequenceAlignment, maxCells: number): void {
  const n = a1 - a0;
  const m = b1 - b0;
  if (n === 0 || m === 0) return;
  let w = Math.max(n, m);
  if ((n + 1) * (m + 1) > maxCells) w = Math.abs(n - m) + 64;
  if ((n + 1) * (2 * w + 1) > maxCells) return; // too big to pair with no anchor: left unpaired
  const lo = new Int32Array(n + 1);
  const hi = new Int32Array(n + 1);
  const rowAt = new Int32Array(n + 2);
  for (let i = 0; i <= n; i++) {
    const c = n ? (i * m) / n : 0;
    lo[i] = Math.max(0, Math.floor(c - w));
    hi[i] = Math.min(m, Math.ceil(c + w));
    rowAt[i + 1] = rowAt[i]! + (hi[i]! - lo[i]! + 1);
  }
  const dir = new Uint8Array(rowAt[n + 1]!);
  let prev = new Float64Array(m + 1);
  let cur = new Float64Array(m + 1);
  for (let j = lo[0]!; j <= hi[0]!; j++) {
    prev[j] = j;
    dir[rowAt[0]! + j - lo[0]!] = LEFT;
  }
  for (let i = 1; i <= n; i++) {
    const key = a[a0 + i - 1];
    const pLo = lo[i - 1]!;
    const pHi = hi[i - 1]!;
    for (let j = lo[i]!; j <= hi[i]!; j++) {
      // Cells outside the band of their row are unreachable.
      let best = j >= pLo && j <= pHi ? prev[j]! + 1 : Infinity;
      let d = UP;
      if (j > 0 && j - 1 >= pLo && j - 1 <= pHi) {
        const sub = prev[j - 1]! + (key === b[b0 + j - 1] ? 0 : SUBSTITUTE);
        if (sub <= best) {
          best = sub;
          d = DIAG;
        }
      }
      if (j > lo[i]!) {
        const ins = cur[j - 1]! + 1;
        if (ins < best) {
          best = ins;
          d = LEFT;
        }
      }
      cur[j] = best;
      dir[rowAt[i]! + j - lo[i]!] = d;
    }
    [prev, cur] = [cur, prev];
  }
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const d = j >= lo[i]! && j <= hi[i]! ? dir[rowAt[i]! + j - lo[i]!]! : i > 0 ? UP : LEFT;
    if (i > 0 && j > 0 && d === DIAG) {
      out.toA[b0 + j - 1] = a0 + i - 1;
      out.exact[b0 + j - 1] = a[a0 + i - 1] === b[b0 + j - 1] ? 1 : 0;
      i--;
      j--;
    } else if (i > 0 && (d === UP || j === 0)) i--;
    else j--;
  }
}

/** Aligns `b` (the edited text's keys) with `a` (the recognizer's). */
export function alignSequences(a: readonly string[], b: readonly string[], options: SequenceOptions = {}): SequenceAlignment {
  const out: SequenceAlignment = { toA: new Int32Array(b.length).fill(-1), exact: new Uint8Array(b.length) };
  const maxCells = options.maxCells ?? 2e7;
  const anchors = uniqueAnchors(a, b);
  let pa = 0;
  let pb = 0;
  for (const [ia, ib] of anchors) {
    alignGap(a, b, pa, ia, pb, ib, out, maxCells);
    out.toA[ib] = ia;
    out.exact[ib] = 1;
    pa = ia + 1;
    pb = ib + 1;
  }
  alignGap(a, b, pa, a.length, pb, b.length, out, maxCells);
  slideLeft(a, b, out);
  return out;
}

/**
 * Among pairings of equal cost, keep the text together: a text key paired
 * across a run of unpaired recognizer keys moves back to the first key of
 * that run when it is the same word, so what the text lacks ("…a small
 * script [I still have that script somewhere]…") stays in one piece after
 * the words the text has, not split around a repeated word.
 */
function slideLeft(a: readonly string[], b: readonly string[], out: SequenceAlignment): void {
  let prev = -1;
  for (let j = 0; j < b.length; j++) {
    const at = out.toA[j]!;
    if (at < 0) continue;
    if (at > prev + 1 && a[prev + 1] === b[j] && out.exact[j]) out.toA[j] = prev + 1;
    prev = out.toA[j]!;
  }
}
