import { CueChaptersMenu } from './cue-chapters-menu.js';

export { CueChaptersMenu };

// The tag is written out (not a variable) so the Custom Elements Manifest analyzer reads it.
if (!customElements.get('cue-chapters-menu')) customElements.define('cue-chapters-menu', CueChaptersMenu);

declare global {
  interface HTMLElementTagNameMap {
    'cue-chapters-menu': CueChaptersMenu;
  }
}
