import { css } from 'lit';

/** The viewer's settings (src/controllers/transcript/viewer-prefs.ts) at the end of the toolbar, and the text sizes they set. */
export const settingsStyles = css`
  :host {
    --_text-scale: 1;
  }
  :host(:state(text-small)) {
    --_text-scale: 0.875;
  }
  :host(:state(text-large)) {
    --_text-scale: 1.25;
  }
  :host(:state(text-x-large)) {
    --_text-scale: 1.5;
  }
  [part~='scroll-box'] {
    font-size: calc(var(--_text-scale) * 1em);
  }

  /* The search takes the row, the settings button sits at its end. */
  .toolbar > [part~='search'] {
    flex: 1 1 0;
  }
  [part~='settings'] {
    position: relative;
    flex: none;
    margin-inline-start: auto;
  }
  [part~='settings-button'] {
    display: grid;
    place-items: center;
    list-style: none;
    cursor: pointer;
    padding: 0.2em 0.35em;
    border: 1px solid color-mix(in srgb, currentColor 35%, transparent);
    border-radius: 0.3em;
    color: var(--cue-button-color, var(--_accent));
  }
  [part~='settings-button']::-webkit-details-marker {
    display: none;
  }
  details[open] > [part~='settings-button'] {
    background: color-mix(in srgb, currentColor 12%, transparent);
  }
  [part~='settings-button']:focus-visible,
  [part~='follow-switch']:focus-visible,
  [part~='text-size-option']:has(:focus-visible) {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  [part~='settings-panel'] {
    position: absolute;
    z-index: 3;
    inset-inline-end: 0;
    top: calc(100% + 0.3rem);
    display: grid;
    gap: 0.6rem;
    min-width: 12rem;
    padding: 0.7rem 0.8rem;
    color: var(--_fg);
    background: var(--_bg);
    border: 1px solid color-mix(in srgb, currentColor 25%, transparent);
    border-radius: 0.4rem;
    box-shadow: 0 0.3rem 1rem rgb(0 0 0 / 0.18);
  }
  .toolbar [part~='follow-switch'] {
    display: flex;
    align-items: center;
    gap: 0.5em;
    font: inherit;
    color: inherit;
    background: none;
    border: 0;
    padding: 0.15em 0;
    cursor: pointer;
    text-align: start;
  }
  /* The switch shows its state by position as well as colour. */
  [part~='switch-track'] {
    position: relative;
    flex: none;
    width: 2.2em;
    height: 1.2em;
    border-radius: 999px;
    border: 1px solid currentColor;
    box-sizing: border-box;
  }
  [part~='switch-track']::after {
    content: '';
    position: absolute;
    top: 0.15em;
    left: 0.15em;
    width: 0.75em;
    height: 0.75em;
    border-radius: 50%;
    background: currentColor;
  }
  [role='switch'][aria-checked='true'] > [part~='switch-track'] {
    background: var(--_accent);
    border-color: var(--_accent);
  }
  [role='switch'][aria-checked='true'] > [part~='switch-track']::after {
    left: auto;
    right: 0.15em;
    background: var(--_bg);
  }
  [part~='text-size'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.3rem 0.8rem;
    margin: 0;
    padding: 0;
    border: 0;
  }
  fieldset > legend {
    padding: 0 0 0.3rem;
    color: var(--_muted);
  }
  [part~='text-size-option'] {
    display: inline-flex;
    align-items: center;
    gap: 0.25em;
    cursor: pointer;
    border-radius: 0.2em;
  }
  @media (forced-colors: active) {
    [role='switch'][aria-checked='true'] > [part~='switch-track'] {
      background: Highlight;
    }
  }
`;
