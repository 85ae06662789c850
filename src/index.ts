/**
 * Cueline: interactive, frame-accurate transcripts for recorded talks.
 *
 * The package root registers the elements (importing it defines
 * `<cue-transcript>`, `<cue-article>`, `<cue-chapters>`, `<cue-chapters-menu>`,
 * `<cue-search-strip>` and `<cue-player>`, which composes them with the
 * media-chrome elements it imports) and re-exports the pure core, so one
 * import gives both.
 * Import `cueline/core` for the core without any DOM.
 */
export * from './core/index.js';
export { cueTextToFragment } from './dom/cue-text-fragment.js';

export { CueTranscript } from './elements/cue-transcript/cue-transcript.js';
export type * from './elements/cue-transcript/events.js';

import './elements/cue-transcript/define.js';

export { CueChapters } from './elements/cue-chapters/cue-chapters.js';
export type * from './elements/cue-chapters/events.js';
export { CueChaptersMenu } from './elements/cue-chapters-menu/cue-chapters-menu.js';
export { CueSearchStrip } from './elements/cue-search-strip/cue-search-strip.js';
export type { CueSearchDetail, SearchHit } from './controllers/transcript/transcript-search.js';

import './elements/cue-chapters/define.js';
import './elements/cue-chapters-menu/define.js';
import './elements/cue-search-strip/define.js';

export { CueArticle } from './elements/cue-article/cue-article.js';
export type * from './elements/cue-article/events.js';

import './elements/cue-article/define.js';

export { CuePlayer } from './elements/cue-player/cue-player.js';

import './elements/cue-player/define.js';
