import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { activeCueIndex, cueIndexAtOrBefore, questionIndexAt, type Transcript } from '../../core/transcript/index.js';
import { nextTranscriptChange } from '../../core/transcript/boundaries.js';
import { CopyLinkController } from '../../controllers/copy-link.js';
import { scopedFor } from '../../controllers/navigator/deep-link.js';
import { FollowScrollController } from '../../controllers/transcript/follow-scroll.js';
import { MediaBindingController } from '../../controllers/media-binding.js';
import { OnScreenController } from '../../controllers/transcript/on-screen.js';
import { PassageCopyController } from '../../controllers/transcript/passage-copy.js';
import { PressActivationController } from '../../controllers/press-activation.js';
import { RovingFocusController } from '../../controllers/roving-focus.js';
import { TranscriptSearchController, type CueSearchDetail } from '../../controllers/transcript/transcript-search.js';
import { ViewerPrefsController } from '../../controllers/transcript/viewer-prefs.js';
import { MediaStateInputs, type MediaStateName } from '../../mixins/media-state.js';
import { LOAD_TIMEOUT_MS, mediaFailure, TranscriptSourceController, type CueSourceFailure, type CueSourceProblem } from '../../controllers/transcript/transcript-source.js';
import { ActiveMarks, CHANGED_CUE } from './active-marks.js';
import type { CueActivateDetail, CueChangeDetail, CueErrorDetail, CueLoadDetail } from './events.js';
import { pageTarget } from './navigation.js';
import { BodyBuilder, renderFailure, renderProblems } from './render.js';
import { styles } from './cue-transcript.styles.js';
import { searchStyles } from './search.styles.js';
import { settingsStyles } from './settings.styles.js';

/** Media may report a seek target a hair early (float rounding); a millisecond of slack keeps a cue's own start inside it. */
const SLACK = 0.001;

/** Cue count above which off-screen sections skip rendering work (`content-visibility: auto`). */
const LARGE = 1500;

/** Cues built before the first paint, and per later task. */
const FIRST_SLICE = 400;
const SLICE = 2500;
/** Cues per block of sections in a long transcript (the unit the browser skips off screen). */
const BLOCK_CUES = 1000;
/** Milliseconds of building per later slice (then the browser gets the thread back). */
const SLICE_MS = 12;

/**
 * @summary An interactive transcript of a recorded Q&A: questions as headings, answers as paragraphs, the words being said highlighted as they are said, a click on any cue seeks there.
 *
 * Bind it to media with `for="ID"` (any element with the HTMLMediaElement interface) or link it to a
 * media-chrome `<media-controller>` with `mediacontroller="ID"` or by placing it inside one. Inside a
 * controller, add media-chrome's `noautohide` attribute so it does not fade out while the media plays.
 *
 * @fires cue-change - What is being said changed as the media played or seeked. Detail: `CueChangeDetail`.
 * @fires cue-activate - The reader chose a cue (click, tap, Enter, Space); cancelable, the seek follows unless cancelled. Detail: `CueActivateDetail`.
 * @fires cue-load - A transcript from `src` or the media's tracks is ready. Detail: `CueLoadDetail`.
 * @fires cue-error - The transcript or its chapters could not be loaded (reason `http`, `network`, `not-webvtt`, `track`, `timeout`), or the bound recording cannot be played (source and reason `media`). Detail: `CueErrorDetail`.
 * @fires mediaseekrequest - Asks a linked media-chrome `<media-controller>` to seek (detail: seconds).
 * @fires mediaplayrequest - Asks a linked media-chrome `<media-controller>` to play ("Play from here" on a search result).
 * @fires cue-search - The reader typed a search or moved between results. Detail: `CueSearchDetail`.
 * @fires cue-copy - A selected passage was copied as a quote with its link. Detail: `CueCopyDetail`.
 *
 * Viewer settings: the viewer's own "Follow along" and text size, kept for the whole site in `localStorage` under
 * `cueline:viewer-prefs` (storage blocked: they last the page). The text size shows as a custom state on the element,
 * `:state(text-small)`, `:state(text-medium)`, `:state(text-large)`, `:state(text-x-large)`, for a page's own CSS too.
 *
 * Search: `/` or Ctrl+F in the transcript focuses the search field; results come as you type (case and diacritics ignored);
 * Enter / Shift+Enter move between them without seeking (following pauses); Alt+Enter or "Play from here" plays from the
 * current one; Escape clears.
 *
 * @csspart toolbar - The bar above the transcript: search and the viewer's settings.
 * @csspart settings - The viewer's settings (`details`), at the end of the toolbar; hidden by `no-settings`.
 * @csspart settings-button - Its button (`summary`, "Transcript settings").
 * @csspart settings-panel - The panel it opens.
 * @csspart follow-switch - "Follow along" (`role="switch"`, `aria-checked`): off is `no-follow` for this viewer.
 * @csspart switch-track - The switch's track and knob.
 * @csspart text-size - The text sizes (a radio group: Smaller, Default, Larger, Largest).
 * @csspart text-size-option - One size (a `label` holding its radio).
 * @csspart search - The search form (role=search).
 * @csspart search-input - The search field.
 * @csspart search-count - "3 of 12", or "No matches".
 * @csspart search-previous - Previous result button.
 * @csspart search-next - Next result button.
 * @csspart search-play - "Play from here" button.
 * @csspart search-status - Polite live region announcing the count.
 * @csspart search-match - A match, where the Highlight API is missing (`mark`); also `search-current`.
 * @csspart search-current - The current match, where the Highlight API is missing.
 * @csspart copy-passage - The "Copy quote with link" button: an overlay beside a selected passage, shown once the selection is finished.
 * @csspart copy-status - Polite confirmation of a copy.
 * @csspart manual-copy - The field shown when the browser refuses to copy.
 * @csspart scroll-box - The scroll box holding the transcript. The element itself is a region landmark named by `label`.
 * @csspart question - A question and its answer (`section`); also `active-question` while it plays.
 * @csspart active-question - The question playing.
 * @csspart untitled - Paragraphs outside any question (an introduction, a closing).
 * @csspart heading - A question's heading (level from `heading-level`).
 * @csspart question-title - The question's text inside the heading: the cues that ask it when the question is asked in the words of its title (shown once, not again as a paragraph), else the title.
 * @csspart question-time - The question's start time inside the heading.
 * @csspart asked - The question as asked: inside the heading when its words are the title's, else paragraphs after the heading.
 * @csspart answer - The answer's paragraphs; also `active-answer` while it plays.
 * @csspart active-answer - The answer playing.
 * @csspart paragraph - A paragraph (`p`); also `active-paragraph` while it plays.
 * @csspart active-paragraph - The paragraph playing.
 * @csspart speaker - The speaker's name, where the speaker changes (in a heading too, for the asker).
 * @csspart cue - A cue; also `active-cue` while it is being spoken.
 * @csspart active-cue - The cue being spoken.
 * @csspart spoken - Words of the active cue already spoken (cues with inline timestamps).
 * @csspart back-to-now - The button that resumes following after the reader scrolled away.
 * @csspart status - Loading and empty messages.
 * @csspart error - The message shown when the transcript could not be loaded (role=alert).
 * @csspart media-error - The message shown when the bound recording cannot be loaded or played.
 * @csspart problems - The collapsible list of problems found in the files.
 * @csspart problems-summary - Its summary line.
 * @csspart problem-list - A list of problems.
 * @csspart problem - One problem, with line and column.
 * @csspart problem-more - The last item of a long list: how many more problems there are ("and 12,345 more").
 *
 * @cssproperty [--cue-color=light-dark(#1f2937, #e5e7eb)] - Text colour.
 * @cssproperty [--cue-background=Canvas] - Background (the page's canvas colour, light or dark).
 * @cssproperty [--cue-muted-color=light-dark(#4b5563, #9ca3af)] - Times, speakers, problems.
 * @cssproperty [--cue-accent-color=light-dark(#1d4ed8, #93c5fd)] - Accent for the answer bar, focus ring and button.
 * @cssproperty [--cue-active-background=light-dark(#fef3c7, #3b3212)] - Background of the cue being spoken.
 * @cssproperty [--cue-active-color=light-dark(#111827, #fff7d6)] - Text colour of the cue being spoken.
 * @cssproperty [--cue-spoken-background=light-dark(#fcd34d, #78580f)] - Background of words already spoken.
 * @cssproperty [--cue-answer-indicator-color=var(--cue-accent-color)] - The bar beside the current answer.
 * @cssproperty [--cue-focus-ring-color=var(--cue-accent-color)] - Focus outline.
 * @cssproperty [--cue-button-color=var(--cue-accent-color)] - "Back to now" text and border.
 * @cssproperty [--cue-button-background=Canvas] - "Back to now" background.
 * @cssproperty [--cue-error-color=light-dark(#b91c1c, #fca5a5)] - Error message.
 * @cssproperty [--cue-max-height=32rem] - Height beyond which the transcript scrolls.
 * @cssproperty [--cue-padding=0.5rem 1rem] - Padding of the scroll box.
 * @cssproperty [--cue-font=inherit] - Font shorthand.
 * @cssproperty [--cue-line-height=1.6] - Line height.
 * @cssproperty [--cue-heading-font-size=1.1em] - Question headings.
 * @cssproperty [--cue-radius=0.2em] - Corner radius of cue highlights.
 * @cssproperty [--cue-match-background=light-dark(#fde68a, #6b5410)] - Search matches (`::highlight(cue-search)`).
 * @cssproperty [--cue-match-color=inherit] - Text of search matches.
 * @cssproperty [--cue-current-match-background=light-dark(#f97316, #c2410c)] - The current match (`::highlight(cue-search-current)`).
 * @cssproperty [--cue-current-match-color=#fff] - Text of the current match.
 */
export class CueTranscript extends MediaStateInputs(LitElement) {
  static override styles = [styles, searchStyles, settingsStyles];

  /** URL of the transcript WebVTT file; written by the page. Without it, the bound media's `<track>` is used. */
  @property() src = '';

  /** URL of a chapters WebVTT file (one chapter per question), used with `src`; written by the page. */
  @property() chapters = '';

  /** Seconds the files may take to arrive before loading fails (`cue-error` with reason `timeout`); written by the page. */
  @property({ type: Number, attribute: 'load-timeout' }) loadTimeout = LOAD_TIMEOUT_MS / 1000;

  /** Id of the media element to follow (any element with the HTMLMediaElement interface); attribute `for`. */
  @property({ attribute: 'for' }) htmlFor = '';

  /** Id of a media-chrome `<media-controller>` to link to, the way media-chrome controls do; attribute `mediacontroller`. */
  @property({ attribute: 'mediacontroller' }) mediaController = '';

  /** Heading level (1-6) of each question, so the transcript fits the page's outline; written by the page. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 3;

  /** Turns off keeping the cue being spoken in view; written by the page. */
  @property({ type: Boolean, attribute: 'no-follow' }) noFollow = false;

  /** Hides the search bar; written by the page. */
  @property({ type: Boolean, attribute: 'no-search' }) noSearch = false;

  /** Hides the viewer's settings (follow along, text size); the choices they stored still apply. Written by the page. */
  @property({ type: Boolean, attribute: 'no-settings' }) noSettings = false;

  /** Accessible name of the transcript region (the element has role region); `aria-label`/`aria-labelledby` on the element win. Written by the page. */
  @property() label = 'Transcript';

  /** A transcript model set from script; it wins over `src` and tracks. Immutable: set a new object to change it. */
  @property({ attribute: false }) transcript: Transcript | null = null;

  @state() private _model: Transcript | null = null;
  @state() private _problems: CueSourceProblem[] = [];
  /** Why the bound media cannot play ('' when it can): shown above the transcript. */
  @state() private _mediaError = '';
  /** How many problems there were in all; `_problems` holds the first of them. */
  @state() private _problemCount = 0;
  @state() private _failure: CueSourceFailure | null = null;
  @state() private _loading = false;

  readonly #internals = this.attachInternals();
  #time = Number.NaN;
  #box: HTMLElement | null = null;
  #body: BodyBuilder | null = null;
  #bodyTimer = 0;
  #events: CustomEvent[] = [];
  readonly #marks = new ActiveMarks();
  readonly #media = new MediaBindingController(this, {
    onTime: (time) => this.#onTime(time),
    // The clock sleeps until the next cue or question boundary, or word boundary while the viewer can see the words.
    nextChange: (time) => {
      const t = this._model;
      return t && this.#marks.transcript === t ? nextTranscriptChange(t, time + SLACK, this.#onScreen.visible) - SLACK : Number.POSITIVE_INFINITY;
    },
    onMedia: () => this.#syncSource(),
    onMediaError: (message) => {
      this._mediaError = message ?? '';
      if (message) this.#queue('cue-error', mediaFailure(message, this.#media.media) satisfies CueErrorDetail);
    },
  });
  /** Off screen, the words of a cue are not lit one by one: back in view, they catch up at once. */
  readonly #onScreen = new OnScreenController(this, () => {
    this.#media.sync();
    this.#media.replan();
  });
  readonly #follow = new FollowScrollController(this);
  readonly #prefs = new ViewerPrefsController(this, {
    states: () => this.#internals.states,
    onFollow: (on) => (on ? this.resumeFollow() : this.requestUpdate()),
  });
  /** Following is off: the viewer switched it off, or the page's `no-follow` and no choice of the viewer's. */
  get #noFollow(): boolean {
    return this.#prefs.followOff(this.noFollow);
  }
  readonly #roving = new RovingFocusController(this, {
    items: () => this.#marks.cues,
    page: (i, dir) => (this._model ? pageTarget(this._model, i, dir) : i),
    onNavigate: (_i, el) => {
      this.#follow.pause();
      this.#follow.reveal(el, false);
    },
    onActivate: (i, el) => this.#activate(i, el),
  });
  readonly #press = new PressActivationController(this, {
    itemFrom: (path) => this.#cueFrom(path, true),
    // A word of a cue with inline timestamps seeks to the word, the rest of a cue to its start.
    onActivate: (el) => {
      const cue = el.closest<HTMLElement>('[data-cue]');
      if (cue) this.#activate(Number(cue.dataset['cue']), cue, Number(el.dataset['seg'] ?? 0));
    },
  });
  readonly #copy = new CopyLinkController(this);
  readonly #passage = new PassageCopyController(this, this.#copy, () => this._model, { scope: (f) => scopedFor(this, f) });
  readonly #search = new TranscriptSearchController(this, {
    model: () => this._model,
    cues: () => this.#marks.cues,
    box: () => this.#box,
    from: () => Number(this.#nowElement()?.dataset['cue'] ?? 0),
    // Browsing results shows them, never seeks: following pauses so the view stays on the result.
    reveal: (el) => {
      this.#follow.pause();
      this.#follow.reveal(el, false);
    },
    playFrom: (time) => {
      this.#follow.resume();
      this.#seek(time);
      this.#media.play();
    },
    onClear: () => this.resumeFollow(),
  });
  readonly #source = new TranscriptSourceController(this, {
    onPending: (loading) => this.#show(null, [], null, loading),
    onLoad: (transcript, problems, origin, count) => {
      this.#show(transcript, problems, null, false, count);
      if (origin !== 'property') this.#queue('cue-load', { transcript, errors: problems, errorCount: count } satisfies CueLoadDetail);
    },
    onError: (failure) => {
      if (failure.source === 'transcript') this.#show(null, [], failure, false);
      else {
        const more = this.#asProblems(failure);
        this._problems = this._problems.concat(more);
        this._problemCount += Math.max(failure.errorCount ?? 0, more.length);
      }
      this.#queue('cue-error', failure satisfies CueErrorDetail);
    },
  });

  /** Keys the transcript handles, so media-chrome's hotkeys leave them alone when it sits inside a `<media-controller>`. */
  get keysUsed(): string[] {
    return [...RovingFocusController.keys, '/'];
  }

  /** The transcript shown: the `transcript` property, or the one loaded from `src` or tracks. */
  get loadedTranscript(): Transcript | null {
    return this._model;
  }

  /** The search shown now, as the last `cue-search` event reported it (for a strip that links later). */
  get searchState(): CueSearchDetail {
    return this.#search.detail;
  }

  /** Index of the cue being spoken, or -1. */
  get activeCueIndex(): number {
    return this.#marks.cue;
  }

  /** Index of the question playing, or -1. */
  get activeQuestionIndex(): number {
    return this.#marks.question;
  }

  /** False while following is paused because the reader scrolled away. */
  get following(): boolean {
    return this.#follow.following && !this.#noFollow;
  }

  /** Brings the cue being spoken back into view and follows it again. */
  resumeFollow(): void {
    this.#follow.resume();
    const el = this.#nowElement();
    if (el && !this.#noFollow) this.#follow.reveal(el);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Picks up a load that disconnection cut short (a no-op when nothing changed).
    if (this.hasUpdated) this.#syncSource();
    if (this.#body && !this.#body.done) this.#continueBody();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#bodyTimer);
  }

  /**
   * Scrolls question `index` (0-based) to the top of the transcript without seeking, for a question
   * navigator that has just seeked there; following goes on from there. When the reader's keyboard
   * focus is in the transcript (Shift+N pressed on a cue), it moves to the question's first cue, so
   * the next arrow key goes on from there.
   */
  revealQuestion(index: number): void {
    const section = this.#marks.questionElement(index);
    if (!section || !this.#box) return;
    const first = this.#roving.focused ? section.querySelector<HTMLElement>('[data-cue]') : null;
    // Our own focus move: following must not take it for the reader's.
    if (first) this.#follow.ours(() => this.#roving.focus(first));
    this.#follow.resume();
    // Its first cue, which plays once the navigator's seek lands, stays wholly in view.
    this.#follow.showAtTop(section, true, section.querySelector('[data-cue]'));
  }

  /** media-chrome writes its state 4 times a second: that changes nothing rendered, so once rendered it is applied without a render. */
  protected override mediaStateChanged(name: MediaStateName, old: unknown): void {
    if (this.hasUpdated) this.#mediaState();
    else super.mediaStateChanged(name, old);
  }

  #mediaState(): void {
    // media-chrome reports at timeupdate pace: read its media directly once there is one.
    this.#media.refresh();
    const time = this.mediaCurrentTime;
    if (!this.#media.media && typeof time === 'number' && Number.isFinite(time)) this.#onTime(time);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('htmlFor')) this.#media.mediaId = this.htmlFor;
    if (changed.has('mediaController')) this.#media.controllerId = this.mediaController;
    if (changed.has('mediaCurrentTime') || changed.has('mediaPaused')) this.#mediaState();
    if (changed.has('src') || changed.has('chapters') || changed.has('transcript')) this.#syncSource();
    if (changed.has('noFollow') && changed.get('noFollow') === true) this.resumeFollow();
    // The host is the region, so a page can name it with aria-labelledby on the element itself.
    this.#internals.role = 'region';
    this.#internals.ariaLabel = this.label;
    this.#internals.ariaBusy = this._loading ? 'true' : 'false';
  }

  protected override render(): unknown {
    const t = this._model;
    const following = this.#follow.following || this.#noFollow;
    return html`${this._mediaError ? html`<p part="media-error" role="alert">${this._mediaError} The transcript can still be read.</p>` : nothing}
      ${renderProblems(this._problems, this._problemCount)}
      ${this.noSearch && this.noSettings
        ? nothing
        : html`<div part="toolbar" class="toolbar">${this.noSearch ? nothing : this.#search.render()}${this.noSettings ? nothing : this.#prefs.render(this.noFollow)}</div>`}
      ${this.#copy.render()}
      <div
        part="scroll-box"
        tabindex="-1"
        @click=${this.#press.onClick}
        @pointerdown=${this.#press.onPointerDown}
        @keydown=${this.#onKeydown}
        @scroll=${this.#passage.reposition}
      >
        ${this._failure
          ? renderFailure(this._failure)
          : !t && this._loading
            ? html`<p part="status">Loading transcript…</p>`
            : nothing}
        <div class="body" ?hidden=${!t || !!this._failure}></div>
      </div>
      ${this.#passage.render()}
      <button part="back-to-now" type="button" ?hidden=${following || !t} @click=${this.#backToNow}>
        Back to now
      </button>`;
  }

  protected override updated(changed: PropertyValues): void {
    this.#box ??= this.renderRoot.querySelector<HTMLElement>('[part~="scroll-box"]');
    this.#follow.attach(this.#box);
    if (changed.has('_model')) {
      // A new transcript starts at its top, followed.
      this.#follow.scrollTo(0);
      this.#follow.resume();
    }
    if (changed.has('_model') || changed.has('headingLevel')) {
      this.#buildBody(this._model);
      this.#roving.reset(this.#marks.cues[0]);
      this.#search.refresh();
      this.#applyTime(false);
      this.#media.replan();
      const el = this.#nowElement();
      if (el && this.following) this.#follow.reveal(el, false);
    }
    const events = this.#events;
    this.#events = [];
    for (const e of events) this.dispatchEvent(e);
  }

  /**
   * The body is built outside Lit's templates (see render.ts; Lit never
   * touches its children): the first slice now, up to the cue playing, the
   * rest in later tasks so the first screen paints at once.
   */
  #buildBody(t: Transcript | null): void {
    clearTimeout(this.#bodyTimer);
    const body = this.renderRoot.querySelector<HTMLElement>('.body')!;
    body.replaceChildren();
    body.classList.toggle('large', (t?.cues.length ?? 0) > LARGE);
    this.#body = t ? new BodyBuilder(this.ownerDocument, t, this.headingLevel, t.cues.length > LARGE ? BLOCK_CUES : 0) : null;
    this.#bodyBuilt();
    this.#bodyDone = new Promise((resolve) => {
      this.#bodyBuilt = () => {
        this.#bodyBuilt = () => {};
        resolve();
      };
    });
    const now = t && !Number.isNaN(this.#time) ? cueIndexAtOrBefore(t, this.#time + SLACK) : 0;
    this.#body?.appendTo(body, FIRST_SLICE, now + FIRST_SLICE / 4);
    this.#marks.use(this.#body?.tables ?? null, t);
    this.#continueBody();
  }

  #continueBody(): void {
    const builder = this.#body;
    if (!builder || builder.done) {
      this.#bodyBuilt();
      return;
    }
    clearTimeout(this.#bodyTimer);
    this.#bodyTimer = window.setTimeout(() => {
      if (builder !== this.#body || !this.isConnected) return;
      // A slice is bounded by time as well as size, so building never holds up input for long.
      builder.appendTo(this.renderRoot.querySelector('.body')!, SLICE, -1, performance.now() + SLICE_MS);
      this.#marks.use(builder.tables, builder.transcript, true);
      this.#continueBody();
    });
  }

  /** Resolves once the whole transcript is in the DOM (part of `updateComplete`, with the search code a query waits for). */
  #bodyDone: Promise<void> = Promise.resolve();
  #bodyBuilt = (): void => {};

  protected override async getUpdateComplete(): Promise<boolean> {
    const result = await super.getUpdateComplete();
    await this.#bodyDone;
    // A query typed while the search code was loading runs when it arrives, and renders its results.
    await this.#search.ready;
    return this.isUpdatePending ? super.getUpdateComplete() : result;
  }

  #show(model: Transcript | null, problems: CueSourceProblem[], failure: CueSourceFailure | null, loading: boolean, count = problems.length): void {
    this._model = model;
    this._problems = problems;
    this._problemCount = count;
    this._failure = failure;
    this._loading = loading;
  }

  #queue<T>(type: string, detail: T): void {
    this.#events.push(new CustomEvent<T>(type, { detail, bubbles: true, composed: true }));
    this.requestUpdate();
  }

  #asProblems(f: CueSourceFailure): CueSourceProblem[] {
    if (f.errors.length) return f.errors;
    return [{ source: f.source, url: f.url, code: f.reason, message: f.message, line: 0, column: 0 }];
  }

  #syncSource(): void {
    const { src, chapters, transcript } = this;
    this.#source.timeout = this.loadTimeout > 0 ? this.loadTimeout * 1000 : LOAD_TIMEOUT_MS;
    this.#source.update({ src, chapters, transcript, media: this.#media.media });
  }

  #onTime(time: number): void {
    this.#time = time;
    this.#applyTime(true);
  }

  /** At each boundary (and seek): two binary searches, then only the elements whose state changed are touched. */
  #applyTime(notify: boolean): void {
    const t = this._model;
    if (!t || this.#marks.transcript !== t) return;
    const time = this.#time + SLACK;
    const cue = Number.isNaN(time) ? -1 : activeCueIndex(t, time);
    const question = Number.isNaN(time) ? -1 : questionIndexAt(t, time);
    const changed = this.#marks.apply(cue, cue >= 0 ? t.cues[cue]!.paragraph : -1, question, time);
    if (!changed) return;
    const now = this.#nowElement();
    if (!this.#roving.focused) this.#roving.setTabStop(now);
    if (changed & CHANGED_CUE && cue >= 0 && now && this.following) this.#follow.reveal(now);
    if (notify) {
      const detail: CueChangeDetail = {
        cueIndex: cue,
        paragraphIndex: this.#marks.paragraph,
        questionIndex: question,
        cue: t.cues[cue] ?? null,
        time: this.#time,
      };
      this.dispatchEvent(new CustomEvent('cue-change', { detail, bubbles: true, composed: true }));
    }
  }

  /** The cue element for "now": the one being spoken, else the last one started. */
  #nowElement(): HTMLElement | undefined {
    const t = this._model;
    if (!t || Number.isNaN(this.#time)) return undefined;
    const i = this.#marks.cue >= 0 ? this.#marks.cue : cueIndexAtOrBefore(t, this.#time + SLACK);
    return this.#marks.cues[Math.max(0, i)];
  }

  /** The reader chose cue `index` (its word `seg`, segment k following the k-th inline timestamp; 0: the cue's start). */
  #activate(index: number, el: HTMLElement, seg = 0): void {
    const cue = this._model?.cues[index];
    if (!cue) return;
    const time = cue.timed[seg - 1]?.time ?? cue.startTime;
    const detail: CueActivateDetail = { cue, cueIndex: index, time };
    const event = new CustomEvent('cue-activate', { detail, bubbles: true, composed: true, cancelable: true });
    if (!this.dispatchEvent(event)) return;
    this.#roving.setTabStop(el);
    this.#follow.resume();
    this.#seek(time);
  }

  #seek(time: number): void {
    // The binding also shows the new position at once, whatever the media takes to get there;
    // media that failed to load does not move, so neither does the highlight.
    if (!this.#media.seek(time)) return;
    const el = this.#nowElement();
    if (el && !this.#noFollow) this.#follow.reveal(el);
  }

  readonly #backToNow = (): void => {
    this.resumeFollow();
    const el = this.#nowElement();
    // Our own focus move, to where following is taking the view: not the reader moving away.
    if (el) this.#follow.ours(() => this.#roving.focus(el));
  };

  readonly #onKeydown = (e: KeyboardEvent): void => {
    const find = (e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey) || ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'f');
    if (find && !this.noSearch) {
      e.preventDefault();
      this.#search.focus();
      return;
    }
    this.#roving.handleKeydown(e);
  };

  /** The cue in `path`, or with `word`, the timed word of a cue when the path has one. */
  #cueFrom(path: readonly EventTarget[], word = false): HTMLElement | null {
    let seg: HTMLElement | null = null;
    for (const n of path) {
      if (n === this.#box) return null;
      if (!(n instanceof HTMLElement)) continue;
      if (word && !seg && n.dataset['seg'] !== undefined) seg = n;
      if (n.dataset['cue'] !== undefined) return seg ?? n;
    }
    return null;
  }
}
