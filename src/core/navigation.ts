/**
 * Moving between questions: which one "previous" and "next" mean at a given
 * time, how far into a question playback is, and when a question counts as
 * heard. Pure: times in, indices and fractions out.
 */
import type { Transcript, TranscriptQuestion } from './transcript/types.js';

/**
 * A seek lands a hair before or after its target (float rounding, keyframes),
 * so a time this close to a question's start counts as being at it.
 */
export const AT_START = 0.25;

/** "Previous" restarts the current question when playback is more than this far into it (seconds), like a music player. */
export const RESTART_AFTER = 3;

/** Listening this long (seconds), or to half a shorter question, makes a question heard. */
export const HEARD_SECONDS = 10;

/** A jump in media time larger than this (seconds, times the playback rate above 1) between two readings is a seek, not listening. */
const MAX_STEP = 1;

/** Index of the last question that has started at `time` (whether or not it has ended), or -1. */
export function questionAtOrBefore(t: Transcript, time: number): number {
  const starts = t.questionStarts;
  let lo = 0;
  let hi = starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (starts[mid]! <= time + AT_START) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/** The question "next" goes to from `time`: the first that starts after it, or -1 after the last one started. */
export function nextQuestionIndex(t: Transcript, time: number): number {
  const i = questionAtOrBefore(t, time) + 1;
  return i < t.questions.length ? i : -1;
}

/**
 * The question "previous" goes to from `time`: the start of the current one
 * when more than `restartAfter` seconds into it, else the one before it; -1
 * before the first question.
 */
export function previousQuestionIndex(t: Transcript, time: number, restartAfter = RESTART_AFTER): number {
  const i = questionAtOrBefore(t, time);
  if (i < 0) return -1;
  if (time - t.questions[i]!.startTime > restartAfter) return i;
  return Math.max(0, i - 1);
}

/** How far into `q` playback is at `time`, 0 to 1. */
export function questionProgress(q: TranscriptQuestion, time: number): number {
  const length = q.endTime - q.startTime;
  if (!(length > 0)) return time >= q.endTime ? 1 : 0;
  return Math.min(1, Math.max(0, (time - q.startTime) / length));
}

/**
 * Seconds of listening between two readings of the media time: 0 for a pause, a seek or a step back. Readings
 * come at least at `timeupdate` pace (4 a second), which covers more media time at a faster `rate`.
 */
export function listenedBetween(previous: number, time: number, rate = 1): number {
  const step = time - previous;
  return step > 0 && step <= MAX_STEP * Math.max(1, rate) ? step : 0;
}

/** Whether `listened` seconds of `q` make it heard. */
export function isHeard(q: TranscriptQuestion, listened: number): boolean {
  const need = Math.min(HEARD_SECONDS, (q.endTime - q.startTime) / 2);
  return listened > 0 && listened >= need;
}
