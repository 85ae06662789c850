import { CueSearchStrip } from './cue-search-strip.js';

export { CueSearchStrip };

const tag = 'cue-search-strip';
if (!customElements.get(tag)) customElements.define(tag, CueSearchStrip);

declare global {
  interface HTMLElementTagNameMap {
    'cue-search-strip': CueSearchStrip;
  }
}
