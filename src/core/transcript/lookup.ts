import { lastAtOrBefore } from '../sorted.js';
import type { Transcript } from './types.js';

/** The last cue that has started at `time` (whether or not it has ended), or -1. O(log n). */
export function cueIndexAtOrBefore(t: Transcript, time: number): number {
  return lastAtOrBefore(t.starts, time);
}

/**
 * The cue being spoken at `time`: of the cues whose [start, end) holds it, the
 * one that started last. -1 in a gap. O(log n) plus the overlapping cues.
 */
export function activeCueIndex(t: Transcript, time: number): number {
  let i = lastAtOrBefore(t.starts, time);
  // maxEnds[i] <= time means no cue at or before i is still running.
  while (i >= 0 && t.maxEnds[i]! > time) {
    if (t.ends[i]! > time) return i;
    i--;
  }
  return -1;
}

/** The question whose [start, end) holds `time`, or -1 (before the first question or after the last one ends). */
export function questionIndexAt(t: Transcript, time: number): number {
  const i = lastAtOrBefore(t.questionStarts, time);
  if (i < 0) return -1;
  return time < t.questions[i]!.endTime ? i : -1;
}

/** Letters and digits only, lower-cased: how two wordings of a question are compared. */
const words = (s: string): string =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * Whether question `index` is asked in the transcript in the words of its
 * title (the title is the question as asked, or a part of it), so a reader
 * would see it twice if both were shown. False when the transcript does not
 * have the question as asked, or when the title is an editor's own wording.
 */
export function askedAsTitled(t: Transcript, index: number): boolean {
  const q = t.questions[index];
  if (!q || q.answerStart <= q.paragraphStart) return false;
  const title = words(q.title);
  if (!title) return false;
  let asked = '';
  const first = t.paragraphs[q.paragraphStart]?.cueStart ?? 0;
  const end = t.paragraphs[q.answerStart - 1]?.cueEnd ?? first;
  for (let c = first; c < end; c++) asked += ` ${t.cues[c]!.plainText}`;
  return ` ${words(asked)} `.includes(` ${title} `);
}
