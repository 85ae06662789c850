import { type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { SearchIndex } from '../../core/search.js';
import type { ArticleText } from '../../core/article/index.js';
import { drawRangeBoxes } from '../../dom/range-boxes.js';
import { supportsHighlights } from '../../dom/search-highlights.js';
import { loadSearchEngine, renderSearchBar, type SearchBarView } from './search-bar.js';
import { MAX_MATCHES, type CueSearchDetail, type SearchHit } from './transcript-search.js';

type Engine = typeof import('./transcript-search-engine.js');

type Host = ReactiveControllerHost & HTMLElement;

/** Quiet time before the count is announced: one announcement per query, never per keystroke or cue. */
const ANNOUNCE_MS = 500;
/** Where the Highlight API is missing: matches boxed around the current one, each way (boxes read layout). */
const FALLBACK_AROUND = 25;

export const MATCH_HIGHLIGHT = 'cue-search';
export const CURRENT_HIGHLIGHT = 'cue-search-current';

/** What the search needs of the article: its text as the matcher read it, and where the cues are in it. */
export interface ArticleSearchSource extends ArticleText {
  /** A live Range over `[start, end)` of the text. */
  range(start: number, end: number): Range;
}

export interface ArticleSearchOptions {
  /** The article's text, or null before a transcript is matched to it. */
  text(): ArticleSearchSource | null;
  /** The hit (cue and time) for a match starting at text offset `at`. */
  hit(at: number): SearchHit;
  /** Text offset results start from (the cue being spoken), so the first result is the next one ahead. */
  from(): number;
  /** Shows the current match (the boxes' layer over it) without seeking: following pauses. */
  reveal(layer: HTMLElement): void;
  /** The viewer asked to play from the current match. */
  playFrom(time: number): void;
  /** The query was cleared. */
  onClear?(): void;
}

/** A match, as offsets into the article's text. */
interface Found {
  start: number;
  end: number;
}

/**
 * Find in the article's own text, in place: results as the reader types (case and diacritics ignored, any
 * run of blanks as one), "3 of 12" with next and previous, every match painted with the CSS Custom Highlight
 * API (`::highlight(cue-search)`, the current one `::highlight(cue-search-current)`), and, where the API is
 * missing, boxes drawn over the matches in the element's shadow root: the article's DOM is never touched.
 * The count is announced politely once the reader stops typing. Browsing never seeks; "Play from here" does.
 * @see https://drafts.csswg.org/css-highlight-api-1/
 */
export class ArticleSearchController implements ReactiveController {
  readonly #host: Host;
  readonly #options: ArticleSearchOptions;
  #engine: Engine | null = null;
  #loading: Promise<void> | null = null;
  #pendingFrom = 0;
  #indexed: ArticleSearchSource | null = null;
  #index: SearchIndex | null = null;
  /** Per block: its start in the text, and collapsed offset -> offset in the block (null when blanks are single). */
  #blocks: { start: number; map: Uint32Array | null }[] = [];
  #query = '';
  #matches: Found[] = [];
  #truncated = false;
  #current = -1;
  #announce = '';
  #timer = 0;
  #ranges: AbstractRange[] = [];
  #currentRange: AbstractRange | null = null;
  /** Boxes over the current match: what `reveal` scrolls to, and its look without the Highlight API. */
  readonly layer: HTMLElement;
  /** Boxes over the other matches near it, without the Highlight API. */
  readonly matchLayer: HTMLElement;
  /** Use boxes even where the Highlight API exists (for tests and for pages that ask). */
  fallback = false;

  constructor(host: Host, options: ArticleSearchOptions) {
    this.#host = host;
    this.#options = options;
    this.layer = layer(host.ownerDocument, 'search-layer');
    this.matchLayer = layer(host.ownerDocument, 'search-match-layer');
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    clearTimeout(this.#timer);
    this.#unpaint();
  }

  /** Resolves once the search code is loaded when a load is under way. */
  get ready(): Promise<void> {
    return this.#loading ?? Promise.resolve();
  }

  get query(): string {
    return this.#query;
  }

  /** Matched text, in article order (for tests and pages: what the reader sees highlighted). */
  get matchCount(): number {
    return this.#matches.length;
  }

  /** Index of the current match, or -1. */
  get current(): number {
    return this.#current;
  }

  /** 'highlight-api' or 'boxes'. */
  get mode(): 'highlight-api' | 'boxes' {
    return this.#api ? 'highlight-api' : 'boxes';
  }

  get #api(): boolean {
    return !this.fallback && supportsHighlights();
  }

  /** "3 of 12", "No matches", or '' without a query. */
  get countText(): string {
    if (!this.#query.trim() || !this.#engine) return '';
    const n = this.#matches.length;
    if (!n) return 'No matches';
    return `${this.#current + 1} of ${n}${this.#truncated ? '+' : ''}`;
  }

  /** The search as `cue-search` reports it (for a strip linked later). */
  get detail(): CueSearchDetail {
    return { query: this.#query, hits: this.#matches.map((m) => this.#options.hit(m.start)), current: this.#current, truncated: this.#truncated };
  }

  /** Runs `query` over the article's text and paints its matches; the first at or after text offset `from` becomes current. */
  search(query: string, from = this.#options.from()): void {
    this.#query = query;
    const engine = this.#engine;
    if (!engine) {
      this.#pendingFrom = from;
      this.#load();
      this.#host.requestUpdate();
      return;
    }
    const index = query.trim() ? this.#indexFor(engine, this.#options.text()) : null;
    const found = index ? engine.searchTranscript(index, query, MAX_MATCHES + 1) : [];
    this.#truncated = found.length > MAX_MATCHES;
    this.#matches = (this.#truncated ? found.slice(0, MAX_MATCHES) : found).map((m) => {
      const b = this.#blocks[m.cue]!;
      return { start: b.start + (b.map ? b.map[m.start]! : m.start), end: b.start + (b.map ? b.map[m.end]! : m.end) };
    });
    const at = this.#matches.findIndex((m) => m.start >= from);
    this.#current = this.#matches.length ? Math.max(0, at) : -1;
    this.#paint();
    this.#scheduleAnnounce();
    this.#changed();
  }

  /** The article was matched again (new transcript): the query runs again over it. */
  refresh(): void {
    if (this.#query) this.search(this.#query);
  }

  /** Next (1) or previous (-1) match, wrapping, shown in place. */
  step(direction: 1 | -1): void {
    const n = this.#matches.length;
    if (!n) return;
    this.#current = (this.#current + direction + n) % n;
    this.#paint();
    this.#announce = this.countText;
    this.#changed();
  }

  clear(): void {
    this.search('');
    this.#options.onClear?.();
  }

  playCurrent(): void {
    const m = this.#matches[this.#current];
    if (m) this.#options.playFrom(this.#options.hit(m.start).time);
  }

  /** Moves focus to the search field (the `/` and Ctrl+F shortcut). */
  focus(): void {
    const input = this.#host.shadowRoot?.querySelector<HTMLInputElement>('[part~="search-input"]');
    input?.focus();
    input?.select();
  }

  /** The search bar: field, count, previous / next, "Play from here", and the polite count. */
  render(): TemplateResult {
    return renderSearchBar(this.#bar);
  }

  readonly #bar: SearchBarView = (() => {
    const self = this;
    return {
      noun: 'article',
      placeholder: 'Search the article',
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

  readonly #load = (): void => {
    if (this.#engine || this.#loading) return;
    this.#loading = loadSearchEngine().then(
      (loaded) => {
        this.#engine = loaded;
        this.#loading = null;
        if (this.#query) this.search(this.#query, this.#pendingFrom);
      },
      () => {
        this.#loading = null;
      },
    );
  };

  /** The index of the article's blocks, each with its blanks collapsed (a publisher's HTML may wrap lines anywhere). */
  #indexFor(engine: Engine, text: ArticleSearchSource | null): SearchIndex | null {
    if (!text) return null;
    if (text !== this.#indexed) {
      this.#indexed = text;
      const texts: string[] = [];
      this.#blocks = text.blocks.map((b) => {
        const [t, map] = collapse(text.text.slice(b.start, b.end));
        texts.push(t);
        return { start: b.start, map };
      });
      const build = engine.startSearchIndex(texts);
      build.advance(null);
      this.#index = build.index;
    }
    return this.#index;
  }

  #paint(): void {
    this.#unpaint();
    const text = this.#indexed;
    const m = this.#matches[this.#current];
    if (!text || !m) return;
    const current = text.range(m.start, m.end);
    if (this.#api) {
      const all = highlight(MATCH_HIGHLIGHT, 1);
      this.#ranges = this.#matches.map((x) => text.range(x.start, x.end));
      for (const r of this.#ranges) all.add(r);
      this.#currentRange = current;
      highlight(CURRENT_HIGHLIGHT, 2).add(current);
    } else {
      const near: Range[] = [];
      const from = Math.max(0, this.#current - FALLBACK_AROUND);
      const to = Math.min(this.#matches.length, this.#current + FALLBACK_AROUND + 1);
      for (let i = from; i < to; i++) if (i !== this.#current) near.push(text.range(this.#matches[i]!.start, this.#matches[i]!.end));
      drawRangeBoxes(this.matchLayer, near, this.#host, 'search-match');
    }
    // The current match's boxes: the look without the API, and what the page scrolls to either way.
    drawRangeBoxes(this.layer, [current], this.#host, this.#api ? 'search-current-line' : 'search-current');
    if (!this.layer.hidden) this.#options.reveal(this.layer);
  }

  #unpaint(): void {
    if (supportsHighlights()) {
      const all = CSS.highlights.get(MATCH_HIGHLIGHT);
      for (const r of this.#ranges) all?.delete(r);
      if (all && !all.size) CSS.highlights.delete(MATCH_HIGHLIGHT);
      const cur = CSS.highlights.get(CURRENT_HIGHLIGHT);
      if (this.#currentRange) cur?.delete(this.#currentRange);
      if (cur && !cur.size) CSS.highlights.delete(CURRENT_HIGHLIGHT);
    }
    this.#ranges = [];
    this.#currentRange = null;
    drawRangeBoxes(this.layer, [], this.#host, '');
    drawRangeBoxes(this.matchLayer, [], this.#host, '');
  }

  #scheduleAnnounce(): void {
    clearTimeout(this.#timer);
    this.#timer = window.setTimeout(() => {
      const n = this.#matches.length;
      this.#announce = !this.#query.trim() ? '' : n ? `${n}${this.#truncated ? ' or more' : ''} ${n === 1 ? 'match' : 'matches'}` : 'No matches';
      this.#host.requestUpdate();
    }, ANNOUNCE_MS);
  }

  #changed(): void {
    this.#host.requestUpdate();
    this.#host.dispatchEvent(new CustomEvent('cue-search', { detail: this.detail, bubbles: true, composed: true }));
  }
}

/** The named highlight `name`, made with `priority` (above the spoken cue's) when the page has none yet. */
function highlight(name: string, priority: number): Highlight {
  let h = CSS.highlights.get(name);
  if (!h) {
    h = new Highlight();
    h.priority = priority;
    CSS.highlights.set(name, h);
  }
  return h;
}

function layer(doc: Document, part: string): HTMLElement {
  const el = doc.createElement('div');
  el.setAttribute('part', part);
  el.className = 'overlay';
  el.hidden = true;
  return el;
}

/** `text` with every run of blanks as one space, and the map from its offsets back (null when nothing changed). */
export function collapse(text: string): [string, Uint32Array | null] {
  if (!/\s\s|[\t\n\r\f\v\u00a0]/.test(text)) return [text, null];
  const map: number[] = [];
  let out = '';
  for (let i = 0; i < text.length; ) {
    if (/\s/.test(text[i]!)) {
      map.push(i);
      out += ' ';
      while (i < text.length && /\s/.test(text[i]!)) i++;
    } else {
      map.push(i);
      out += text[i++];
    }
  }
  map.push(text.length);
  return [out, Uint32Array.from(map)];
}
