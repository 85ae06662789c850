import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { IdRefController } from '../../controllers/id-ref.js';
import type { TranscriptHostLike } from '../../controllers/navigator/chapters-source.js';
import type { CueSearchDetail } from '../../controllers/transcript/transcript-search.js';

/** A linked `<cue-transcript>`: its model, and the search it shows now. */
interface SearchHostLike extends TranscriptHostLike {
  readonly searchState?: CueSearchDetail;
}

/**
 * @summary Where a transcript search's matches fall in time: a thin strip of ticks, to sit on a seek bar (e.g. in the media-chrome control bar holding the time range, just under its track), the current match distinct.
 *
 * It shows what the linked `<cue-transcript>` reports in its `cue-search` events; it never seeks.
 *
 * @csspart strip - The strip (role=img, named with the match count).
 * @csspart tick - A match; also `current-tick` for the current one.
 * @csspart current-tick - The current match.
 *
 * @cssproperty [--cue-strip-height=4px] - Height of the strip.
 * @cssproperty [--cue-strip-background=transparent] - Its background.
 * @cssproperty [--cue-tick-color=#f59e0b] - Ticks.
 * @cssproperty [--cue-current-tick-color=#ef4444] - The current match.
 */
export class CueSearchStrip extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    [part~='strip'] {
      position: relative;
      height: var(--cue-strip-height, 4px);
      background: var(--cue-strip-background, transparent);
    }
    [part~='tick'] {
      position: absolute;
      top: 0;
      bottom: 0;
      width: 2px;
      margin-left: -1px;
      background: var(--cue-tick-color, #f59e0b);
    }
    [part~='current-tick'] {
      width: 4px;
      margin-left: -2px;
      top: -2px;
      bottom: -2px;
      background: var(--cue-current-tick-color, #ef4444);
      z-index: 1;
    }
    @media (forced-colors: active) {
      [part~='tick'] {
        background: CanvasText;
      }
      [part~='current-tick'] {
        background: Highlight;
      }
    }
  `;

  /** Id of the `<cue-transcript>` whose search results to show; attribute `transcript`. */
  @property({ attribute: 'transcript' }) transcriptId = '';

  /** Length of the timeline, seconds; written by the page. 0: the transcript's own duration. */
  @property({ type: Number }) duration = 0;

  @state() private _search: CueSearchDetail | null = null;

  #abort: AbortController | null = null;
  readonly #ref = new IdRefController<SearchHostLike>(this, (el) => this.#listen(el));

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('transcriptId')) this.#ref.id = this.transcriptId;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
    this.#abort = null;
  }

  protected override render(): unknown {
    const s = this._search;
    const total = this.duration || this.#ref.element?.loadedTranscript?.duration || 0;
    if (!s || !s.query.trim() || !(total > 0)) return html`<div part="strip" aria-hidden="true"></div>`;
    const n = s.hits.length;
    const label = `${n}${s.truncated ? ' or more' : ''} ${n === 1 ? 'match' : 'matches'} along the recording`;
    return html`<div part="strip" role="img" aria-label=${label}>
      ${s.hits.map((_, i) => html`<span part="tick${i === s.current ? ' current-tick' : ''}">${nothing}</span>`)}
    </div>`;
  }

  /** Places the ticks through the CSSOM (no inline style attribute in the markup, so a strict CSP holds). */
  protected override updated(): void {
    const s = this._search;
    const total = this.duration || this.#ref.element?.loadedTranscript?.duration || 0;
    if (!s || !(total > 0)) return;
    this.renderRoot.querySelectorAll<HTMLElement>('[part~="tick"]').forEach((tick, i) => {
      const h = s.hits[i];
      if (h) tick.style.setProperty('left', `${Math.min(100, (h.time / total) * 100).toFixed(3)}%`);
    });
  }

  /**
   * Listens to the transcript from now on, and starts from the search it already shows: a strip
   * defined or linked after the transcript has searched (scripts loaded one by one, a `#q=` link,
   * a strip added later) would otherwise miss every event fired before it came.
   */
  #listen(el: SearchHostLike | null): void {
    this.#abort?.abort();
    this.#abort = null;
    this._search = null;
    if (!el) return;
    const abort = (this.#abort = new AbortController());
    el.addEventListener('cue-search', (e) => (this._search = e.detail), { signal: abort.signal });
    const catchUp = (): void => {
      if (abort.signal.aborted) return;
      const now = el.searchState;
      if (now?.query) this._search = now;
    };
    catchUp();
    // Not upgraded yet: its state (and its duration) arrive with its definition.
    if (el.localName.includes('-') && !customElements.get(el.localName)) {
      customElements.whenDefined(el.localName).then(() => {
        catchUp();
        this.requestUpdate();
      });
    }
  }
}
