import '../cue-editor-timeline/define.js';
import '../cue-editor-list/define.js';
import { CueEditor } from './cue-editor.js';

export { CueEditor };

const tag = 'cue-editor';
if (!customElements.get(tag)) customElements.define(tag, CueEditor);

declare global {
  interface HTMLElementTagNameMap {
    'cue-editor': CueEditor;
  }
}
