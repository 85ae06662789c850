import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How far in from the scroll box's edges (a fraction of its height) an item counts as in view. */
const MARGIN = 0.12;
/** Where a revealed item lands, as a fraction of the box's height from its top. */
const ANCHOR = 0.3;
/** Longest a smooth scroll of ours is taken to run where `scrollend` is missing (or the browser dropped the scroll). */
const SETTLE_MS = 1500;

/** Keys that scroll a focused scroll box when nothing else uses them. */
const SCROLL_KEYS = new Set(['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End', ' ']);

/**
 * Keeps an item (the cue being spoken) in view inside a scroll box, by setting
 * the box's own scroll position: never `scrollIntoView`, which would also
 * scroll every scrollable ancestor, the page included.
 *
 * Following pauses only on the reader's own input on the box: a wheel, a
 * touch drag, a press on its scrollbar (or a drag with the press held), a key
 * that scrolls it, focus moved by the reader to something out of view.
 * Scroll events are never taken as the reader's: browsers round, split and
 * deliver them late (after `scrollend`, in fractions of a pixel under zoom),
 * and content that grows or a change of zoom scrolls too. So no scroll of
 * ours, smooth or instant, can pause following, whatever the pixels say.
 */
export class FollowScrollController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #box: HTMLElement | null = null;
  #abort: AbortController | null = null;
  #following = true;
  /** A smooth scroll of ours may be running (to stop it when the reader takes over, and to judge from where it ends). */
  #animating = false;
  /** Where that smooth scroll ends (box pixels). */
  #target = 0;
  /** The item last revealed, checked again once the smooth scroll that showed it ends. */
  #item: Element | null = null;
  #settle = 0;
  /** A mouse or pen is down on the box itself, off any classic scrollbar (an overlay scrollbar, or padding). */
  #pressedOnBox = false;
  /** A pointer is down somewhere in the box: the focus it moves is decided by the click that follows. */
  #pointerDown = false;
  /** Focus is being moved by us (`ours()`), not by the reader. */
  #ownFocus = false;
  /** The box's scroll position at its last `scroll` event: one that moved since, moved just now. */
  #lastTop = 0;
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

  /**
   * Runs `move`, which moves focus inside the box on our own account (say,
   * to the current item after "back to now"), so that the focus it moves is
   * not taken as the reader's. Focus with `preventScroll`, so the browser
   * scrolls nothing.
   */
  ours<T>(move: () => T): T {
    const was = this.#ownFocus;
    this.#ownFocus = true;
    try {
      return move();
    } finally {
      this.#ownFocus = was;
    }
  }

  /** The box to scroll; listens to it for the reader's own input. */
  attach(box: HTMLElement | null): void {
    if (box === this.#box && this.#abort) return;
    this.#detach();
    this.#box = box;
    if (!box) return;
    const abort = new AbortController();
    this.#abort = abort;
    const opts: AddEventListenerOptions = { signal: abort.signal, passive: true };
    // Ctrl+wheel zooms the page; it does not scroll the box.
    box.addEventListener('wheel', (e) => e.ctrlKey || this.#takeOver(true), opts);
    // A drag, not a tap: a tap on an item is a choice, which the host handles.
    box.addEventListener('touchmove', () => this.#takeOver(true), opts);
    box.addEventListener('pointerdown', (e) => this.#onPointerDown(e, box), opts);
    box.addEventListener('keydown', (e) => this.#onKeydown(e), opts);
    box.addEventListener('focusin', (e) => this.#onFocusIn(e, box), opts);
    this.#lastTop = box.scrollTop;
    box.addEventListener(
      'scroll',
      () => {
        this.#lastTop = box.scrollTop;
        // The press is held and the box moves: the reader drags an overlay scrollbar.
        if (this.#pressedOnBox && !this.#animating) this.#takeOver(false);
      },
      opts,
    );
    box.addEventListener('scrollend', () => this.#onScrollEnd(), opts);
    const release = (): void => {
      this.#pressedOnBox = false;
      this.#pointerDown = false;
    };
    // On the window, in capture: a drag on the scrollbar may end outside the box.
    for (const type of ['pointerup', 'pointercancel'] as const) window.addEventListener(type, release, { ...opts, capture: true });
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
    this.#item = item;
    // A smooth reveal is judged from where a smooth scroll of ours in flight will end; an instant one
    // from where the box is (the browser may also have dropped ours: Firefox skips boxes out of view).
    const from = smooth && this.#animating ? this.#target : box.scrollTop;
    const { top: now, height } = this.#offset(box, item);
    // What sticks over the box's top (a page's stuck player or search bar, given as its scroll-padding) is not view.
    const inset = scrollInset(box);
    const top = now + box.scrollTop - from - inset;
    const view = box.clientHeight - inset;
    if (top >= view * MARGIN && top + height <= view * (1 - MARGIN)) return;
    // An item taller than the band is shown from its top.
    this.scrollTo(from + top - Math.max(0, Math.min(view * ANCHOR, view - height)), smooth);
  }

  /**
   * Scrolls the box so `item`'s top is at the box's top (a question brought
   * up by a navigator), but no further than keeps `keep` (the cue that will
   * be playing) wholly in view.
   */
  showAtTop(item: Element, smooth = true, keep?: Element | null): void {
    const box = this.#box;
    if (!box || !item.isConnected) return;
    this.#item = null;
    const inset = scrollInset(box);
    let top = this.#offset(box, item).top - inset;
    if (keep?.isConnected) {
      const k = this.#offset(box, keep);
      top = Math.min(k.top - inset, Math.max(top, k.top + k.height - box.clientHeight));
    }
    this.scrollTo(box.scrollTop + top, smooth);
  }

  /** Sets the box's scroll position (in the box's own CSS pixels) as our own scroll, which never pauses following. */
  scrollTo(top: number, smooth = false): void {
    const box = this.#box;
    if (!box) return;
    const max = Math.max(0, box.scrollHeight - box.clientHeight);
    const target = Math.round(Math.min(max, Math.max(0, top)));
    if (Math.abs(box.scrollTop - target) < 1) return;
    const animate = smooth && !this.#reducedMotion?.matches;
    this.#endAuto();
    if (animate) {
      this.#animating = true;
      this.#target = target;
      this.#settle = window.setTimeout(() => this.#onScrollEnd(), SETTLE_MS);
    }
    box.scrollTo({ top: target, behavior: animate ? 'smooth' : 'instant' });
  }

  /**
   * Where `item` is, from the top of the box's visible area, in the box's
   * own CSS pixels (the unit of `scrollTop`): rectangles are in the
   * viewport's pixels, which differ under CSS zoom or a transform.
   */
  #offset(box: HTMLElement, item: Element): { top: number; height: number } {
    // The page's own scroller (`<cue-article>` follows in the page): its visible area is the viewport.
    if (box === box.ownerDocument.scrollingElement) {
      const r = item.getBoundingClientRect();
      return { top: r.top, height: r.height };
    }
    const b = box.getBoundingClientRect();
    const scale = box.offsetHeight > 0 && b.height > 0 ? b.height / box.offsetHeight : 1;
    const r = item.getBoundingClientRect();
    return { top: (r.top - b.top) / scale - box.clientTop, height: r.height / scale };
  }

  /** The reader took over: stop following, and (for input the browser has not acted on yet) stop a smooth scroll of ours. */
  #takeOver(stopOurs: boolean): void {
    const box = this.#box;
    if (stopOurs && this.#animating && box) box.scrollTo({ top: box.scrollTop, behavior: 'instant' });
    this.#endAuto();
    this.pause();
  }

  #onPointerDown(e: PointerEvent, box: HTMLElement): void {
    this.#pointerDown = true;
    // A press on the box itself, not on its content: its scrollbar, or its padding.
    if (e.target !== box || e.pointerType === 'touch' || e.button !== 0) return;
    // Classic scrollbars lie outside the padding box (offsets are in the box's own pixels).
    if (e.offsetX < 0 || e.offsetX >= box.clientWidth || e.offsetY < 0 || e.offsetY >= box.clientHeight) this.#takeOver(true);
    else this.#pressedOnBox = true;
  }

  #onKeydown(e: KeyboardEvent): void {
    if (!SCROLL_KEYS.has(e.key) || e.altKey || e.metaKey || !scrollsOnKey(e.composedPath()[0], e.key)) return;
    // Decide once the event has been through every listener: a key that one of them used (moving
    // between items, activating one) does not scroll. The key's own scrolling is left to run.
    setTimeout(() => e.defaultPrevented || this.#takeOver(false));
  }

  #onFocusIn(e: FocusEvent, box: HTMLElement): void {
    const target = e.composedPath()[0];
    if (this.#ownFocus || this.#pointerDown || target === box || !(target instanceof Element)) return;
    // The browser scrolls what the reader focused (Tab) into view, before `focusin` (Chromium: the
    // box has moved since its last scroll event) or after it (the item is still out of view).
    const { top, height } = this.#offset(box, target);
    if (Math.abs(box.scrollTop - this.#lastTop) >= 1 || top < 0 || top + height > box.clientHeight) this.#takeOver(false);
  }

  /**
   * Positions read while a smooth scroll runs can be off by a few pixels
   * (Firefox), content can move meanwhile, and a browser may drop it: once
   * ours ends (or should have), check the item it was for again, and set it
   * right at once.
   */
  #onScrollEnd(): void {
    const ours = this.#animating;
    this.#endAuto();
    const item = this.#item;
    if (ours && item && this.#following) this.reveal(item, false);
  }

  #endAuto(): void {
    this.#animating = false;
    clearTimeout(this.#settle);
    this.#settle = 0;
  }

  #detach(): void {
    this.#abort?.abort();
    this.#abort = null;
    this.#box = null;
    this.#pressedOnBox = false;
    this.#pointerDown = false;
    this.#item = null;
    this.#endAuto();
  }
}

/** Whether `key` pressed on `target` scrolls the box it is in, rather than editing or pressing something. */
function scrollsOnKey(target: EventTarget | undefined, key: string): boolean {
  if (!(target instanceof HTMLElement)) return true;
  if (target.isContentEditable || target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) {
    return false;
  }
  if (key !== ' ') return true;
  // Space presses a button; on a link or plain content it scrolls.
  const role = target.getAttribute('role');
  return !(target instanceof HTMLButtonElement || target.localName === 'summary' || (role !== null && /^(button|checkbox|switch|menuitem|option|tab|radio)/.test(role)));
}

/**
 * The box's `scroll-padding-top` in pixels: where a page says its own sticky header covers the scroll box (for
 * the page's scroller, read from the root element), kept to at most half the box. 0 for `auto`.
 */
function scrollInset(box: Element): number {
  const value = Number.parseFloat(getComputedStyle(box).scrollPaddingTop);
  return Number.isFinite(value) && value > 0 ? Math.min(value, box.clientHeight / 2) : 0;
}
