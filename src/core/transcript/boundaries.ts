import type { Transcript } from './types.js';

/**
 * Every moment at which what a transcript shows can change, sorted and
 * without repeats: cue starts and ends, inline word timestamps, question
 * starts and ends (paragraphs and answers change only with their cues).
 * Built once per transcript (transcripts are immutable), then each lookup is
 * one binary search, so a player can sleep until the next one.
 */
const cache = new WeakMap<Transcript, Float64Array>();
const cueCache = new WeakMap<Transcript, Float64Array>();

/** @param words - with the inline word timestamps (false: cues and questions only). */
export function transcriptBoundaries(t: Transcript, words = true): Float64Array {
  const store = words ? cache : cueCache;
  let out = store.get(t);
  if (out) return out;
  const all: number[] = [];
  for (const c of t.cues) {
    all.push(c.startTime, c.endTime);
    if (words) for (const w of c.timed) if (w.time > c.startTime && w.time < c.endTime) all.push(w.time);
  }
  for (const q of t.questions) all.push(q.startTime, q.endTime);
  out = uniqueSorted(all);
  store.set(t, out);
  return out;
}

/** The first of `sorted` strictly after `time`, or Infinity. O(log n). */
export function nextAfter(sorted: Float64Array, time: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= time) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length ? sorted[lo]! : Number.POSITIVE_INFINITY;
}

/**
 * The next moment after `time` (seconds) at which the active cue, paragraph or question of `t`
 * can change, or with `words` also the spoken words of a cue; Infinity when none can.
 */
export function nextTranscriptChange(t: Transcript, time: number, words = true): number {
  return nextAfter(transcriptBoundaries(t, words), time);
}

const questionCache = new WeakMap<Transcript, Float64Array>();

/** The next question start or end after `time`, or Infinity. O(log n) after the first call. */
export function nextQuestionChange(t: Transcript, time: number): number {
  let sorted = questionCache.get(t);
  if (!sorted) {
    sorted = uniqueSorted(t.questions.flatMap((q) => [q.startTime, q.endTime]));
    questionCache.set(t, sorted);
  }
  return nextAfter(sorted, time);
}

function uniqueSorted(all: number[]): Float64Array {
  const sorted = Float64Array.from(all.filter(Number.isFinite)).sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (n === 0 || sorted[i] !== sorted[n - 1]) sorted[n++] = sorted[i]!;
  return sorted.slice(0, n);
}
