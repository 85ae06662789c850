import { html, nothing, type PropertyValues } from 'lit';
import { QuestionNavigatorElement } from './navigator-element.js';
import { momentFragment, questionFragment, withFragment } from '../../core/links.js';
import { formatTime } from '../../core/time.js';
import { CopyLinkController } from '../../controllers/copy-link.js';
import { FollowScrollController } from '../../controllers/transcript/follow-scroll.js';
import { QuestionKeysController } from '../../controllers/navigator/question-keys.js';
import { QuestionNavigatorController, type NavigateTrigger } from '../../controllers/navigator/question-navigator.js';
import { RovingFocusController } from '../../controllers/roving-focus.js';
import type { CueNavigateDetail } from './events.js';
import { ProgressAnimator } from './progress.js';
import { questionHref, renderQuestionBody } from './render.js';
import { questionStyles, styles } from './cue-chapters.styles.js';

/**
 * @summary The questions of a recorded Q&A as a navigator: number, title, start and length of each; the one playing marked with how far into it playback is; the ones heard in this visit marked; a click or Enter seeks there and brings a linked transcript along.
 *
 * Questions come from `chapters` (a WebVTT URL), else the bound media's `kind="chapters"` track, else the linked transcript's questions.
 * Shortcuts: Shift+N next question, Shift+P previous (on the navigator, its `<media-controller>` and its transcript);
 * arrows, Home and End move through the list.
 *
 * @fires cue-navigate - The viewer asked to go to a question (list, previous/next, shortcut, deep link). Cancelable. Detail: `CueNavigateDetail`.
 * @fires cue-copy - A link was copied. Detail: `CueCopyDetail`.
 * @fires cue-error - Its own chapters file could not be loaded (its message shows in place of the list). Detail: `CueErrorDetail`.
 * @fires cue-error - A deep link in the URL (`#q=99`, `#q=bogus`, `#t=bogus`) names nothing in this session; the viewer is told politely. Detail: `CueErrorDetail` with `source: 'link'`, `reason: 'not-found'`.
 * @fires mediaseekrequest - Asks a linked media-chrome `<media-controller>` to seek (detail: seconds).
 *
 * @csspart toolbar - The previous / next / copy-moment buttons.
 * @csspart previous - The "Previous question" button.
 * @csspart next - The "Next question" button.
 * @csspart copy-moment - The "Copy link to this moment" button.
 * @csspart list - The list of questions (`ol`).
 * @csspart item - One entry (`li`): the question link and its copy button.
 * @csspart question - The question link; also `current-question` while it plays and `heard` once heard.
 * @csspart current-question - The link of the question playing.
 * @csspart heard - The link of a question already heard.
 * @csspart number - The question's number.
 * @csspart title - The question's text.
 * @csspart meta - Start time, length and heard mark.
 * @csspart time - The start time.
 * @csspart length - The length.
 * @csspart heard-mark - The mark on a heard question.
 * @csspart progress - The track of the progress bar of the question playing.
 * @csspart progress-bar - Its fill (scaled with `transform`).
 * @csspart copy-question - A question's "Copy link" button.
 * @csspart copy-status - The polite live region confirming a copy.
 * @csspart manual-copy - The field shown when the browser refuses to copy.
 * @csspart status - Loading and error messages.
 * @csspart link-status - The polite message (role=status) shown when a deep link names nothing in this session.
 * @csspart link-status-dismiss - Its "Dismiss" button.
 *
 * @cssproperty [--cue-color=light-dark(#1f2937, #e5e7eb)] - Text colour.
 * @cssproperty [--cue-muted-color=light-dark(#4b5563, #9ca3af)] - Numbers, times.
 * @cssproperty [--cue-accent-color=light-dark(#1d4ed8, #93c5fd)] - Buttons, focus ring, progress.
 * @cssproperty [--cue-current-background=light-dark(#fef3c7, #3b3212)] - Background of the question playing.
 * @cssproperty [--cue-progress-color=var(--cue-accent-color)] - Progress bar.
 * @cssproperty [--cue-heard-color=var(--cue-muted-color)] - Titles of heard questions.
 * @cssproperty [--cue-focus-ring-color=var(--cue-accent-color)] - Focus outline.
 * @cssproperty [--cue-button-background=Canvas] - Button background.
 * @cssproperty [--cue-max-height=none] - Height beyond which the list scrolls.
 * @cssproperty [--cue-font=inherit] - Font shorthand.
 */
export class CueChapters extends QuestionNavigatorElement {
  static override styles = [questionStyles, styles];

  readonly #nav = new QuestionNavigatorController(this, {
    frame: (time) => this.applyTime(time),
    onNavigate: (index, trigger) => this.#navigate(index, trigger),
  });
  readonly #copy = new CopyLinkController(this);
  /** Keeps the question playing in view inside the list's own box, as the transcript does with its cue. */
  readonly #follow = new FollowScrollController(this);
  /** The question last brought into view (-1: none, or a reveal is due). */
  #revealed = -1;
  readonly #roving = new RovingFocusController(this, {
    items: () => this.#links(),
    // The reader browsing the list with keys: the list stays where they are.
    onNavigate: (_i, el) => {
      this.#follow.pause();
      this.#follow.reveal(el, false);
    },
    onActivate: (i) => this.#nav.go(i, 'list'),
  });
  #bars: HTMLElement[] = [];
  readonly #progress = new ProgressAnimator();

  /** Keys the navigator handles, so media-chrome's hotkeys leave them alone inside a `<media-controller>`. */
  get keysUsed(): string[] {
    return [...RovingFocusController.keys, ...QuestionKeysController.keys];
  }

  /** Index of the question playing, or -1. */
  get currentIndex(): number {
    return this.#nav.current;
  }

  /** Indices of the questions heard in this visit. */
  get heardIndices(): number[] {
    return [...this.#nav.heard].sort((a, b) => a - b);
  }

  /** Goes to the next question (as Shift+N does). Returns false when there is none. */
  next(): boolean {
    return this.#nav.go(this.#nav.nextIndex, 'next');
  }

  /** Goes to the previous question, or the start of this one when well into it (as Shift+P does). */
  previous(): boolean {
    return this.#nav.go(this.#nav.previousIndex, 'previous');
  }

  /** Goes to question `index` (0-based), as a click on it does. */
  goToQuestion(index: number): boolean {
    return this.#nav.go(index, 'list');
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.configureNavigator(this.#nav, changed);
  }

  protected override render(): unknown {
    const t = this.#nav.model;
    const current = this.#nav.current;
    const heard = this.#nav.heard;
    return html`<nav aria-label=${this.label}>
      <div part="toolbar">
        <button part="previous" type="button" aria-keyshortcuts="Shift+P" ?disabled=${!t} @click=${this.previous}>
          Previous question
        </button>
        <button part="next" type="button" aria-keyshortcuts="Shift+N" ?disabled=${!t || this.#nav.nextIndex < 0} @click=${this.next}>
          Next question
        </button>
        <button part="copy-moment" type="button" ?disabled=${Number.isNaN(this.#nav.time)} @click=${this.#copyMoment}>
          Copy link to this moment
        </button>
      </div>
      <p part="link-status" role="status">${this.#nav.deepLinks.missed
          ? html`${this.#nav.deepLinks.missed}
              <button part="link-status-dismiss" type="button" @click=${() => this.#nav.deepLinks.dismiss()}>Dismiss</button>`
          : nothing}</p>
      ${t
        ? html`<ol part="list" @keydown=${this.#onKeydown} @click=${this.#onClick}>
            ${t.questions.map(
              (q, i) => html`<li part="item">
                <a
                  part="question${i === current ? ' current-question' : ''}${heard.has(i) ? ' heard' : ''}"
                  href=${this.#nav.deepLinks.scoped(questionHref(t, i))}
                  data-index=${i}
                  tabindex="-1"
                  aria-current=${i === current ? 'true' : nothing}
                  >${renderQuestionBody(q, { current: i === current, heard: heard.has(i) })}</a
                >
                <button part="copy-question" type="button" tabindex="-1" data-copy=${i} aria-label="Copy link to question ${q.number}">
                  Copy link
                </button>
              </li>`,
            )}
          </ol>`
        : html`<p part="status">${this.#nav.message || 'Loading questions…'}</p>`}
      ${this.#copy.render()}
    </nav>`;
  }

  protected override updated(changed: PropertyValues): void {
    const links = this.#links();
    const bars: HTMLElement[] = [];
    for (const b of this.renderRoot.querySelectorAll<HTMLElement>('[part~="progress-bar"]')) bars[Number(b.dataset['progress'])] = b;
    this.#bars = bars;
    if (this.#roving.index < 0 || this.#roving.index >= links.length) this.#roving.reset(links[Math.max(0, this.#nav.current)]);
    else if (!this.#roving.focused && links[this.#nav.current]) this.#roving.setTabStop(links[this.#nav.current]);
    this.#syncCopyStop();
    this.#syncProgress();
    this.#followCurrent(links);
    void changed;
  }

  /** Brings the question playing into the list's view when it changed, unless the reader has scrolled away. */
  #followCurrent(links: HTMLElement[]): void {
    const list = this.renderRoot.querySelector<HTMLElement>('[part~="list"]');
    this.#follow.attach(list);
    const current = this.#nav.current;
    const link = links[current];
    if (!link || current === this.#revealed || !this.#follow.following) return;
    this.#revealed = current;
    this.#follow.reveal(link);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#progress.cancel();
  }

  /**
   * Per frame while playing, and on each seek: the navigator's whole update
   * (question lookup, heard tracking, progress bar sync). Public so
   * benchmarks can time it; not for pages to call.
   */
  applyTime(time: number): void {
    this.#nav.update(time);
    this.#syncProgress();
  }

  #syncProgress(): void {
    const current = this.#nav.current;
    this.#progress.sync(this.#bars[current] ?? null, this.#nav.model?.questions[current], this.#nav.time, this.#nav.playing, this.#nav.rate);
  }

  #links(): HTMLElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLElement>('a[part~="question"]')];
  }

  /** The copy button of the row holding the tab stop is the list's second tab stop. */
  #syncCopyStop(): void {
    const stop = this.#roving.index;
    for (const b of this.renderRoot.querySelectorAll<HTMLButtonElement>('[part~="copy-question"]')) {
      b.tabIndex = Number(b.dataset['copy']) === stop ? 0 : -1;
    }
  }

  #navigate(index: number, trigger: NavigateTrigger): boolean {
    const question = this.#nav.model?.questions[index];
    if (!question) return false;
    const detail: CueNavigateDetail = { questionIndex: index, question, time: question.startTime, trigger };
    if (!this.dispatchEvent(new CustomEvent('cue-navigate', { detail, bubbles: true, composed: true, cancelable: true }))) return false;
    // Choosing a question follows again, and shows it even when it was already the one playing.
    this.#follow.resume();
    this.#revealed = -1;
    this.requestUpdate();
    // Focus on a row moves with the jump (Shift+N / Shift+P on the list), so the next arrow key goes on from there.
    const row = this.#links()[index];
    if (row && this.#roving.focused) {
      this.#follow.ours(() => this.#roving.focus(row));
      this.#syncCopyStop();
    }
    return true;
  }

  readonly #onKeydown = (e: KeyboardEvent): void => {
    if (e.composedPath()[0] instanceof HTMLButtonElement) return;
    this.#roving.handleKeydown(e);
    this.#syncCopyStop();
  };

  readonly #onClick = (e: MouseEvent): void => {
    const path = e.composedPath();
    const copy = path.find((n): n is HTMLElement => n instanceof HTMLElement && n.dataset['copy'] !== undefined);
    if (copy) return void this.#copyQuestion(Number(copy.dataset['copy']));
    const link = path.find((n): n is HTMLElement => n instanceof HTMLAnchorElement && n.dataset['index'] !== undefined);
    // Let the browser open a question in a new tab or window.
    if (!link || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    this.#roving.setTabStop(link);
    this.#syncCopyStop();
    this.#nav.go(Number(link.dataset['index']), 'list');
  };

  #copyQuestion(index: number): void {
    const t = this.#nav.model;
    if (!t?.questions[index]) return;
    const url = withFragment(location.href, this.#nav.deepLinks.scoped(questionFragment(t, index)));
    void this.#copy.copy('question', url, url, `Link to question ${index + 1} copied.`);
  }

  readonly #copyMoment = (): void => {
    const time = this.#nav.time;
    if (Number.isNaN(time)) return;
    const url = withFragment(location.href, this.#nav.deepLinks.scoped(momentFragment(time)));
    void this.#copy.copy('moment', url, url, `Link to ${formatTime(time)} copied.`);
  };
}
