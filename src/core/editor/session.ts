import type { WebVTTCue, WebVTTDocument, WebVTTNote } from '../webvtt/types.js';
import { splitVoice } from './cue-text.js';

/**
 * The timing editor's session: an immutable snapshot of everything the editor
 * changes. Every operation in `ops.ts` returns a new session (or the same
 * object when it changed nothing), so undo is a list of snapshots and a Lit
 * element re-renders on identity.
 *
 * Times are seconds. Cues keep their order in the file; `checkSession` reports
 * cues out of order instead of silently sorting them.
 */

/** The WebVTT cue settings of a cue, kept untouched so they are written back as read. */
export type CueSettings = Omit<WebVTTCue, 'id' | 'startTime' | 'endTime' | 'text'>;

/** One cue as the editor sees it. */
export interface EditCue {
  /** WebVTT cue identifier ('' when the file had none). Kept as read; new cues get a derived one. */
  readonly id: string;
  /** Seconds. */
  readonly startTime: number;
  /** Seconds. */
  readonly endTime: number;
  /** The cue payload, markup included (a leading `<v Name>` carries the speaker). */
  readonly text: string;
  /** Derived: the leading voice of `text`, else the previous cue's speaker; '' when unknown. */
  readonly speaker: string;
  /** The editor confirmed both edges: alignment keeps them as anchors. */
  readonly fixed: boolean;
  /** False while the times are provisional (imported from plain text and not placed yet). */
  readonly timed: boolean;
  /** Settings from the file (position, region, ...), written back unchanged. */
  readonly settings: CueSettings;
}

/** A chapter: in an interview, one question and its answer. */
export interface EditChapter {
  /** Chapter cue identifier, e.g. `q03`. */
  readonly id: string;
  /** The chapter cue payload (the title as written; use `plainText` to show it). */
  readonly title: string;
  /** Index of the first cue of the chapter. */
  readonly startCue: number;
  /** One past the last cue of the chapter (`startCue` when it holds none). */
  readonly endCue: number;
  /** Seconds. Follows the first cue's start when that moves. */
  readonly startTime: number;
  /** Seconds. Follows the last cue's end when that moves. */
  readonly endTime: number;
  readonly settings: CueSettings;
}

/** A problem met while importing. Lines and columns are 1-based. */
export interface ImportError {
  /** Stable code, e.g. `bad-timestamp`, `bad-srt-index`, `empty-cue`. */
  readonly code: string;
  readonly message: string;
  /** Which input the problem is in. */
  readonly source: 'transcript' | 'chapters';
  readonly line: number;
  readonly column: number;
  /** The input was rejected as a whole. */
  readonly fatal: boolean;
}

/** The editor's whole state. Immutable: build new ones with the operations. */
export interface EditorSession {
  /** The transcript file's header, styles, regions and notes (its `cues` and `errors` are empty: see `cues`, `errors`). */
  readonly doc: WebVTTDocument;
  /** The chapters file's header, styles, regions and notes, or null when there was none. */
  readonly chaptersDoc: WebVTTDocument | null;
  readonly cues: readonly EditCue[];
  readonly chapters: readonly EditChapter[];
  /** Seconds: media length, the upper clamp of every edit. Starts as the last cue end; set it with `setDuration`. */
  readonly duration: number;
  /** Import problems (derived: not exported). */
  readonly errors: readonly ImportError[];
}

/** Settings of a cue written without any: what a WebVTT parser gives such a cue. */
export const DEFAULT_SETTINGS: CueSettings = Object.freeze({
  region: null,
  vertical: '',
  snapToLines: true,
  line: 'auto',
  lineAlign: 'start',
  position: 'auto',
  positionAlign: 'auto',
  size: 100,
  align: 'center',
  pauseOnExit: false,
});

/** Shortest cue the operations create, seconds. */
export const MIN_CUE_LENGTH = 0.05;

/** Rounds to whole milliseconds: what WebVTT can write, so an export reads back identical. */
export function ms(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}

/** An empty WebVTT document (no header, no blocks). */
export function emptyDocument(header = ''): WebVTTDocument {
  return { header, cues: [], regions: [], styles: [], notes: [], errors: [] };
}

/** Recomputes `speaker` from each cue's leading voice, inheriting through cues without one. */
export function withSpeakers(cues: readonly EditCue[]): EditCue[] {
  let speaker = '';
  return cues.map((c) => {
    const voice = splitVoice(c.text).voice;
    if (voice !== null) speaker = voice;
    return c.speaker === speaker ? c : { ...c, speaker };
  });
}

/** Splits settings off a parsed cue. */
export function settingsOf(cue: WebVTTCue): CueSettings {
  const { id: _id, startTime: _s, endTime: _e, text: _t, ...settings } = cue;
  return settings;
}

/** The inverse of `settingsOf`. */
export function toWebVTTCue(c: { id: string; startTime: number; endTime: number; settings: CueSettings }, text: string): WebVTTCue {
  return { ...c.settings, id: c.id, startTime: c.startTime, endTime: c.endTime, text };
}

/** Builds a session from cues and chapters, deriving speakers; `duration` defaults to the last end. */
export function createSession(parts: {
  cues: readonly EditCue[];
  chapters?: readonly EditChapter[];
  doc?: WebVTTDocument;
  chaptersDoc?: WebVTTDocument | null;
  duration?: number;
  errors?: readonly ImportError[];
}): EditorSession {
  const cues = withSpeakers(parts.cues);
  const chapters = parts.chapters ?? [];
  const last = latestEnd(cues, chapters);
  return {
    doc: parts.doc ?? emptyDocument(),
    chaptersDoc: parts.chaptersDoc ?? null,
    cues,
    chapters,
    duration: parts.duration ?? last,
    errors: parts.errors ?? [],
  };
}

/** Which cues a chapter holds, by cue start: those starting in [chapter start, chapter end). */
export function chapterRange(cues: readonly { startTime: number }[], start: number, end: number): [number, number] {
  return chapterRanges(cues, [{ startTime: start, endTime: end }])[0]!;
}

/**
 * `chapterRange` for every chapter at once, in time linear in cues plus
 * chapters (times log cues): the first cue starting at or after a time is
 * found by binary search over the running maximum of cue starts, which is
 * ordered even when the cues are not.
 */
export function chapterRanges(cues: readonly { startTime: number }[], chapters: readonly { startTime: number; endTime: number }[]): [number, number][] {
  const eps = 0.0005;
  const n = cues.length;
  const runningMax = new Float64Array(n);
  let max = -Infinity;
  for (let i = 0; i < n; i++) runningMax[i] = max = Math.max(max, cues[i]!.startTime);
  return chapters.map(({ startTime: start, endTime: end }) => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (runningMax[mid]! >= start - eps) hi = mid;
      else lo = mid + 1;
    }
    const first = lo;
    let last = first;
    while (last < n && cues[last]!.startTime < end - eps) last++;
    return [first, last];
  });
}

/** Notes keep their place relative to cues when cues are inserted (`delta` 1) or removed (-1) at `index`. */
export function shiftNotes(notes: readonly WebVTTNote[], index: number, delta: number): WebVTTNote[] {
  return notes.map((n) => (n.beforeCue > index ? { ...n, beforeCue: Math.max(index, n.beforeCue + delta) } : n));
}

/**
 * The latest end time of any cue or chapter, or 0. A loop, not `Math.max(...list)`:
 * spreading a data-sized array overflows the call stack past ~100,000 items.
 */
export function latestEnd(cues: readonly { endTime: number }[], chapters: readonly { endTime: number }[] = []): number {
  let last = 0;
  for (const c of cues) if (c.endTime > last) last = c.endTime;
  for (const c of chapters) if (c.endTime > last) last = c.endTime;
  return last;
}
