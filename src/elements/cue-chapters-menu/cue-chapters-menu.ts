import { html, nothing, type PropertyValues } from 'lit';
import { QuestionNavigatorElement } from '../cue-chapters/navigator-element.js';
import { state } from 'lit/decorators.js';
import { QuestionKeysController } from '../../controllers/navigator/question-keys.js';
import { QuestionNavigatorController, type NavigateTrigger } from '../../controllers/navigator/question-navigator.js';
import type { CueNavigateDetail } from '../cue-chapters/events.js';
import { ProgressAnimator } from '../cue-chapters/progress.js';
import { renderQuestionBody } from '../cue-chapters/render.js';
import { questionStyles } from '../cue-chapters/cue-chapters.styles.js';
import { styles } from './cue-chapters-menu.styles.js';

/** Keys the menu uses, in media-chrome's `keysUsed` form (so a `<media-controller>` leaves them alone). */
const KEYS = ['ArrowUp', 'ArrowDown', 'Home', 'End', 'Enter', 'Space', 'Escape', 'Tab'];

/**
 * @summary A compact question navigator for a media-chrome control bar: a menu button that opens the questions as a menu; choosing one seeks there.
 *
 * Menu button pattern: the button has `aria-haspopup="menu"` and `aria-expanded`; Enter, Space or ArrowDown open the menu on the question playing
 * (ArrowUp on the last); arrows, Home and End move; Enter or Space choose; Escape closes and returns focus to the button; typing a number moves to that question.
 * Binds to media like `<cue-chapters>` (`for`, `mediacontroller`, or an enclosing `<media-controller>`), with the same sources, shortcuts (Shift+N, Shift+P) and deep links.
 *
 * @fires cue-navigate - The viewer chose a question. Cancelable. Detail: `CueNavigateDetail`.
 * @fires mediaseekrequest - Asks media-chrome to seek (detail: seconds).
 *
 * @csspart button - The menu button.
 * @csspart button-label - Its text: "Q 3/17", or the `label` before questions are known.
 * @csspart menu - The popup (`role=menu`, in the top layer so a player's `overflow` cannot clip it).
 * @csspart question - A menu item (`role=menuitemradio`, checked while it plays); also `current-question`, `heard`.
 * @csspart current-question - The menu item of the question playing.
 * @csspart heard - A menu item of a question already heard.
 * @csspart number - The question's number, as in `<cue-chapters>`.
 * @csspart title - The question's text.
 * @csspart meta - Start time, length and heard mark.
 * @csspart time - The start time.
 * @csspart length - The length.
 * @csspart heard-mark - The mark on a heard question.
 * @csspart progress - The track of the progress bar of the question playing.
 * @csspart progress-bar - Its fill (scaled with `transform`).
 *
 * @cssproperty [--cue-menu-background=light-dark(#ffffff, #1f2937)] - Background of the menu.
 * @cssproperty [--cue-menu-color=light-dark(#1f2937, #e5e7eb)] - Text colour of the menu.
 * @cssproperty [--cue-color=light-dark(#1f2937, #e5e7eb)] - Text colour in the menu.
 * @cssproperty [--cue-accent-color=light-dark(#1d4ed8, #93c5fd)] - Focus ring and progress.
 * @cssproperty [--cue-current-background=light-dark(#fef3c7, #3b3212)] - The question playing.
 * @cssproperty [--cue-muted-color=light-dark(#4b5563, #9ca3af)] - Numbers, times.
 * @cssproperty [--cue-progress-color=var(--cue-accent-color)] - Progress bar.
 * @cssproperty [--cue-heard-color=var(--cue-muted-color)] - Titles of heard questions.
 * @cssproperty [--cue-focus-ring-color=var(--cue-accent-color)] - Focus outline.
 * @cssproperty [--cue-font=inherit] - Font shorthand.
 */
export class CueChaptersMenu extends QuestionNavigatorElement {
  static override styles = [questionStyles, styles];

  @state() private _open = false;

  readonly #progress = new ProgressAnimator();

  readonly #nav = new QuestionNavigatorController(this, {
    frame: (time) => {
      this.#nav.update(time);
      this.#syncProgress();
    },
    onNavigate: (index, trigger) => this.#navigate(index, trigger),
  });

  /** Keys the menu handles, so media-chrome's hotkeys leave them alone. */
  get keysUsed(): string[] {
    return [...KEYS, ...QuestionKeysController.keys];
  }

  /** Whether the menu is open. */
  get open(): boolean {
    return this._open;
  }

  /** Index of the question playing, or -1. */
  get currentIndex(): number {
    return this.#nav.current;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.configureNavigator(this.#nav, changed);
  }

  protected override render(): unknown {
    const t = this.#nav.model;
    const current = this.#nav.current;
    const heard = this.#nav.heard;
    const n = t?.questions.length ?? 0;
    const shown = t && current >= 0 ? `Q ${current + 1}/${n}` : this.label;
    return html`<button
        part="button"
        type="button"
        aria-haspopup="menu"
        aria-expanded=${this._open ? 'true' : 'false'}
        aria-controls="menu"
        aria-label=${t && current >= 0 ? `${this.label}, playing question ${current + 1} of ${n}` : this.label}
        ?disabled=${!t}
        @click=${this.#toggle}
        @keydown=${this.#onButtonKeydown}
      >
        <span part="button-label">${shown}</span><span aria-hidden="true">▾</span>
      </button>
      <div part="menu" id="menu" role="menu" aria-label=${this.label} popover="manual" @keydown=${this.#onMenuKeydown} @click=${this.#onMenuClick}>
        ${this._open && t
          ? t.questions.map(
              (q, i) => html`<div
                part="question${i === current ? ' current-question' : ''}${heard.has(i) ? ' heard' : ''}"
                role="menuitemradio"
                aria-checked=${i === current ? 'true' : 'false'}
                tabindex="-1"
                data-index=${i}
              >
                ${renderQuestionBody(q, { current: i === current, heard: heard.has(i) })}
              </div>`,
            )
          : nothing}
      </div>`;
  }

  protected override updated(): void {
    this.#syncProgress();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Removed while open: drop the page-wide listener too, or it would keep this element alive.
    this.#outside?.abort();
    this.#outside = null;
    this._open = false;
    this.#progress.cancel();
  }

  /** The page-wide outside-press listener of an open menu. */
  #outside: AbortController | null = null;

  /** Opens the menu with focus on question `focus` (default: the one playing). */
  async show(focus = Math.max(0, this.#nav.current)): Promise<void> {
    if (!this.#nav.model) return;
    this._open = true;
    await this.updateComplete;
    const menu = this.#menu();
    if (!menu.matches(':popover-open')) menu.showPopover();
    this.#place(menu);
    const items = this.#items();
    const item = items[Math.min(items.length - 1, Math.max(0, focus))];
    item?.focus({ preventScroll: true });
    item?.scrollIntoView({ block: 'nearest' });
    if (!this.isConnected || !this._open) return;
    this.#outside?.abort();
    this.#outside = new AbortController();
    addEventListener('pointerdown', this.#onOutside, { capture: true, signal: this.#outside.signal });
  }

  /** Closes the menu; with `returnFocus`, focus goes back to the button. */
  hide(returnFocus = true): void {
    if (!this._open) return;
    this._open = false;
    this.#outside?.abort();
    this.#outside = null;
    const menu = this.#menu();
    if (menu.matches(':popover-open')) menu.hidePopover();
    if (returnFocus) this.renderRoot.querySelector<HTMLButtonElement>('[part~="button"]')?.focus();
  }

  #menu(): HTMLElement {
    return this.renderRoot.querySelector<HTMLElement>('[part~="menu"]')!;
  }

  #items(): HTMLElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLElement>('[role="menuitemradio"]')];
  }

  /** Above the button when there is room (a control bar sits at the bottom of a player), else below; kept on screen. */
  #place(menu: HTMLElement): void {
    const button = this.renderRoot.querySelector<HTMLElement>('[part~="button"]')!.getBoundingClientRect();
    const box = menu.getBoundingClientRect();
    const left = Math.max(8, Math.min(button.right - box.width, innerWidth - box.width - 8));
    const top = button.top - box.height - 4 >= 8 ? button.top - box.height - 4 : Math.min(button.bottom + 4, innerHeight - box.height - 8);
    menu.style.left = `${left}px`;
    menu.style.top = `${top}px`;
  }

  #syncProgress(): void {
    const current = this.#nav.current;
    const bar = this._open ? this.renderRoot.querySelector<HTMLElement>(`[data-progress="${current}"]`) : null;
    this.#progress.sync(bar, this.#nav.model?.questions[current], this.#nav.time, this.#nav.playing, this.#nav.rate);
  }

  #navigate(index: number, trigger: NavigateTrigger): boolean {
    const question = this.#nav.model?.questions[index];
    if (!question) return false;
    const detail: CueNavigateDetail = { questionIndex: index, question, time: question.startTime, trigger };
    return this.dispatchEvent(new CustomEvent('cue-navigate', { detail, bubbles: true, composed: true, cancelable: true }));
  }

  #choose(index: number): void {
    this.hide();
    this.#nav.go(index, 'menu');
  }

  readonly #toggle = (): void => {
    if (this._open) this.hide();
    else void this.show();
  };

  readonly #onButtonKeydown = (e: KeyboardEvent): void => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      void this.show(e.key === 'ArrowUp' ? (this.#nav.model?.questions.length ?? 1) - 1 : undefined);
    }
  };

  readonly #onMenuKeydown = (e: KeyboardEvent): void => {
    const items = this.#items();
    const from = items.indexOf(this.shadowRoot!.activeElement as HTMLElement);
    const move = (to: number): void => {
      e.preventDefault();
      items[Math.max(0, Math.min(items.length - 1, to))]?.focus();
    };
    switch (e.key) {
      case 'ArrowDown':
        return move(from + 1 >= items.length ? 0 : from + 1);
      case 'ArrowUp':
        return move(from <= 0 ? items.length - 1 : from - 1);
      case 'Home':
        return move(0);
      case 'End':
        return move(items.length - 1);
      case 'Escape':
        e.preventDefault();
        e.stopPropagation();
        return this.hide();
      case 'Tab':
        return this.hide(false);
      case 'Enter':
      case ' ':
        e.preventDefault();
        if (from >= 0) this.#choose(from);
        return;
      default:
        // Typeahead by number: "7" moves to question 7 (and "1" then "2" to question 12, within a second).
        if (/^\d$/.test(e.key) && !e.ctrlKey && !e.metaKey && !e.altKey) this.#typeahead(e.key, move);
    }
  };

  #typed = '';
  #typedAt = 0;

  #typeahead(digit: string, move: (to: number) => void): void {
    const now = performance.now();
    this.#typed = now - this.#typedAt < 1000 ? this.#typed + digit : digit;
    this.#typedAt = now;
    const n = Number(this.#typed);
    if (n >= 1 && n <= this.#items().length) move(n - 1);
  }

  readonly #onMenuClick = (e: MouseEvent): void => {
    const item = e.composedPath().find((n): n is HTMLElement => n instanceof HTMLElement && n.dataset['index'] !== undefined);
    if (item) this.#choose(Number(item.dataset['index']));
  };

  readonly #onOutside = (e: PointerEvent): void => {
    if (!e.composedPath().includes(this)) this.hide(false);
  };
}
