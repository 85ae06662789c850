import { CueSearchStrip } from './cue-search-strip.js';

export { CueSearchStrip };

// The tag is written out (not a variable) so the Custom Elements Manifest analyzer reads it.
if (!customElements.get('cue-search-strip')) customElements.define('cue-search-strip', CueSearchStrip);

declare global {
  interface HTMLElementTagNameMap {
    'cue-search-strip': CueSearchStrip;
  }
}
