import { moveBoundary } from './ops.js';
import { MIN_CUE_LENGTH, ms, type EditCue, type EditorSession } from './session.js';
import { retime } from './spread.js';

/**
 * Tap to sync by position: while the recording plays, the editor taps as
 * speech crosses a boundary, and the tap sets the boundary that playback is
 * crossing, not whichever one happens to be selected. That is the behaviour
 * of Subtitle Edit's spot/"set start and go to next" and Aegisub's tap
 * timing: the tap lands on the line being heard.
 *
 * A tap at `time` (less the reaction allowance) picks, among the boundaries
 * not yet set in this pass, the one nearest that time within its plausible
 * window (`tapWindow`). Nothing within reach: the tap is refused, nothing
 * moves. The move never pushes other cues (unless `ripple`), never makes a
 * cue shorter than `MIN_CUE_LENGTH` and never reorders cues or chapters: it
 * is clamped to the neighbouring cues.
 *
 * ```ts
 * const plan = planTap(session, media.currentTime, { reactionTime: 0.25, synced });
 * if (plan.ok) { session = tapBoundary(session, plan.boundary, plan.time); synced.add(plan.boundary); }
 * else show(plan.reason);
 * ```
 */

/** Least window a tap may move a timed boundary by, seconds. */
export const TAP_MIN_WINDOW = 0.75;
/** Most a tap may move a timed boundary by, seconds. */
export const TAP_MAX_WINDOW = 4;
/** Window for a boundary whose times are only an estimate (untimed cues from plain text), seconds. */
export const TAP_UNTIMED_WINDOW = 10;

/** Options for `planTap`. */
export interface TapOptions {
  /** Seconds subtracted from the tap for the editor's reaction (0 when paused: the position is exact). */
  reactionTime?: number;
  /** Boundaries already set by tap in this pass: not taken again, so successive taps walk forward. */
  synced?: ReadonlySet<number>;
}

/** What a tap will do: set `boundary` to `time`, or nothing, with a reason to show. */
export type TapPlan =
  | { readonly ok: true; readonly boundary: number; readonly time: number; readonly from: number }
  | { readonly ok: false; readonly reason: 'none-near' | 'no-session'; readonly time: number; readonly nearest: number | null };

/** Seconds of boundary `b`: cue b's start, or the last cue's end. */
export function boundaryAt(s: EditorSession, b: number): number {
  return s.cues[b]?.startTime ?? s.cues[b - 1]?.endTime ?? 0;
}

/** True when boundary `b` only has estimated times: its cues are untimed. */
function estimated(s: EditorSession, b: number): boolean {
  const before = s.cues[b - 1];
  const after = s.cues[b];
  return (!before || !before.timed) && (!after || !after.timed);
}

/**
 * How far (seconds) a tap may move boundary `b`: 45% of the distance to its
 * nearer neighbouring boundary, kept within [`TAP_MIN_WINDOW`,
 * `TAP_MAX_WINDOW`]; an estimated boundary gets `TAP_UNTIMED_WINDOW`.
 * Under half the distance, so the windows of two boundaries never meet: a
 * tap in the middle of a cue is refused rather than guessed.
 */
export function tapWindow(s: EditorSession, b: number): number {
  if (estimated(s, b)) return TAP_UNTIMED_WINDOW;
  const t = boundaryAt(s, b);
  const n = s.cues.length;
  const prev = b > 0 ? t - boundaryAt(s, b - 1) : Infinity;
  const next = b < n ? boundaryAt(s, b + 1) - t : Infinity;
  const d = Math.min(prev, next);
  return Math.min(TAP_MAX_WINDOW, Math.max(TAP_MIN_WINDOW, Number.isFinite(d) ? d * 0.45 : TAP_MAX_WINDOW));
}

/** Which boundary a tap at `time` sets, and where; or why it sets none. */
export function planTap(s: EditorSession | null, time: number, options: TapOptions = {}): TapPlan {
  const { reactionTime = 0, synced = new Set<number>() } = options;
  const t = ms(Math.max(0, Math.min(s?.duration ?? 0, time - reactionTime)));
  if (!s || !s.cues.length) return { ok: false, reason: 'no-session', time: t, nearest: null };
  let best = -1;
  let bestD = Infinity;
  let nearest: number | null = null;
  let nearestD = Infinity;
  for (let b = 0; b <= s.cues.length; b++) {
    if (synced.has(b)) continue;
    const d = Math.abs(boundaryAt(s, b) - t);
    if (d < nearestD) [nearest, nearestD] = [b, d];
    // Ties go to the later boundary: the one playback is about to cross.
    if (d <= tapWindow(s, b) && d <= bestD) [best, bestD] = [b, d];
  }
  if (best < 0) return { ok: false, reason: 'none-near', time: t, nearest };
  return { ok: true, boundary: best, time: t, from: boundaryAt(s, best) };
}

/**
 * Sets boundary `b` to `time`: cue b starts there and, where the cues touch
 * (or would overlap), cue b-1 ends there; a pause before cue b stays a
 * pause. Clamped so both cues keep `MIN_CUE_LENGTH` and no cue passes its
 * neighbour; other cues never move, unless `ripple`, which shifts every
 * later cue by the same amount. Cue b-1 becomes an anchor (`fixed`): both
 * its edges have now been heard.
 */
export function tapBoundary(s: EditorSession, b: number, time: number, options: { ripple?: boolean } = {}): EditorSession {
  const n = s.cues.length;
  if (!(b >= 0 && b <= n) || n === 0 || !Number.isFinite(time)) return s;
  if (options.ripple) {
    const moved = moveBoundary(s, b, time, { linked: true, ripple: true, side: b === n ? 'end' : 'start' });
    return anchor(moved, b);
  }
  const before = s.cues[b - 1];
  const after = s.cues[b];
  const lo = before ? before.startTime + MIN_CUE_LENGTH : 0;
  const hi = after ? after.endTime - MIN_CUE_LENGTH : s.duration;
  if (lo > hi) return s;
  const t = ms(Math.min(hi, Math.max(lo, time)));
  const cues: EditCue[] = [...s.cues];
  if (after) cues[b] = { ...after, startTime: t, timed: true };
  if (before) {
    const touching = !after || Math.abs(before.endTime - after.startTime) <= 0.0015;
    const endTime = touching || before.endTime > t ? t : before.endTime;
    cues[b - 1] = { ...before, endTime, timed: true, fixed: true };
  }
  const same = cues.every((c, i) => c.startTime === s.cues[i]!.startTime && c.endTime === s.cues[i]!.endTime && c.fixed === s.cues[i]!.fixed && c.timed === s.cues[i]!.timed);
  return same ? s : retime(s, cues);
}

function anchor(s: EditorSession, b: number): EditorSession {
  const c = s.cues[b - 1];
  if (!c || c.fixed) return s;
  const cues = [...s.cues];
  cues[b - 1] = { ...c, fixed: true, timed: true };
  return { ...s, cues };
}
