import { commit, type EditHistory, type HistoryEntry } from './history.js';
import type { EditChapter, EditCue, EditorSession } from './session.js';

/**
 * The undo history in a form to keep with a saved session: one small delta
 * per step instead of a whole session, so 200 steps of nudging a 261-cue
 * transcript cost a few kilobytes, not 200 copies of it.
 *
 * A delta turns one session into its neighbour in the history: the cues and
 * the chapters as one splice each (the run between the unchanged start and
 * end, found by identity, which the immutable operations keep for every cue
 * they do not touch), plus whichever of duration, documents and import
 * errors changed. `past[0]` leads from the present to the step before it,
 * `past[1]` from there one further back, and so on; `future` likewise.
 *
 * What is read back is untrusted (another version of the page, a damaged
 * store): `unpackHistory` checks every field and returns null for anything
 * it cannot fully rebuild, and the caller keeps the session without history.
 */

/** Format version of `PackedHistory`. */
export const HISTORY_PACK_VERSION = 1;

/** Replace `remove` items at `at` with `insert`. */
export interface Splice<T> {
  readonly at: number;
  readonly remove: number;
  readonly insert: readonly T[];
}

/** One step of the history as a change to its neighbour. */
export interface HistoryDelta {
  /** Label of the step (as in `HistoryEntry`). */
  readonly label: string;
  readonly cues?: Splice<EditCue>;
  readonly chapters?: Splice<EditChapter>;
  readonly duration?: number;
  readonly doc?: EditorSession['doc'];
  readonly chaptersDoc?: EditorSession['chaptersDoc'];
  readonly errors?: EditorSession['errors'];
}

/** The history as saved next to its present session. */
export interface PackedHistory {
  readonly v: typeof HISTORY_PACK_VERSION;
  /** Nearest step first. */
  readonly past: readonly HistoryDelta[];
  /** Nearest step first. */
  readonly future: readonly HistoryDelta[];
}

function splice<T>(from: readonly T[], to: readonly T[]): Splice<T> | undefined {
  if (from === to) return undefined;
  let a = 0;
  const max = Math.min(from.length, to.length);
  while (a < max && from[a] === to[a]) a++;
  let z = 0;
  while (z < max - a && from[from.length - 1 - z] === to[to.length - 1 - z]) z++;
  if (a === from.length && a === to.length) return undefined;
  return { at: a, remove: from.length - a - z, insert: to.slice(a, to.length - z) };
}

/** The change that turns `from` into `to`. */
export function diffSessions(from: EditorSession, to: EditorSession, label: string): HistoryDelta {
  const d: { -readonly [K in keyof HistoryDelta]: HistoryDelta[K] } = { label };
  const cues = splice(from.cues, to.cues);
  const chapters = splice(from.chapters, to.chapters);
  if (cues) d.cues = cues;
  if (chapters) d.chapters = chapters;
  if (from.duration !== to.duration) d.duration = to.duration;
  if (from.doc !== to.doc) d.doc = to.doc;
  if (from.chaptersDoc !== to.chaptersDoc) d.chaptersDoc = to.chaptersDoc;
  if (from.errors !== to.errors) d.errors = to.errors;
  return d;
}

/**
 * Packs `history` (an open drag counts as done) keeping at most `limit`
 * steps each way, nearest first.
 */
export function packHistory(history: EditHistory, limit = history.limit): PackedHistory {
  const h = commit(history);
  const chain = (entries: readonly HistoryEntry[]): HistoryDelta[] => {
    const out: HistoryDelta[] = [];
    let at = h.present;
    for (const e of entries.slice(0, limit)) {
      out.push(diffSessions(at, e.session, e.label));
      at = e.session;
    }
    return out;
  };
  return { v: HISTORY_PACK_VERSION, past: chain([...h.past].reverse()), future: chain(h.future) };
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isTime = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0;
const isIndex = (x: unknown): x is number => Number.isInteger(x) && (x as number) >= 0;

export function isCue(x: unknown): x is EditCue {
  return (
    isObject(x) &&
    typeof x['id'] === 'string' &&
    typeof x['text'] === 'string' &&
    typeof x['speaker'] === 'string' &&
    isTime(x['startTime']) &&
    isTime(x['endTime']) &&
    typeof x['fixed'] === 'boolean' &&
    typeof x['timed'] === 'boolean' &&
    isObject(x['settings'])
  );
}

export function isChapter(x: unknown): x is EditChapter {
  return (
    isObject(x) &&
    typeof x['id'] === 'string' &&
    typeof x['title'] === 'string' &&
    isIndex(x['startCue']) &&
    isIndex(x['endCue']) &&
    isTime(x['startTime']) &&
    isTime(x['endTime']) &&
    isObject(x['settings'])
  );
}

export function isDoc(x: unknown): x is EditorSession['doc'] {
  return isObject(x) && typeof x['header'] === 'string' && ['cues', 'regions', 'styles', 'notes', 'errors'].every((k) => Array.isArray(x[k]));
}

function applySplice<T>(items: readonly T[], s: unknown, valid: (x: unknown) => x is T): readonly T[] | null {
  if (s === undefined) return items;
  if (!isObject(s) || !isIndex(s['at']) || !isIndex(s['remove']) || !Array.isArray(s['insert'])) return null;
  const { at, remove, insert } = s as { at: number; remove: number; insert: unknown[] };
  if (at + remove > items.length || !insert.every(valid)) return null;
  return [...items.slice(0, at), ...insert, ...items.slice(at + remove)];
}

/** The neighbour of `s` that `delta` leads to, or null when the delta is malformed or does not fit `s`. */
export function applyDelta(s: EditorSession, delta: unknown): { session: EditorSession; label: string } | null {
  if (!isObject(delta) || typeof delta['label'] !== 'string') return null;
  const cues = applySplice(s.cues, delta['cues'], isCue);
  const chapters = applySplice(s.chapters, delta['chapters'], isChapter);
  if (!cues || !chapters) return null;
  if (chapters.some((c) => c.startCue > c.endCue || c.endCue > cues.length)) return null;
  const d = delta['duration'];
  if (d !== undefined && !isTime(d)) return null;
  const doc = delta['doc'];
  if (doc !== undefined && !isDoc(doc)) return null;
  const cd = delta['chaptersDoc'];
  if (cd !== undefined && cd !== null && !isDoc(cd)) return null;
  const errors = delta['errors'];
  if (errors !== undefined && !Array.isArray(errors)) return null;
  const session: EditorSession = {
    ...s,
    cues,
    chapters,
    duration: d ?? s.duration,
    doc: doc ?? s.doc,
    chaptersDoc: cd === undefined ? s.chaptersDoc : cd,
    errors: (errors as EditorSession['errors'] | undefined) ?? s.errors,
  };
  return { session, label: delta['label'] };
}

/**
 * Rebuilds the history around `present` from what `packHistory` saved, or
 * null when `packed` is not a history this version can read in full (then
 * keep `present` alone). Keeps at most `limit` steps each way.
 */
export function unpackHistory(present: EditorSession, packed: unknown, limit = 200): EditHistory | null {
  if (!isObject(packed) || packed['v'] !== HISTORY_PACK_VERSION || !Array.isArray(packed['past']) || !Array.isArray(packed['future'])) return null;
  const chain = (deltas: readonly unknown[]): HistoryEntry[] | null => {
    const out: HistoryEntry[] = [];
    let at = present;
    for (const delta of deltas.slice(0, limit)) {
      const next = applyDelta(at, delta);
      if (!next) return null;
      out.push({ session: next.session, label: next.label });
      at = next.session;
    }
    return out;
  };
  const past = chain(packed['past']);
  const future = chain(packed['future']);
  if (!past || !future) return null;
  return { past: past.reverse(), present, future, base: null, pendingLabel: '', limit: Math.max(1, limit) };
}
