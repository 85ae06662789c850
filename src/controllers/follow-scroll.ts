import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How far in from the scroll box's edges (a fraction of its height) an item counts as in view. */
const MARGIN = 0.12;
/** Where a revealed item lands, as a fraction of the box's height from its top. */
const ANCHOR = 0.3;
/** Longest a smooth scroll of ours may take before a `scroll` event is taken as the reader's again. */
const SETTLE_MS = 1500;

/**
 * Keeps an item (the cue being spoken) in view inside a scroll box, by setting
 * the box's own scroll position: never `scrollIntoView`, which would also
 * scroll every scrollable ancestor, the page included.
 *
 * Following pauses when the reader takes over: a wheel, a touch drag, a drag
 * on the box's scrollbar, or any scroll that this controller did not start.
 * Our own scrolls are told apart from the reader's by their target: they
 * only ever move towards it, and end on reaching it, on `scrollend`, or after
 * a time limit where `scrollend` is missing.
 */
export class FollowScrollController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #box: HTMLElement | null = null;
  #abort: AbortController | null = null;
  #following = true;
  #autoTarget: number | null = null;
  #autoLast = 0;
  #settle = 0;
  #reducedMotion: MediaQueryList | null = null;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  /** False once the reader has scrolled away, until `resume()`. */
  get following(): boolean {
    return this.#following;
  }

  /** Stops following; the host re-renders (to show its "back to now" control). */
  pause(): void {
    if (!this.#following) return;
    this.#following = false;
    this.#host.requestUpdate();
  }

  /** Follows again; the caller then reveals the current item. */
  resume(): void {
    if (this.#following) return;
    this.#following = true;
    this.#host.requestUpdate();
  }

  /** The box to scroll; listens to it for the reader's own scrolling. */
  attach(box: HTMLElement | null): void {
    if (box === this.#box && this.#abort) return;
    this.#detach();
    this.#box = box;
    if (!box) return;
    const abort = new AbortController();
    this.#abort = abort;
    const opts: AddEventListenerOptions = { signal: abort.signal, passive: true };
    const takeOver = (): void => {
      // Stop a smooth scroll of ours in flight, so it does not carry on against the reader.
      if (this.#autoTarget !== null) box.scrollTo({ top: box.scrollTop, behavior: 'instant' });
      this.#endAuto();
      this.pause();
    };
    box.addEventListener('wheel', takeOver, opts);
    box.addEventListener('touchmove', takeOver, opts);
    // A press on the box itself, not on its content, is a press on its scrollbar.
    box.addEventListener('pointerdown', (e) => e.target === box && takeOver(), opts);
    box.addEventListener('scroll', () => this.#onScroll(), opts);
    box.addEventListener('scrollend', () => this.#endAuto(), opts);
  }

  hostConnected(): void {
    this.#reducedMotion ??= matchMedia('(prefers-reduced-motion: reduce)');
    if (this.#box) this.attach(this.#box);
  }

  hostDisconnected(): void {
    const box = this.#box;
    this.#detach();
    this.#box = box;
  }

  /**
   * Scrolls the box so `item` is comfortably in view, when it is not already.
   * Reads layout, so call it only when the item changed.
   * @param smooth - animate, unless the reader prefers reduced motion.
   */
  reveal(item: Element, smooth = true): void {
    const box = this.#box;
    if (!box || !item.isConnected) return;
    const boxTop = box.getBoundingClientRect().top + box.clientTop;
    const rect = item.getBoundingClientRect();
    const view = box.clientHeight;
    const top = rect.top - boxTop;
    const bottom = rect.bottom - boxTop;
    if (top >= view * MARGIN && bottom <= view * (1 - MARGIN)) return;
    // An item taller than the band is shown from its top.
    this.scrollTo(box.scrollTop + top - Math.max(0, Math.min(view * ANCHOR, view - rect.height)), smooth);
  }

  /** Sets the box's scroll position as our own scroll, which does not pause following. */
  scrollTo(top: number, smooth = false): void {
    const box = this.#box;
    if (!box) return;
    const max = Math.max(0, box.scrollHeight - box.clientHeight);
    const target = Math.round(Math.min(max, Math.max(0, top)));
    if (Math.abs(box.scrollTop - target) < 1) return;
    this.#autoTarget = target;
    this.#autoLast = box.scrollTop;
    clearTimeout(this.#settle);
    this.#settle = window.setTimeout(() => this.#endAuto(), SETTLE_MS);
    const animate = smooth && !this.#reducedMotion?.matches;
    box.scrollTo({ top: target, behavior: animate ? 'smooth' : 'instant' });
  }

  #onScroll(): void {
    const box = this.#box;
    if (!box) return;
    const target = this.#autoTarget;
    const now = box.scrollTop;
    // Ours only move towards their target; a step away from it is the reader's.
    if (target === null || Math.abs(now - target) > Math.abs(this.#autoLast - target) + 1) {
      this.#endAuto();
      this.pause();
      return;
    }
    this.#autoLast = now;
    if (Math.abs(now - target) < 2) this.#endAuto();
  }

  #endAuto(): void {
    this.#autoTarget = null;
    clearTimeout(this.#settle);
    this.#settle = 0;
  }

  #detach(): void {
    this.#abort?.abort();
    this.#abort = null;
    this.#box = null;
    this.#endAuto();
  }
}
