import type { EditorSession } from './session.js';

/**
 * Undo and redo over immutable sessions. The history is itself immutable:
 * every function returns a new `EditHistory`, so an element can keep it in
 * one reactive property.
 *
 * A transaction groups many changes into one step: `begin` when a drag
 * starts, `apply` on every pointer move, `commit` on release (or `cancel` on
 * Escape to go back to where the drag began).
 *
 * ```ts
 * let h = createHistory(session);
 * h = apply(h, splitCue(h.present, 3, 12), 'Split cue');
 * h = begin(h, 'Move boundary');
 * h = apply(h, moveBoundary(h.base!, 4, 12.3)); // from the drag's start each time
 * h = commit(h);
 * h = undo(h); // back to after the split
 * ```
 */

/** A past or future state and the label of the step that leads away from it. */
export interface HistoryEntry {
  readonly session: EditorSession;
  /** What the step did, for "Undo <label>". */
  readonly label: string;
}

export interface EditHistory {
  readonly past: readonly HistoryEntry[];
  readonly present: EditorSession;
  readonly future: readonly HistoryEntry[];
  /** The session when the open transaction began, or null when none is open. */
  readonly base: EditorSession | null;
  /** Label of the open transaction. */
  readonly pendingLabel: string;
  /** Most undo steps kept. */
  readonly limit: number;
}

/** A history holding `session`, with at most `limit` undo steps (default 200). */
export function createHistory(session: EditorSession, limit = 200): EditHistory {
  return { past: [], present: session, future: [], base: null, pendingLabel: '', limit: Math.max(1, limit) };
}

/**
 * Records `next` as the new present. Inside a transaction it only replaces
 * the present; outside, it is one undo step. Applying the present itself (an
 * operation that changed nothing) records nothing.
 */
export function apply(history: EditHistory, next: EditorSession, label = ''): EditHistory {
  if (next === history.present) return history;
  if (history.base) return { ...history, present: next };
  const past = [...history.past, { session: history.present, label }].slice(-history.limit);
  return { ...history, past, present: next, future: [] };
}

/** Opens a transaction (a no-op when one is already open: transactions do not nest). */
export function begin(history: EditHistory, label = ''): EditHistory {
  return history.base ? history : { ...history, base: history.present, pendingLabel: label };
}

/** Closes the transaction: everything since `begin` becomes one undo step (none if nothing changed). */
export function commit(history: EditHistory): EditHistory {
  const { base } = history;
  if (!base) return history;
  const closed = { ...history, base: null, pendingLabel: '' };
  if (base === history.present) return closed;
  const past = [...history.past, { session: base, label: history.pendingLabel }].slice(-history.limit);
  return { ...closed, past, future: [] };
}

/** Abandons the transaction, restoring the session from when it began. */
export function cancel(history: EditHistory): EditHistory {
  return history.base ? { ...history, present: history.base, base: null, pendingLabel: '' } : history;
}

/** One step back; an open transaction is committed first so it undoes as a whole. */
export function undo(history: EditHistory): EditHistory {
  const h = commit(history);
  const prev = h.past[h.past.length - 1];
  if (!prev) return h;
  return { ...h, past: h.past.slice(0, -1), present: prev.session, future: [{ session: h.present, label: prev.label }, ...h.future] };
}

/** One step forward again. */
export function redo(history: EditHistory): EditHistory {
  const h = commit(history);
  const next = h.future[0];
  if (!next) return h;
  return { ...h, past: [...h.past, { session: h.present, label: next.label }], present: next.session, future: h.future.slice(1) };
}

/** Label of the step `undo` would take back, or null when there is none. */
export function undoLabel(history: EditHistory): string | null {
  return history.past[history.past.length - 1]?.label ?? null;
}

/** Label of the step `redo` would repeat, or null when there is none. */
export function redoLabel(history: EditHistory): string | null {
  return history.future[0]?.label ?? null;
}
