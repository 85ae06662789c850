import { css } from 'lit';

export const styles = css`
  :host {
    --_wave: var(--cue-wave-color, light-dark(#64748b, #94a3b8));
    --_pause: var(--cue-pause-color, light-dark(#eef2f7, #1c2535));
    --_tick: light-dark(#94a3b8, #64748b);
    --_text: light-dark(#475569, #a3b1c6);
    --_accent: var(--cue-accent-color, light-dark(#1d4ed8, #93c5fd));
    --_cue: light-dark(#dbeafe, #1e3a5f);
    --_cue-border: light-dark(#93c5fd, #3b82f6);
    --_untimed: light-dark(#f3f4f6, #27272a);
    --_fixed: light-dark(#dcfce7, #14532d);
    --_problem: var(--cue-error-color, light-dark(#b91c1c, #fca5a5));
    --_review: light-dark(#b45309, #fbbf24);
    display: block;
    color-scheme: light dark;
    user-select: none;
    -webkit-user-select: none;
  }
  .track {
    position: relative;
    height: var(--cue-timeline-height, 11rem);
    overflow: hidden;
    border: 1px solid light-dark(#cbd5e1, #334155);
    border-radius: 0.4rem;
    background: Canvas;
    touch-action: pan-y;
    cursor: crosshair;
  }
  canvas {
    position: absolute;
    inset: 0 0 2.6rem 0;
    width: 100%;
    height: calc(100% - 2.6rem);
  }
  .probe {
    display: none;
  }
  .probe.cue {
    color: var(--_cue-border);
  }
  .probe.untimed {
    color: light-dark(#9ca3af, #52525b);
  }
  .probe.problem {
    color: var(--_problem);
  }
  .lane {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
  }
  .lane[hidden] {
    display: none;
  }
  .probe.wave {
    color: var(--_wave);
  }
  .probe.pause {
    color: var(--_pause);
  }
  .probe.tick {
    color: var(--_tick);
  }
  .probe.text {
    color: var(--_text);
  }
  .chapters {
    position: absolute;
    inset: 1.2rem 0 auto 0;
    height: 2.8rem;
    pointer-events: none;
  }
  .chapter {
    position: absolute;
    top: 0;
    transform: translateX(-1px);
    padding: 0 0.3rem;
    border-left: 2px solid var(--_accent);
    font: 600 0.72rem/1.2rem system-ui, sans-serif;
    color: var(--_accent);
    background: color-mix(in srgb, Canvas 80%, transparent);
    white-space: nowrap;
  }
  .chapter.lane-1 {
    top: 1.2rem;
  }
  /* No room in either row: a short tick under the labels; the text is clipped away (still read by assistive technology). */
  .chapter.collapsed {
    top: 2.4rem;
    width: 0;
    height: 0.4rem;
    padding: 0;
    overflow: hidden;
    background: none;
  }
  .cues {
    position: absolute;
    inset: auto 0 0.3rem 0;
    height: 2.2rem;
  }
  .cue {
    position: absolute;
    top: 0;
    bottom: 0;
    box-sizing: border-box;
    min-width: 2px;
    overflow: hidden;
    padding: 0.15rem 0.3rem;
    border: 1px solid var(--_cue-border);
    border-radius: 0.25rem;
    background: var(--_cue);
    color: CanvasText;
    font: 0.72rem/1.2 system-ui, sans-serif;
    white-space: nowrap;
    text-overflow: ellipsis;
    cursor: grab;
    touch-action: none;
  }
  .cue[part~='untimed'] {
    background: var(--_untimed);
    border-style: dashed;
  }
  .cue[part~='fixed'] {
    background: var(--_fixed);
  }
  .cue[part~='flagged'] {
    border-color: var(--_problem);
    border-width: 2px;
  }
  .cue[part~='selected-cue'] {
    outline: 2px solid var(--_accent);
    outline-offset: -2px;
    z-index: 1;
  }
  .boundary {
    position: absolute;
    top: 1.2rem;
    bottom: 0;
    width: 11px;
    margin-left: -5px;
    cursor: ew-resize;
    touch-action: none;
    z-index: 2;
  }
  .boundary::before {
    content: '';
    position: absolute;
    left: 5px;
    top: 0;
    bottom: 0;
    width: 1px;
    background: color-mix(in srgb, var(--_text) 55%, transparent);
  }
  .boundary[part~='review']::before {
    width: 2px;
    background: var(--_review);
  }
  .boundary[part~='review']::after {
    content: '?';
    position: absolute;
    top: -1.15rem;
    left: 1px;
    font: 700 0.7rem/1 system-ui, sans-serif;
    color: var(--_review);
  }
  .boundary[part~='selected-boundary']::before {
    left: 4px;
    width: 3px;
    background: var(--_accent);
  }
  .boundary:hover::before {
    background: var(--_accent);
  }
  .problem {
    position: absolute;
    bottom: 2.5rem;
    margin-left: -6px;
    width: 0;
    height: 0;
    border: 6px solid transparent;
    border-bottom: 9px solid var(--_problem);
    pointer-events: none;
    z-index: 2;
  }
  .playhead {
    position: absolute;
    top: 0;
    bottom: 0;
    width: 2px;
    margin-left: -1px;
    background: var(--_problem);
    pointer-events: none;
    z-index: 3;
  }
  .playhead[hidden] {
    display: none;
  }
  :focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 1px;
  }
  .boundary:focus-visible {
    outline-offset: -3px;
  }
  @media (forced-colors: active) {
    .cue {
      border-color: CanvasText;
      forced-color-adjust: none;
      background: Canvas;
      color: CanvasText;
    }
    .cue[part~='selected-cue'],
    .boundary[part~='selected-boundary']::before {
      outline-color: Highlight;
      background: Highlight;
    }
    .boundary::before,
    .playhead {
      background: CanvasText;
      forced-color-adjust: none;
    }
  }
`;
