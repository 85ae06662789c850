import type { Pause, SpeechMap } from './pauses.js';
import { MIN_CUE_LENGTH, ms, withSpeakers, type EditCue, type EditorSession } from './session.js';
import { retime } from './spread.js';

/**
 * Session checks: problems with where they are and, where one exists, a
 * one-step fix as plain data (so it can cross a Worker boundary, be shown
 * as a button, and be applied with `applyFix` as one undo step).
 */

export type ProblemKind = 'overlap' | 'order' | 'zero-length' | 'negative-length' | 'long-gap' | 'inside-speech';

/** New times for some cues. */
export interface RetimeFix {
  type: 'retime';
  /** Button text, e.g. "End the cue where the next one starts". */
  label: string;
  changes: { cueIndex: number; startTime: number; endTime: number }[];
}

/** Put the cues in start-time order. */
export interface SortFix {
  type: 'sort';
  label: string;
}

export type Fix = RetimeFix | SortFix;

export interface Problem {
  kind: ProblemKind;
  /** The cue the problem is reported on. */
  cueIndex: number;
  /** Seconds: where to show it on the timeline. */
  time: number;
  message: string;
  fix?: Fix;
}

/** Options for `checkSession`. */
export interface CheckOptions {
  /** A silence between cues longer than this (seconds) is reported. Default 4. */
  longGap?: number;
  /** How far (seconds) a boundary may sit after a pause (twice as far before one) before it counts as inside speech. Default 0.045. */
  tolerance?: number;
  /** How far (seconds) to look for a pause to move a boundary into. Default 1. */
  searchPause?: number;
}

const fmt = (t: number): string => `${t.toFixed(3)} s`;

/**
 * Pauses sorted by start and not overlapping, as `detectPauses` gives them
 * (the same array then); others are sorted and merged, so that the lookups
 * below can binary-search. Linear when already in order.
 */
export function orderedPauses(pauses: readonly Pause[]): readonly Pause[] {
  let ordered = true;
  for (let k = 1; k < pauses.length && ordered; k++) ordered = pauses[k]!.start >= pauses[k - 1]!.end;
  if (ordered) return pauses;
  const sorted = [...pauses].sort((a, b) => a.start - b.start);
  const out: Pause[] = [];
  for (const p of sorted) {
    const last = out.at(-1);
    if (last && p.start < last.end) out[out.length - 1] = { ...last, end: Math.max(last.end, p.end), depth: Math.max(last.depth, p.depth) };
    else out.push(p);
  }
  return out;
}

/** Index of the first pause ending at or after `time` (`pauses.length` when none): ordered pauses have ordered ends. */
function firstEndingAfter(pauses: readonly Pause[], time: number): number {
  let lo = 0;
  let hi = pauses.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pauses[mid]!.end < time) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The pause nearest to `time` within `reach`, or null (the later one on a tie). Ordered pauses: a binary search. */
function nearestPause(pauses: readonly Pause[], time: number, reach: number): Pause | null {
  let best: Pause | null = null;
  let bestD = reach;
  const j = firstEndingAfter(pauses, time);
  // Only the pauses either side of `time` can be nearest; two each side covers pauses that touch.
  for (let k = Math.max(0, j - 2); k <= Math.min(pauses.length - 1, j + 1); k++) {
    const p = pauses[k]!;
    const d = time < p.start ? p.start - time : time > p.end ? time - p.end : 0;
    if (d <= bestD) [best, bestD] = [p, d];
  }
  return best;
}

/**
 * Speech fades out more slowly than it starts, and the energy detector's
 * release puts a pause's start up to ~65 ms after the last audible sound
 * (measured on the seed recording): allow twice the tolerance before a pause.
 * Ordered pauses: only the first one ending after `time - tolerance` can hold it.
 */
function insidePause(pauses: readonly Pause[], time: number, tolerance: number): boolean {
  const p = pauses[firstEndingAfter(pauses, time - tolerance)];
  return !!p && time >= p.start - 2 * tolerance;
}

/**
 * Finds overlaps, cues out of order, zero and negative lengths, long gaps
 * and (given the speech map from pause detection) timed boundaries that
 * fall inside speech. Problems come in cue order. Time is linear in cues
 * (times log pauses): a 70,000-cue session is checked in milliseconds.
 */
export function checkSession(session: EditorSession, speech?: SpeechMap | null, options: CheckOptions = {}): Problem[] {
  const longGap = options.longGap ?? 4;
  const tolerance = options.tolerance ?? 0.045;
  const reach = options.searchPause ?? 1;
  const { cues } = session;
  const out: Problem[] = [];
  let unordered = false;
  cues.forEach((c, i) => {
    const len = c.endTime - c.startTime;
    if (len < 0) {
      out.push({
        kind: 'negative-length', cueIndex: i, time: c.startTime,
        message: `Cue ${i + 1} ends (${fmt(c.endTime)}) before it starts (${fmt(c.startTime)}).`,
        fix: { type: 'retime', label: 'Swap start and end', changes: [{ cueIndex: i, startTime: c.endTime, endTime: c.startTime }] },
      });
    } else if (len === 0) {
      const next = cues[i + 1];
      const room = next && next.startTime > c.startTime ? next.startTime - c.startTime : Infinity;
      const end = ms(c.startTime + Math.min(Math.max(MIN_CUE_LENGTH, 1), room));
      out.push({
        kind: 'zero-length', cueIndex: i, time: c.startTime, message: `Cue ${i + 1} has no length.`,
        ...(end > c.startTime ? { fix: { type: 'retime' as const, label: 'Give it up to a second', changes: [{ cueIndex: i, startTime: c.startTime, endTime: end }] } } : {}),
      });
    }
    const prev = cues[i - 1];
    if (!prev) return;
    if (c.startTime < prev.startTime) {
      unordered = true;
      out.push({ kind: 'order', cueIndex: i, time: c.startTime, message: `Cue ${i + 1} starts before cue ${i}.`, fix: { type: 'sort', label: 'Sort cues by start time' } });
    } else if (c.startTime < prev.endTime) {
      const fix = overlapFix(prev, c, i);
      out.push({ kind: 'overlap', cueIndex: i, time: c.startTime, message: `Cue ${i + 1} starts ${fmt(prev.endTime - c.startTime)} before cue ${i} ends.`, ...(fix ? { fix } : {}) });
    } else if (c.startTime - prev.endTime > longGap) {
      out.push({ kind: 'long-gap', cueIndex: i, time: prev.endTime, message: `${fmt(c.startTime - prev.endTime)} without a cue before cue ${i + 1}.` });
    }
  });
  // A loop, not push(...list): a long session has more problems than a call takes arguments.
  if (speech && !unordered) for (const p of speechProblems(cues, orderedPauses(speech.pauses), tolerance, reach)) out.push(p);
  return out.sort((a, b) => a.cueIndex - b.cueIndex);
}

/** End the earlier cue where the later starts, or meet halfway when that leaves it too short. */
function overlapFix(prev: EditCue, c: EditCue, i: number): RetimeFix | null {
  if (c.startTime - prev.startTime >= MIN_CUE_LENGTH) {
    return { type: 'retime', label: `End cue ${i} where cue ${i + 1} starts`, changes: [{ cueIndex: i - 1, startTime: prev.startTime, endTime: c.startTime }] };
  }
  const mid = ms((prev.startTime + c.endTime) / 2);
  if (mid - prev.startTime < MIN_CUE_LENGTH || c.endTime - mid < MIN_CUE_LENGTH) return null;
  return {
    type: 'retime', label: 'Share the time between both cues',
    changes: [{ cueIndex: i - 1, startTime: prev.startTime, endTime: mid }, { cueIndex: i, startTime: mid, endTime: c.endTime }],
  };
}

/** Timed boundaries that are not in a pause; the fix moves both sides into the nearest pause. */
function speechProblems(cues: readonly EditCue[], pauses: readonly Pause[], tolerance: number, reach: number): Problem[] {
  const out: Problem[] = [];
  for (let b = 0; b <= cues.length; b++) {
    const before = cues[b - 1];
    const after = cues[b];
    const end = before?.timed ? before.endTime : undefined;
    const start = after?.timed ? after.startTime : undefined;
    const times = [end, start].filter((t): t is number => t !== undefined && !insidePause(pauses, t, tolerance));
    if (!times.length) continue;
    const time = times[0]!;
    const p = nearestPause(pauses, time, reach);
    const changes: RetimeFix['changes'] = [];
    if (p && before && (end !== undefined || start !== undefined)) {
      const newEnd = ms(p.start);
      if (newEnd - before.startTime >= MIN_CUE_LENGTH) changes.push({ cueIndex: b - 1, startTime: before.startTime, endTime: newEnd });
    }
    if (p && after) {
      const newStart = ms(p.end);
      if (after.endTime - newStart >= MIN_CUE_LENGTH) changes.push({ cueIndex: b, startTime: newStart, endTime: after.endTime });
    }
    const cueIndex = after ? b : b - 1;
    out.push({
      kind: 'inside-speech', cueIndex, time,
      message: `The boundary at ${fmt(time)} falls inside speech.`,
      ...(changes.length ? { fix: { type: 'retime' as const, label: 'Move it into the nearest pause', changes } } : {}),
    });
  }
  return out;
}

/** Applies a problem's fix; cues it retimes become timed. Returns the same session for an empty fix. */
export function applyFix(session: EditorSession, fix: Fix): EditorSession {
  if (fix.type === 'sort') return sortCues(session);
  if (!fix.changes.length) return session;
  const cues = [...session.cues];
  for (const ch of fix.changes) {
    const c = cues[ch.cueIndex];
    if (c) cues[ch.cueIndex] = { ...c, startTime: ms(ch.startTime), endTime: ms(ch.endTime), timed: true };
  }
  return retime(session, cues);
}

/**
 * Puts cues in start-time order (stable), carrying chapters (by their first
 * cue) and notes (by the cue they preceded) along.
 */
export function sortCues(session: EditorSession): EditorSession {
  const order = session.cues.map((_, i) => i).sort((a, b) => session.cues[a]!.startTime - session.cues[b]!.startTime || a - b);
  if (order.every((v, i) => v === i)) return session;
  const where = new Int32Array(order.length);
  order.forEach((old, pos) => (where[old] = pos));
  const cues = order.map((i) => session.cues[i]!);
  const chapters = session.chapters.map((ch) => {
    // A loop rather than Math.min(...members): a chapter can hold more cues than a call takes arguments.
    let lo = Infinity;
    let hi = -Infinity;
    for (let k = ch.startCue; k < ch.endCue; k++) {
      const w = where[k]!;
      if (w < lo) lo = w;
      if (w > hi) hi = w;
    }
    const startCue = hi >= lo ? lo : ch.startCue;
    const endCue = hi >= lo ? hi + 1 : startCue;
    return { ...ch, startCue, endCue };
  });
  const notes = session.doc.notes.map((n) => ({ ...n, beforeCue: n.beforeCue < order.length ? where[n.beforeCue]! : n.beforeCue }));
  return { ...session, cues: withSpeakers(cues), chapters, doc: { ...session.doc, notes } };
}
