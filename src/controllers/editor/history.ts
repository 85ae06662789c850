import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { apply, begin, cancel, commit, createHistory, packHistory, redo, undo, unpackHistory, type EditHistory, type EditorSession, type JournalCause, type PackedHistory } from '../../core/editor/index.js';

/** Why the session changed. */
export type HistoryCause = JournalCause;

export interface EditorHistoryOptions {
  /** The present session changed: once per step (a drag once, when it ends or is cancelled). */
  onChange(history: EditHistory, label: string, cause: HistoryCause): void;
  /** A change was refused because the history is read-only (another tab edits the session). */
  onRefused?(): void;
}

/**
 * Holds the timing editor's undo history (core `history.ts`) for an element:
 * every change goes through here, re-renders the host, and is reported once
 * (a drag once, when it ends), which is what autosave and `cue-edit` need.
 */
export class EditorHistoryController implements ReactiveController {
  #history: EditHistory | null = null;
  /**
   * Refuses every change the person makes (edits, undo, redo, opening over a
   * session): another tab edits this session. `restore` and `amend` still work.
   */
  readOnly = false;
  readonly #host: ReactiveControllerHost;
  readonly #options: EditorHistoryOptions;

  constructor(host: ReactiveControllerHost, options: EditorHistoryOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {}

  /** The history, or null before a session is opened. */
  get history(): EditHistory | null {
    return this.#history;
  }

  /** The present session, or null. */
  get session(): EditorSession | null {
    return this.#history?.present ?? null;
  }

  /** True while a drag (transaction) is open. */
  get dragging(): boolean {
    return !!this.#history?.base;
  }

  /** True (and reported) when a change must be refused. */
  #refused(): boolean {
    if (!this.readOnly) return false;
    this.#options.onRefused?.();
    return true;
  }

  #set(next: EditHistory, label: string, cause: HistoryCause | null): void {
    if (next === this.#history) return;
    this.#history = next;
    this.#host.requestUpdate();
    if (cause) this.#options.onChange(next, label, cause);
  }

  /** Opens `session`: an undoable step when a session was open ('open'), a fresh history otherwise; 'restore' always starts fresh. */
  open(session: EditorSession, label: string, cause: 'open' | 'restore' = 'open'): void {
    const h = this.#history;
    if (h && this.#refused()) return;
    this.#set(h && cause === 'open' ? apply(commit(h), session, label) : createHistory(session), label, cause);
  }

  /**
   * Brings back a saved session with the undo history saved beside it; a
   * history that cannot be read in full is dropped (false), the session kept.
   */
  restore(session: EditorSession, packed: unknown): boolean {
    const h = packed === undefined ? null : unpackHistory(session, packed);
    this.#set(h ?? createHistory(session), 'Restore', 'restore');
    return !!h;
  }

  /** The history in the compact form saved with the session (the last 200 steps each way). */
  pack(): PackedHistory | null {
    return this.#history && packHistory(this.#history);
  }

  /** Replaces the present without an undo step (facts about the media, such as its duration). */
  amend(session: EditorSession): void {
    const h = this.#history;
    if (h && session !== h.present) this.#set({ ...h, present: session }, '', 'amend');
  }

  /** Records an operation's result as one undo step (or as the next move of an open drag). */
  apply(next: EditorSession, label: string): void {
    const h = this.#history;
    if (!h || next === h.present || this.#refused()) return;
    this.#set(apply(h, next, label), label, h.base ? null : 'edit');
  }

  /** Starts a drag: `move` then computes from `base` each time, `end` makes it one step. */
  begin(label: string): void {
    if (this.#history && !this.#refused()) this.#set(begin(this.#history, label), label, null);
  }

  /** The session when the drag began (the present when none is open). */
  get base(): EditorSession | null {
    return this.#history?.base ?? this.session;
  }

  end(): void {
    const h = this.#history;
    if (!h?.base) return;
    const label = h.pendingLabel;
    const changed = h.base !== h.present;
    const next = commit(h);
    this.#set(next, label, changed ? 'edit' : null);
  }

  cancel(): void {
    const h = this.#history;
    if (h?.base) this.#set(cancel(h), h.pendingLabel, h.base !== h.present ? 'edit' : null);
  }

  undo(): void {
    const h = this.#history;
    if (h && !this.#refused()) this.#set(undo(h), h.past[h.past.length - 1]?.label ?? '', 'undo');
  }

  redo(): void {
    const h = this.#history;
    if (h && !this.#refused()) this.#set(redo(h), h.future[0]?.label ?? '', 'redo');
  }
}
