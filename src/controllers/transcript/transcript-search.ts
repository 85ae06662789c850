import { type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { SearchIndexBuild, SearchMatch } from '../../core/search.js';
import type { Transcript } from '../../core/transcript/index.js';
import type { SearchHighlights } from '../../dom/search-highlights.js';
import { runInSlices } from './slices.js';
import { loadSearchEngine, renderSearchBar, type SearchBarView } from './search-bar.js';

/** How long a query may spend building the index before it waits for the rest, built in slices (a long transcript's). */
const INDEX_NOW_MS = 40;

type Engine = typeof import('./transcript-search-engine.js');

type Host = ReactiveControllerHost & HTMLElement;

/** Most matches found and painted for one query; the count then reads "2000+". */
export const MAX_MATCHES = 2000;
/** Quiet time before the count is announced, so screen readers hear the count, not every keystroke. */
const ANNOUNCE_MS = 500;

/** A match as pages and strips see it. */
export interface SearchHit {
  cueIndex: number;
  /** When the matched words are spoken, seconds (the cue's start, or its inline timestamp before them). */
  time: number;
}

/** `cue-search`: the viewer typed a query or moved between results. */
export interface CueSearchDetail {
  query: string;
  hits: readonly SearchHit[];
  /** Index into `hits` of the current result, or -1. */
  current: number;
  /** True when there were more matches than `MAX_MATCHES`. */
  truncated: boolean;
}

declare global {
  interface HTMLElementEventMap {
    'cue-search': CustomEvent<CueSearchDetail>;
  }
}

export interface TranscriptSearchOptions {
  model(): Transcript | null;
  /** Rendered cue elements by cue index. */
  cues(): readonly (HTMLElement | undefined)[];
  /** Shows an element (the current result) without seeking, pausing follow. */
  reveal(el: Element): void;
  /** The viewer asked to play from a result: seek there and play. */
  playFrom(time: number): void;
  /** The scroll box showing the cues: only matches in and near its view are painted. */
  box(): HTMLElement | null;
  /** Cue index results start from (the cue being spoken), so the first result is the next one ahead. */
  from?(): number;
  /** The query was cleared: follow may resume. */
  onClear?(): void;
}

/**
 * Find in the transcript: results as the viewer types (case- and
 * diacritic-insensitive), "3 of 12" with next and previous, every match
 * painted and the current one distinct, a polite count for screen readers.
 * Browsing results never seeks; "Play from here" (Alt+Enter) does.
 */
export class TranscriptSearchController implements ReactiveController {
  readonly #host: Host;
  readonly #options: TranscriptSearchOptions;
  /** The search code (transcript-search-engine.ts), once loaded; until then a query waits for it. */
  #engine: Engine | null = null;
  #loading: Promise<void> | null = null;
  #highlights: SearchHighlights | null = null;
  /** Where the results of a query typed while the search code loads start from. */
  #pendingFrom = 0;
  /** The index of the transcript `#indexed`, built or being built. */
  #index: SearchIndexBuild | null = null;
  #indexed: Transcript | null = null;
  /** Stops the index being built in slices (a new transcript, or disconnection). */
  #indexing: AbortController | null = null;
  /** A query is waiting for the index of a long transcript. */
  #waiting = false;
  #query = '';
  #matches: SearchMatch[] = [];
  #truncated = false;
  #current = -1;
  #announce = '';
  #timer = 0;
  /** Cues painted: [first, last], or null when nothing is. */
  #window: [number, number] | null = null;
  #scrollFrame = 0;
  #box: HTMLElement | null = null;
  #abort: AbortController | null = null;

  constructor(host: Host, options: TranscriptSearchOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    clearTimeout(this.#timer);
    cancelAnimationFrame(this.#scrollFrame);
    this.#abort?.abort();
    this.#abort = null;
    this.#box = null;
    this.#highlights?.clear();
    // An index cut short starts again, in slices, on the next search or refresh.
    this.#indexing?.abort();
    this.#indexing = null;
    if (!this.#index?.index) this.#indexed = null;
  }

  /** Resolves once the search code is loaded when a load is under way (the host waits for it in `updateComplete`). */
  get ready(): Promise<void> {
    return this.#loading ?? Promise.resolve();
  }

  get query(): string {
    return this.#query;
  }

  get matches(): readonly SearchMatch[] {
    return this.#matches;
  }

  get current(): number {
    return this.#current;
  }

  /** "3 of 12", "No matches", or '' without a query. */
  get countText(): string {
    if (!this.#query.trim() || !this.#engine) return '';
    if (this.#waiting) return 'Searching…';
    const n = this.#matches.length;
    if (!n) return 'No matches';
    return `${this.#current + 1} of ${n}${this.#truncated ? '+' : ''}`;
  }

  /** Runs `query` and paints its matches; the first result at or after `from` (cue index) becomes current. */
  search(query: string, from = this.#options.from?.() ?? 0): void {
    this.#query = query;
    const engine = this.#engine;
    if (!engine) {
      // The first query runs once the search code arrives (a small chunk, requested when the field got focus).
      this.#pendingFrom = from;
      this.#load();
      this.#host.requestUpdate();
      return;
    }
    const index = this.#indexFor(engine, this.#options.model(), !!query.trim());
    // A long transcript's index is still being built (in slices): the query runs once it is.
    this.#waiting = !!query.trim() && !index;
    const found = index && query.trim() ? engine.searchTranscript(index, query, MAX_MATCHES + 1) : [];
    this.#truncated = found.length > MAX_MATCHES;
    this.#matches = this.#truncated ? found.slice(0, MAX_MATCHES) : found;
    const at = this.#matches.findIndex((m) => m.cue >= from);
    this.#current = this.#matches.length ? Math.max(0, at) : -1;
    this.#paint();
    this.#scheduleAnnounce();
    this.#changed();
  }

  /** The transcript re-rendered (new model or new elements): run the query again, and index the new text while idle. */
  refresh(): void {
    if (this.#query) this.search(this.#query);
    if (this.#engine) this.#indexWhenIdle();
  }

  /** Loads the search code, once: on focus of the field, or with the first query. */
  readonly #load = (): void => {
    if (this.#engine || this.#loading) return;
    this.#loading = loadSearchEngine().then(
      (loaded) => {
        this.#engine = loaded;
        this.#highlights = new loaded.SearchHighlights();
        this.#loading = null;
        if (this.#query) this.search(this.#query, this.#pendingFrom);
        else this.#indexWhenIdle();
      },
      () => {
        this.#loading = null;
      },
    );
  };

  #indexWhenIdle(): void {
    const idle = (globalThis as { requestIdleCallback?: (cb: () => void) => number }).requestIdleCallback;
    const index = (): void => {
      if (this.#engine) void this.#indexFor(this.#engine, this.#options.model(), false);
    };
    if (idle) idle(index);
    else setTimeout(index, 200);
  }

  /**
   * The search index of `t`, or null while it is being built. A new
   * transcript's index is built at once when that takes one slice (`now`: a
   * query is waiting), else in slices, after which a waiting query runs.
   */
  #indexFor(engine: Engine, t: Transcript | null, now: boolean): SearchIndexBuild['index'] {
    if (!t) return null;
    if (this.#indexed !== t) {
      this.#indexing?.abort();
      this.#indexing = null;
      this.#indexed = t;
      this.#index = engine.startSearchIndex(t.cues.map((c) => c.plainText));
    }
    const build = this.#index!;
    if (build.index || this.#indexing) return build.index;
    if (now) {
      const deadline = performance.now() + INDEX_NOW_MS;
      if (build.advance(() => performance.now() >= deadline)) return build.index;
    }
    const indexing = new AbortController();
    this.#indexing = indexing;
    runInSlices((stop) => build.advance(stop), indexing.signal).then(
      () => {
        if (this.#indexing !== indexing) return;
        this.#indexing = null;
        if (this.#waiting) this.search(this.#query);
      },
      () => {},
    );
    return null;
  }

  /** Moves to the next (1) or previous (-1) result, wrapping, and shows it. */
  step(direction: 1 | -1): void {
    const n = this.#matches.length;
    if (!n) return;
    this.#current = (this.#current + direction + n) % n;
    this.#paint();
    this.#announce = this.countText;
    this.#changed();
  }

  /** Clears the query and every mark. */
  clear(): void {
    this.search('');
    this.#options.onClear?.();
  }

  /** Seconds at which the current result is spoken, or NaN. */
  get currentTime(): number {
    const m = this.#matches[this.#current];
    return m ? this.#timeOf(m) : Number.NaN;
  }

  playCurrent(): void {
    const time = this.currentTime;
    if (!Number.isNaN(time)) this.#options.playFrom(time);
  }

  /** The search bar: field, count, previous / next, "Play from here", and the polite count. */
  render(): TemplateResult {
    return renderSearchBar(this.#bar);
  }

  readonly #bar: SearchBarView = (() => {
    const self = this;
    return {
      noun: 'transcript',
      placeholder: 'Search transcript',
      get query() {
        return self.#query;
      },
      get count() {
        return self.countText;
      },
      get announce() {
        return self.#announce;
      },
      get hasMatches() {
        return self.#matches.length > 0;
      },
      onFocus: () => self.#load(),
      onInput: (value: string) => self.search(value),
      step: (delta: 1 | -1) => self.step(delta),
      playCurrent: () => self.playCurrent(),
      clear: () => self.clear(),
    };
  })();

  /** Moves focus to the search field (the `/` and Ctrl+F shortcut). */
  focus(): void {
    const input = this.#input();
    input?.focus();
    input?.select();
  }

  #input(): HTMLInputElement | null {
    return this.#host.shadowRoot?.querySelector<HTMLInputElement>('[part~="search-input"]') ?? null;
  }

  #timeOf(m: SearchMatch): number {
    const cue = this.#options.model()?.cues[m.cue];
    if (!cue) return Number.NaN;
    let time = cue.startTime;
    for (const t of cue.timed) if (t.offset <= m.start) time = t.time;
    return time;
  }

  /** Shows the current result, then paints the matches in and near the view. */
  #paint(): void {
    this.#listen();
    const cues = this.#options.cues();
    const m = this.#matches[this.#current];
    const el = m ? cues[m.cue] : undefined;
    if (el) this.#options.reveal(el);
    this.#window = this.#matches.length ? this.#visibleCues() : null;
    if (!this.#highlights) return;
    if (!this.#window) return this.#highlights.clear();
    this.#highlights.paint(cues, this.#matches, this.#current, this.#window[0], this.#window[1]);
  }

  /**
   * Cues from one view above the scroll box's view to one view below it:
   * two binary searches over the cue elements' boxes (layout reads, on user
   * intent only: a keystroke, a result step, a scroll).
   */
  #visibleCues(): [number, number] {
    const cues = this.#options.cues();
    const box = this.#options.box();
    const last = cues.length - 1;
    if (!box || last < 0) return [0, last];
    const rect = box.getBoundingClientRect();
    const top = rect.top - rect.height;
    const bottom = rect.bottom + rect.height;
    const rectOf = (i: number): DOMRect | null => cues[i]?.getBoundingClientRect() ?? null;
    let lo = 0;
    let hi = last;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((rectOf(mid)?.bottom ?? -Infinity) < top) lo = mid + 1;
      else hi = mid;
    }
    const first = lo;
    hi = last;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((rectOf(mid)?.top ?? Infinity) > bottom) hi = mid - 1;
      else lo = mid;
    }
    return [first, Math.max(first, lo)];
  }

  /** Repaints as the reader scrolls, once per frame, when the view has left the painted stretch. */
  #listen(): void {
    const box = this.#options.box();
    if (box === this.#box) return;
    this.#abort?.abort();
    this.#box = box;
    if (!box) return;
    this.#abort = new AbortController();
    box.addEventListener(
      'scroll',
      () => {
        if (this.#scrollFrame || !this.#window) return;
        this.#scrollFrame = requestAnimationFrame(() => {
          this.#scrollFrame = 0;
          const painted = this.#window;
          if (!painted || !this.#matches.length) return;
          const [a, b] = this.#visibleCues();
          const view = this.#viewCues(a, b);
          if (view[0] >= painted[0] && view[1] <= painted[1]) return;
          this.#window = [a, b];
          this.#highlights?.paint(this.#options.cues(), this.#matches, this.#current, a, b);
        });
      },
      { passive: true, signal: this.#abort.signal },
    );
  }

  /** The middle third of a window from #visibleCues: roughly the cues actually in view. */
  #viewCues(a: number, b: number): [number, number] {
    const third = Math.floor((b - a) / 3);
    return [a + third, b - third];
  }

  #scheduleAnnounce(): void {
    clearTimeout(this.#timer);
    this.#timer = window.setTimeout(() => {
      const n = this.#matches.length;
      this.#announce = !this.#query.trim() ? '' : n ? `${n}${this.#truncated ? ' or more' : ''} ${n === 1 ? 'match' : 'matches'}` : 'No matches';
      this.#host.requestUpdate();
    }, ANNOUNCE_MS);
  }

  /** The search as a `cue-search` event reports it: for a strip linked after the last event. */
  get detail(): CueSearchDetail {
    const hits = this.#matches.map((m) => ({ cueIndex: m.cue, time: this.#timeOf(m) }));
    return { query: this.#query, hits, current: this.#current, truncated: this.#truncated };
  }

  #changed(): void {
    this.#host.requestUpdate();
    this.#host.dispatchEvent(new CustomEvent('cue-search', { detail: this.detail, bubbles: true, composed: true }));
  }

}
