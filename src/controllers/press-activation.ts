import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** A pointer that moved farther than this (CSS px) between press and click was selecting, not choosing. */
const DRAG = 4;

export interface PressActivationOptions {
  /** The item a click landed on, from the event's composed path; null when it was not on an item. */
  itemFrom(path: readonly EventTarget[]): HTMLElement | null;
  /** The reader chose `item` with a click or a tap. */
  onActivate(item: HTMLElement): void;
}

/**
 * Click-or-tap activation for items whose text readers also want to copy.
 * A click chooses the item under it, except when it ends a text selection
 * (a drag, or a selection left in the shadow tree) or is the second click of
 * a double click, which selects a word.
 *
 * The host template binds `pointerdown` and `click` to the two handlers, so
 * they live and die with the host's own DOM and need no cleanup.
 */
export class PressActivationController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: PressActivationOptions;
  #press: { x: number; y: number } | null = null;

  constructor(host: ReactiveControllerHost & HTMLElement, options: PressActivationOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.#press = null;
  }

  readonly onPointerDown = (e: PointerEvent): void => {
    this.#press = { x: e.clientX, y: e.clientY };
  };

  readonly onClick = (e: MouseEvent): void => {
    const press = this.#press;
    this.#press = null;
    const item = this.#options.itemFrom(e.composedPath());
    if (!item || e.detail > 1 || this.#selecting()) return;
    if (press && Math.hypot(e.clientX - press.x, e.clientY - press.y) > DRAG) return;
    this.#options.onActivate(item);
  };

  #selecting(): boolean {
    // Chromium keeps a selection inside a shadow tree on its shadow root; Firefox on the document.
    const root = this.#host.shadowRoot as (ShadowRoot & { getSelection?(): Selection | null }) | null;
    const selection = root?.getSelection?.() ?? document.getSelection();
    return !!selection && !selection.isCollapsed && selection.toString().trim() !== '';
  }
}
