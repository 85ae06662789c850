import { CueEditorList } from './cue-editor-list.js';

export { CueEditorList };

const tag = 'cue-editor-list';
if (!customElements.get(tag)) customElements.define(tag, CueEditorList);

declare global {
  interface HTMLElementTagNameMap {
    'cue-editor-list': CueEditorList;
  }
}
