/**
 * Cueline: interactive, frame-accurate transcripts for recorded talks.
 *
 * The package root registers the elements (importing it defines
 * `<cue-transcript>`) and re-exports the pure core, so one import gives both.
 * Import `cueline/core` for the core without any DOM.
 */
export * from './core/index.js';
export { cueTextToFragment } from './dom/cue-text-fragment.js';

export { CueTranscript } from './elements/cue-transcript/cue-transcript.js';
export type * from './elements/cue-transcript/events.js';

import './elements/cue-transcript/define.js';
