import { css } from 'lit';

/**
 * Colours come in light and dark pairs (the host page's `color-scheme`
 * decides), every state has a non-colour indicator too (underline, bar,
 * outline), and forced-colors mode maps everything to system colours.
 */
export const styles = css`
  :host {
    /* light-dark() follows the page's color-scheme, so a page that opts into dark gets dark. */
    --_fg: var(--cue-color, light-dark(#1f2937, #e5e7eb));
    --_bg: var(--cue-background, Canvas);
    --_muted: var(--cue-muted-color, light-dark(#4b5563, #9ca3af));
    --_accent: var(--cue-accent-color, light-dark(#1d4ed8, #93c5fd));
    --_active-bg: var(--cue-active-background, light-dark(#fef3c7, #3b3212));
    --_active-fg: var(--cue-active-color, light-dark(#111827, #fff7d6));
    --_spoken-bg: var(--cue-spoken-background, light-dark(#fcd34d, #78580f));
    --_answer-bar: var(--cue-answer-indicator-color, var(--_accent));
    --_focus: var(--cue-focus-ring-color, var(--_accent));
    --_error: var(--cue-error-color, light-dark(#b91c1c, #fca5a5));

    display: flex;
    flex-direction: column;
    position: relative;
    box-sizing: border-box;
    max-height: var(--cue-max-height, 32rem);
    color: var(--_fg);
    background: var(--_bg);
    font: var(--cue-font, inherit);
    line-height: var(--cue-line-height, 1.6);
  }

  :host([hidden]),
  [hidden] {
    display: none !important;
  }

  [part~='scroll-box'] {
    position: relative;
    flex: 1 1 auto;
    min-height: 0;
    overflow: auto;
    /* Our own scrolling moves the content; the browser must not also re-anchor it. */
    overflow-anchor: none;
    overscroll-behavior: contain;
    padding: var(--cue-padding, 0.5rem 1rem);
  }

  /* Long transcripts: the browser skips style, layout and paint of blocks of
     sections far from view (their text stays in the DOM, so find-in-page still
     finds it). Blocks of ~1,000 cues keep the boxes it tracks few; a longer
     section has blocks of its paragraphs inside its own. */
  .body.large .block {
    content-visibility: auto;
    contain-intrinsic-size: auto 400em;
  }

  [part~='heading'] {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 0.75em;
    margin: 1.25em 0 0.5em;
    font-size: var(--cue-heading-font-size, 1.1em);
    line-height: 1.3;
  }

  /* A heading that carries the question as asked: the asker named on a line of their own, as above a paragraph.
     (Headings are matched by tag in these: see the note on karaoke below.) */
  :is(h1, h2, h3, h4, h5, h6) > [part~='speaker'] {
    flex: 0 0 100%;
  }

  :is(h1, h2, h3, h4, h5, h6) [part~='speaker'] {
    font-size: 0.75em;
  }

  [part~='question-time'] {
    font-size: 0.85em;
    font-weight: normal;
    font-variant-numeric: tabular-nums;
    color: var(--_muted);
  }

  [part~='question'],
  [part~='untitled'] {
    padding-inline-start: 0.75rem;
    border-inline-start: 0.25rem solid transparent;
  }

  [part~='active-question'] {
    border-inline-start-color: var(--_answer-bar);
  }

  [part~='paragraph'] {
    margin: 0 0 0.75em;
  }

  [part~='speaker'] {
    display: block;
    font-size: 0.85em;
    font-weight: 600;
    color: var(--_muted);
  }

  /* Each cue, voice and title is its own bidi island: an unclosed U+202E in one cue never reverses the next. */
  [part~='cue'],
  [part~='speaker'],
  [part~='question-title'] {
    unicode-bidi: isolate;
  }

  [part~='cue'] {
    cursor: pointer;
    border-radius: var(--cue-radius, 0.2em);
    text-decoration-thickness: 0.12em;
    text-underline-offset: 0.2em;
  }

  [part~='cue']:hover {
    text-decoration-line: underline;
    text-decoration-style: dotted;
  }

  [part~='active-cue'] {
    background: var(--_active-bg);
    color: var(--_active-fg);
    text-decoration-line: underline;
    text-decoration-style: solid;
    box-decoration-break: clone;
    -webkit-box-decoration-break: clone;
  }

  /* Karaoke: inside the cue being spoken, words not yet spoken are underlined dotted, spoken ones solid on a stronger background.
     The cue being spoken also has the class "now", and rules that look inside an element select it by class, tag or
     a state attribute, never by part: browsers invalidate style by attribute name, so one rule of the form
     "[part~=x] y" makes every change of a part attribute (the highlight moving to a new question, answer or
     paragraph) restyle all the elements of that kind below it, a whole question of cues at once. */
  .now [data-seg] {
    text-decoration: underline dotted;
  }

  .now [part~='spoken'] {
    background: var(--_spoken-bg);
    text-decoration: underline solid;
  }

  [part~='cue']:focus-visible {
    outline: 0.15em solid var(--_focus);
    outline-offset: 0.15em;
  }

  [part~='back-to-now'] {
    position: absolute;
    inset-block-end: 0.75rem;
    inset-inline-end: 1.25rem;
    font: inherit;
    font-size: 0.9em;
    padding: 0.3em 0.9em;
    border: 0.1em solid currentColor;
    border-radius: 999px;
    color: var(--cue-button-color, var(--_accent));
    background: var(--cue-button-background, Canvas);
    cursor: pointer;
  }

  [part~='back-to-now']:focus-visible {
    outline: 0.15em solid var(--_focus);
    outline-offset: 0.15em;
  }

  /* "Copy quote with link": an overlay beside the selection (placed by the passage-copy controller), so it moves nothing. */
  [part~='copy-passage'] {
    position: absolute;
    z-index: 1;
    top: var(--_quote-top, 0);
    left: var(--_quote-left, 0);
    font: inherit;
    font-size: 0.9em;
    padding: 0.2em 0.6em;
    border: 1px solid var(--cue-button-color, var(--_accent));
    border-radius: 0.3em;
    color: var(--cue-button-color, var(--_accent));
    background: var(--cue-button-background, Canvas);
    box-shadow: 0 0.1em 0.4em color-mix(in srgb, CanvasText 20%, transparent);
    cursor: pointer;
    white-space: nowrap;
  }

  [part~='copy-passage'].out-of-view {
    visibility: hidden;
  }

  [part~='copy-passage']:focus-visible {
    outline: 0.15em solid var(--_focus);
    outline-offset: 0.15em;
  }

  [part~='media-error'] {
    flex: none;
    margin: 0 0 0.5rem;
  }

  [part~='error'],
  [part~='media-error'] {
    color: var(--_error);
    border-inline-start: 0.25rem solid currentColor;
    padding-inline-start: 0.75rem;
  }

  [part~='problems'] {
    flex: none;
    font-size: 0.85em;
    color: var(--_muted);
    padding: 0.25rem 1rem;
  }

  [part~='problems-summary'] {
    cursor: pointer;
  }

  @media (forced-colors: active) {
    [part~='active-cue'] {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
    .now [part~='spoken'] {
      background: Mark;
      color: MarkText;
    }
    [part~='active-question'] {
      border-inline-start-color: Highlight;
    }
    [part~='cue']:focus-visible,
    [part~='back-to-now']:focus-visible,
    [part~='copy-passage']:focus-visible {
      outline-color: CanvasText;
    }
    [part~='back-to-now'],
    [part~='copy-passage'] {
      border-color: ButtonText;
      color: ButtonText;
      background: ButtonFace;
    }
  }

  /* No transition on the highlight: it changes at once, as YouTube's transcript and Hyperaudio Lite do.
     A fade made the browser produce a frame with style and paint about every 16 ms for the length of
     the fade at each cue change (Chromium animates background-color on the main thread), where the
     change itself needs one. */
`;
