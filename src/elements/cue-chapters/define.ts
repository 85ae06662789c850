import { CueChapters } from './cue-chapters.js';

export { CueChapters };

const tag = 'cue-chapters';
if (!customElements.get(tag)) customElements.define(tag, CueChapters);

declare global {
  interface HTMLElementTagNameMap {
    'cue-chapters': CueChapters;
  }
}
