import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { savedRecordProblem } from '../core/editor/index.js';
import { keepDamaged, loadMedia, loadSaved, save, saveMedia, type SavedEditor } from '../storage/editor-store.js';

export interface EditorAutosaveOptions {
  /** The store key (the element's `storage-key`). */
  key(): string;
  /** What to save now, or null when there is nothing to save. */
  snapshot(): SavedEditor | null;
  /** There are changes the user has not exported: leaving asks first. */
  unexported(): boolean;
  /** Saving stopped working (called once, until a save works again), or (null) works again. */
  onFailure(error: Error | null): void;
}

/** First wait before retrying a failed save, milliseconds; doubled on each failure up to `RETRY_MAX`. */
export const RETRY_FIRST = 1000;
export const RETRY_MAX = 30000;

/** Why saving fails, in words for the editor. */
export function saveFailureReason(e: Error): string {
  if (e.name === 'QuotaExceededError') return 'the browser’s storage for this site is full';
  if (e.name === 'InvalidStateError' || e.name === 'SecurityError' || e.name === 'UnknownError' || e.name === 'NotAllowedError' || !('indexedDB' in globalThis))
    return 'its storage is not available here, as in a private window';
  return e.message || e.name;
}

/**
 * Saves the timing editor to IndexedDB as changes happen, and asks before
 * the page is left with unexported changes. Writes never overlap: a change
 * during a write is saved right after it, with the latest state only, so a
 * drag costs one or two writes, not one per pointer move.
 *
 * A save that fails (no IndexedDB in a private window, a full disk, a store
 * gone bad) is never silent: `onFailure` tells the element at once, the work
 * stays in memory, and the save is retried with backoff until one works.
 */
export class EditorAutosaveController implements ReactiveController {
  /** Turns saving off (the element's `no-autosave`). */
  disabled = false;
  /** The last save error, or null. */
  error: Error | null = null;
  /** A save has worked since the element started (a later failure is not "unavailable"). */
  everSaved = false;

  readonly #options: EditorAutosaveOptions;
  #writing: Promise<void> | null = null;
  #again = false;
  #retry: ReturnType<typeof setTimeout> | undefined;
  #wait = RETRY_FIRST;

  constructor(host: ReactiveControllerHost, options: EditorAutosaveOptions) {
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    addEventListener('beforeunload', this.#beforeUnload);
  }

  hostDisconnected(): void {
    removeEventListener('beforeunload', this.#beforeUnload);
    clearTimeout(this.#retry);
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
   * What was saved under the key, with its local recording if it had one; a
   * record without the shape the editor writes comes back as `damaged` (and
   * is kept aside under `<key>:damaged` before anything overwrites it).
   */
  async restore(): Promise<{ saved: SavedEditor; media: Blob | null } | { damaged: unknown; problem: string } | null> {
    if (this.disabled) return null;
    const key = this.#options.key();
    const saved: unknown = await loadSaved(key);
    if (saved === null || saved === undefined) return null;
    const problem = savedRecordProblem(saved);
    if (problem) {
      await keepDamaged(key, saved).catch((e: unknown) => this.#failed(e));
      return { damaged: saved, problem };
    }
    if (!isSaved(saved)) return null;
    const media = saved.media?.kind === 'file' ? await loadMedia(key) : null;
    return { saved, media };
  }

  /** Saves the current state soon (now, or right after the write in progress). */
  schedule(): void {
    if (this.disabled) return;
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
      const value = this.#options.snapshot();
      if (!value) return;
      try {
        await save(this.#options.key(), value);
        this.#worked();
      } catch (e) {
        this.#failed(e);
      }
    } while (this.#again);
  }

  /** Resolves when every scheduled save is on disk. */
  async settled(): Promise<void> {
    while (this.#writing) await this.#writing;
  }

  /** Keeps (or with null, forgets) a local recording for the next restore. */
  async keepMedia(file: Blob | null): Promise<void> {
    if (this.disabled) return;
    try {
      await saveMedia(this.#options.key(), file);
    } catch (e) {
      this.#failed(e);
    }
  }
}

/** Narrows a record `savedRecordProblem` accepted. */
function isSaved(x: unknown): x is SavedEditor {
  return savedRecordProblem(x) === null;
}
