import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { styles } from './cue-player.styles.js';

/** Panel headings (Questions, Transcript) one level above the transcript's question headings. */
function heading(level: number, id: string, text: string): TemplateResult {
  switch (Math.min(6, Math.max(1, Math.round(level) - 1 || 2))) {
    case 1:
      return html`<h1 part="heading" id=${id}>${text}</h1>`;
    case 3:
      return html`<h3 part="heading" id=${id}>${text}</h3>`;
    case 4:
      return html`<h4 part="heading" id=${id}>${text}</h4>`;
    case 5:
      return html`<h5 part="heading" id=${id}>${text}</h5>`;
    case 6:
      return html`<h6 part="heading" id=${id}>${text}</h6>`;
    default:
      return html`<h2 part="heading" id=${id}>${text}</h2>`;
  }
}

/**
 * @summary The whole interview from one tag: a media-chrome player (seek bar with the questions as segments, search matches on it, time, rate, captions, mute, fullscreen, question menu), the question navigator and the searchable transcript, laid out for an article column.
 *
 * It only composes `<media-controller>`, media-chrome's controls, `<cue-chapters-menu>`, `<cue-search-strip>`, `<cue-chapters>`
 * and `<cue-transcript>`; each stays usable on its own. The layout follows the element's own width (a container query):
 * from 52rem the transcript sits beside the player, below it otherwise, and up to 37.5rem (a phone) the player is compact and
 * sticks to the top of the screen while the reader scrolls the questions and the transcript.
 * media-chrome's custom properties (`--media-*`) reach its controls unchanged.
 *
 * @slot media - Replaces the built-in `<video>`: any media element or media-chrome custom media (`<hls-video>`, `<mux-video>`,
 * `<youtube-video>`, or `<audio>` for a podcast, which switches the player to media-chrome's audio layout). Give it its own
 * `<track kind="chapters">` for the seek bar's segments and `<track kind="captions">` for captions.
 * @slot controls - Replaces the two built-in control bars: media-chrome's elements placed here (e.g. a `<media-control-bar>`) drive this player.
 *
 * @csspart session - The grid holding the player column and the transcript column.
 * @csspart player - The player column: the controller and the question navigator.
 * @csspart controller - The `<media-controller>`.
 * @csspart video - The built-in `<video>`.
 * @csspart search-strip - The `<cue-search-strip>` on the seek bar.
 * @csspart chapters-menu - The `<cue-chapters-menu>` in the control bar.
 * @csspart chapters - The `<cue-chapters>` navigator.
 * @csspart transcript-panel - The transcript column.
 * @csspart transcript - The `<cue-transcript>`.
 * @csspart heading - The "Questions" and "Transcript" headings.
 *
 * @cssproperty [--cue-player-gap=1.5rem] - Space between the player and the transcript.
 * @cssproperty [--cue-player-radius=8px] - Corner radius of the player and the transcript box.
 * @cssproperty [--cue-player-rule=light-dark(#e3e0d8, #2c2c31)] - Border of the transcript box.
 * @cssproperty [--cue-player-control-padding=10px] - Padding of every control (5px on a phone).
 * @cssproperty [--cue-player-bar-height=44px] - Height of a control bar (36px on a phone).
 * @cssproperty [--cue-player-transcript-height=min(70vh, 40rem)] - Height of the transcript box (beside the player: up to the screen's height; on a phone: the screen under the player).
 * @cssproperty [--cue-player-sticky-top=0px] - Where the player sticks on a phone (below a page's own sticky header); 1rem when wide.
 * The `--cue-*` properties of its pieces (`<cue-transcript>`, `<cue-chapters>`, `<cue-chapters-menu>`, `<cue-search-strip>`) apply through it.
 */
export class CuePlayer extends LitElement {
  static override styles = styles;

  /** URL of the recording, for the built-in `<video>`; unused when the `media` slot is filled. */
  @property() src = '';

  /** URL of the WebVTT transcript: the transcript, the search and the built-in video's captions. */
  @property() transcript = '';

  /** URL of the WebVTT chapters (one per question); optional. */
  @property() chapters = '';

  /** URL of the built-in video's poster image. */
  @property() poster = '';

  /** Language of the transcript, for the captions track (BCP 47). */
  @property() srclang = 'en';

  /** CORS mode of the built-in video (`anonymous` when the media and WebVTT files come from another origin with CORS). */
  @property() crossorigin: string | null = null;

  /** Level of the transcript's question headings (the panel headings are one above); as `<cue-transcript>`. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 3;

  /** Turns off following the cue being spoken in the transcript; as `<cue-transcript>`. */
  @property({ type: Boolean, attribute: 'no-follow' }) noFollow = false;

  /** Hides the viewer's settings (follow along, text size) in the transcript's toolbar; as `<cue-transcript>`. */
  @property({ type: Boolean, attribute: 'no-settings' }) noSettings = false;

  /** Reads `#t=` / `#q=` links on load and seeks there; as `<cue-chapters>`. */
  @property({ type: Boolean, attribute: 'deep-links' }) deepLinks = false;

  /** Keeps the URL's fragment on the question playing; as `<cue-chapters>`. */
  @property({ type: Boolean, attribute: 'sync-url' }) syncUrl = false;

  @state() private _audio = false;

  @query('[part~="controller"]') private _controller!: HTMLElement | null;
  @query('[part~="session"]') private _session!: HTMLElement | null;

  #resize: ResizeObserver | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    // The phone layout sizes the transcript to the screen under the (sticky) player, whatever its media's height.
    this.#resize = new ResizeObserver(() => this.#measure());
    if (this.hasUpdated && this._controller) this.#resize.observe(this._controller);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize?.disconnect();
    this.#resize = null;
  }

  protected override firstUpdated(): void {
    if (this._controller) this.#resize?.observe(this._controller);
  }

  /** The `<media-controller>` inside (media-chrome's API and state attributes). */
  get controller(): HTMLElement | null {
    return this._controller;
  }

  #measure(): void {
    const h = this._controller?.getBoundingClientRect().height ?? 0;
    this._session?.style.setProperty('--_player-height', `${Math.round(h)}px`);
  }

  #onMediaSlot(e: Event): void {
    const slot = e.target as HTMLSlotElement;
    const media = slot.assignedElements({ flatten: true })[0];
    this._audio = media?.localName === 'audio';
  }

  #video(): TemplateResult {
    return html`<video
      id="video"
      part="video"
      src=${this.src || nothing}
      poster=${this.poster || nothing}
      crossorigin=${this.crossorigin ?? nothing}
      preload="metadata"
      playsinline
    >
      ${this.transcript
        ? html`<track kind="captions" srclang=${this.srclang} label="Transcript" src=${this.transcript} />`
        : nothing}
      ${this.chapters
        ? html`<track kind="chapters" srclang=${this.srclang} label="Questions" src=${this.chapters} default />`
        : nothing}
    </video>`;
  }

  #controls(): TemplateResult {
    const video = !this._audio;
    return html`<media-control-bar class="seek-row" noautohide>
        <media-time-range>
          <media-preview-chapter-display slot="preview"></media-preview-chapter-display>
          <media-preview-time-display slot="preview"></media-preview-time-display>
        </media-time-range>
        <cue-search-strip part="search-strip" transcript="transcript"></cue-search-strip>
      </media-control-bar>
      <media-control-bar noautohide>
        <media-play-button></media-play-button>
        <media-seek-backward-button seekoffset="10"></media-seek-backward-button>
        <media-seek-forward-button seekoffset="10"></media-seek-forward-button>
        <media-time-display showduration></media-time-display>
        <span class="spacer"></span>
        <cue-chapters-menu part="chapters-menu" transcript="transcript"></cue-chapters-menu>
        <media-playback-rate-button rates="0.75 1 1.25 1.5 2"></media-playback-rate-button>
        <media-mute-button></media-mute-button>
        ${video
          ? html`<media-captions-button></media-captions-button>
              <media-fullscreen-button></media-fullscreen-button>`
          : nothing}
      </media-control-bar>`;
  }

  protected override render(): TemplateResult {
    const level = this.headingLevel;
    return html`<div part="session">
      <div part="player">
        <media-controller id="player" part="controller" ?audio=${this._audio}>
          <slot name="media" slot="media" @slotchange=${this.#onMediaSlot}>${this.#video()}</slot>
          <media-loading-indicator slot="centered-chrome" noautohide></media-loading-indicator>
          <slot name="controls">${this.#controls()}</slot>
        </media-controller>
        ${heading(level, 'questions-heading', 'Questions')}
        <cue-chapters
          id="chapters"
          part="chapters"
          mediacontroller="player"
          transcript="transcript"
          label="Questions"
          ?deep-links=${this.deepLinks}
          ?sync-url=${this.syncUrl}
        ></cue-chapters>
      </div>
      <div part="transcript-panel">
        ${heading(level, 'transcript-heading', 'Transcript')}
        <cue-transcript
          id="transcript"
          part="transcript"
          mediacontroller="player"
          src=${this.transcript}
          chapters=${this.chapters}
          heading-level=${level}
          ?no-follow=${this.noFollow}
          ?no-settings=${this.noSettings}
          aria-labelledby="transcript-heading"
        ></cue-transcript>
      </div>
    </div>`;
  }
}
