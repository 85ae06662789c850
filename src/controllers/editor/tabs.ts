import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface EditorTabsOptions {
  /** The store key (the element's `storage-key`): tabs with the same key edit the same session. */
  key(): string;
  /** This editor's id (the autosave's `owner`). */
  id: string;
  /** Another tab took this session over: stop writing. */
  onTaken(): void;
  /** Without the Web Locks API: another tab answered that it edits this session (this one started after it). */
  onElsewhere(): void;
}

/** How long a tab waits before asking again for a lock that a page just closed may still hold, milliseconds. */
export const ASK_WAIT = 300;

type Message = { type: 'who' | 'here' | 'take'; from: string; to?: string };

/**
 * Knows whether this tab is the one editing a session, across the tabs and
 * windows of one browser profile. The Web Locks API holds an exclusive lock
 * per `storage-key` for as long as the tab edits (released when it closes,
 * even on a crash); "Edit here" steals it, and the tab that had it learns at
 * once. A BroadcastChannel carries the same news where locks are missing.
 *
 * Detection is a courtesy, not the guard: the store's revision check refuses
 * any write from a tab that did not see the latest one (see `editor-store.ts`).
 *
 * @see https://w3c.github.io/web-locks/ (steal)
 * @see https://html.spec.whatwg.org/multipage/web-messaging.html#broadcasting-to-other-browsing-contexts
 */
export class EditorTabsController implements ReactiveController {
  /** This tab holds the session (it may write). */
  owning = false;
  readonly #options: EditorTabsOptions;
  #channel: BroadcastChannel | null = null;
  #release: (() => void) | null = null;
  /** Without locks: asked "who edits this?" and no answer yet. */
  #asking = false;
  #connected = false;

  constructor(host: ReactiveControllerHost, options: EditorTabsOptions) {
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    // Moved in the page: take the lock back if this tab was editing.
    if (this.#connected || !this.owning) return;
    this.#connected = true;
    void this.claim().then((mine) => {
      if (!mine) this.#lost();
    });
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#release?.();
    this.#release = null;
    this.#channel?.close();
    this.#channel = null;
  }

  get #lockName(): string {
    return `cueline-editor:${this.#options.key()}`;
  }

  #post(type: Message['type'], to?: string): void {
    this.#channel?.postMessage({ type, from: this.#options.id, ...(to ? { to } : {}) } satisfies Message);
  }

  #listen(): void {
    if (this.#channel || typeof BroadcastChannel !== 'function') return;
    this.#channel = new BroadcastChannel(this.#lockName);
    this.#channel.onmessage = (e: MessageEvent<Message>) => {
      const m = e.data;
      if (!m || m.from === this.#options.id) return;
      if (m.type === 'who' && this.owning) this.#post('here', m.from);
      else if (m.type === 'here' && m.to === this.#options.id && this.#asking) {
        // The other tab was here first: this one steps back (however late the answer comes).
        this.#asking = false;
        this.owning = false;
        this.#options.onElsewhere();
      } else if (m.type === 'take' && this.owning) this.#lost();
    };
  }

  #lost(): void {
    if (!this.owning) return;
    this.owning = false;
    this.#release?.();
    this.#release = null;
    this.#options.onTaken();
  }

  /**
   * Tries to become the tab editing the session: true when no other tab
   * holds it (or with `steal`, always: the other tab is told it lost it).
   */
  async claim(steal = false): Promise<boolean> {
    this.#connected = true;
    this.#listen();
    const locks = (navigator as Navigator & { locks?: LockManager }).locks;
    let mine: boolean;
    if (locks && typeof locks.request === 'function') {
      mine = await this.#lock(locks, steal);
      // A page just closed or reloaded may still hold it for a moment: ask once more before saying "elsewhere".
      if (!mine) mine = await new Promise((r) => setTimeout(r, ASK_WAIT)).then(() => this.#lock(locks, false));
    }
    else if (steal) mine = true;
    else {
      // No locks: ask the other tabs and go on; an answer, whenever it comes, makes this tab step back.
      this.#asking = true;
      this.#post('who');
      mine = true;
    }
    if (steal) {
      this.#asking = false;
      this.#post('take');
    }
    this.owning = mine;
    return mine;
  }

  #lock(locks: LockManager, steal: boolean): Promise<boolean> {
    this.#release?.();
    return new Promise<boolean>((answer) => {
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      locks
        .request(this.#lockName, steal ? { steal: true } : { ifAvailable: true }, async (lock) => {
          if (!lock) return answer(false);
          this.#release = release;
          answer(true);
          await held;
        })
        .catch(() => {
          // Stolen by another tab's "Edit here" (an AbortError), or the lock manager gone with the page.
          if (this.#release === release) this.#lost();
          answer(false);
        });
    });
  }
}
