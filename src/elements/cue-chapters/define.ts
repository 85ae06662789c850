import { CueChapters } from './cue-chapters.js';

export { CueChapters };

// The tag is written out (not a variable) so the Custom Elements Manifest analyzer reads it.
if (!customElements.get('cue-chapters')) customElements.define('cue-chapters', CueChapters);

declare global {
  interface HTMLElementTagNameMap {
    'cue-chapters': CueChapters;
  }
}
