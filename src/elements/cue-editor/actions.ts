import {
  applyFix,
  mergeCues,
  moveBoundary,
  moveCue,
  nudge,
  plainText,
  retitleChapter,
  setCueText,
  setFixed,
  setSpeaker,
  planTap,
  splitCue,
  tapBoundary,
  type EditorSession,
  type Problem,
} from '../../core/editor/index.js';
import type { EditorHistoryController } from '../../controllers/editor/history.js';
import type { EditorKeyActions } from '../../controllers/editor/keys.js';
import type { EditorPlaybackController } from '../../controllers/editor/playback.js';
import { clockTime } from './format.js';
import type { EditIntent } from './intents.js';

/** What the actions need from the editor. Selection setters re-render it. */
export interface EditorContext {
  readonly history: EditorHistoryController;
  readonly playback: EditorPlaybackController;
  /** Selected boundary. */
  boundary: number;
  cue: number;
  readonly time: number;
  /** True while the media plays (a tap then allows for the editor's reaction). */
  readonly playing: boolean;
  /** Boundaries set by tap since playback last started or jumped: a tap does not take them again. */
  readonly tapped: Set<number>;
  readonly ripple: boolean;
  /** False when the 'link neighbours' toggle is off (a touch user's Alt). */
  readonly linked: boolean;
  readonly reactionTime: number;
  readonly problems: readonly Problem[];
  /** Boundaries to review, in time order. */
  readonly review: readonly number[];
  confidence(boundary: number): number | undefined;
  seek(time: number): void;
  reveal(time: number): void;
  zoom(direction: 1 | -1 | 0): void;
  /** Shows [time - halfSpan, time + halfSpan] on the timeline. */
  zoomAround(time: number, halfSpan: number): void;
  togglePlay(): void;
  announce(text: string): void;
}

/** Seconds shown either side of a boundary under review: enough to see the words around it, close enough to judge it. */
export const REVIEW_HALF_SPAN = 4;

/** Seconds of boundary `b`: cue b's start, or the last cue's end. */
export function boundaryTime(s: EditorSession, b: number): number {
  return s.cues[b]?.startTime ?? s.cues[b - 1]?.endTime ?? 0;
}

/** Where to cut cue `i` for a split at `time`: the word boundary nearest the same fraction of its text. */
export function splitOffset(s: EditorSession, i: number, time: number): number {
  const c = s.cues[i]!;
  const text = plainText(c.text);
  const len = c.endTime - c.startTime;
  const f = time > c.startTime && time < c.endTime && len > 0 ? (time - c.startTime) / len : 0.5;
  const at = Math.round(f * text.length);
  let best = -1;
  for (let k = text.indexOf(' '); k >= 0; k = text.indexOf(' ', k + 1)) if (best < 0 || Math.abs(k - at) < Math.abs(best - at)) best = k;
  return best < 0 ? at : best + 1;
}

function select(ctx: EditorContext, s: EditorSession, b: number, cue = Math.min(b, s.cues.length - 1)): void {
  ctx.boundary = Math.max(0, Math.min(s.cues.length, b));
  ctx.cue = Math.max(0, cue);
  ctx.reveal(boundaryTime(s, ctx.boundary));
}

/** Carries out an intent from a part of the editor. */
export function runIntent(ctx: EditorContext, intent: EditIntent): void {
  const { history } = ctx;
  const s = history.session;
  if (!s) return;
  const opts = { ripple: ctx.ripple };
  switch (intent.type) {
    case 'select-cue': {
      const c = s.cues[intent.cue];
      if (!c) return;
      select(ctx, s, intent.cue, intent.cue);
      if (intent.seek) ctx.seek(c.startTime);
      return;
    }
    case 'select-boundary':
      select(ctx, s, intent.boundary);
      if (intent.seek) ctx.seek(boundaryTime(s, intent.boundary));
      return;
    case 'seek':
      return ctx.seek(intent.time);
    case 'zoom':
      return;
    case 'drag': {
      const label = intent.target === 'boundary' ? 'Drag boundary' : 'Move cue';
      if (intent.phase === 'start') {
        history.begin(label);
        if (intent.target === 'boundary') select(ctx, s, intent.index);
        else select(ctx, s, intent.index, intent.index);
      } else if (intent.phase === 'move') {
        const base = history.base!;
        const o = { ...opts, linked: intent.linked && ctx.linked };
        history.apply(intent.target === 'boundary' ? moveBoundary(base, intent.index, intent.time, { ...o, side: intent.side ?? 'start' }) : moveCue(base, intent.index, intent.time, o), label);
      } else if (intent.phase === 'end') history.end();
      else history.cancel();
      return;
    }
    case 'nudge':
      select(ctx, s, intent.boundary);
      return history.apply(nudge(s, intent.boundary, intent.delta, { ...opts, linked: intent.linked && ctx.linked }), 'Nudge boundary');
    case 'move-cue': {
      const c = s.cues[intent.cue];
      if (c) history.apply(moveCue(s, intent.cue, c.startTime + intent.delta, { ...opts, linked: intent.linked && ctx.linked }), 'Move cue');
      return;
    }
    case 'text':
      return history.apply(setCueText(s, intent.cue, intent.text), 'Edit text');
    case 'speaker':
      return history.apply(setSpeaker(s, intent.cue, intent.speaker), 'Change speaker');
    case 'title':
      return history.apply(retitleChapter(s, intent.chapter, intent.title), 'Retitle question');
    case 'split': {
      const next = splitCue(s, intent.cue, intent.offset ?? splitOffset(s, intent.cue, ctx.time), intent.offset === undefined ? inside(s, intent.cue, ctx.time) : undefined);
      if (next === s) return ctx.announce('This cue cannot be split there: both halves need text and time.');
      history.apply(next, 'Split cue');
      return select(ctx, next, intent.cue + 1, intent.cue + 1);
    }
    case 'merge': {
      const next = mergeCues(s, intent.cue);
      if (next === s) return ctx.announce('Cues with different speakers, or across a question, are not merged.');
      return history.apply(next, 'Merge cues');
    }
    case 'fixed':
      return history.apply(setFixed(s, intent.cue, intent.fixed), intent.fixed ? 'Anchor cue' : 'Release anchor');
    case 'fix': {
      const p = ctx.problems[intent.problem];
      if (p?.fix) history.apply(applyFix(s, p.fix), p.fix.label);
      return;
    }
  }
}

/** `time` when it falls inside cue `i` (a split there), else undefined (split by text length). */
function inside(s: EditorSession, i: number, time: number): number | undefined {
  const c = s.cues[i];
  return c && time > c.startTime && time < c.endTime ? time : undefined;
}

/** The editor's key actions, over the same context. */
export function keyActions(ctx: EditorContext): EditorKeyActions {
  const session = (): EditorSession | null => ctx.history.session;
  return {
    tap() {
      const s = session();
      if (!s) return;
      const plan = planTap(s, ctx.time, { reactionTime: ctx.playing ? ctx.reactionTime : 0, synced: ctx.tapped });
      if (!plan.ok) {
        const near = plan.nearest === null ? '' : ` (the nearest not yet tapped, boundary ${plan.nearest}, is at ${clockTime(boundaryTime(s, plan.nearest))})`;
        return ctx.announce(`Tap at ${clockTime(plan.time)} not used: no boundary close enough${near}. Nothing changed.`);
      }
      const next = tapBoundary(s, plan.boundary, plan.time, { ripple: ctx.ripple });
      ctx.tapped.add(plan.boundary);
      ctx.history.apply(next, 'Tap');
      select(ctx, next, plan.boundary);
      const moved = boundaryTime(next, plan.boundary) - plan.from;
      ctx.announce(`Tap: boundary ${plan.boundary} at ${clockTime(boundaryTime(next, plan.boundary))} (${moved >= 0 ? '+' : '−'}${Math.abs(moved).toFixed(3)} s).`);
    },
    nudge: (delta, linked) => runIntent(ctx, { type: 'nudge', boundary: ctx.boundary, delta, linked }),
    step: (d) => runIntent(ctx, { type: 'select-boundary', boundary: ctx.boundary + d }),
    audition(repeat) {
      const s = session();
      if (s) void ctx.playback.audition(boundaryTime(s, ctx.boundary), repeat);
    },
    split: () => runIntent(ctx, { type: 'split', cue: ctx.cue }),
    merge: () => runIntent(ctx, { type: 'merge', cue: ctx.cue }),
    review(d) {
      const s = session();
      const list = ctx.review;
      if (!s || !list.length) return ctx.announce('Nothing to review.');
      const b = d > 0 ? (list.find((x) => x > ctx.boundary) ?? list[0]!) : ([...list].reverse().find((x) => x < ctx.boundary) ?? list[list.length - 1]!);
      select(ctx, s, b);
      const t = boundaryTime(s, b);
      // Judge it by eye and by ear: the timeline zooms to the seconds around it, and it plays once (an audition).
      ctx.zoomAround(t, REVIEW_HALF_SPAN);
      void ctx.playback.audition(t);
      const c = ctx.confidence(b);
      ctx.announce(`Review ${list.indexOf(b) + 1} of ${list.length}: boundary ${b} at ${clockTime(t)}${c === undefined ? '' : `, confidence ${Math.round(c * 100)}%`}.`);
    },
    zoom: (d) => ctx.zoom(d),
    togglePlay: () => ctx.togglePlay(),
    undo: () => ctx.history.undo(),
    redo: () => ctx.history.redo(),
    escape() {
      if (ctx.history.dragging) {
        ctx.history.cancel();
        return true;
      }
      return ctx.playback.stop(true);
    },
  };
}
