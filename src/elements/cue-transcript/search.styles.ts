import { css } from 'lit';

/**
 * The search bar, the quote button, and how matches look. Highlights are
 * styled here, inside the shadow root holding the text: `::highlight()` in a
 * page stylesheet does not reach it. Current match: a stronger colour and an
 * outline-like underline, so it stays distinct without colour too.
 */
export const searchStyles = css`
  :host {
    --_match-bg: var(--cue-match-background, light-dark(#fde68a, #6b5410));
    --_match-fg: var(--cue-match-color, inherit);
    --_current-match-bg: var(--cue-current-match-background, light-dark(#f97316, #c2410c));
    --_current-match-fg: var(--cue-current-match-color, light-dark(#fff, #fff));
  }

  .sr {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  .toolbar {
    flex: none;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.35rem 0.5rem;
    padding: 0.5rem 1rem;
    border-block-end: 1px solid color-mix(in srgb, currentColor 15%, transparent);
    font-size: 0.9em;
    container-type: inline-size;
  }

  /* One row: field, count, previous, next, play. Narrow (a phone): the field on a row of its own, the rest under it. */
  [part~='search'] {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto auto auto auto;
    flex: 1 1 100%;
    align-items: center;
    gap: 0.35rem;
    min-width: 0;
  }

  @container (width < 30em) {
    [part~='search'] {
      display: flex;
      flex-wrap: wrap;
    }
    [part~='search-input'] {
      flex: 1 1 100%;
    }
    /* Pushes the buttons to the end of their row (on a very narrow bar, "Play from here" may take a third). */
    [part~='search-count'] {
      flex: 1 0 auto;
    }
  }

  [part~='search-input'] {
    min-width: 0;
    font: inherit;
    padding: 0.25em 0.5em;
    border: 1px solid color-mix(in srgb, currentColor 35%, transparent);
    border-radius: 0.3em;
    color: inherit;
    background: var(--cue-button-background, Canvas);
  }

  [part~='search-count'] {
    min-width: 4.5em;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }

  .toolbar button {
    font: inherit;
    padding: 0.2em 0.6em;
    border: 1px solid var(--cue-button-color, var(--_accent));
    border-radius: 0.3em;
    color: var(--cue-button-color, var(--_accent));
    background: var(--cue-button-background, Canvas);
    cursor: pointer;
    white-space: nowrap;
  }

  .toolbar button:disabled {
    opacity: 0.45;
    cursor: default;
  }

  .toolbar :focus-visible {
    outline: 0.15em solid var(--_focus);
    outline-offset: 0.1em;
  }

  [part~='copy-status'] {
    flex: none;
    margin: 0;
    padding: 0.25rem 1rem;
    font-size: 0.85em;
    color: var(--_muted);
  }

  [part~='copy-status']:empty {
    display: none;
  }

  [part~='manual-copy'] {
    display: grid;
    gap: 0.25em;
    padding: 0.25rem 1rem;
    font-size: 0.85em;
  }

  ::highlight(cue-search),
  mark[part~='search-match'] {
    background-color: var(--_match-bg);
    color: var(--_match-fg);
  }

  ::highlight(cue-search-current),
  mark[part~='search-current'] {
    background-color: var(--_current-match-bg);
    color: var(--_current-match-fg);
    text-decoration: underline 0.15em;
  }

  mark[part~='search-match'] {
    padding: 0;
    border-radius: 0.1em;
  }

  @media (forced-colors: active) {
    ::highlight(cue-search),
    mark[part~='search-match'] {
      background-color: Mark;
      color: MarkText;
    }
    ::highlight(cue-search-current),
    mark[part~='search-current'] {
      background-color: Highlight;
      color: HighlightText;
    }
  }
`;
