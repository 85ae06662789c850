import { css } from 'lit';

export const styles = css`
  :host {
    --_accent: var(--cue-accent-color, light-dark(#1d4ed8, #93c5fd));
    --_muted: var(--cue-muted-color, light-dark(#4b5563, #9ca3af));
    --_active: var(--cue-active-background, light-dark(#fef3c7, #3b3212));
    --_selected: light-dark(#eff6ff, #172554);
    --_problem: var(--cue-error-color, light-dark(#b91c1c, #fca5a5));
    --_line: light-dark(#e5e7eb, #2e3440);
    display: block;
    min-height: 0;
    color-scheme: light dark;
  }
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
    height: 100%;
    max-height: var(--cue-list-height, 30rem);
    overflow: auto;
    overscroll-behavior: contain;
    border: 1px solid var(--_line);
    border-radius: 0.4rem;
  }
  .spacer {
    padding: 0;
    border: 0;
    overflow-anchor: none;
  }
  .empty {
    color: var(--_muted);
    padding: 1rem;
    margin: 0;
  }
  .chapter {
    position: sticky;
    top: 0;
    z-index: 1;
    padding: 0.4rem 0.5rem;
    background: light-dark(#f8fafc, #111827);
    border-bottom: 1px solid var(--_line);
  }
  .chapter label {
    display: flex;
    align-items: center;
    gap: 0.4rem;
  }
  .q {
    font-weight: 700;
    color: var(--_accent);
    font-size: 0.8rem;
  }
  .chapter input {
    flex: 1;
    min-width: 0;
    font: 600 0.9rem system-ui, sans-serif;
  }
  .row {
    display: grid;
    grid-template-columns: 6.2rem minmax(0, 1fr);
    grid-template-areas: 'time speaker' 'time text' 'problem problem';
    gap: 0.15rem 0.5rem;
    padding: 0.35rem 0.5rem;
    border-bottom: 1px solid var(--_line);
    border-left: 3px solid transparent;
  }
  .row[part~='active-cue'] {
    background: var(--_active);
  }
  .row[part~='selected-cue'] {
    border-left-color: var(--_accent);
    background: var(--_selected);
  }
  .row[part~='selected-cue'][part~='active-cue'] {
    background: color-mix(in srgb, var(--_active) 60%, var(--_selected));
  }
  .time {
    position: relative;
    grid-area: time;
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 0.1rem;
    padding: 0.15rem 0.25rem;
    border: 0;
    border-radius: 0.25rem;
    background: none;
    color: inherit;
    font: 0.78rem/1.25 ui-monospace, 'DejaVu Sans Mono', monospace;
    font-variant-numeric: tabular-nums;
    text-align: left;
    cursor: pointer;
  }
  .time .end {
    color: var(--_muted);
  }
  .badge {
    font: 600 0.62rem/1.2 system-ui, sans-serif;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    padding: 0 0.25rem;
    border-radius: 0.2rem;
  }
  .fixed {
    background: light-dark(#dcfce7, #14532d);
  }
  .untimed {
    background: light-dark(#f3f4f6, #374151);
  }
  .review {
    background: light-dark(#fef3c7, #713f12);
  }
  .speaker {
    grid-area: speaker;
    justify-self: start;
    width: 12rem;
    max-width: 100%;
    font: 600 0.78rem system-ui, sans-serif;
    color: var(--_muted);
  }
  .speaker.inherited {
    font-weight: 400;
  }
  .sr {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  input,
  textarea {
    box-sizing: border-box;
    border: 1px solid transparent;
    border-radius: 0.25rem;
    padding: 0.15rem 0.3rem;
    background: transparent;
    color: inherit;
  }
  input:hover,
  textarea:hover,
  input:focus,
  textarea:focus {
    border-color: light-dark(#94a3b8, #475569);
    background: Field;
    color: FieldText;
  }
  .text {
    grid-area: text;
    width: 100%;
    resize: vertical;
    font: 0.92rem/1.4 system-ui, sans-serif;
    field-sizing: content;
    min-height: 2.4em;
  }
  .problem {
    grid-area: problem;
    margin: 0;
    color: var(--_problem);
    font-size: 0.8rem;
  }
  .problem::before {
    content: '⚠ ';
  }
  :focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 1px;
  }
  @media (forced-colors: active) {
    .row[part~='selected-cue'] {
      border-left-color: Highlight;
    }
    .row[part~='active-cue'] {
      outline: 2px dashed CanvasText;
    }
  }
`;
