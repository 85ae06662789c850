import { applyDelta, diffSessions, type HistoryDelta } from './history-pack.js';
import { apply, commit, createHistory, redo, undo, type EditHistory } from './history.js';
import { savedMetaProblem } from './saved-record.js';
import type { EditorSession } from './session.js';

/**
 * The editor's save journal: each change to the session as a small record
 * (the changed cues and chapters, found by identity, as in the undo pack),
 * appended to storage as it happens, instead of the whole session. A full
 * snapshot is written now and then (compaction); loading is the snapshot
 * with the journal records after it replayed in order.
 *
 * Each operation says why the session changed, so replaying it rebuilds the
 * undo history too: an edit is a new undo step, an undo moves the history
 * one step back (and lands on the session the delta gives).
 *
 * What is read back is untrusted: `replayJournal` stops at the first record
 * it cannot apply and hands the rest back, so the caller keeps the valid
 * part, says so, and keeps the bad part aside.
 */

/** Format version of `JournalRecord`. */
export const JOURNAL_VERSION = 1;

/** Why the session changed (as the editor's history controller reports it). */
export type JournalCause = 'edit' | 'undo' | 'redo' | 'open' | 'restore' | 'amend';
const CAUSES: readonly string[] = ['edit', 'undo', 'redo', 'open', 'restore', 'amend'];

/** One change: the delta from the session before to the one after, and why. */
export interface JournalOp {
  readonly cause: JournalCause;
  readonly delta: HistoryDelta;
}

/** Where the recording came from (as saved). */
export type SavedMediaRef = { kind: 'url'; url: string } | { kind: 'file'; name: string };

/** The small facts saved beside the session, written again with every record. */
export interface SavedMeta {
  /** Epoch milliseconds. */
  readonly savedAt: number;
  readonly unexported: boolean;
  readonly name: string;
  readonly media: SavedMediaRef | null;
}

/** What one write appends: the operations that landed together, and the facts after them. */
export interface JournalRecord {
  readonly v: typeof JOURNAL_VERSION;
  /** 1, 2, 3... after the snapshot's `seq`; no gaps. */
  readonly seq: number;
  readonly ops: readonly JournalOp[];
  readonly meta: SavedMeta;
}

/** The operation that turns `before` into `after`. */
export function journalOp(before: EditorSession, after: EditorSession, label: string, cause: JournalCause): JournalOp {
  return { cause, delta: diffSessions(before, after, label) };
}

/** True when `op` changes nothing (its delta holds only a label). */
export function isEmptyOp(op: JournalOp): boolean {
  return Object.keys(op.delta).length === 1;
}

/** The history after `op`, or null when `op` is malformed or does not fit `history.present`. */
export function applyOp(history: EditHistory, op: unknown): EditHistory | null {
  if (typeof op !== 'object' || op === null) return null;
  const { cause, delta } = op as { cause?: unknown; delta?: unknown };
  if (typeof cause !== 'string' || !CAUSES.includes(cause)) return null;
  const h = commit(history);
  const next = applyDelta(h.present, delta);
  if (!next) return null;
  const { session, label } = next;
  switch (cause as JournalCause) {
    case 'edit':
    case 'open':
      return apply(h, session, label);
    case 'undo':
      // The step comes off the rebuilt history; the delta says where it lands.
      return h.past.length ? { ...undo(h), present: session } : { ...h, present: session };
    case 'redo':
      return h.future.length ? { ...redo(h), present: session } : { ...h, present: session };
    case 'restore':
      return createHistory(session, h.limit);
    case 'amend':
      return { ...h, present: session };
  }
}

/** The outcome of replaying a journal over a snapshot. */
export interface ReplayResult {
  readonly history: EditHistory;
  /** The facts of the last record applied, or null when none was. */
  readonly meta: SavedMeta | null;
  /** `seq` of the last record applied (the snapshot's when none was). */
  readonly seq: number;
  /** Records applied. */
  readonly applied: number;
  /** The first record that could not be applied, why, and it with every record after it (they build on it). */
  readonly bad: { readonly problem: string; readonly records: readonly unknown[] } | null;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Why `x` is not a journal record (its operations aside: `applyOp` checks those), or null. */
export function journalRecordProblem(x: unknown): string | null {
  if (!isObject(x)) return 'a saved change is not an object';
  if (x['v'] !== JOURNAL_VERSION) return 'a saved change has an unknown format';
  if (!Number.isInteger(x['seq'])) return 'a saved change has no sequence number';
  if (!Array.isArray(x['ops'])) return 'a saved change has no operations';
  return savedMetaProblem(x['meta']);
}

/**
 * Replays `records` (in store order) over `history`, whose present is the
 * snapshot holding changes up to `seq`. Records at or before `seq` are left
 * over from before the snapshot and skipped; a record that is malformed, out
 * of sequence or does not fit stops the replay (`bad`), since every later one
 * was made on top of it.
 */
export function replayJournal(history: EditHistory, seq: number, records: readonly unknown[]): ReplayResult {
  let h = history;
  let at = seq;
  let meta: SavedMeta | null = null;
  let applied = 0;
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    const stop = (problem: string): ReplayResult => ({ history: h, meta, seq: at, applied, bad: { problem, records: records.slice(i) } });
    const problem = journalRecordProblem(r);
    if (problem) return stop(problem);
    const rec = r as unknown as JournalRecord;
    if (rec.seq <= at) continue;
    if (rec.seq !== at + 1) return stop(`saved change ${at + 1} is missing`);
    let next = h;
    for (const op of rec.ops as readonly unknown[]) {
      const after = applyOp(next, op);
      if (!after) return stop(`saved change ${rec.seq} does not fit the session`);
      next = after;
    }
    h = next;
    at = rec.seq;
    meta = rec.meta;
    applied++;
  }
  return { history: h, meta, seq: at, applied, bad: null };
}
