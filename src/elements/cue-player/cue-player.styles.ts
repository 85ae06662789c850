import { css } from 'lit';

/**
 * The layout of `<cue-player>`, sized by its own width (an article column), never the viewport's:
 * wide, the transcript beside the player; narrow, below it; phone-narrow, a compact player that sticks
 * to the top of the screen over the questions and the transcript.
 */
export const styles = css`
  :host {
    display: block;
    container: cue-player / inline-size;
    --cue-player-gap: 1.5rem;
    --cue-player-radius: 8px;
    --cue-player-rule: light-dark(#e3e0d8, #2c2c31);
    --_pad: var(--cue-player-control-padding, 10px);
    --_bar: var(--cue-player-bar-height, 44px);
  }
  :host([hidden]) {
    display: none;
  }
  [part~='session'] {
    display: grid;
    gap: var(--cue-player-gap);
    grid-template-columns: minmax(0, 1fr);
  }
  /*
   * The control bars sit under the picture, not over it: captions stay readable above them and they never
   * cover a slide. The controller is a column (picture, then its bars), in fullscreen too.
   */
  [part~='controller'] {
    width: 100%;
    display: flex;
    flex-direction: column;
    border-radius: var(--cue-player-radius);
    overflow: hidden;
    background: #000;
    --media-control-padding: var(--_pad);
  }
  [part~='controller']::part(vertical-layer) {
    position: static;
    flex: none;
  }
  /* The bars come through a slot (the controls slot's fallback), which media-chrome's ::slotted() rules miss: stretch them here. */
  [part~='controller'] media-control-bar {
    height: var(--_bar);
    align-self: stretch;
  }
  video,
  ::slotted(video),
  ::slotted(hls-video),
  ::slotted(mux-video),
  ::slotted(youtube-video) {
    display: block;
    width: 100%;
    height: auto;
    aspect-ratio: 16 / 9;
    min-height: 0;
  }
  [part~='controller'][mediaisfullscreen] video,
  [part~='controller'][mediaisfullscreen] ::slotted(*) {
    flex: 1 1 0;
    height: 0;
    aspect-ratio: auto;
  }
  [part~='controller'][audio] {
    --media-control-background: #1c1c22;
  }
  .seek-row {
    position: relative;
  }
  .seek-row media-time-range {
    flex: 1;
    width: 100%;
  }
  /* The search matches sit on the seek bar itself: just under its track, from its start to its end. */
  [part~='search-strip'] {
    position: absolute;
    inset-inline: var(--_pad);
    top: calc(50% + var(--media-range-track-height, 4px) / 2 + 3px);
    pointer-events: none;
    --cue-strip-height: 4px;
    --cue-strip-background: rgb(255 255 255 / 0.12);
  }
  .seek-row media-preview-chapter-display[aria-valuetext] {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 3;
    line-clamp: 3;
    overflow: hidden;
    width: max-content;
    max-width: min(20rem, 80cqw);
    white-space: normal;
    line-height: 1.35;
  }
  .spacer {
    flex: 1;
    align-self: stretch;
    background: var(--media-control-background, rgb(20 20 30 / 0.7));
  }
  [part~='heading'] {
    font-size: 1.1rem;
    margin: 1rem 0 0.5rem;
  }
  [part~='transcript-panel'] [part~='heading'] {
    margin-top: 0;
  }
  [part~='chapters'] {
    --cue-max-height: 22rem;
  }
  [part~='transcript'] {
    height: var(--cue-player-transcript-height, min(70vh, 40rem));
    border: 1px solid var(--cue-player-rule);
    border-radius: var(--cue-player-radius);
  }

  @container cue-player (min-width: 52rem) {
    [part~='session'] {
      grid-template-columns: minmax(0, 7fr) minmax(0, 5fr);
      align-items: start;
    }
    [part~='player'] {
      position: sticky;
      top: var(--cue-player-sticky-top, 1rem);
    }
    [part~='transcript'] {
      height: var(--cue-player-transcript-height, min(calc(100vh - 6rem), 48rem));
    }
  }

  /*
   * A phone: the player, full width, sticks to the top of the screen while the reader goes through the
   * questions and the transcript, whose box fills the rest of the screen. The player's box is its cell of
   * the whole session (the player's column steps aside), so it stays stuck all along.
   */
  @container cue-player (max-width: 37.5rem) {
    /* (A container query styles what is inside the container, never the host itself.) */
    [part~='session'] {
      --_pad: var(--cue-player-control-padding, 5px);
      --_bar: var(--cue-player-bar-height, 36px);
    }
    [part~='session'] {
      gap: 0;
    }
    [part~='player'],
    [part~='transcript-panel'] {
      display: contents;
    }
    [part~='controller'] {
      position: sticky;
      top: var(--cue-player-sticky-top, 0px);
      z-index: 2;
      border-radius: 0;
      --media-button-icon-width: 22px;
      --media-button-icon-height: 22px;
      --media-font-size: 13px;
    }
    video::cue {
      font-size: 15px;
    }
    media-mute-button {
      /* A phone sets its volume with its own buttons. */
      display: none;
    }
    [part~='heading'],
    [part~='transcript-panel'] [part~='heading'] {
      margin: 1.25rem 0 0.5rem;
    }
    [part~='transcript'] {
      height: var(--cue-player-transcript-height, calc(100svh - var(--_player-height, 0px) - 0.5rem));
      scroll-margin-top: calc(var(--_player-height, 0px) + 0.25rem);
    }
  }
`;
