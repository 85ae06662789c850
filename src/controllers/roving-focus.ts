import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface RovingFocusOptions {
  /** The items, in reading order. Called on key presses, not per frame. */
  items(): readonly HTMLElement[];
  /** Index of the item a page key (PageUp/PageDown) moves to from `index`; default: 10 items on. */
  page?(index: number, direction: 1 | -1): number;
  /** The reader moved focus with a key. */
  onNavigate?(index: number, item: HTMLElement): void;
  /** The reader pressed Enter or Space on an item. */
  onActivate?(index: number, item: HTMLElement): void;
}

/**
 * A roving tabindex over a list of items: the list is one tab stop (the item
 * with tabindex 0), arrow keys move between items, Home/End go to the first
 * and last, Enter and Space activate.
 * @see https://www.w3.org/WAI/ARIA/apg/practices/keyboard-interface/#kbd_roving_tabindex
 */
export class RovingFocusController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: RovingFocusOptions;
  #stop: HTMLElement | null = null;

  /** Keys this controller uses, in media-chrome's `keysUsed` form (so `<media-controller>` hotkeys leave them alone). */
  static readonly keys = ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown', 'Enter', 'Space'];

  constructor(host: ReactiveControllerHost & HTMLElement, options: RovingFocusOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {}

  /** Index of the tab stop, or -1. */
  get index(): number {
    return this.#stop ? this.#options.items().indexOf(this.#stop) : -1;
  }

  /** Whether focus is on one of the items. */
  get focused(): boolean {
    const active = this.#host.shadowRoot?.activeElement;
    return active instanceof HTMLElement && (active === this.#stop || this.#options.items().includes(active));
  }

  /**
   * Makes `item` the tab stop without focusing it. Touches only the old and
   * the new stop, so it is cheap to call as the current cue changes.
   */
  setTabStop(item: HTMLElement | null | undefined): void {
    if (!item || item === this.#stop) return;
    if (this.#stop) this.#stop.tabIndex = -1;
    item.tabIndex = 0;
    this.#stop = item;
  }

  /** Forgets the tab stop (the items were replaced) and makes `item` the new one. */
  reset(item: HTMLElement | null | undefined): void {
    this.#stop = null;
    this.setTabStop(item);
  }

  /** Moves the tab stop to `item` and focuses it, without letting the browser scroll anything. */
  focus(item: HTMLElement): void {
    this.setTabStop(item);
    item.focus({ preventScroll: true });
  }

  /** Handles a keydown from inside the list; returns true when it used the key. */
  handleKeydown(event: KeyboardEvent): boolean {
    if (event.altKey || event.ctrlKey || event.metaKey) return false;
    const items = this.#options.items();
    const item = (event.composedPath().find((n) => n instanceof HTMLElement && items.includes(n)) ??
      null) as HTMLElement | null;
    if (!item || !items.length) return false;
    const from = items.indexOf(item);
    let to: number;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowRight':
        to = from + 1;
        break;
      case 'ArrowUp':
      case 'ArrowLeft':
        to = from - 1;
        break;
      case 'Home':
        to = 0;
        break;
      case 'End':
        to = items.length - 1;
        break;
      case 'PageDown':
      case 'PageUp': {
        const dir = event.key === 'PageDown' ? 1 : -1;
        to = this.#options.page?.(from, dir) ?? from + 10 * dir;
        break;
      }
      case 'Enter':
      case ' ':
        event.preventDefault();
        if (!event.repeat) this.#options.onActivate?.(from, item);
        return true;
      default:
        return false;
    }
    event.preventDefault();
    const target = items[Math.max(0, Math.min(items.length - 1, to))]!;
    if (target !== item) {
      this.focus(target);
      this.#options.onNavigate?.(items.indexOf(target), target);
    }
    return true;
  }
}
