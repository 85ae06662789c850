import { css } from 'lit';

/** Shared by `<cue-chapters>` and `<cue-chapters-menu>`: the question entries and screen-reader-only text. */
export const questionStyles = css`
  :host {
    --_fg: var(--cue-color, light-dark(#1f2937, #e5e7eb));
    --_muted: var(--cue-muted-color, light-dark(#4b5563, #9ca3af));
    --_accent: var(--cue-accent-color, light-dark(#1d4ed8, #93c5fd));
    --_current-bg: var(--cue-current-background, light-dark(#fef3c7, #3b3212));
    --_progress: var(--cue-progress-color, var(--_accent));
    --_focus: var(--cue-focus-ring-color, var(--_accent));
    --_heard: var(--cue-heard-color, var(--_muted));
  }

  [hidden] {
    display: none !important;
  }

  .sr {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  [part~='question'] {
    position: relative;
    display: grid;
    grid-template-columns: 2em 1fr;
    gap: 0 0.5em;
    padding: 0.45em 0.6em 0.55em;
    border-radius: 0.3em;
    color: inherit;
    text-decoration: none;
    line-height: 1.35;
  }

  [part~='question']:hover {
    background: color-mix(in srgb, var(--_accent) 8%, transparent);
  }

  [part~='question']:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
  }

  [part~='number'] {
    grid-row: span 2;
    font-variant-numeric: tabular-nums;
    font-weight: 600;
    color: var(--_muted);
    text-align: end;
  }

  [part~='meta'] {
    grid-column: 2;
    font-size: 0.85em;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }

  [part~='current-question'] {
    background: var(--_current-bg);
    font-weight: 600;
  }

  [part~='current-question'] [part~='number'] {
    color: var(--_accent);
  }

  [part~='heard'] [part~='title'] {
    color: var(--_heard);
  }

  [part~='heard-mark'] {
    color: var(--_heard);
  }

  [part~='progress'] {
    position: absolute;
    inset: auto 0.6em 0.15em 3.1em;
    height: 3px;
    border-radius: 2px;
    background: color-mix(in srgb, var(--_progress) 20%, transparent);
    overflow: hidden;
  }

  [part~='progress-bar'] {
    display: block;
    height: 100%;
    background: var(--_progress);
    transform-origin: left;
    transform: scaleX(0);
  }

  [part~='copy-status']:empty {
    display: none;
  }

  [part~='copy-status'] {
    margin: 0.25em 0;
    font-size: 0.85em;
    color: var(--_muted);
  }

  [part~='manual-copy'] {
    display: grid;
    gap: 0.25em;
    font-size: 0.85em;
  }

  @media (forced-colors: active) {
    [part~='current-question'] {
      outline: 2px solid Highlight;
    }
    [part~='progress-bar'] {
      background: Highlight;
    }
  }
`;

export const styles = css`
  :host {
    display: block;
    color: var(--_fg);
    font: var(--cue-font, inherit);
  }

  /* The buttons share out each row they take, so a narrow toolbar wraps into full rows, never a ragged one. */
  [part~='toolbar'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4em;
    margin-block-end: 0.4em;
  }

  [part~='toolbar'] > button {
    flex: 1 1 auto;
    white-space: nowrap;
  }

  button {
    font: inherit;
    font-size: 0.9em;
    padding: 0.25em 0.7em;
    border: 1px solid var(--_accent);
    border-radius: 0.3em;
    color: var(--_accent);
    background: var(--cue-button-background, Canvas);
    cursor: pointer;
  }

  button:disabled {
    opacity: 0.5;
    cursor: default;
  }

  button:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  [part~='list'] {
    list-style: none;
    margin: 0;
    padding: 0;
    max-height: var(--cue-max-height, none);
    overflow: auto;
  }

  [part~='item'] {
    display: grid;
    grid-template-columns: 1fr auto;
    align-items: start;
  }

  [part~='copy-question'] {
    margin: 0.35em 0 0 0.25em;
    padding: 0.1em 0.45em;
    border-color: transparent;
    background: transparent;
    font-size: 0.8em;
  }

  [part~='item']:hover [part~='copy-question'],
  [part~='copy-question']:focus-visible {
    border-color: var(--_accent);
  }

  [part~='status'] {
    color: var(--_muted);
  }

  [part~='link-status'] {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25em 0.6em;
    margin: 0 0 0.4em;
    padding: 0.35em 0.6em;
    border-inline-start: 0.2em solid var(--_accent);
    font-size: 0.9em;
  }

  [part~='link-status']:empty {
    display: none;
  }
`;
