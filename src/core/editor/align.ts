import { forceAlignSteps, type ForcedOptions } from './forced.js';
import { energyEnvelope, pausesFromEnvelope, type Envelope, type Pause, type PauseOptions, type SpeechMap } from './pauses.js';
import { ms, type EditChapter, type EditCue, type EditorSession } from './session.js';
import { cueWeights, DEFAULT_PAUSES, gapKinds, retime, spreadTimes, type PausePriors } from './spread.js';

/**
 * Alignment: from the text and the audio, place every boundary.
 *
 * 1. The cues the editor fixed are anchors; the free runs between them are
 *    aligned one by one.
 * 2. Pauses are found against an adaptive noise floor (`pauses.ts`).
 * 3. Each run is spread by text length (the estimate the UI shows when
 *    snapping is off), then every gap is placed in a pause by a dynamic
 *    programme that keeps speech time in proportion to text (`forced.ts`).
 *    A cue ends where its pause starts; the next starts where it ends.
 * 4. Each boundary gets a confidence; the low ones are listed for review.
 *
 * Pure and Worker-friendly: no DOM, progress through a callback, and a
 * cancel flag checked between steps.
 */

export { spreadByText } from './spread.js';
export { snapToPauses } from './snap.js';
export { detectPauses } from './pauses.js';

/** The audio to align against: mono samples, or an envelope built while streaming. */
export type AlignAudio = { samples: Float32Array; sampleRate: number } | { envelope: Envelope };

/** Options for `align`. */
export interface AlignOptions {
  /** Called with 0-1 and the phase now running. */
  onProgress?: (fraction: number, phase: 'pauses' | 'align' | 'done') => void;
  /** Checked between steps; when true, `align` rejects with an `AlignAbortError`. An `AbortSignal` fits. */
  signal?: { readonly aborted: boolean };
  /**
   * Awaited between steps so the host can handle messages (a cancel) while
   * aligning. In a Worker pass `() => new Promise((r) => setTimeout(r))`.
   * Default: a resolved promise (no macrotask turn).
   */
  yieldControl?: () => Promise<void>;
  /** false: only spread by text between anchors (no pause snapping). Default true. */
  snap?: boolean;
  /** Boundaries under this confidence are listed in `review`. Default 0.8. */
  reviewBelow?: number;
  /** Pause detection settings. */
  pauseOptions?: PauseOptions;
  /** Typical pause per kind of gap, seconds. */
  pausePriors?: PausePriors;
  /** Forced alignment settings (beyond the priors). */
  forced?: Omit<ForcedOptions, 'pauses'>;
}

/** Where one boundary landed. Boundary b is between cue b-1 and cue b (see `ops.ts`). */
export interface AlignedBoundary {
  boundary: number;
  /** Seconds: cue b-1's new end (undefined for b = 0). */
  end: number | undefined;
  /** Seconds: cue b's new start (undefined for the last boundary). */
  start: number | undefined;
  /** 0-1; 1 at anchors. */
  confidence: number;
  /** Whether it sits in a detected pause. */
  snapped: boolean;
}

export interface AlignResult {
  session: EditorSession;
  boundaries: AlignedBoundary[];
  /** Boundary indexes under `reviewBelow`, least confident first. */
  review: number[];
  /** The pauses found (empty when `snap` is false). */
  pauses: Pause[];
  /** The pauses with the audio's duration: pass it to `checkSession` to find boundaries inside speech. */
  speech: SpeechMap;
  /** Which aligner produced it, when a host ran one of several (the editor's Worker sets it). */
  engine?: 'pauses' | 'acoustic' | 'transfer';
  /** Why the acoustic aligner was asked for but the pause aligner ran instead (its reference voice could not load). */
  fallback?: string;
  /** Acoustic alignment only: per cue, its words with times. */
  words?: { text: string; start: number; end: number }[][];
  /** Acoustic alignment only: cues the recording seems not to contain. */
  unspoken?: number[];
  /** Acoustic alignment only: boundaries where the recording holds speech the text lacks. */
  unscripted?: { boundary: number; start: number; end: number }[];
}

/** Rejection of an `align` that was cancelled. */
export class AlignAbortError extends Error {
  override name = 'AbortError';
  constructor() {
    super('Alignment was cancelled.');
  }
}

/** Pauses inside (from, to), clipped, with zero-length ones added at the ends when speech runs right up to them. */
function runPauses(pauses: readonly Pause[], from: number, to: number): Pause[] {
  const inside = pauses
    .filter((p) => p.end > from && p.start < to)
    .map((p) => ({ start: Math.max(from, p.start), end: Math.min(to, p.end), depth: p.depth }));
  if (!inside.length || inside[0]!.start > from + 0.02) inside.unshift({ start: from, end: from, depth: 1 });
  if (inside.length < 2 || inside[inside.length - 1]!.end < to - 0.02) inside.push({ start: to, end: to, depth: 1 });
  return inside;
}

/**
 * Chapters whose cues were all untimed get times from their cues again: the
 * first cue's start, and the next chapter's start (the last: its last cue's end).
 */
export function relayoutChapters(before: EditorSession, after: EditorSession): EditorSession {
  const untimed = (ch: EditChapter): boolean => before.cues.slice(ch.startCue, ch.endCue).every((c) => !c.timed);
  const chapters = after.chapters.map((ch, k) => {
    if (ch.endCue <= ch.startCue || !untimed(before.chapters[k]!)) return ch;
    const next = after.chapters[k + 1];
    const startTime = after.cues[ch.startCue]!.startTime;
    const endTime = next && next.endCue > next.startCue ? after.cues[next.startCue]!.startTime : after.cues[ch.endCue - 1]!.endTime;
    return { ...ch, startTime, endTime };
  });
  return { ...after, chapters };
}

/** Places every boundary of `session` from its text and the audio. See the module comment. */
export async function align(session: EditorSession, audio: AlignAudio, options: AlignOptions = {}): Promise<AlignResult> {
  const progress = options.onProgress ?? (() => {});
  const pass = options.yieldControl ?? (() => Promise.resolve());
  const check = async (): Promise<void> => {
    await pass();
    if (options.signal?.aborted) throw new AlignAbortError();
  };
  progress(0, 'pauses');
  await check();
  const env = 'envelope' in audio ? audio.envelope : energyEnvelope(audio.samples, audio.sampleRate);
  const pauses = options.snap === false ? [] : pausesFromEnvelope(env, options.pauseOptions);
  const duration = Math.max(env.db.length * env.frame, 0) || session.duration;
  progress(0.1, 'align');
  await check();

  const base: EditorSession = { ...session, duration };
  const { cues } = base;
  const n = cues.length;
  const priors = options.pausePriors ?? DEFAULT_PAUSES;
  const spread = spreadTimes(base, { duration, pauses: priors });
  const starts = spread.starts;
  const ends = spread.ends;
  const confidence = new Float64Array(n + 1).fill(options.snap === false ? 0 : 0.15);
  const snapped = new Uint8Array(n + 1);
  cues.forEach((c, i) => {
    if (!c.fixed) return;
    confidence[i] = 1;
    confidence[i + 1] = 1;
  });

  if (options.snap !== false) {
    const kinds = gapKinds(base);
    const weights = cueWeights(cues);
    const freeTotal = cues.filter((c) => !c.fixed).length || 1;
    let done = 0;
    for (let i = 0; i < n; ) {
      if (cues[i]!.fixed) {
        i++;
        continue;
      }
      let j = i;
      while (j < n && !cues[j]!.fixed) j++;
      const from = i > 0 ? cues[i - 1]!.endTime : 0;
      const to = j < n ? cues[j]!.startTime : duration;
      const local = runPauses(pauses, from, to);
      const steps = forceAlignSteps(
        cues.slice(i, j).map((c, k) => ({ weight: weights[i + k]!, speaker: c.speaker })),
        kinds.slice(i, j + 1),
        local,
        { ...options.forced, pauses: priors },
      );
      let step = steps.next();
      for (let k = 0; !step.done; k++) {
        if (k % 16 === 0) {
          progress(0.1 + 0.9 * ((done + step.value * (j - i)) / freeTotal), 'align');
          await check();
        }
        step = steps.next();
      }
      const r = step.value;
      for (let k = 0; k < j - i; k++) {
        starts[i + k] = r.starts[k]!;
        ends[i + k] = r.ends[k]!;
      }
      for (let g = 0; g <= j - i; g++) {
        // Gaps at an anchor keep the anchor's confidence.
        if ((g === 0 && i > 0) || (g === j - i && j < n)) continue;
        confidence[i + g] = r.confidence[g]!;
        snapped[i + g] = r.pauseOf[g]! >= 0 && local[r.pauseOf[g]!]!.end > local[r.pauseOf[g]!]!.start ? 1 : 0;
      }
      done += j - i;
      i = j;
    }
  }

  const aligned: EditCue[] = cues.map((c, i) => {
    if (c.fixed) return c;
    const startTime = ms(starts[i]!);
    const endTime = Math.max(startTime, ms(ends[i]!));
    return { ...c, startTime, endTime, timed: options.snap !== false || c.timed };
  });
  const result = relayoutChapters(base, retime(base, aligned, duration));
  const boundaries: AlignedBoundary[] = [];
  for (let b = 0; b <= n; b++) {
    boundaries.push({
      boundary: b,
      end: result.cues[b - 1]?.endTime,
      start: result.cues[b]?.startTime,
      confidence: confidence[b]!,
      snapped: snapped[b] === 1,
    });
  }
  const reviewBelow = options.reviewBelow ?? 0.8;
  const review = boundaries
    .filter((b) => b.confidence < reviewBelow)
    .sort((a, b) => a.confidence - b.confidence || a.boundary - b.boundary)
    .map((b) => b.boundary);
  progress(1, 'done');
  return { session: result, boundaries, review, pauses, speech: { duration, pauses } };
}
