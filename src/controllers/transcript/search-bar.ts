import { html, type TemplateResult } from 'lit';

type Engine = typeof import('./transcript-search-engine.js');
let engine: Promise<Engine> | undefined;

/**
 * The matcher and painter, loaded once per page on first use (first focus or query): every transcript and
 * article on the page shares the one chunk. A failed load is tried again on the next focus or keystroke.
 */
export const loadSearchEngine = (): Promise<Engine> =>
  (engine ??= import('./transcript-search-engine.js').catch((e: unknown) => {
    engine = undefined;
    throw e;
  }));

/** What the search bar shows and does; the transcript's and the article's search controllers both give one. */
export interface SearchBarView {
  /** What is searched, for the accessible names: `transcript` or `article`. */
  readonly noun: string;
  readonly placeholder: string;
  readonly query: string;
  /** "3 of 12", or why there is nothing. */
  readonly count: string;
  /** The polite announcement (once per query). */
  readonly announce: string;
  readonly hasMatches: boolean;
  onFocus(): void;
  onInput(value: string): void;
  step(delta: 1 | -1): void;
  playCurrent(): void;
  clear(): void;
}

/** Enter / Shift+Enter step through the matches, Alt+Enter plays from the current one, Escape clears the query. */
export function searchBarKeydown(e: KeyboardEvent, bar: SearchBarView): void {
  if (e.key === 'Enter') {
    e.preventDefault();
    if (e.altKey) bar.playCurrent();
    else bar.step(e.shiftKey ? -1 : 1);
  } else if (e.key === 'Escape' && bar.query) {
    e.preventDefault();
    e.stopPropagation();
    bar.clear();
  }
}

/** The search bar: field, count, previous / next, "Play from here", and the polite count. */
export function renderSearchBar(bar: SearchBarView): TemplateResult {
  const has = bar.hasMatches;
  const name = `Search the ${bar.noun}`;
  return html`<div part="search" role="search" aria-label=${name}>
    <input
      part="search-input"
      type="search"
      aria-label=${name}
      aria-keyshortcuts="/ Control+F"
      aria-describedby="search-count"
      placeholder=${bar.placeholder}
      autocomplete="off"
      spellcheck="false"
      .value=${bar.query}
      @focus=${() => bar.onFocus()}
      @input=${(e: Event) => bar.onInput((e.target as HTMLInputElement).value)}
      @keydown=${(e: KeyboardEvent) => searchBarKeydown(e, bar)}
    />
    <span part="search-count" id="search-count">${bar.count}</span>
    <button part="search-previous" type="button" aria-label="Previous match" aria-keyshortcuts="Shift+Enter" ?disabled=${!has} @click=${() => bar.step(-1)}>
      <span aria-hidden="true">↑</span>
    </button>
    <button part="search-next" type="button" aria-label="Next match" aria-keyshortcuts="Enter" ?disabled=${!has} @click=${() => bar.step(1)}>
      <span aria-hidden="true">↓</span>
    </button>
    <button part="search-play" type="button" aria-keyshortcuts="Alt+Enter" ?disabled=${!has} @click=${() => bar.playCurrent()}>Play from here</button>
    <span part="search-status" role="status" aria-live="polite" class="sr">${bar.announce}</span>
  </div>`;
}
