import { css } from 'lit';

export const styles = css`
  :host {
    --_accent: var(--cue-accent-color, light-dark(#1d4ed8, #93c5fd));
    --_on-accent: light-dark(#fff, #0b1220);
    --_muted: var(--cue-muted-color, light-dark(#4b5563, #9ca3af));
    --_line: light-dark(#d7dce3, #334155);
    --_panel: light-dark(#f8fafc, #111827);
    --_error: var(--cue-error-color, light-dark(#b91c1c, #fca5a5));
    --_ok: var(--cue-ok-color, light-dark(#166534, #86efac));
    display: block;
    color-scheme: light dark;
    font: 0.92rem/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
    color: CanvasText;
  }
  .frame {
    position: relative;
    display: grid;
    gap: 0.6rem;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem 0.9rem;
    align-items: center;
    padding: 0.5rem;
    border: 1px solid var(--_line);
    border-radius: 0.5rem;
    background: var(--_panel);
  }
  .group,
  .nudges,
  .zoom {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    align-items: center;
  }
  .nudges {
    gap: 0;
  }
  .nudges button {
    border-radius: 0;
    margin-left: -1px;
    min-width: 2.6rem;
    font-variant-numeric: tabular-nums;
  }
  .nudges button:first-child {
    border-radius: 0.35rem 0 0 0.35rem;
  }
  .nudges button:last-child {
    border-radius: 0 0.35rem 0.35rem 0;
  }
  button,
  .button,
  select,
  summary {
    font: inherit;
    font-size: 0.85rem;
    padding: 0.3rem 0.6rem;
    border: 1px solid var(--_line);
    border-radius: 0.35rem;
    background: Canvas;
    color: CanvasText;
    cursor: pointer;
    line-height: 1.3;
  }
  button:hover:not(:disabled),
  .button:hover {
    border-color: var(--_accent);
  }
  button:disabled {
    opacity: 0.5;
    cursor: default;
  }
  button[aria-pressed='true'] {
    background: color-mix(in srgb, var(--_accent) 18%, Canvas);
    border-color: var(--_accent);
    font-weight: 600;
  }
  .primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
  }
  .file {
    position: relative;
    display: inline-block;
  }
  .file input {
    position: absolute;
    inset: 0;
    opacity: 0;
    width: 100%;
    cursor: pointer;
  }
  .file:focus-within {
    outline: 3px solid var(--_accent);
    outline-offset: 1px;
  }
  details.url {
    position: relative;
  }
  details.url form {
    position: absolute;
    z-index: 5;
    top: calc(100% + 0.3rem);
    left: 0;
    display: grid;
    gap: 0.4rem;
    width: min(24rem, 85vw);
    padding: 0.7rem;
    border: 1px solid var(--_line);
    border-radius: 0.5rem;
    background: Canvas;
    box-shadow: 0 8px 24px rgb(0 0 0 / 0.15);
  }
  details.url label {
    display: grid;
    gap: 0.15rem;
    font-size: 0.8rem;
    color: var(--_muted);
  }
  input[type='url'],
  input[type='number'] {
    font: inherit;
    padding: 0.25rem 0.4rem;
    border: 1px solid var(--_line);
    border-radius: 0.3rem;
    background: Field;
    color: FieldText;
  }
  input[type='number'] {
    width: 5rem;
  }
  .rate {
    display: inline-flex;
    gap: 0.3rem;
    align-items: center;
    font-size: 0.85rem;
  }
  .count {
    color: var(--_muted);
    font-size: 0.8rem;
    font-variant-numeric: tabular-nums;
  }
  a[part~='download'] {
    color: var(--_accent);
    font-weight: 600;
    font-size: 0.85rem;
  }
  .error.empty {
    display: none;
  }
  .error {
    display: flex;
    gap: 1rem;
    align-items: flex-start;
    justify-content: space-between;
    padding: 0.5rem 0.8rem;
    border: 1px solid var(--_error);
    border-left-width: 4px;
    border-radius: 0.4rem;
    color: var(--_error);
    background: color-mix(in srgb, var(--_error) 8%, Canvas);
  }
  .error ul {
    margin: 0;
    padding-left: 1rem;
  }
  .error li:first-child {
    list-style: none;
    margin-left: -1rem;
    font-weight: 600;
  }
  .notices:empty,
  .save-alert:empty {
    display: none;
  }
  .save-error {
    border-color: var(--_error);
    background: color-mix(in srgb, var(--_error) 8%, Canvas);
  }
  .notice {
    display: flex;
    gap: 1rem;
    align-items: center;
    justify-content: space-between;
    margin: 0;
    padding: 0.45rem 0.8rem;
    border: 1px solid var(--_accent);
    border-left-width: 4px;
    border-radius: 0.4rem;
    background: color-mix(in srgb, var(--_accent) 8%, Canvas);
  }
  .statusbar {
    display: flex;
    gap: 0.8rem;
    align-items: center;
    min-height: 1.5rem;
  }
  .clock {
    padding: 0.1rem 0.45rem;
    border-radius: 0.3rem;
    background: var(--_panel);
    border: 1px solid var(--_line);
    font-size: 0.85rem;
  }
  .status {
    margin: 0;
    color: var(--_muted);
  }
  progress {
    flex: 0 1 14rem;
    accent-color: var(--_accent);
  }
  .zoom {
    justify-content: flex-end;
    margin-bottom: -0.3rem;
  }
  .work {
    display: grid;
    grid-template-columns: minmax(17rem, 24rem) minmax(0, 1fr);
    gap: 0.8rem;
    align-items: start;
  }
  .side {
    display: grid;
    gap: 0.6rem;
  }
  .player {
    display: block;
    width: 100%;
    aspect-ratio: 16 / 9;
    border-radius: 0.4rem;
    overflow: hidden;
    background: #000;
    --media-control-background: rgb(0 0 0 / 0.55);
  }
  .player video {
    width: 100%;
    height: 100%;
  }
  .panel {
    display: grid;
    gap: 0.7rem;
    padding: 0.7rem;
    border: 1px solid var(--_line);
    border-radius: 0.4rem;
    background: var(--_panel);
  }
  h2 {
    margin: 0 0 0.2rem;
    font-size: 0.8rem;
    text-transform: uppercase;
    letter-spacing: 0.06em;
    color: var(--_muted);
  }
  h2 .count {
    display: inline-block;
    min-width: 1.3rem;
    padding: 0 0.3rem;
    border-radius: 1rem;
    text-align: center;
    text-transform: none;
    letter-spacing: 0;
    border: 1px solid currentColor;
  }
  h2 .count.problems {
    background: color-mix(in srgb, var(--_error) 15%, Canvas);
    color: var(--_error);
  }
  h2 .count.clear {
    background: color-mix(in srgb, var(--_ok) 12%, Canvas);
    color: var(--_ok);
  }
  .vh {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .panel p {
    margin: 0;
  }
  .hint {
    color: var(--_muted);
    font-size: 0.85rem;
  }
  .mono {
    font-family: ui-monospace, 'DejaVu Sans Mono', monospace;
    font-variant-numeric: tabular-nums;
  }
  .checks {
    list-style: none;
    margin: 0;
    padding: 0;
    max-height: 12rem;
    overflow: auto;
    display: grid;
    gap: 0.35rem;
    font-size: 0.85rem;
  }
  .checks li {
    display: flex;
    flex-wrap: wrap;
    gap: 0.2rem 0.5rem;
    align-items: baseline;
  }
  .link {
    padding: 0;
    border: 0;
    background: none;
    color: var(--_accent);
    text-decoration: underline;
    font-family: ui-monospace, 'DejaVu Sans Mono', monospace;
  }
  .fix {
    font-size: 0.78rem;
    padding: 0.1rem 0.4rem;
  }
  .setting {
    display: flex;
    gap: 0.4rem;
    align-items: center;
    font-size: 0.85rem;
  }
  .keys summary {
    display: inline-block;
  }
  .keys dl {
    margin: 0.5rem 0 0;
    display: grid;
    gap: 0.25rem;
    font-size: 0.8rem;
  }
  .keys dl div {
    display: grid;
    grid-template-columns: 9.5rem 1fr;
    gap: 0.5rem;
  }
  .keys dt,
  .keys dd {
    margin: 0;
  }
  kbd {
    font: 0.75rem ui-monospace, 'DejaVu Sans Mono', monospace;
  }
  .drop {
    position: absolute;
    inset: 0;
    z-index: 10;
    display: grid;
    place-items: center;
    border: 3px dashed var(--_accent);
    border-radius: 0.6rem;
    background: color-mix(in srgb, Canvas 85%, transparent);
    font-size: 1.2rem;
    font-weight: 600;
    pointer-events: none;
  }
  :focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 1px;
  }
  @media (max-width: 52rem) {
    .work {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      scroll-behavior: auto !important;
      transition: none !important;
    }
  }
  @media (forced-colors: active) {
    .primary,
    button[aria-pressed='true'] {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
      border-color: Highlight;
    }
    .error {
      border-color: CanvasText;
    }
  }
`;
