import { CueEditorList } from './cue-editor-list.js';

export { CueEditorList };

// The tag is written out (not a variable) so the Custom Elements Manifest analyzer reads it.
if (!customElements.get('cue-editor-list')) customElements.define('cue-editor-list', CueEditorList);

declare global {
  interface HTMLElementTagNameMap {
    'cue-editor-list': CueEditorList;
  }
}
