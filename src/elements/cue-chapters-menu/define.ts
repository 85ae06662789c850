import { CueChaptersMenu } from './cue-chapters-menu.js';

export { CueChaptersMenu };

const tag = 'cue-chapters-menu';
if (!customElements.get(tag)) customElements.define(tag, CueChaptersMenu);

declare global {
  interface HTMLElementTagNameMap {
    'cue-chapters-menu': CueChaptersMenu;
  }
}
