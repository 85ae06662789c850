import { CueTranscript } from './cue-transcript.js';

export { CueTranscript };

const tag = 'cue-transcript';
if (!customElements.get(tag)) customElements.define(tag, CueTranscript);

declare global {
  interface HTMLElementTagNameMap {
    'cue-transcript': CueTranscript;
  }
}
