import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  commit,
  createHistory,
  journalOp,
  JOURNAL_VERSION,
  packHistory,
  replayJournal,
  savedMetaProblem,
  savedRecordProblem,
  unpackHistory,
  type EditHistory,
  type EditorSession,
  type JournalCause,
  type JournalOp,
  type JournalRecord,
  type SavedMeta,
} from '../../core/editor/index.js';
import {
  appendJournal,
  claim,
  keepDamaged,
  keepDamagedJournal,
  loadMedia,
  loadState,
  saveMedia,
  StaleRevisionError,
  writeSnapshot,
  type SavedEditor,
  type StoredState,
} from '../../storage/editor-store.js';

/** What the editor saves beside the session (the save time is added when written). */
export type EditorFacts = Omit<SavedMeta, 'savedAt'>;

export interface EditorAutosaveOptions {
  /** The store key (the element's `storage-key`). */
  key(): string;
  /** The history to save and the facts beside it, or null when there is nothing to save. */
  state(): { history: EditHistory; facts: EditorFacts } | null;
  /** There are changes the user has not exported: leaving asks first. */
  unexported(): boolean;
  /** Saving stopped working (called once, until a save works again), or (null) works again. */
  onFailure(error: Error | null): void;
  /** A write was refused because another tab saved since this one read the store; saving pauses (`paused`). */
  onStale(): void;
  /** Part of the saved journal could not be replayed: the session is restored up to it, and the rest kept aside. */
  onJournalDamaged(problem: string, kept: readonly unknown[]): void;
}

/** First wait before retrying a failed save, milliseconds; doubled on each failure up to `RETRY_MAX`. */
export const RETRY_FIRST = 1000;
export const RETRY_MAX = 30000;
/** A full snapshot replaces the journal after this many records... */
export const COMPACT_RECORDS = 200;
/** ...or this many bytes of them (as JSON)... */
export const COMPACT_BYTES = 256 * 1024;
/** ...or after this long without a change, milliseconds (then when the browser is idle). */
export const COMPACT_IDLE = 4000;

/** Why saving fails, in words for the editor. */
export function saveFailureReason(e: Error): string {
  if (e.name === 'QuotaExceededError') return 'the browser’s storage for this site is full';
  if (e.name === 'InvalidStateError' || e.name === 'SecurityError' || e.name === 'UnknownError' || e.name === 'NotAllowedError' || !('indexedDB' in globalThis))
    return 'its storage is not available here, as in a private window';
  return e.message || e.name;
}

type Restored = { saved: SavedEditor; media: Blob | null } | { damaged: unknown; problem: string } | null;

/**
 * Saves the timing editor to IndexedDB as changes happen, and asks before
 * the page is left with unexported changes.
 *
 * Each change is appended as a small journal record (core `journal.ts`):
 * the cues and chapters it changed, not the session, so an edit costs the
 * same to save in a 200-cue session as in a 5,000-cue one, and its write
 * starts in the same task as the edit. Changes made while a write is under
 * way go together in the next record. Now and then (every `COMPACT_RECORDS`
 * records or `COMPACT_BYTES`, on export, and when idle) a full snapshot
 * with the undo history replaces the journal.
 *
 * Every write checks the stored revision in its own transaction: a write
 * from a tab that did not see the latest one is refused (`onStale`), so a
 * stale tab never overwrites newer work.
 *
 * A save that fails (no IndexedDB in a private window, a full disk, a store
 * gone bad) is never silent: `onFailure` tells the element at once, the work
 * stays in memory (the unsaved operations are kept), and the save is retried
 * with backoff until one works.
 */
export class EditorAutosaveController implements ReactiveController {
  /** Turns saving off (the element's `no-autosave`). */
  disabled = false;
  /** Saving paused: another tab edits this session (this one must not write). */
  paused = false;
  /** The last save error, or null. */
  error: Error | null = null;
  /** A save has worked since the element started (a later failure is not "unavailable"). */
  everSaved = false;
  /** This editor instance, as recorded in the store's head. */
  readonly owner = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

  readonly #options: EditorAutosaveOptions;
  #writing: Promise<void> | null = null;
  #again = false;
  #retry: ReturnType<typeof setTimeout> | undefined;
  #idle: ReturnType<typeof setTimeout> | undefined;
  #wait = RETRY_FIRST;
  /** The session the journal leads to once `#ops` are written (null: none yet, a snapshot is needed). */
  #last: EditorSession | null = null;
  #ops: JournalOp[] = [];
  /** Seq of the last journal record written (or folded into the snapshot). */
  #seq = 0;
  /** The store's revision as this tab last wrote or read it. */
  #rev = 0;
  #records = 0;
  #bytes = 0;
  /** The facts as last written, as JSON. */
  #facts = '';
  #wasUnexported = false;
  #snapshotDue = false;
  /** The next snapshot drops the whole journal (a damaged part, kept aside, is in it). */
  #dropJournal = false;

  constructor(host: ReactiveControllerHost, options: EditorAutosaveOptions) {
    this.#options = options;
    host.addController(this);
  }

  /** The store's revision as this tab last saw it. */
  get rev(): number {
    return this.#rev;
  }

  /** There are changes not yet written (pending, or refused). */
  get pending(): boolean {
    return this.#ops.length > 0 || this.#snapshotDue;
  }

  hostConnected(): void {
    addEventListener('beforeunload', this.#beforeUnload);
  }

  hostDisconnected(): void {
    removeEventListener('beforeunload', this.#beforeUnload);
    clearTimeout(this.#retry);
    clearTimeout(this.#idle);
    this.#retry = undefined;
  }

  /** Records a failure (reported once until a save works), and retries later. */
  #failed(e: unknown): void {
    const error = e instanceof Error ? e : new Error(String(e));
    const first = !this.error;
    this.error = error;
    if (first) this.#options.onFailure(error);
    if (this.#retry === undefined) {
      this.#retry = setTimeout(() => {
        this.#retry = undefined;
        this.schedule();
      }, this.#wait);
      this.#wait = Math.min(RETRY_MAX, this.#wait * 2);
    }
  }

  #worked(): void {
    this.everSaved = true;
    this.#wait = RETRY_FIRST;
    if (!this.error) return;
    this.error = null;
    this.#options.onFailure(null);
  }

  /** Reports a store that could not be read at start (the same failure as a save's). */
  unavailable(e: unknown): void {
    this.#failed(e);
  }

  readonly #beforeUnload = (e: BeforeUnloadEvent): void => {
    if (!this.#options.unexported()) return;
    e.preventDefault();
    // Older browsers need returnValue set to show the prompt.
    e.returnValue = '';
  };

  /**
   * What was saved under the key (the snapshot with its journal replayed),
   * with its local recording if it had one; a snapshot without the shape the
   * editor writes comes back as `damaged` (and is kept aside under
   * `<key>:damaged` before anything overwrites it).
   */
  async restore(): Promise<Restored> {
    if (this.disabled) return null;
    return this.adopt(await loadState(this.#options.key()));
  }

  /** Takes `state` (read from the store) as what this tab's journal builds on; what `restore` returns. */
  async adopt(state: StoredState): Promise<Restored> {
    const key = this.#options.key();
    this.#rev = state.head?.rev ?? 0;
    this.#ops = [];
    this.#last = null;
    this.#seq = 0;
    this.#records = 0;
    this.#bytes = 0;
    this.#snapshotDue = false;
    this.#dropJournal = false;
    const { snapshot, journal } = state;
    if (snapshot === null || snapshot === undefined) {
      // Changes with no snapshot to apply them to (nothing should write that): keep them aside.
      if (journal.length) await keepDamagedJournal(key, journal).catch((e: unknown) => this.#failed(e));
      this.#dropJournal = true;
      return null;
    }
    const problem = savedRecordProblem(snapshot);
    if (problem) {
      await keepDamaged(key, snapshot).catch((e: unknown) => this.#failed(e));
      if (journal.length) await keepDamagedJournal(key, journal).catch((e: unknown) => this.#failed(e));
      this.#dropJournal = true;
      return { damaged: snapshot, problem };
    }
    const saved = snapshot as SavedEditor;
    const unpacked = saved.history === undefined ? null : unpackHistory(saved.session, saved.history);
    const r = replayJournal(unpacked ?? createHistory(saved.session), saved.seq ?? 0, journal);
    this.#seq = r.seq;
    this.#records = r.applied;
    this.#bytes = journal.length ? JSON.stringify(journal).length : 0;
    if (r.bad) {
      // Keep what was valid; the rest goes aside, and a snapshot of what was kept replaces the journal.
      await keepDamagedJournal(key, [...r.bad.records]).catch((e: unknown) => this.#failed(e));
      this.#snapshotDue = true;
      this.#dropJournal = true;
      this.#options.onJournalDamaged(r.bad.problem, r.bad.records);
    }
    const meta = r.meta ?? saved;
    const present = r.history.present;
    this.#last = present;
    this.#facts = JSON.stringify(factsOf(meta));
    this.#wasUnexported = meta.unexported;
    const historyLost = saved.history !== undefined && !unpacked;
    const restored: SavedEditor = {
      session: present,
      savedAt: meta.savedAt,
      unexported: meta.unexported,
      name: meta.name,
      media: meta.media,
      // An unreadable saved history stays unreadable (the editor says it starts afresh).
      history: historyLost && !r.applied ? saved.history! : packHistory(r.history),
    };
    if (r.bad) this.schedule();
    const media = meta.media?.kind === 'file' ? await loadMedia(key) : null;
    return { saved: restored, media };
  }

  /**
   * Makes this tab the one writing the session ("Edit here"): reads the
   * newest saved state and, in the same transaction, takes the next journal
   * place and revision, so the tab that wrote before is refused from now on.
   * What `restore` returns, for the newest state.
   */
  async takeOver(): Promise<Restored> {
    const state = await claim(this.#options.key(), this.owner, (x, seq) => {
      const meta = [...x.journal].reverse().map((r) => (r as { meta?: unknown } | null)?.meta).find((m) => savedMetaProblem(m) === null) ?? x.snapshot;
      if (savedMetaProblem(meta) !== null || savedRecordProblem(x.snapshot) !== null) return null;
      return { v: JOURNAL_VERSION, seq, ops: [], meta: { ...factsOf(meta as SavedMeta), savedAt: Date.now() } };
    });
    this.paused = false;
    return this.adopt(state);
  }

  /** The session changed (`cause`, labelled `label`): journals the change and saves it now. */
  changed(label: string, cause: JournalCause): void {
    if (this.disabled) return;
    const s = this.#options.state();
    if (!s) return;
    const present = s.history.present;
    // Nothing new (the restore of what was just read): nothing to write.
    if (present === this.#last) {
      if (this.#snapshotDue) this.schedule();
      return;
    }
    // The first session (nothing to build on yet) is saved whole.
    if (this.#last) this.#ops.push(journalOp(this.#last, present, label, cause));
    else this.#snapshotDue = true;
    this.#last = present;
    this.schedule();
  }

  /** Saves the current state soon (now, or right after the write in progress). */
  schedule(): void {
    if (this.disabled || this.paused) return;
    if (this.#writing) {
      this.#again = true;
      return;
    }
    this.#writing = this.#write().finally(() => {
      this.#writing = null;
    });
  }

  async #write(): Promise<void> {
    do {
      this.#again = false;
      if (this.paused) return;
      const s = this.#options.state();
      if (!s) return;
      const facts = JSON.stringify(factsOf(s.facts));
      const exported = this.#wasUnexported && !s.facts.unexported;
      const dragging = !!s.history.base;
      const snapshot = !dragging && (this.#snapshotDue || exported);
      if (!snapshot && !this.#ops.length && facts === this.#facts) return;
      const ops = this.#ops;
      this.#ops = [];
      const meta: SavedMeta = { ...s.facts, savedAt: Date.now() };
      const key = this.#options.key();
      try {
        const record: JournalRecord | null = snapshot ? null : { v: JOURNAL_VERSION, seq: this.#seq + 1, ops, meta };
        const bytes = record ? JSON.stringify(record).length : 0;
        if (record && (dragging || (this.#records < COMPACT_RECORDS && this.#bytes + bytes <= COMPACT_BYTES))) {
          await appendJournal(key, record, this.#rev);
          this.#seq = record.seq;
          this.#records++;
          this.#bytes += bytes;
          this.#armIdle();
        } else {
          if (dragging) {
            // Mid-drag the history is not one to snapshot: the drag's end saves.
            this.#ops = [...ops, ...this.#ops];
            return;
          }
          const h = commit(s.history);
          const value: SavedEditor = { session: h.present, history: packHistory(h), ...meta, seq: this.#seq };
          this.#rev = await writeSnapshot(key, value, this.#rev, this.owner, this.#dropJournal);
          this.#dropJournal = false;
          this.#records = 0;
          this.#bytes = 0;
          this.#snapshotDue = false;
          clearTimeout(this.#idle);
        }
        this.#facts = facts;
        this.#wasUnexported = s.facts.unexported;
        this.#worked();
      } catch (e) {
        // Not written: keep the operations for the next try, in order.
        this.#ops = [...ops, ...this.#ops];
        if (e instanceof StaleRevisionError) {
          this.paused = true;
          this.#options.onStale();
          return;
        }
        this.#failed(e);
      }
    } while (this.#again);
  }

  /** Compacts once the editor has been quiet for `COMPACT_IDLE`, when the browser is idle. */
  #armIdle(): void {
    clearTimeout(this.#idle);
    this.#idle = setTimeout(() => {
      const run = (): void => {
        this.#snapshotDue = true;
        this.schedule();
      };
      if ('requestIdleCallback' in globalThis) requestIdleCallback(run, { timeout: 2000 });
      else run();
    }, COMPACT_IDLE);
  }

  /** Resolves when every scheduled save is on disk. */
  async settled(): Promise<void> {
    while (this.#writing) await this.#writing;
  }

  /** Keeps (or with null, forgets) a local recording for the next restore. */
  async keepMedia(file: Blob | null): Promise<void> {
    if (this.disabled || this.paused) return;
    try {
      await saveMedia(this.#options.key(), file);
    } catch (e) {
      this.#failed(e);
    }
  }
}

/** The facts alone, in one key order (compared as JSON). */
function factsOf(m: EditorFacts): EditorFacts {
  return { unexported: m.unexported, name: m.name, media: m.media };
}
