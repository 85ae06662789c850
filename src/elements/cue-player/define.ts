// The media-chrome elements the player uses, one module each (not all of media-chrome: a page that plays stays small).
import 'media-chrome/media-controller.js';
import 'media-chrome/media-control-bar.js';
import 'media-chrome/media-time-range.js';
import 'media-chrome/media-preview-chapter-display.js';
import 'media-chrome/media-preview-time-display.js';
import 'media-chrome/media-play-button.js';
import 'media-chrome/media-seek-backward-button.js';
import 'media-chrome/media-seek-forward-button.js';
import 'media-chrome/media-time-display.js';
import 'media-chrome/media-playback-rate-button.js';
import 'media-chrome/media-mute-button.js';
import 'media-chrome/media-captions-button.js';
import 'media-chrome/media-fullscreen-button.js';
import 'media-chrome/media-loading-indicator.js';
import '../cue-transcript/define.js';
import '../cue-chapters/define.js';
import '../cue-chapters-menu/define.js';
import '../cue-search-strip/define.js';
import { CuePlayer } from './cue-player.js';

export { CuePlayer };

// The tag is written out (not a variable) so the Custom Elements Manifest analyzer reads it.
if (!customElements.get('cue-player')) customElements.define('cue-player', CuePlayer);

declare global {
  interface HTMLElementTagNameMap {
    'cue-player': CuePlayer;
  }
}
