import { CueTranscript } from './cue-transcript.js';

export { CueTranscript };

// The tag is written out (not a variable) so the Custom Elements Manifest analyzer reads it.
if (!customElements.get('cue-transcript')) customElements.define('cue-transcript', CueTranscript);

declare global {
  interface HTMLElementTagNameMap {
    'cue-transcript': CueTranscript;
  }
}
