import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** A pointer that moved farther than this (CSS px) between press and click was selecting, not choosing. */
const DRAG = 4;

/** A second press this close (CSS px) to a pending click, within the wait, is a double click forming. */
const NEAR = 8;

/**
 * How long (ms) a click waits before it counts, in case it is the first click
 * of a double click (which selects a word and must not seek). Short enough to
 * feel immediate; most double clicks complete well inside it.
 */
export const DOUBLE_CLICK_MS = 300;

export interface PressActivationOptions {
  /** The item a click landed on, from the event's composed path; null when it was not on an item. */
  itemFrom(path: readonly EventTarget[]): HTMLElement | null;
  /** The reader chose `item` with a click or a tap. */
  onActivate(item: HTMLElement): void;
}

interface Pending {
  item: HTMLElement;
  x: number;
  y: number;
  timer: number;
}

/**
 * Click-or-tap activation for items whose text readers also want to copy.
 * A click chooses the item under it, except when it ends a text selection
 * (a drag, or a selection left in the shadow tree) or is part of a double
 * (or triple) click, which selects a word (or a paragraph). The first click
 * of a double click cannot be told apart when it happens, so a click counts
 * only once `DOUBLE_CLICK_MS` has passed without a second press there (as a
 * video player's click-to-pause waits for a double click to fullscreen).
 * Keyboard activation (Enter, Space) is the roving-focus controller's and
 * stays immediate.
 *
 * The host template binds `pointerdown` and `click` to the two handlers, so
 * they live and die with the host's own DOM and need no cleanup.
 */
export class PressActivationController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: PressActivationOptions;
  #press: { x: number; y: number } | null = null;
  #pending: Pending | null = null;

  constructor(host: ReactiveControllerHost & HTMLElement, options: PressActivationOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.#press = null;
    this.#cancel();
  }

  readonly onPointerDown = (e: PointerEvent): void => {
    const pending = this.#pending;
    if (pending) {
      // Near the pending click: the second press of a double click, so the first never counts.
      // Elsewhere: a new choice, so the pending one counts now.
      if (Math.hypot(e.clientX - pending.x, e.clientY - pending.y) <= NEAR) this.#cancel();
      else this.#fire();
    }
    this.#press = { x: e.clientX, y: e.clientY };
  };

  readonly onClick = (e: MouseEvent): void => {
    const press = this.#press;
    this.#press = null;
    if (e.detail > 1) {
      this.#cancel();
      return;
    }
    const item = this.#options.itemFrom(e.composedPath());
    if (!item || this.#selecting()) return;
    if (press && Math.hypot(e.clientX - press.x, e.clientY - press.y) > DRAG) return;
    this.#cancel();
    // detail 0: a click not made with a pointer (assistive technology, element.click()); nothing to wait for.
    if (e.detail === 0) {
      this.#options.onActivate(item);
      return;
    }
    const timer = window.setTimeout(() => this.#fire(), DOUBLE_CLICK_MS);
    this.#pending = { item, x: e.clientX, y: e.clientY, timer };
  };

  /** The pending click counts, unless the reader selected text meanwhile. */
  #fire(): void {
    const pending = this.#pending;
    this.#cancel();
    if (pending && pending.item.isConnected && !this.#selecting()) this.#options.onActivate(pending.item);
  }

  #cancel(): void {
    if (this.#pending) clearTimeout(this.#pending.timer);
    this.#pending = null;
  }

  #selecting(): boolean {
    // Chromium keeps a selection inside a shadow tree on its shadow root; Firefox on the document,
    // where it may as well be a selection elsewhere on the page, which is none of this host's business.
    const root = this.#host.shadowRoot as (ShadowRoot & { getSelection?(): Selection | null }) | null;
    const selection = root?.getSelection?.() ?? document.getSelection();
    if (!selection || selection.isCollapsed || selection.toString().trim() === '') return false;
    const inside = (n: Node | null): boolean => !!n && (this.#host.contains(n) || !!root?.contains(n));
    return inside(selection.anchorNode) || inside(selection.focusNode);
  }
}
