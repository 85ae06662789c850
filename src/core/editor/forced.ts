import type { Pause } from './pauses.js';
import type { GapKind } from './spread.js';

/**
 * Pause-level forced alignment of a run of cues between two known times.
 *
 * Every gap between cues must sit in a pause of the audio, in order, so the
 * problem is choosing one pause per gap. A choice is scored on
 *  - speech time: the speech between a cue's two pauses (pauses skipped
 *    inside it not counted) against its text weight at the speaker's rate,
 *    on a log scale, so a cue may run 25% fast or slow at little cost;
 *  - skipped pauses: a long silence inside a cue is unlikely;
 *  - the pause itself: a paragraph or speaker change expects a longer pause
 *    than a comma-split clause.
 * Dynamic programming over (gap, pause) finds the cheapest choice; up to
 * `maxGroup` cues may share one stretch of speech with no pause between
 * them (a speaker running sentences together), at a cost. A backward pass
 * gives, for each gap, how much worse its best alternative pause is: the
 * confidence.
 */

/** One cue of the run. */
export interface ForcedCue {
  /** Text weight (syllable units). */
  weight: number;
  /** Speakers get their own speech rate. */
  speaker: string;
}

/** Options for `forceAlign`. */
export interface ForcedOptions {
  /** Most cues one stretch of speech may hold. Default 3. */
  maxGroup?: number;
  /** Spread of ln(actual / expected speech time). Default 0.25. */
  sigma?: number;
  /** Cost of each gap with no pause of its own. Default 6. */
  groupPenalty?: number;
  /** Typical pause for each gap kind, seconds. */
  pauses: Readonly<Record<GapKind, number>>;
  /** Rate passes: after each, the speakers' rates are re-estimated. Default 3. */
  passes?: number;
}

/** Where each gap went: a pause, or inside shared speech. */
export interface ForcedResult {
  starts: Float64Array;
  ends: Float64Array;
  /** Per gap (m + 1): the pause index chosen, or -1 when the gap is inside shared speech. */
  pauseOf: Int32Array;
  /** Per gap: 0-1. */
  confidence: Float64Array;
}

const skipCost = (len: number): number => (Math.max(0, len - 0.1) / 0.15) ** 2;

function gapCost(kind: GapKind, len: number, prior: number): number {
  if (kind === 'edge') return 0;
  const z = Math.log(Math.max(len, 0.02) / prior) / 0.6;
  // Only a pause shorter than usual is penalised in full: a long one is plausible anywhere.
  return 0.5 * (z < 0 ? z * z : 0.25 * z * z);
}

/**
 * Aligns `cues` to `pauses` (sorted; the first must be the pause before the
 * first cue, the last the one after the last cue: pass zero-length pauses
 * at the run's ends when the speech starts or stops right there).
 */
export function forceAlign(cues: readonly ForcedCue[], kinds: readonly GapKind[], pauses: readonly Pause[], options: ForcedOptions): ForcedResult {
  const steps = forceAlignSteps(cues, kinds, pauses, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * `forceAlign` as a generator that yields its progress (0-1) after each row
 * of the dynamic programme, so a caller can report progress, give the event
 * loop a turn and stop early.
 */
export function* forceAlignSteps(
  cues: readonly ForcedCue[],
  kinds: readonly GapKind[],
  pauses: readonly Pause[],
  options: ForcedOptions,
): Generator<number, ForcedResult> {
  const m = cues.length;
  const P = pauses.length;
  const G = Math.max(1, options.maxGroup ?? 3);
  const sigma = options.sigma ?? 0.25;
  const groupPenalty = options.groupPenalty ?? 6;

  // Speech time before each pause, and skip costs as prefix sums.
  const C = new Float64Array(P);
  const SK = new Float64Array(P + 1);
  for (let k = 1; k < P; k++) C[k] = C[k - 1]! + Math.max(0, pauses[k]!.start - pauses[k - 1]!.end);
  for (let k = 0; k < P; k++) SK[k + 1] = SK[k]! + skipCost(pauses[k]!.end - pauses[k]!.start);
  const total = C[P - 1] ?? 0;
  const totalWeight = cues.reduce((s, c) => s + c.weight, 0);
  const rates = new Map<string, number>();
  const globalRate = totalWeight / Math.max(total, 1e-3);

  let result: ForcedResult | null = null;
  const passes = options.passes ?? 3;
  for (let pass = 0; pass < passes; pass++) {
    const expected = cues.map((c) => c.weight / (rates.get(c.speaker) ?? globalRate));
    const E = new Float64Array(m + 1); // prefix sums of expected speech time
    for (let i = 0; i < m; i++) E[i + 1] = E[i]! + expected[i]!;
    const scale = total / Math.max(E[m]!, 1e-6);
    // Band: gap g's pause lies within this speech-time distance of where the text puts it.
    const band = Math.max(30, 0.15 * total);
    const lo = new Int32Array(m + 1);
    const hi = new Int32Array(m + 1);
    for (let g = 0; g <= m; g++) {
      const at = E[g]! * scale;
      lo[g] = g === 0 ? 0 : g === m ? P - 1 : lowerBound(C, at - band);
      hi[g] = g === 0 ? 0 : g === m ? P - 1 : Math.min(P - 1, lowerBound(C, at + band + 1e-9) - 1);
    }
    const offset = new Int32Array(m + 2);
    for (let g = 0; g <= m; g++) offset[g + 1] = offset[g]! + Math.max(0, hi[g]! - lo[g]! + 1);
    const size = offset[m + 1]!;
    const fwd = new Float64Array(size).fill(Infinity);
    const bwd = new Float64Array(size).fill(Infinity);
    const fromPause = new Int32Array(size).fill(-1);
    const fromGroup = new Int8Array(size);
    const cell = (g: number, p: number): number => (p < lo[g]! || p > hi[g]! ? -1 : offset[g]! + p - lo[g]!);

    /** Calls `visit` for every transition from state (g0, a): group of s cues ending at pause b. */
    const transitions = (g0: number, a: number, visit: (g: number, b: number, s: number, cost: number) => void): void => {
      for (let s = 1; s <= G && g0 + s <= m; s++) {
        const g = g0 + s;
        const e = E[g]! - E[g0]!;
        const from = Math.max(a + 1, lowerBound(C, C[a]! + e / 3), lo[g]!);
        const limit = C[a]! + 3 * e + 0.5;
        for (let b = from; b <= hi[g]! && C[b]! <= limit; b++) {
          const speech = C[b]! - C[a]!;
          if (speech < 0.05 * s) continue;
          const z = Math.log(speech / e) / sigma;
          const len = pauses[b]!.end - pauses[b]!.start;
          const cost = 0.5 * z * z + (SK[b]! - SK[a + 1]!) + groupPenalty * (s - 1) + gapCost(kinds[g]!, len, options.pauses[kinds[g]!]);
          visit(g, b, s, cost);
        }
      }
    };

    fwd[cell(0, 0)] = 0;
    for (let g0 = 0; g0 < m; g0++) {
      for (let a = lo[g0]!; a <= hi[g0]!; a++) {
        const base = fwd[cell(g0, a)]!;
        if (base === Infinity) continue;
        transitions(g0, a, (g, b, s, cost) => {
          const k = cell(g, b);
          if (base + cost < fwd[k]!) {
            fwd[k] = base + cost;
            fromPause[k] = a;
            fromGroup[k] = s;
          }
        });
      }
      yield (pass + (g0 / m) * 0.5) / passes;
    }
    const end = cell(m, P - 1);
    if (end < 0 || fwd[end] === Infinity) break;
    bwd[end] = 0;
    for (let g0 = m - 1; g0 >= 0; g0--) {
      for (let a = lo[g0]!; a <= hi[g0]!; a++) {
        const k0 = cell(g0, a);
        if (fwd[k0] === Infinity) continue;
        let best = Infinity;
        transitions(g0, a, (g, b, _s, cost) => {
          const v = cost + bwd[cell(g, b)]!;
          if (v < best) best = v;
        });
        bwd[k0] = best;
      }
      yield (pass + 0.5 + ((m - g0) / m) * 0.5) / passes;
    }
    result = backtrack({ m, pauses, C, E, fwd, bwd, fromPause, fromGroup, cell, lo, hi, end });

    // Re-estimate each speaker's rate from the cues that got a stretch of their own.
    const sums = new Map<string, { w: number; t: number }>();
    for (let i = 0; i < m; i++) {
      if (result.pauseOf[i]! < 0 || result.pauseOf[i + 1]! < 0) continue;
      const s = sums.get(cues[i]!.speaker) ?? { w: 0, t: 0 };
      s.w += cues[i]!.weight;
      s.t += C[result.pauseOf[i + 1]!]! - C[result.pauseOf[i]!]!;
      sums.set(cues[i]!.speaker, s);
    }
    for (const [speaker, s] of sums) if (s.t > 5) rates.set(speaker, s.w / s.t);
  }
  return result ?? { starts: new Float64Array(m), ends: new Float64Array(m), pauseOf: new Int32Array(m + 1).fill(-1), confidence: new Float64Array(m + 1) };
}

interface Tables {
  m: number;
  pauses: readonly Pause[];
  C: Float64Array;
  E: Float64Array;
  fwd: Float64Array;
  bwd: Float64Array;
  fromPause: Int32Array;
  fromGroup: Int8Array;
  cell: (g: number, p: number) => number;
  lo: Int32Array;
  hi: Int32Array;
  end: number;
}

function backtrack(t: Tables): ForcedResult {
  const { m, pauses, C, E } = t;
  const starts = new Float64Array(m);
  const ends = new Float64Array(m);
  const pauseOf = new Int32Array(m + 1).fill(-1);
  const confidence = new Float64Array(m + 1).fill(0.15);
  let g = m;
  let b = pauses.length - 1;
  while (g > 0) {
    const k = t.cell(g, b);
    const a = t.fromPause[k]!;
    const s = t.fromGroup[k]!;
    const g0 = g - s;
    pauseOf[g] = b;
    confidence[g] = gapConfidence(t, g, b);
    ends[g - 1] = pauses[b]!.start;
    starts[g0] = pauses[a]!.end;
    // Cues sharing the stretch: split its speech time by expected length.
    for (let i = g0 + 1; i < g; i++) {
      const c = C[a]! + ((E[i]! - E[g0]!) / (E[g]! - E[g0]!)) * (C[b]! - C[a]!);
      let p = a;
      while (p + 1 < b && C[p + 1]! <= c) p++;
      const time = pauses[p]!.end + (c - C[p]!);
      const next = pauses[p + 1]!;
      const near = p + 1 < b && C[p + 1]! - c < 0.3;
      ends[i - 1] = near ? next.start : time;
      starts[i] = near ? next.end : time;
    }
    g = g0;
    b = a;
  }
  pauseOf[0] = 0;
  confidence[0] = 1;
  confidence[m] = 1;
  return { starts, ends, pauseOf, confidence };
}

/** 1 when every other pause for gap g costs much more overall; lower as near-equal alternatives further away appear. */
function gapConfidence(t: Tables, g: number, chosen: number): number {
  const best = t.fwd[t.cell(g, chosen)]! + t.bwd[t.cell(g, chosen)]!;
  const at = (t.pauses[chosen]!.start + t.pauses[chosen]!.end) / 2;
  let rivals = 0;
  for (let p = t.lo[g]!; p <= t.hi[g]!; p++) {
    if (p === chosen) continue;
    const k = t.cell(g, p);
    const cost = t.fwd[k]! + t.bwd[k]! - best;
    if (!Number.isFinite(cost)) continue;
    const mid = (t.pauses[p]!.start + t.pauses[p]!.end) / 2;
    rivals += Math.exp(-Math.max(0, cost)) * Math.min(1, Math.abs(mid - at) / 0.25);
  }
  return 1 / (1 + rivals);
}

/** First index whose value is >= x (values ascending). */
export function lowerBound(values: Float64Array, x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
