import { MIN_CUE_LENGTH, ms, type EditCue, type EditorSession } from './session.js';
import { retime } from './spread.js';

/**
 * Timing operations. Each returns a new session, or the same object when
 * nothing changed (so `next === session` means "no-op").
 *
 * ## Boundaries and edges
 *
 * With n cues there are n + 1 boundaries. Boundary `b` sits between cue
 * `b - 1` and cue `b`; it has an end side (cue b-1's end, absent for b = 0)
 * and a start side (cue b's start, absent for b = n). So boundary 0 is the
 * first cue's start and boundary n the last cue's end. When the two sides
 * are within a millisecond the cues touch and the boundary is one point.
 *
 * Internally the edges are numbered: edge 2i is cue i's start, 2i+1 its end.
 * A move shifts a set of edges by one delta, which is clamped so that no cue
 * gets shorter than `MIN_CUE_LENGTH`, no cue's start passes the previous
 * cue's end, and every time stays in [0, duration]. (A cue already too short
 * or overlapping in the file is never made worse, and may be repaired.)
 */

/** Nudge steps the editor offers, seconds (10 ms, 100 ms, 500 ms). */
export const NUDGE_STEPS = Object.freeze([0.01, 0.1, 0.5] as const);

/** Default allowance for the editor's reaction when tapping, seconds. */
export const DEFAULT_REACTION_TIME = 0.25;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Sides of a boundary closer than this (seconds) are one linked point. */
const TOUCHING = 0.0015;

/** How a boundary or cue move treats its neighbours. */
export interface MoveOptions {
  /** Move the touching neighbour edge too, so the cues stay joined. Default true (a modifier key turns it off). */
  linked?: boolean;
  /** Shift every later edge (all later cues) by the same amount. Default false. */
  ripple?: boolean;
}

/** For `moveBoundary`: which side of the boundary is dragged. */
export interface BoundaryMoveOptions extends MoveOptions {
  /** Default 'start' (the start of cue b), or 'end' for the last boundary. */
  side?: 'start' | 'end';
}

/** The sides of boundary `b`: the end of cue b-1 and the start of cue b (each undefined when absent). */
export function boundarySides(session: EditorSession, b: number): { end: number | undefined; start: number | undefined } {
  return { end: session.cues[b - 1]?.endTime, start: session.cues[b]?.startTime };
}

function edgeTime(cues: readonly EditCue[], e: number): number {
  const c = cues[e >> 1]!;
  return e & 1 ? c.endTime : c.startTime;
}

/**
 * Shifts the edges in `moving` by `delta` seconds, clamped as described in
 * the module comment. The cues whose edges moved become `timed`.
 */
export function shiftEdges(session: EditorSession, moving: ReadonlySet<number>, delta: number): EditorSession {
  const { cues, duration } = session;
  const last = cues.length * 2 - 1;
  let lo = -Infinity;
  let hi = Infinity;
  for (const e of moving) {
    const t = edgeTime(cues, e);
    lo = Math.max(lo, -t);
    hi = Math.min(hi, duration - t);
    const min = e & 1 ? MIN_CUE_LENGTH : 0; // the gap to the edge before: a cue length, or a space between cues
    if (e > 0 && !moving.has(e - 1)) lo = Math.max(lo, -Math.max(0, t - edgeTime(cues, e - 1) - min));
    const minAfter = e & 1 ? 0 : MIN_CUE_LENGTH;
    if (e < last && !moving.has(e + 1)) hi = Math.min(hi, Math.max(0, edgeTime(cues, e + 1) - t - minAfter));
  }
  const d = Math.min(hi, Math.max(lo, delta));
  if (!moving.size || !Number.isFinite(d) || Math.abs(d) < 0.0005) return session;
  const next = cues.map((c, i) => {
    const s = moving.has(2 * i);
    const en = moving.has(2 * i + 1);
    if (!s && !en) return c;
    return { ...c, startTime: s ? ms(c.startTime + d) : c.startTime, endTime: en ? ms(c.endTime + d) : c.endTime, timed: true };
  });
  return retime(session, next);
}

function withRipple(moving: Set<number>, from: number, count: number): void {
  for (let e = from; e < count * 2; e++) moving.add(e);
}

/**
 * Moves one side of boundary `b` to `time`. Linked (the default), a touching
 * neighbour side moves with it; unlinked, the sides separate and open a gap,
 * but never overlap. With `ripple`, every later cue shifts along.
 */
export function moveBoundary(session: EditorSession, b: number, time: number, options: BoundaryMoveOptions = {}): EditorSession {
  const { linked = true, ripple = false } = options;
  const n = session.cues.length;
  if (!(b >= 0 && b <= n) || n === 0) return session;
  const side = b === n ? 'end' : b === 0 ? 'start' : (options.side ?? 'start');
  const target = side === 'start' ? 2 * b : 2 * b - 1;
  const partner = side === 'start' ? target - 1 : target + 1;
  const moving = new Set([target]);
  const t = edgeTime(session.cues, target);
  if (linked && partner >= 0 && partner < 2 * n && Math.abs(edgeTime(session.cues, partner) - t) <= TOUCHING) moving.add(partner);
  if (ripple) withRipple(moving, target + 1, n);
  return shiftEdges(session, moving, time - t);
}

/** Moves boundary `b` by `delta` seconds (see `moveBoundary`); steps are usually `NUDGE_STEPS`. */
export function nudge(session: EditorSession, b: number, delta: number, options: BoundaryMoveOptions = {}): EditorSession {
  const n = session.cues.length;
  const side = b === n ? 'end' : b === 0 ? 'start' : (options.side ?? 'start');
  const { start, end } = boundarySides(session, b);
  const t = side === 'start' ? start : end;
  return t === undefined ? session : moveBoundary(session, b, t + delta, options);
}

/**
 * Drags cue `index` so it starts at `startTime`, keeping its length. Linked,
 * touching neighbours stretch or shrink to stay joined; unlinked, the cue
 * stops at its neighbours. With `ripple`, all later cues move along.
 *
 * For a drag, call it with the session from the start of the drag and the
 * total offset, inside a history transaction, so the drag is one undo step.
 */
export function moveCue(session: EditorSession, index: number, startTime: number, options: MoveOptions = {}): EditorSession {
  const { linked = true, ripple = false } = options;
  const { cues } = session;
  const cue = cues[index];
  if (!cue) return session;
  const moving = new Set([2 * index, 2 * index + 1]);
  if (linked) {
    const prev = cues[index - 1];
    const next = cues[index + 1];
    if (prev && Math.abs(prev.endTime - cue.startTime) <= TOUCHING) moving.add(2 * index - 1);
    if (next && Math.abs(next.startTime - cue.endTime) <= TOUCHING) moving.add(2 * index + 2);
  }
  if (ripple) withRipple(moving, 2 * index + 2, cues.length);
  return shiftEdges(session, moving, startTime - cue.startTime);
}

/**
 * Tap to sync: while the media plays, the editor taps as cue `index + 1`
 * begins. Cue `index` ends and cue `index + 1` starts at `time - reactionTime`
 * (pass index -1 to start the first cue). Cue `index` becomes an anchor
 * (`fixed`). Later cues that the new time overruns are pushed along, keeping
 * their lengths.
 */
export function tapSync(session: EditorSession, index: number, time: number, reactionTime = DEFAULT_REACTION_TIME): EditorSession {
  const { duration } = session;
  const n = session.cues.length;
  if (index < -1 || index >= n) return session;
  const cues: Mutable<EditCue>[] = session.cues.map((c) => ({ ...c }));
  let t = Math.min(duration, Math.max(0, time - reactionTime));
  const cur = cues[index];
  if (cur) {
    const prevEnd = cues[index - 1]?.endTime ?? 0;
    if (cur.timed) t = Math.max(t, cur.startTime + MIN_CUE_LENGTH);
    else cur.startTime = ms(Math.max(prevEnd, Math.min(cur.startTime, t - MIN_CUE_LENGTH)));
    t = Math.max(t, prevEnd + MIN_CUE_LENGTH);
  }
  if (index + 1 < n) t = Math.min(t, duration - MIN_CUE_LENGTH);
  t = ms(t);
  if (cur) Object.assign(cur, { endTime: t, fixed: true, timed: true });
  const nextCue = cues[index + 1];
  if (nextCue) {
    const len = Math.max(MIN_CUE_LENGTH, nextCue.endTime - nextCue.startTime);
    nextCue.startTime = t;
    nextCue.timed = true;
    if (nextCue.endTime < t + MIN_CUE_LENGTH) nextCue.endTime = ms(t + len);
    pushLater(cues, index + 1, duration);
  }
  return retime(session, cues);
}

/** Restores order after cue `from`: shifts overrun cues later (keeping length), then pulls back what passes `duration`. */
function pushLater(cues: EditCue[], from: number, duration: number): void {
  for (let j = from + 1; j < cues.length; j++) {
    const prev = cues[j - 1]!;
    const c = cues[j]!;
    if (c.startTime >= prev.endTime) break;
    const d = prev.endTime - c.startTime;
    cues[j] = { ...c, startTime: ms(c.startTime + d), endTime: ms(c.endTime + d) };
  }
  let limit = duration;
  for (let j = cues.length - 1; j > from; j--) {
    const c = cues[j]!;
    if (c.endTime <= limit) break;
    const endTime = ms(limit);
    const startTime = ms(Math.max(cues[from]!.endTime, Math.min(c.startTime, endTime - MIN_CUE_LENGTH)));
    cues[j] = { ...c, startTime, endTime };
    limit = startTime;
  }
}

/** Sets the media duration (seconds), the upper clamp for later edits. */
export function setDuration(session: EditorSession, duration: number): EditorSession {
  return duration === session.duration || !(duration >= 0) ? session : { ...session, duration };
}
