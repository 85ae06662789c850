import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    position: relative;
    --_accent: var(--cue-accent-color, light-dark(#1d4ed8, #93c5fd));
    --_muted: var(--cue-muted-color, light-dark(#4b5563, #9ca3af));
    --_focus: var(--cue-focus-ring-color, var(--_accent));
  }
  :host(:focus) {
    outline: none;
  }
  [part~='toolbar'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: center;
    margin-block-end: 0.75rem;
    font: var(--cue-toolbar-font, 0.9em system-ui, sans-serif);
    /* The search stays at hand while the reader steps through matches down the page. */
    position: sticky;
    inset-block-start: var(--cue-toolbar-top, 0px);
    z-index: 2;
    padding: 0.5rem 0;
    background: var(--cue-background, Canvas);
  }
  [part~='search'] {
    flex: 1 1 24rem;
  }
  [part~='search-match'] {
    background: var(--_match-bg);
    mix-blend-mode: multiply;
    border-radius: 0.1em;
  }
  [part~='search-current'] {
    background: var(--_current-match-bg);
    mix-blend-mode: multiply;
    border-block-end: 0.15em solid currentColor;
    border-radius: 0.1em;
  }
  [part~='toolbar'][hidden] {
    display: none;
  }
  .overlay {
    position: absolute;
    pointer-events: none;
  }
  .overlay[hidden] {
    display: none;
  }
  .overlay > * {
    position: absolute;
    box-sizing: border-box;
  }
  [part~='focus-ring'] {
    outline: 2px solid var(--cue-focus-ring-color, var(--cue-accent-color, light-dark(#1d4ed8, #93c5fd)));
    outline-offset: 1px;
    border-radius: var(--cue-radius, 0.2em);
  }
  [part~='active-cue'] {
    background: var(--cue-active-background, light-dark(#fef3c7, #3b3212));
    color: var(--cue-active-color, inherit);
    mix-blend-mode: multiply;
    border-radius: var(--cue-radius, 0.2em);
  }
  [part~='active-word'] {
    border-block-end: 2px solid var(--cue-spoken-background, light-dark(#f59e0b, #78580f));
  }
  [part~='back-to-now'] {
    position: sticky;
    inset-block-end: 1rem;
    display: block;
    margin-inline-start: auto;
    font: inherit;
    color: var(--cue-button-color, var(--cue-accent-color, light-dark(#1d4ed8, #93c5fd)));
    background: var(--cue-button-background, Canvas);
    border: 1px solid currentColor;
    border-radius: 999px;
    padding: 0.3em 0.9em;
    cursor: pointer;
  }
  [part~='back-to-now'][hidden] {
    display: none;
  }
  [part~='copy-passage'] {
    position: absolute;
    z-index: 3;
    top: var(--_quote-top, 0);
    left: var(--_quote-left, 0);
    font: var(--cue-toolbar-font, 0.9em system-ui, sans-serif);
    padding: 0.2em 0.6em;
    border: 1px solid var(--cue-button-color, var(--_accent));
    border-radius: 0.3em;
    color: var(--cue-button-color, var(--_accent));
    background: var(--cue-button-background, Canvas);
    box-shadow: 0 0.1em 0.4em color-mix(in srgb, CanvasText 20%, transparent);
    cursor: pointer;
    white-space: nowrap;
  }
  [part~='copy-passage']:focus-visible {
    outline: 0.15em solid var(--_focus);
    outline-offset: 0.15em;
  }
  [part~='copy-status'] {
    padding: 0;
  }
  [part~='error'] {
    color: var(--cue-error-color, light-dark(#b91c1c, #fca5a5));
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      scroll-behavior: auto;
    }
  }
`;
