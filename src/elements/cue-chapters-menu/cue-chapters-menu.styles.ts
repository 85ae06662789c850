import { css } from 'lit';

export const styles = css`
  :host {
    display: inline-flex;
    position: relative;
    /* Inside a media-chrome control bar, take its colours. */
    color: var(--media-primary-color, rgb(238 238 238));
    font: var(--cue-font, inherit);
  }

  [part~='button'] {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    height: 100%;
    min-height: 2.25rem;
    padding: 0 0.75em;
    border: 0;
    font: inherit;
    font-size: var(--media-font-size, 0.9em);
    color: inherit;
    background: var(--media-control-background, transparent);
    cursor: pointer;
    white-space: nowrap;
  }

  [part~='button']:hover {
    background: var(--media-control-hover-background, rgb(255 255 255 / 0.12));
  }

  [part~='button']:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
  }

  [part~='button-label'] {
    font-variant-numeric: tabular-nums;
  }

  [part~='menu'] {
    position: fixed;
    inset: auto;
    margin: 0;
    box-sizing: border-box;
    width: min(28rem, calc(100vw - 1rem));
    max-height: min(24rem, calc(100vh - 1rem));
    overflow: auto;
    padding: 0.3em;
    border: 1px solid color-mix(in srgb, currentColor 25%, transparent);
    border-radius: 0.4em;
    /* Its own scheme-aware pair, not the player's colours: the menu sits in the top layer, over the page. */
    color-scheme: inherit;
    color: var(--cue-menu-color, light-dark(#1f2937, #e5e7eb));
    background: var(--cue-menu-background, light-dark(#ffffff, #1f2937));
    box-shadow: 0 0.5em 1.5em rgb(0 0 0 / 0.3);
    font-size: 0.9rem;
    text-align: start;
  }

  [part~='menu']:not(:popover-open) {
    display: none;
  }

  [part~='question'] {
    cursor: pointer;
    outline: none;
  }

  [part~='question']:focus-visible,
  [part~='question']:focus {
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
  }
`;
