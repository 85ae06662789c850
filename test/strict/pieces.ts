// media-chrome's controller and controls with Cueline's pieces, each module imported on its own, as a page would.
import './record.js';
import './trusted-types.js';
await import('media-chrome/media-controller.js');
await import('media-chrome/media-control-bar.js');
await import('media-chrome/media-play-button.js');
await import('media-chrome/media-time-range.js');
await import('media-chrome/media-time-display.js');
await import('../../src/elements/cue-transcript/define.js');
await import('../../src/elements/cue-chapters/define.js');
await import('../../src/elements/cue-search-strip/define.js');
export {};
