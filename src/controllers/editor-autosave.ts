import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { loadMedia, loadSaved, save, saveMedia, type SavedEditor } from '../storage/editor-store.js';

export interface EditorAutosaveOptions {
  /** The store key (the element's `storage-key`). */
  key(): string;
  /** What to save now, or null when there is nothing to save. */
  snapshot(): SavedEditor | null;
  /** There are changes the user has not exported: leaving asks first. */
  unexported(): boolean;
}

/**
 * Saves the timing editor to IndexedDB as changes happen, and asks before
 * the page is left with unexported changes. Writes never overlap: a change
 * during a write is saved right after it, with the latest state only, so a
 * drag costs one or two writes, not one per pointer move.
 */
export class EditorAutosaveController implements ReactiveController {
  /** Turns saving off (the element's `no-autosave`). */
  disabled = false;
  /** The last save error, or null. */
  error: Error | null = null;

  readonly #options: EditorAutosaveOptions;
  #writing: Promise<void> | null = null;
  #again = false;

  constructor(host: ReactiveControllerHost, options: EditorAutosaveOptions) {
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    addEventListener('beforeunload', this.#beforeUnload);
  }

  hostDisconnected(): void {
    removeEventListener('beforeunload', this.#beforeUnload);
  }

  readonly #beforeUnload = (e: BeforeUnloadEvent): void => {
    if (!this.#options.unexported()) return;
    e.preventDefault();
    // Older browsers need returnValue set to show the prompt.
    e.returnValue = '';
  };

  /** What was saved under the key, with its local recording if it had one. */
  async restore(): Promise<{ saved: SavedEditor; media: Blob | null } | null> {
    if (this.disabled) return null;
    const key = this.#options.key();
    const saved = await loadSaved(key);
    if (!saved) return null;
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
        this.error = null;
      } catch (e) {
        this.error = e as Error;
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
      this.error = e as Error;
    }
  }
}
