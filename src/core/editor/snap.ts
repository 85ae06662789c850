import type { Pause } from './pauses.js';

/**
 * Snapping estimated boundaries to nearby pauses, keeping their order: for
 * boundaries already roughly right (after manual edits, or a re-snap of a
 * few cues), where `align`'s full search is not needed.
 */

/** A boundary time and how far off it may be. */
export interface BoundaryEstimate {
  /** Seconds. */
  time: number;
  /** Seconds (one standard deviation); the search reaches 3× this. */
  uncertainty: number;
}

/** Where a boundary snapped to. */
export interface SnappedBoundary {
  /** The pause's start (the earlier cue's end), or the estimate when not snapped. */
  end: number;
  /** The pause's end (the later cue's start), or the estimate when not snapped. */
  start: number;
  /** Index into the pauses, or -1. */
  pause: number;
  /** 0-1: near, deep, long and unrivalled pauses score high. */
  confidence: number;
}

/** Cost of leaving a boundary where it is. */
const NO_PAUSE = 3;

function matchCost(b: BoundaryEstimate, p: Pause): number {
  const d = b.time < p.start ? p.start - b.time : b.time > p.end ? b.time - p.end : 0;
  const sigma = Math.max(0.02, b.uncertainty);
  const len = p.end - p.start;
  return 0.5 * (d / sigma) ** 2 + (1 - p.depth) + 0.5 * Math.max(0, Math.log(0.3 / Math.max(len, 0.01)));
}

/**
 * Moves each boundary to the best pause within three uncertainties, so that
 * no two boundaries share a pause and their order is kept (an edit-distance
 * style dynamic programme over boundaries × pauses). Boundaries with no
 * good pause stay put, with low confidence. `boundaries` must be in order.
 */
export function snapToPauses(boundaries: readonly BoundaryEstimate[], pauses: readonly Pause[]): SnappedBoundary[] {
  const B = boundaries.length;
  const P = pauses.length;
  const W = P + 1;
  // D[i][j]: best cost of the first i boundaries using only pauses before j.
  const D = new Float64Array((B + 1) * W).fill(Infinity);
  const move = new Uint8Array((B + 1) * W); // 0 skip pause, 1 boundary unsnapped, 2 match
  for (let j = 0; j <= P; j++) D[j] = 0;
  for (let i = 1; i <= B; i++) {
    const b = boundaries[i - 1]!;
    const reach = 3 * Math.max(0.02, b.uncertainty);
    for (let j = 0; j <= P; j++) {
      let best = D[(i - 1) * W + j]! + NO_PAUSE;
      let how = 1;
      if (j > 0) {
        const skip = D[i * W + j - 1]!;
        if (skip < best) [best, how] = [skip, 0];
        const p = pauses[j - 1]!;
        if (p.end >= b.time - reach && p.start <= b.time + reach) {
          const m = D[(i - 1) * W + j - 1]! + matchCost(b, p);
          if (m < best) [best, how] = [m, 2];
        }
      }
      D[i * W + j] = best;
      move[i * W + j] = how;
    }
  }
  const out: SnappedBoundary[] = new Array<SnappedBoundary>(B);
  let i = B;
  let j = P;
  while (i > 0) {
    const how = move[i * W + j];
    if (how === 0) {
      j--;
      continue;
    }
    const b = boundaries[i - 1]!;
    if (how === 2) {
      const p = pauses[j - 1]!;
      out[i - 1] = { end: p.start, start: p.end, pause: j - 1, confidence: confidenceOf(b, pauses, j - 1) };
      j--;
    } else {
      out[i - 1] = { end: b.time, start: b.time, pause: -1, confidence: 0.1 };
    }
    i--;
  }
  return out;
}

/** Share of the chosen pause among the boundary's options (a softmax of costs), with "no pause" as one option. */
function confidenceOf(b: BoundaryEstimate, pauses: readonly Pause[], chosen: number): number {
  const reach = 3 * Math.max(0.02, b.uncertainty);
  const mine = Math.exp(-matchCost(b, pauses[chosen]!));
  let sum = mine + Math.exp(-NO_PAUSE);
  for (let k = 0; k < pauses.length; k++) {
    const p = pauses[k]!;
    if (k === chosen || p.end < b.time - reach || p.start > b.time + reach) continue;
    sum += Math.exp(-matchCost(b, p));
  }
  return mine / sum;
}
