/**
 * The CDN build's entry (`dist/cdn/cueline.js`): registers the elements, `<cue-player>` and the media-chrome
 * elements it uses, and exports the element classes. The pure core's functions stay in the npm package's
 * entries (`cueline`, `cueline/core`), so a page that only plays loads none it does not use.
 */
export { CuePlayer } from './elements/cue-player/define.js';
export { CueTranscript } from './elements/cue-transcript/define.js';
export { CueChapters } from './elements/cue-chapters/define.js';
export { CueChaptersMenu } from './elements/cue-chapters-menu/define.js';
export { CueSearchStrip } from './elements/cue-search-strip/define.js';
