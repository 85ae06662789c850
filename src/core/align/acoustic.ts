import { AlignAbortError, relayoutChapters, type AlignedBoundary, type AlignResult } from '../editor/align.js';
import { plainText } from '../editor/cue-text.js';
import type { Pause } from '../editor/pauses.js';
import { ms, type EditCue, type EditorSession } from '../editor/session.js';
import { retime } from '../editor/spread.js';
import { multiscaleDtw, type DtwOptions, type WarpPath } from './dtw.js';
import { wordsOf, type Synthesized } from './flite.js';
import { COEFFS, HOP, mfcc, normalise, type Features } from './mfcc.js';
import { withWordTimes } from './word-times.js';

/**
 * Acoustic alignment (the aeneas / echogarden method): speak the text with a
 * reference voice, compute MFCC of that speech and of the recording, warp
 * one onto the other with DTW, and carry every word's time in the
 * synthesized speech across the warp.
 *
 * - Cues the editor fixed are anchors: each free run between them is aligned
 *   on its own stretch of the recording.
 * - Each run's synthesized speech gets a pause before, between sentences and
 *   after, so a stretch of the recording with nothing of the text in it
 *   (music, fillers, a sentence missing from the text) warps onto a pause:
 *   it is absorbed between its neighbours, and the boundary there is flagged.
 * - A sentence of the text that the recording lacks warps onto almost no
 *   recording (its frames go vertical): it is flagged, and kept at the
 *   length it got (never stretched over its neighbours).
 * - A boundary's confidence comes from how well the two sides match around
 *   it (local DTW distance against the run's typical distance) and from the
 *   flags above.
 */

/** Speaks sentences: `Flite.synthesize`, or any voice with word times. */
export interface ReferenceVoice {
  synthesize(sentences: readonly string[]): Promise<Synthesized>;
}

/** A word's time in the recording. */
export interface AlignedWord {
  text: string;
  start: number;
  end: number;
}

/** Why a boundary is up for review. */
export type ReviewReason = 'low-match' | 'unspoken' | 'unscripted';

export interface AcousticResult extends AlignResult {
  /** Per cue: its words with times (empty for an anchor). */
  words: AlignedWord[][];
  /** Cues whose text the recording seems not to contain. */
  unspoken: number[];
  /** Boundaries where the recording holds speech that the text lacks, with its extent. */
  unscripted: { boundary: number; start: number; end: number }[];
  /** Per boundary: why it is in `review` (absent when it is not). */
  reasons: Partial<Record<number, ReviewReason>>;
}

export interface AcousticOptions {
  voice: ReferenceVoice;
  onProgress?: (fraction: number, phase: 'pauses' | 'align' | 'done') => void;
  signal?: { readonly aborted: boolean };
  yieldControl?: () => Promise<void>;
  /** Boundaries under this confidence are listed in `review`. Default 0.5. */
  reviewBelow?: number;
  /** Pauses of the recording (from the envelope): boundaries snap to clear ones; passed through to the result for checks. */
  pauses?: readonly Pause[];
  /**
   * The pause aligner's result for the same session (`align`). Where it placed a boundary in a pause with
   * confidence of at least 0.8 and within AGREE of the warp's, its times are kept: on recordings with clean
   * pauses between sentences they are exact, and the warp only confirms them.
   */
  pauseResult?: AlignResult;
  /** Write every word's start into its cue's text as a WebVTT timestamp (`<00:01:02.500>`). Default true. */
  wordTimestamps?: boolean;
  dtw?: DtwOptions;
}

/** Seconds of silence put around and between the sentences of the reference speech. */
const LEAD = 0.4;
const BETWEEN = 0.15;
/** Where a pause starts, between the run's quiet (10th percentile) and loud (90th) frame energy. */
const QUIET = 0.25;
/** A sentence given less than this fraction of its reference length, or of sounding frames, is taken as not spoken. */
const SQUEEZED = 0.35;
/** Flat cost of a recording frame absorbed by a reference pause (distances between normalised 13-coefficient frames run 2-6). */
const ABSORB = 3.5;

function silence(seconds: number, rate: number, seed: number): Float32Array {
  // A little noise, not digital silence: its log spectrum stays finite and steady.
  const out = new Float32Array(Math.round(seconds * rate));
  let s = seed;
  for (let i = 0; i < out.length; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    out[i] = ((s / 4294967296) - 0.5) * 2e-4;
  }
  return out;
}

/** The reference speech of one run: sentences with pauses between, and where each word lies in it. */
async function reference(voice: ReferenceVoice, sentences: string[]): Promise<{ features: Features; words: { start: number; end: number }[][]; sentenceSpans: { start: number; end: number }[] }> {
  const spoken = sentences.map((s) => (wordsOf(s).length ? s : ''));
  const idx = spoken.map((s, k) => (s ? k : -1)).filter((k) => k >= 0);
  const syn = idx.length ? await voice.synthesize(idx.map((k) => spoken[k]!)) : { samples: new Float32Array(0), sampleRate: 16000, words: [] };
  const rate = syn.sampleRate;
  // Cut the synthesized speech at each sentence's first word start and last word end, lay out with fixed pauses.
  const parts: Float32Array[] = [silence(LEAD, rate, 1)];
  let at = LEAD;
  const words: { start: number; end: number }[][] = sentences.map(() => []);
  const spans = sentences.map(() => ({ start: 0, end: 0 }));
  let synK = 0;
  for (let k = 0; k < sentences.length; k++) {
    if (k > 0) {
      parts.push(silence(BETWEEN, rate, k + 7));
      at += BETWEEN;
    }
    if (!spoken[k]) {
      spans[k] = { start: at, end: at };
      continue;
    }
    const ws = syn.words[synK++] ?? [];
    const from = Math.max(0, Math.floor((ws[0]?.start ?? 0) * rate));
    const to = Math.min(syn.samples.length, Math.ceil((ws[ws.length - 1]?.end ?? 0) * rate));
    const base = at - from / rate;
    parts.push(syn.samples.subarray(from, Math.max(from, to)));
    words[k] = ws.map((w) => ({ start: base + w.start, end: base + w.end }));
    spans[k] = { start: at, end: at + Math.max(0, to - from) / rate };
    at = spans[k]!.end;
  }
  parts.push(silence(LEAD, rate, 3));
  const total = parts.reduce((s, p) => s + p.length, 0);
  const all = new Float32Array(total);
  let o = 0;
  for (const p of parts) {
    all.set(p, o);
    o += p.length;
  }
  // The recording is analysed at 8 kHz (the editor's decode rate) and the features only look below 3.8 kHz:
  // halve a 16 kHz voice first, which halves the cost of its MFCC.
  return { features: rate >= 16000 && rate % 2 === 0 ? mfcc(halve(all), rate / 2) : mfcc(all, rate), words, sentenceSpans: spans };
}

/** Low-pass (a 31-tap windowed sinc at a quarter of the rate) and keep every other sample. */
function halve(x: Float32Array): Float32Array {
  const taps = 31;
  const h = new Float64Array(taps);
  const mid = (taps - 1) / 2;
  let sum = 0;
  for (let k = 0; k < taps; k++) {
    const t = k - mid;
    const sinc = t === 0 ? 0.5 : Math.sin(Math.PI * 0.5 * t) / (Math.PI * t);
    h[k] = sinc * (0.54 - 0.46 * Math.cos((2 * Math.PI * k) / (taps - 1)));
    sum += h[k]!;
  }
  for (let k = 0; k < taps; k++) h[k]! /= sum;
  const out = new Float32Array(Math.floor(x.length / 2));
  for (let i = 0; i < out.length; i++) {
    let v = 0;
    const c = 2 * i;
    for (let k = 0; k < taps; k++) {
      const at = c + k - mid;
      if (at >= 0 && at < x.length) v += h[k]! * x[at]!;
    }
    out[i] = v;
  }
  return out;
}

/** For each reference frame: the first and last recording frame the path maps it to. */
function frameMap(path: WarpPath, n: number): { first: Int32Array; last: Int32Array; cost: Float32Array } {
  const first = new Int32Array(n).fill(-1);
  const last = new Int32Array(n).fill(-1);
  const cost = new Float32Array(n);
  const count = new Int32Array(n);
  for (let k = 0; k < path.i.length; k++) {
    const i = path.i[k]!;
    const j = path.j[k]!;
    if (first[i]! < 0) first[i] = j;
    last[i] = j;
    cost[i]! += path.cost[k]!;
    count[i]!++;
  }
  for (let i = 0; i < n; i++) cost[i] = count[i]! ? cost[i]! / count[i]! : 0;
  return { first, last, cost };
}

/** Median of a numeric list. */
function median(values: ArrayLike<number>): number {
  const v = Array.from(values).sort((a, b) => a - b);
  return v.length ? v[v.length >> 1]! : 0;
}

/** Aligns every cue of `session` (all but the fixed ones) against `recording`'s MFCC frames. */
export async function alignAcoustic(session: EditorSession, recording: Features, options: AcousticOptions): Promise<AcousticResult> {
  const progress = options.onProgress ?? (() => {});
  const pass = options.yieldControl ?? (() => Promise.resolve());
  const check = async (): Promise<void> => {
    await pass();
    if (options.signal?.aborted) throw new AlignAbortError();
  };
  progress(0, 'align');
  await check();
  const duration = recording.frames * HOP || session.duration;
  const cues = session.cues;
  const n = cues.length;
  const starts = new Float64Array(n);
  const ends = new Float64Array(n);
  const confidence = new Float64Array(n + 1).fill(1);
  const reasons: Partial<Record<number, ReviewReason>> = {};
  const words: AlignedWord[][] = cues.map(() => []);
  const unspoken: number[] = [];
  const unscripted: { boundary: number; start: number; end: number }[] = [];
  const freeTotal = cues.filter((c) => !c.fixed).length || 1;
  let done = 0;

  for (let i = 0; i < n; ) {
    if (cues[i]!.fixed) {
      starts[i] = cues[i]!.startTime;
      ends[i] = cues[i]!.endTime;
      i++;
      continue;
    }
    let j = i;
    while (j < n && !cues[j]!.fixed) j++;
    const from = i > 0 ? cues[i - 1]!.endTime : 0;
    const to = j < n ? cues[j]!.startTime : duration;
    const sentences = cues.slice(i, j).map((c) => plainText(c.text));
    const share = (j - i) / freeTotal;
    const ref = await reference(options.voice, sentences);
    progress(0.95 * (done / freeTotal + 0.5 * share), 'align');
    await check();
    const f0 = Math.max(0, Math.min(recording.frames - 1, Math.floor(from / HOP)));
    const f1 = Math.max(f0 + 1, Math.min(recording.frames, Math.ceil(to / HOP)));
    const a = normalise(ref.features);
    const b = normalise(recording, f0, f1);
    const N = ref.features.frames;
    // Pauses between the reference's sentences (and before and after) absorb recording frames at a flat cost:
    // what the text lacks (music, fillers, an unscripted sentence) lands there rather than in a sentence.
    const absorb = new Float32Array(N).fill(Infinity);
    const pauseAt = (x: number, y: number): void => {
      for (let f = Math.max(0, Math.round(x / HOP) + 2); f < Math.min(N, Math.round(y / HOP) - 2); f++) absorb[f] = ABSORB;
    };
    pauseAt(0, ref.sentenceSpans[0]?.start ?? N * HOP);
    for (let k = 1; k < ref.sentenceSpans.length; k++) pauseAt(ref.sentenceSpans[k - 1]!.end, ref.sentenceSpans[k]!.start);
    pauseAt(ref.sentenceSpans[ref.sentenceSpans.length - 1]?.end ?? 0, N * HOP);
    const at = (time: number): number => Math.max(0, Math.min(N - 1, Math.round(time / HOP)));
    const path = multiscaleDtw(a, b, COEFFS, { stretch: 1, maxCells: MAX_CELLS, radius: 10, ...options.dtw, absorb });
    progress(0.95 * (done / freeTotal + 0.9 * share), 'align');
    await check();
    const map = frameMap(path, N);
    const typical = median(path.cost);
    const t = (frame: number): number => from + frame * HOP;
    const startOf = (time: number): number => t(map.first[at(time)]!);
    const endOf = (time: number): number => t(map.last[Math.max(0, at(time) - 1)]! + 1);

    const level = speechLevel(recording, f0, f1);
    for (let k = 0; k < j - i; k++) {
      const span = ref.sentenceSpans[k]!;
      const c = i + k;
      starts[c] = startOf(span.start);
      ends[c] = Math.max(starts[c]!, endOf(span.end));
      const text = sentences[k]!;
      const names = wordsOf(text);
      words[c] = (ref.words[k] ?? []).map((w, q) => ({ text: names[q] ?? '', start: ms(startOf(w.start)), end: ms(Math.max(startOf(w.start), endOf(w.end))) }));
      // Likewise a sentence may start early, over the tail of the pause before it: start after the last
      // real pause that ends before its first word does.
      const firstWord = words[c]![0];
      if (firstWord) {
        const from0 = Math.round(starts[c]! / HOP);
        const to0 = Math.round(firstWord.end / HOP) - 5;
        const after = lastQuietEnd(recording, from0, to0, level.quiet, 12);
        if (after > from0) {
          starts[c] = Math.min(ends[c]!, after * HOP);
          firstWord.start = ms(Math.min(firstWord.end, starts[c]!));
        }
      }
      // The warp tends to hold the last sound of a sentence over the pause after it: end the sentence at the
      // first real pause (120 ms under the run's speech level) after its last word began.
      const lastWord = words[c]![words[c]!.length - 1];
      if (lastWord) {
        const quiet = firstQuiet(recording, Math.round(lastWord.start / HOP) + 5, Math.round(ends[c]! / HOP), level.quiet, 12);
        if (quiet >= 0 && quiet * HOP < ends[c]! - 0.03) {
          ends[c] = Math.max(starts[c]!, quiet * HOP);
          lastWord.end = ms(Math.max(lastWord.start, ends[c]!));
        }
      }
      // Spoken at all? A sentence the recording lacks warps onto almost nothing: squeezed far below its
      // reference length. (One the warp pairs with unmatched speech nearby is not caught: MFCC distances
      // across voices barely tell matching words from other words.)
      const refLen = span.end - span.start;
      const squeeze = refLen > 0 ? (ends[c]! - starts[c]!) / refLen : 1;
      // …or it warps onto a stretch that is mostly pause (the recording's music bed or room tone).
      let sounding = 0;
      const q0 = Math.floor(starts[c]! / HOP);
      const q1 = Math.ceil(ends[c]! / HOP);
      for (let r = q0; r < q1; r++) if (recording.data[r * COEFFS]! > level.quiet) sounding++;
      const voiced = q1 > q0 ? sounding / (q1 - q0) : 0;
      if (refLen > 0.3 && (squeeze < SQUEEZED || voiced < SQUEEZED)) {
        unspoken.push(c);
        confidence[c] = Math.min(confidence[c]!, 0.1);
        confidence[c + 1] = Math.min(confidence[c + 1]!, 0.1);
        reasons[c] = 'unspoken';
        reasons[c + 1] = 'unspoken';
      }
    }
    // Boundaries inside the run: how well the reference matches the recording around each, and whether a long
    // stretch of the recording went onto the pause between the sentences (speech not in the text, or a long pause).
    for (let g = 0; g <= j - i; g++) {
      const b0 = i + g;
      if ((g === 0 && i > 0) || (g === j - i && j < n)) continue; // an anchor's edge
      const left = g > 0 ? ref.sentenceSpans[g - 1]!.end : 0;
      const right = g < j - i ? ref.sentenceSpans[g]!.start : N * HOP;
      let sum = 0;
      let cnt = 0;
      for (let f = at(left - 0.3); f < at(right + 0.3); f++) {
        sum += map.cost[f]!;
        cnt++;
      }
      const local = cnt ? sum / cnt / Math.max(1e-6, typical) : 1;
      let conf = Math.exp(-Math.max(0, local - 0.9) * 2.5);
      // The recording between the two sentences: a long stretch that holds sound the reference pause does not.
      if (g > 0 && g < j - i) {
        const gapFrom = ends[b0 - 1]!;
        const gapTo = starts[b0]!;
        if (gapTo - gapFrom > 1.2) {
          let loud = 0;
          const r0 = Math.floor(gapFrom / HOP);
          const r1 = Math.ceil(gapTo / HOP);
          for (let r = r0; r < r1; r++) if (recording.data[r * COEFFS]! > level.loud) loud++;
          if (loud * HOP > 0.6) {
            unscripted.push({ boundary: b0, start: ms(gapFrom), end: ms(gapTo) });
            reasons[b0] ??= 'unscripted';
            conf = Math.min(conf, 0.3);
          }
        }
      }
      if (reasons[b0] === undefined && conf < (options.reviewBelow ?? 0.5)) reasons[b0] = 'low-match';
      confidence[b0] = Math.min(confidence[b0]!, conf);
    }
    done += j - i;
    progress((0.95 * done) / freeTotal, 'align');
    await check();
    i = j;
  }

  // Where the recording has a clear pause at a boundary (both edges within SNAP of the warp's), its edges are
  // more exact than the warp's 10 ms frames: take them. Sentences run together keep the warp's times.
  const snapped = new Uint8Array(n + 1);
  const pauses = options.pauses ?? [];
  for (let b = 0; b <= n; b++) {
    const left = b > 0 && !cues[b - 1]!.fixed && !unspoken.includes(b - 1) ? b - 1 : -1;
    const right = b < n && !cues[b]!.fixed && !unspoken.includes(b) ? b : -1;
    if (left < 0 && right < 0) continue;
    const p = nearestPause(pauses, left >= 0 ? ends[left]! : undefined, right >= 0 ? starts[right]! : undefined);
    if (!p) continue;
    if (left >= 0) {
      ends[left] = Math.max(starts[left]!, p.start);
      const w = words[left]![words[left]!.length - 1];
      if (w) w.end = ms(Math.max(w.start, p.start));
    }
    if (right >= 0) {
      starts[right] = Math.min(ends[right]!, p.end);
      const w = words[right]![0];
      if (w) w.start = ms(Math.min(w.end, p.end));
    }
    snapped[b] = 1;
  }

  const rough = options.pauseResult;
  if (rough && rough.session.cues.length === n) {
    for (let b = 0; b <= n; b++) {
      const rb = rough.boundaries[b];
      if (!rb || !rb.snapped || rb.confidence < 0.8) continue;
      const left = b > 0 && !cues[b - 1]!.fixed && !unspoken.includes(b - 1) ? b - 1 : -1;
      const right = b < n && !cues[b]!.fixed && !unspoken.includes(b) ? b : -1;
      if (left < 0 && right < 0) continue;
      const e = left >= 0 ? rough.session.cues[left]!.endTime : undefined;
      const st = right >= 0 ? rough.session.cues[right]!.startTime : undefined;
      if ((e !== undefined && Math.abs(e - ends[left]!) > AGREE) || (st !== undefined && Math.abs(st - starts[right]!) > AGREE)) continue;
      if (left >= 0 && e !== undefined) {
        ends[left] = Math.max(starts[left]!, e);
        const w = words[left]![words[left]!.length - 1];
        if (w) w.end = ms(Math.max(w.start, e));
      }
      if (right >= 0 && st !== undefined) {
        starts[right] = Math.min(ends[right]!, st);
        const w = words[right]![0];
        if (w) w.start = ms(Math.min(w.end, st));
      }
      snapped[b] = 1;
    }
  }

  // A cue the recording lacks keeps to the gap between its neighbours.
  for (const c of unspoken) {
    const lo = c > 0 ? ends[c - 1]! : 0;
    const hi = c + 1 < n ? starts[c + 1]! : duration;
    starts[c] = Math.min(Math.max(starts[c]!, lo), hi);
    ends[c] = Math.min(Math.max(ends[c]!, starts[c]!), hi);
    for (const w of words[c]!) {
      w.start = ms(Math.min(Math.max(w.start, starts[c]!), ends[c]!));
      w.end = ms(Math.min(Math.max(w.end, w.start), ends[c]!));
    }
  }

  const aligned: EditCue[] = cues.map((c, k) => {
    if (c.fixed) return c;
    const startTime = ms(starts[k]!);
    const endTime = Math.max(startTime, ms(ends[k]!));
    // Word times go into the cue text as WebVTT timestamps (not for a cue the recording lacks).
    const text = options.wordTimestamps === false || unspoken.includes(k) ? c.text : withWordTimes(c.text, words[k]!.map((w) => w.start), startTime, endTime);
    return { ...c, text, startTime, endTime, timed: true };
  });
  const base = { ...session, duration };
  const result = relayoutChapters(base, retime(base, aligned, duration));
  const boundaries: AlignedBoundary[] = [];
  for (let b = 0; b <= n; b++) {
    boundaries.push({ boundary: b, end: result.cues[b - 1]?.endTime, start: result.cues[b]?.startTime, confidence: confidence[b]!, snapped: snapped[b] === 1 });
  }
  const reviewBelow = options.reviewBelow ?? 0.5;
  const review = boundaries
    .filter((b) => b.confidence < reviewBelow)
    .sort((x, y) => x.confidence - y.confidence || x.boundary - y.boundary)
    .map((b) => b.boundary);
  for (const k of Object.keys(reasons)) if (!review.includes(Number(k))) delete reasons[Number(k)];
  progress(1, 'done');
  return { session: result, boundaries, review, pauses: [...pauses], speech: { duration, pauses }, words, unspoken, unscripted, reasons };
}

/** Seconds a detected pause's edges may lie from the warp's boundary for the boundary to take them. */
const SNAP = 0.2;
/** Seconds within which the pause aligner's confident boundary and the warp's count as the same boundary. */
const AGREE = 0.6;
/** Cells of the coarsest DTW level (40 ms or 160 ms frames): a diagonal band when the full matrix is larger. */
const MAX_CELLS = 1.6e7;
/** Shortest pause a boundary snaps to, seconds. */
const SNAP_PAUSE = 0.15;

/** The pause of at least SNAP_PAUSE whose start is near `end` and whose end is near `start` (either may be absent). */
function nearestPause(pauses: readonly Pause[], end: number | undefined, start: number | undefined): Pause | undefined {
  let best: Pause | undefined;
  let bestErr = Infinity;
  const at = end ?? start ?? 0;
  let lo = 0;
  let hi = pauses.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pauses[mid]!.end < at - 2) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < pauses.length && pauses[k]!.start < at + 2; k++) {
    const p = pauses[k]!;
    if (p.end - p.start < SNAP_PAUSE) continue;
    const e1 = end === undefined ? 0 : Math.abs(p.start - end);
    const e2 = start === undefined ? 0 : Math.abs(p.end - start);
    if (e1 > SNAP || e2 > SNAP) continue;
    if (e1 + e2 < bestErr) {
      bestErr = e1 + e2;
      best = p;
    }
  }
  return best;
}

/** c0 (log energy) levels of a run: under `quiet` a frame is a pause, over `loud` it surely holds sound. */
function speechLevel(f: Features, from: number, to: number): { quiet: number; loud: number } {
  const c0: number[] = [];
  for (let r = from; r < to; r += 3) c0.push(f.data[r * COEFFS]!);
  c0.sort((x, y) => x - y);
  const lo = c0[Math.floor(c0.length * 0.1)] ?? 0;
  const hi = c0[Math.floor(c0.length * 0.9)] ?? 0;
  return { quiet: lo + QUIET * (hi - lo), loud: lo + 0.5 * (hi - lo) };
}

/** The frame just after the last run of `run` frames under `level` inside [from, to), or -1. */
function lastQuietEnd(f: Features, from: number, to: number, level: number, run: number): number {
  let count = 0;
  let found = -1;
  for (let r = Math.max(0, from); r < Math.min(f.frames, to); r++) {
    if (f.data[r * COEFFS]! < level) count++;
    else {
      if (count >= run) found = r;
      count = 0;
    }
  }
  return found;
}

/** First frame in [from, to) that starts `run` frames in a row under `level`, or -1. */
function firstQuiet(f: Features, from: number, to: number, level: number, run: number): number {
  let count = 0;
  for (let r = Math.max(0, from); r < Math.min(f.frames, to + run); r++) {
    if (f.data[r * COEFFS]! < level) {
      if (++count >= run) {
        const at = r - run + 1;
        return at < to ? at : -1;
      }
    } else count = 0;
  }
  return -1;
}
