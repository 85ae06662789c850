import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { UnmatchedPassage } from '../../core/article/index.js';
import { activeCueIndex, cueIndexAtOrBefore, questionIndexAt, type Transcript } from '../../core/transcript/index.js';
import { ArticleSearchController } from '../../controllers/transcript/article-search.js';
import { CopyLinkController } from '../../controllers/copy-link.js';
import { scopedFor } from '../../controllers/navigator/deep-link.js';
import { PassageCopyController } from '../../controllers/transcript/passage-copy.js';
import { FollowScrollController } from '../../controllers/transcript/follow-scroll.js';
import { MediaBindingController } from '../../controllers/media-binding.js';
import { OnScreenController } from '../../controllers/transcript/on-screen.js';
import { PressActivationController } from '../../controllers/press-activation.js';
import { LOAD_TIMEOUT_MS, mediaFailure, TranscriptSourceController } from '../../controllers/transcript/transcript-source.js';
import { caretAt } from '../../dom/caret.js';
import { MediaStateInputs, type MediaStateName } from '../../mixins/media-state.js';
import { supportsHighlights } from '../../dom/search-highlights.js';
import type { CueActivateDetail, CueChangeDetail, CueErrorDetail } from '../cue-transcript/events.js';
import type { CueSearchDetail } from '../../controllers/transcript/transcript-search.js';
import type { CueArticleLoadDetail } from './events.js';
import { articlePassages } from './passage.js';
import { hitAt, searchFrom } from './search-hits.js';
import { adoptPageStyles, NamedHighlight, RangeOverlay } from './paint.js';
import { ArticlePlaces } from './places.js';
import { searchStyles } from '../cue-transcript/search.styles.js';
import { styles } from './cue-article.styles.js';

/** Media may report a seek target a hair early (float rounding); a millisecond of slack keeps a cue's own start inside it. */
const SLACK = 0.001;

/** Elements inside the article that keep their own meaning for a click: a press on them never seeks. */
const INTERACTIVE = 'a[href], button, input, select, textarea, summary, label, [contenteditable], [tabindex]:not(cue-article)';

/**
 * @summary Makes an article's own transcript text interactive: wraps the published paragraphs, unchanged, and binds a timed WebVTT file to them.
 *
 * The cues are matched to the article's text by word alignment (labels, quotes, edits, splits and merges
 * tolerated); the cue and word being spoken are painted with the CSS Custom Highlight API as `cue-active`
 * and `cue-word` (style them with `::highlight(cue-active)`); a click on a word seeks there. The text and
 * structure of the article are never rewritten: what the element adds (a tab stop, `aria-current` on the
 * question playing, a stylesheet with the highlights' default look) goes again on disconnect.
 *
 * Keyboard: the article is one tab stop; arrow keys move cue by cue (sentence by sentence) with a focus ring
 * drawn over the text; Home/End go to the first/last; Enter or Space seeks there.
 *
 * @fires cue-load - The transcript is loaded and matched. Detail: `CueArticleLoadDetail` (with the unmatched passages).
 * @fires cue-change - What is being said changed. Detail: `CueChangeDetail`.
 * @fires cue-activate - The reader chose a cue (click, tap, Enter, Space); cancelable. Detail: `CueActivateDetail` (`time` is the word's, when the file has word times).
 * @fires cue-error - The files could not be loaded, or the media cannot play. Detail: `CueErrorDetail`.
 * @fires mediaseekrequest - Asks a linked media-chrome `<media-controller>` to seek (detail: seconds).
 * @fires mediaplayrequest - Asks a linked media-chrome `<media-controller>` to play ("Play from here" on a search result).
 * @fires cue-copy - A selected passage was copied as a quote with its link (`#t=` to its start; `#<id>:t=` in a second player). Detail: `CueCopyDetail`.
 * @fires cue-search - The reader typed a search or moved between results. Detail: `CueSearchDetail` (a `<cue-search-strip transcript="ID">` shows it).
 *
 * Search: `/` or Ctrl+F on the article focuses the search field; matches in the article's own text are painted in place
 * (`::highlight(cue-search)`, the current one `::highlight(cue-search-current)`) as you type; Enter / Shift+Enter move
 * between them, scrolling the page to each (without seeking); Alt+Enter or "Play from here" plays from there; Escape clears.
 *
 * @slot - The article's transcript markup (paragraphs, headings), as published.
 * @csspart toolbar - The bar above the article (sticky at the top of the view): search and the follow-along switch.
 * @csspart search - The search form (role=search).
 * @csspart search-input - The search field.
 * @csspart search-count - "3 of 12", or "No matches".
 * @csspart search-previous - Previous match button.
 * @csspart search-next - Next match button.
 * @csspart search-play - "Play from here" button.
 * @csspart search-status - Polite live region announcing the count, once per query.
 * @csspart search-layer - The layer over the current match (what the page scrolls to).
 * @csspart search-match-layer - The layer holding the match boxes where the Highlight API is missing.
 * @csspart search-match - Where the Highlight API is missing: a box over a match.
 * @csspart search-current - Where the Highlight API is missing: a box over the current match.
 * @csspart copy-passage - The "Copy quote with link" button: beside a passage selected in the article (with the mouse, or Shift+arrows on the text), shown once the selection is finished; the first Tab stop after the text.
 * @csspart copy-status - Polite confirmation of a copy.
 * @csspart manual-copy - The field shown when the browser refuses to copy.
 * @csspart follow - The follow-along switch's label.
 * @csspart follow-switch - The switch (a checkbox with role switch).
 * @csspart focus-ring - A box of the focus ring drawn over the cue focused with the keyboard.
 * @csspart focus-layer - The layer holding the focus ring.
 * @csspart now - The (invisible) layer over the cue being spoken, which following keeps in view.
 * @csspart active-cue - Where the Highlight API is missing: a box over a line of the cue being spoken.
 * @csspart active-word - Where the Highlight API is missing: a box under the word being spoken.
 * @csspart word-layer - The layer holding those word boxes.
 * @csspart back-to-now - Shown while following is paused: scrolls back to the cue being spoken.
 * @csspart error - The message shown when the transcript could not be loaded (role=alert).
 *
 * @cssproperty [--cue-active-background=light-dark(#fef3c7, #3b3212)] - Background of the cue being spoken (`::highlight(cue-active)`).
 * @cssproperty [--cue-active-color=inherit] - Its text colour.
 * @cssproperty [--cue-spoken-background=light-dark(#fcd34d, #78580f)] - The word being spoken (`::highlight(cue-word)`).
 * @cssproperty [--cue-focus-ring-color=var(--cue-accent-color)] - The keyboard focus ring.
 * @cssproperty [--cue-accent-color=light-dark(#1d4ed8, #93c5fd)] - Accent of the focus ring and button.
 * @cssproperty [--cue-button-color=var(--cue-accent-color)] - "Back to now" text and border.
 * @cssproperty [--cue-button-background=Canvas] - "Back to now" background.
 * @cssproperty [--cue-radius=0.2em] - Corner radius of the focus ring.
 * @cssproperty [--cue-error-color=light-dark(#b91c1c, #fca5a5)] - The load error message.
 * @cssproperty [--cue-toolbar-font=0.9em system-ui, sans-serif] - Font of the toolbar.
 * @cssproperty [--cue-toolbar-top=0px] - Where the toolbar sticks (below a page's own sticky header).
 * @cssproperty [--cue-background=Canvas] - Background of the toolbar.
 * @cssproperty [--cue-match-background=light-dark(#fde68a, #6b5410)] - Search matches (`::highlight(cue-search)`).
 * @cssproperty [--cue-match-color=inherit] - Text of search matches.
 * @cssproperty [--cue-current-match-background=light-dark(#f97316, #c2410c)] - The current match (`::highlight(cue-search-current)`).
 * @cssproperty [--cue-current-match-color=#fff] - Text of the current match.
 * @cssproperty [--cue-muted-color=light-dark(#4b5563, #9ca3af)] - The search count.
 */
export class CueArticle extends MediaStateInputs(LitElement) {
  static override styles = [searchStyles, styles];

  /** URL of the transcript WebVTT file; written by the page. Without it, the bound media's `<track>` is used. */
  @property() src = '';

  /** URL of a chapters WebVTT file (one chapter per question); written by the page. */
  @property() chapters = '';

  /** Seconds the files may take to arrive before loading fails; written by the page. */
  @property({ type: Number, attribute: 'load-timeout' }) loadTimeout = LOAD_TIMEOUT_MS / 1000;

  /** Id of the media element to follow; attribute `for`. */
  @property({ attribute: 'for' }) htmlFor = '';

  /** Id of a media-chrome `<media-controller>` to link to; attribute `mediacontroller`. */
  @property({ attribute: 'mediacontroller' }) mediaController = '';

  /** Keeps the cue being spoken in view by scrolling the page; off unless the page or the reader turns it on (the reader's switch writes it). */
  @property({ type: Boolean, reflect: true }) follow = false;

  /** Hides the search bar; written by the page. */
  @property({ type: Boolean, attribute: 'no-search' }) noSearch = false;

  /** Hides the reader's follow-along switch; written by the page. */
  @property({ type: Boolean, attribute: 'no-switch' }) noSwitch = false;

  /** A transcript model set from script; it wins over `src` and tracks. Immutable. */
  @property({ attribute: false }) transcript: Transcript | null = null;

  @state() private _places: ArticlePlaces | null = null;
  @state() private _error = '';

  #time = Number.NaN;
  #cue = -1;
  #word = -1;
  #question = -1;
  #current: Element | null = null;
  #focusCue = -1;
  #focused = false;
  #addedTabIndex = false;
  #pressTime = Number.NaN;
  #pressCue = -1;
  #unadopt: (() => void) | null = null;
  readonly #active = new NamedHighlight('cue-active');
  readonly #wordHighlight = new NamedHighlight('cue-word');
  readonly #ring = new RangeOverlay(document, 'focus-ring', 'focus-layer');
  readonly #now = new RangeOverlay(document, supportsHighlights() ? 'now-line' : 'active-cue', 'now');
  readonly #wordBox = new RangeOverlay(document, 'active-word', 'word-layer');
  readonly #media = new MediaBindingController(this, {
    onTime: (time) => this.#onTime(time),
    // The clock sleeps until the next cue or question boundary, or word boundary while the article is in view.
    nextChange: (time) => (this._places ? this._places.nextChange(time + SLACK, this.#onScreen.visible) - SLACK : Number.POSITIVE_INFINITY),
    onMedia: () => this.#syncSource(),
    onMediaError: (message) => {
      if (message) this.#emit('cue-error', mediaFailure(message, this.#media.media) satisfies CueErrorDetail);
    },
  });
  /** Off screen, nothing is lit word by word and no layout is read: back in view, it catches up at once. */
  readonly #onScreen = new OnScreenController(this, () => {
    this.#media.sync();
    this.#media.replan();
  });
  readonly #follow = new FollowScrollController(this);
  readonly #press = new PressActivationController(this, {
    itemFrom: (path) => this.#pressTarget(path),
    onActivate: () => this.#choose(this.#pressCue, this.#pressTime),
  });
  readonly #search = new ArticleSearchController(this, {
    text: () => this._places?.dom ?? null,
    hit: (at) => hitAt(this._places!, at),
    from: () => searchFrom(this._places, this.#cue),
    // Browsing results shows them, never seeks: following pauses so the view stays on the match.
    reveal: (layer) => {
      this.#follow.pause();
      this.#follow.reveal(layer, false);
    },
    playFrom: (time) => {
      this.#follow.resume();
      this.#media.seek(time);
      this.#media.play();
    },
  });
  readonly #copy = new CopyLinkController(this);
  /** "Copy quote with link" for a passage selected in the article (Shift+arrows select sentences from the keyboard). */
  readonly #passage = new PassageCopyController(this, this.#copy, () => this._places?.transcript ?? null, {
    source: articlePassages(this, () => this._places),
    scope: (f) => scopedFor(this, f),
  });
  #selectFrom = -1;
  readonly #source = new TranscriptSourceController(this, {
    onPending: () => this.#load(null),
    onLoad: (transcript, problems, origin, count) =>
      this.#load(transcript, () => {
        const p = this._places;
        if (p && origin !== 'property') {
          this.#emit('cue-load', {
            transcript,
            errors: problems,
            errorCount: count,
            matchedCues: p.placed.length,
            unmatched: p.match.unmatched,
            match: p.match,
          } satisfies CueArticleLoadDetail);
        }
      }),
    onError: (failure) => {
      if (failure.source === 'transcript') {
        this.#load(null);
        this._error = failure.message;
      }
      this.#emit('cue-error', failure satisfies CueErrorDetail);
    },
  });
  /** Matching in flight (in slices); aborted by a newer transcript or by disconnection. */
  #placing: AbortController | null = null;
  /** Starts (again, after a disconnection cut it short) the matching of the transcript loaded last. */
  #placeLoaded: (() => void) | null = null;

  /** The transcript bound to the article, or null. */
  get loadedTranscript(): Transcript | null {
    return this._places?.transcript ?? null;
  }

  /** Index of the cue being spoken, or -1. */
  get activeCueIndex(): number {
    return this.#cue;
  }

  /** Index of the question playing, or -1. */
  get activeQuestionIndex(): number {
    return this.#question;
  }

  /** False while following is off, or paused because the reader scrolled away. */
  get following(): boolean {
    return this.follow && this.#follow.following;
  }

  /** Keys the article handles while focused, so media-chrome's hotkeys leave them alone. */
  get keysUsed(): string[] {
    return ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'Enter', ' ', '/'];
  }

  /** The search shown now, as the last `cue-search` event reported it (for a strip that links later). */
  get searchState(): CueSearchDetail {
    return this.#search.detail;
  }

  /** Passages that could not be matched (cue text not in the article, article text no cue says), with the cue id and the text around; for an editor. */
  unmatchedPassages(): UnmatchedPassage[] {
    return [...(this._places?.match.unmatched ?? [])];
  }

  /** DOM Ranges over cue `index`'s text in the article (empty when the article does not have it). */
  cueRanges(index: number): Range[] {
    return this._places?.ranges(index) ?? [];
  }

  /** Follows the cue being spoken again (when following is on) and brings it into view. */
  resumeFollow(): void {
    this.#follow.resume();
    if (this.follow) this.#revealNow(true);
  }

  /** Brings question `index`'s first words to the top of the page (a navigator moved there). */
  revealQuestion(index: number): void {
    const k = this._places?.firstOfQuestion(index) ?? -1;
    const block = k >= 0 ? this._places!.blockOf(k) : null;
    this.#follow.resume();
    if (block) this.#follow.showAtTop(block);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#unadopt = adoptPageStyles(this.ownerDocument);
    if (!this.hasAttribute('tabindex')) {
      this.tabIndex = 0;
      this.#addedTabIndex = true;
    }
    this.addEventListener('click', this.#onClick);
    this.addEventListener('pointerdown', this.#press.onPointerDown);
    this.addEventListener('keydown', this.#onKeydown);
    this.addEventListener('focusin', this.#onFocus);
    this.addEventListener('blur', this.#onBlur);
    this.#follow.attach(this.ownerDocument.scrollingElement as HTMLElement | null);
    this.#syncSource();
    // Matching cut short by a disconnection: again, over the article as it is now.
    if (!this.#placing) this.#placeLoaded?.();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('click', this.#onClick);
    this.removeEventListener('pointerdown', this.#press.onPointerDown);
    this.removeEventListener('keydown', this.#onKeydown);
    this.removeEventListener('focusin', this.#onFocus);
    this.removeEventListener('blur', this.#onBlur);
    this.#placing?.abort();
    this.#placing = null;
    if (this.#addedTabIndex) this.removeAttribute('tabindex');
    this.#addedTabIndex = false;
    this.#paint(-1, -1);
    this.#setCurrent(null);
    this.#unadopt?.();
    this.#unadopt = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('htmlFor')) this.#media.mediaId = this.htmlFor;
    if (changed.has('mediaController')) this.#media.controllerId = this.mediaController;
    if (changed.has('src') || changed.has('chapters') || changed.has('transcript') || changed.has('loadTimeout')) this.#syncSource();
    if (changed.has('mediaCurrentTime') || changed.has('mediaPaused')) this.#media.refresh();
  }

  /** media-chrome writes its state 4 times a second: that changes nothing rendered, so once rendered it is applied without a render. */
  protected override mediaStateChanged(name: MediaStateName, old: unknown): void {
    if (this.hasUpdated) this.#media.refresh();
    else super.mediaStateChanged(name, old);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('follow') && this.follow) this.resumeFollow();
  }

  protected override render() {
    const paused = this.follow && !this.#follow.following;
    return html`${this.#passage.render()}${this.noSwitch && this.noSearch
        ? nothing
        : html`<div part="toolbar" @focusin=${this.#onToolbarFocus} @focusout=${this.#onToolbarFocus}>
            ${this.noSearch ? nothing : this.#search.render()}
            ${this.noSwitch
              ? nothing
              : html`<label part="follow"
                  ><input part="follow-switch" type="checkbox" role="switch" .checked=${this.follow} @change=${this.#onSwitch} /> Follow along</label
                >`}
          </div>`}
      ${this.#copy.render()}
      ${this._error ? html`<p part="error" role="alert">${this._error}</p>` : nothing}
      <slot></slot>${this.#search.matchLayer}${this.#search.layer}${this.#now.layer}${this.#wordBox.layer}${this.#ring.layer}
      <button part="back-to-now" type="button" ?hidden=${!paused} @click=${() => this.resumeFollow()}>Back to now</button>`;
  }

  #syncSource(): void {
    if (!this.isConnected) return;
    this.#source.timeout = this.loadTimeout > 0 ? this.loadTimeout * 1000 : LOAD_TIMEOUT_MS;
    this.#source.update({ src: this.src, chapters: this.chapters, transcript: this.transcript, media: this.#media.media });
  }

  /** Binds a newly loaded transcript (null: none); `done` runs once it is matched to the article. */
  #load(t: Transcript | null, done?: () => void): void {
    this.#placeLoaded = t
      ? () =>
          void this.#use(t).then((ok) => {
            if (!ok) return;
            this.#placeLoaded = null;
            done?.();
          })
      : null;
    if (t) this.#placeLoaded!();
    else void this.#use(null);
  }

  /** Matches a transcript to the article as it is now (in slices), then shows the time on it; false when cut short. */
  async #use(t: Transcript | null): Promise<boolean> {
    this.#placing?.abort();
    this.#placing = null;
    this.#paint(-1, -1);
    this.#setCurrent(null);
    this._error = '';
    this._places = null;
    this.#focusCue = -1;
    if (t) {
      const abort = (this.#placing = new AbortController());
      try {
        this._places = await ArticlePlaces.place(this, t, abort.signal);
      } catch {
        return false;
      }
      this.#placing = null;
    }
    this.#applyTime(false);
    this.#media.replan();
    this.#search.refresh();
    return true;
  }

  #emit<T>(type: string, detail: T): void {
    this.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true }));
  }

  #onTime(time: number): void {
    this.#time = time;
    this.#applyTime(true);
  }

  /** Per frame: binary searches, then only the highlights whose cue or word changed are touched. */
  #applyTime(notify: boolean): void {
    const p = this._places;
    if (!p) return;
    const t = p.transcript;
    const time = this.#time + SLACK;
    const cue = Number.isNaN(time) ? -1 : activeCueIndex(t, time);
    const word = cue >= 0 && this.#onScreen.visible ? p.wordIndexAt(cue, time) : -1;
    const question = Number.isNaN(time) ? -1 : questionIndexAt(t, time);
    if (cue === this.#cue && word === this.#word && question === this.#question) return;
    const cueChanged = cue !== this.#cue;
    this.#paint(cue, word);
    if (question !== this.#question) {
      this.#question = question;
      const first = question >= 0 ? p.firstOfQuestion(question) : -1;
      this.#setCurrent(first >= 0 ? p.blockOf(first) : null);
    }
    if (!cueChanged) return;
    if (this.following && cue >= 0) this.#revealNow(true);
    if (notify) {
      const detail: CueChangeDetail = { cueIndex: cue, paragraphIndex: cue >= 0 ? t.cues[cue]!.paragraph : -1, questionIndex: question, cue: t.cues[cue] ?? null, time: this.#time };
      this.#emit('cue-change', detail);
    }
  }

  #paint(cue: number, word: number): void {
    const p = this._places;
    if (cue !== this.#cue) {
      this.#cue = cue;
      this.#active.set(p && cue >= 0 ? p.ranges(cue) : []);
      // The layer over the cue being spoken: its look without the Highlight API, else only what following scrolls to
      // (drawn then by #revealNow): drawing it reads layout, which playback need not pay for at every cue.
      this.#now.show(p && cue >= 0 && !supportsHighlights() && this.#onScreen.visible ? p.span(cue) : null, this);
      this.#word = -2;
    }
    if (word !== this.#word) {
      this.#word = word;
      const r = p && cue >= 0 && word >= 0 ? p.wordRange(cue, word) : null;
      this.#wordHighlight.set(r ? [r] : []);
      if (!supportsHighlights()) this.#wordBox.show(this.#onScreen.visible ? r : null, this);
    }
  }

  /** `aria-current` on the block where the question playing starts (its heading or "Q." paragraph). */
  #setCurrent(el: Element | null): void {
    if (el === this.#current) return;
    this.#current?.removeAttribute('aria-current');
    this.#current = el;
    el?.setAttribute('aria-current', 'true');
  }

  #revealNow(smooth: boolean): void {
    const p = this._places;
    if (!p) return;
    const cue = this.#cue >= 0 ? this.#cue : Number.isNaN(this.#time) ? -1 : cueIndexAtOrBefore(p.transcript, this.#time + SLACK);
    if (cue < 0) return;
    this.#now.show(p.span(cue), this);
    if (!this.#now.layer.hidden) this.#follow.reveal(this.#now.layer, smooth);
  }

  readonly #onSwitch = (e: Event): void => {
    this.follow = (e.target as HTMLInputElement).checked;
  };

  readonly #onClick = (e: MouseEvent): void => {
    this.#pressAt = { x: e.clientX, y: e.clientY };
    this.#press.onClick(e);
  };

  #pressAt = { x: 0, y: 0 };

  /** Hit-tests the press: the cue (and timed word) under it, never a link or control inside the article. */
  #pressTarget(path: readonly EventTarget[]): HTMLElement | null {
    const p = this._places;
    if (!p) return null;
    for (const n of path) {
      if (n === this) break;
      if (n instanceof Element && n.matches(INTERACTIVE)) return null;
    }
    const { x, y } = this.#pressAt;
    const caret = caretAt(this.ownerDocument, x, y);
    if (!caret) return null;
    const at = p.dom.offsetOf(caret.node, caret.offset);
    if (at < 0 || !onText(p.dom.range(Math.max(0, at - 1), Math.min(p.dom.text.length, at + 1)), x, y)) return null;
    const cue = p.cueAt(at) >= 0 ? p.cueAt(at) : p.cueAt(at - 1);
    if (cue < 0) return null;
    this.#pressCue = cue;
    this.#pressTime = p.timeAt(cue, at);
    return this;
  }

  /** The reader chose a cue (at `time`, a word's time or the cue's start): `cue-activate`, then the seek. */
  #choose(index: number, time: number): void {
    const cue = this._places?.transcript.cues[index];
    if (!cue) return;
    const detail: CueActivateDetail = { cue, cueIndex: index, time };
    const event = new CustomEvent('cue-activate', { detail, bubbles: true, composed: true, cancelable: true });
    if (!this.dispatchEvent(event)) return;
    this.#follow.resume();
    this.#media.seek(time);
  }

  readonly #onFocus = (e: FocusEvent): void => {
    // Focus on a control of the toolbar (the search field) is not focus on the text.
    if (e.composedPath()[0] !== this || this.shadowRoot?.activeElement) return this.#onBlur();
    this.#showRing();
  };

  /**
   * Focus moving between the text (the host) and the toolbar inside it fires nothing on the host (its
   * target and related target are both the host): the toolbar tells.
   */
  readonly #onToolbarFocus = (e: FocusEvent): void => {
    if (e.type === 'focusin') this.#onBlur();
    else if (e.relatedTarget === this) this.#showRing();
  };

  /** Shift with the arrows: the sentences from where the selection began to `to` become the page's selection. */
  #select(from: number, to: number): void {
    const p = this._places;
    if (!p) return;
    if (this.#selectFrom < 0) this.#selectFrom = from >= 0 ? from : to;
    const a = p.span(Math.min(this.#selectFrom, to));
    const b = p.span(Math.max(this.#selectFrom, to));
    if (a && b) this.ownerDocument.getSelection()?.setBaseAndExtent(a.startContainer, a.startOffset, b.endContainer, b.endOffset);
  }

  #showRing(): void {
    this.#focused = true;
    const p = this._places;
    if (!p) return;
    if (this.#focusCue < 0) this.#focusCue = this.#cue >= 0 ? this.#cue : p.step(Number.isNaN(this.#time) ? -1 : cueIndexAtOrBefore(p.transcript, this.#time + SLACK), 0);
    this.#ring.show(p.span(this.#focusCue), this);
  }

  readonly #onBlur = (): void => {
    this.#focused = false;
    this.#ring.show(null, this);
  };

  readonly #onKeydown = (e: KeyboardEvent): void => {
    const p = this._places;
    // Keys typed in the toolbar (retargeted to the host) are the toolbar's.
    if (!p || e.composedPath()[0] !== this) return;
    const find = (e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey) || ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'f');
    if (find && !this.noSearch) {
      e.preventDefault();
      this.#search.focus();
      return;
    }
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const step: Record<string, number> = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1, Home: -Infinity, End: Infinity };
    if (e.key in step) {
      e.preventDefault();
      const s = step[e.key]!;
      const next = s === -Infinity ? p.placed[0]! : s === Infinity ? p.placed[p.placed.length - 1]! : p.step(this.#focusCue, s);
      if (e.shiftKey) this.#select(this.#focusCue, next);
      else this.#selectFrom = -1;
      this.#focusCue = next;
      this.#ring.show(p.span(next), this);
      this.#follow.pause();
      if (!this.#ring.layer.hidden) this.#follow.reveal(this.#ring.layer, false);
    } else if ((e.key === 'Enter' || e.key === ' ') && this.#focused && this.#focusCue >= 0) {
      e.preventDefault();
      this.#choose(this.#focusCue, p.transcript.cues[this.#focusCue]!.startTime);
    }
  };
}

/** Whether the point lies on the text of `range` (a click beside a line's end is not on its last word). */
function onText(range: Range, x: number, y: number): boolean {
  for (const r of range.getClientRects()) if (x >= r.left - 2 && x <= r.right + 2 && y >= r.top - 2 && y <= r.bottom + 2) return true;
  return false;
}
