import '../cue-editor-timeline/define.js';
import '../cue-editor-list/define.js';
import { CueEditor } from './cue-editor.js';

export { CueEditor };

// The tag is written out (not a variable) so the Custom Elements Manifest analyzer reads it.
if (!customElements.get('cue-editor')) customElements.define('cue-editor', CueEditor);

declare global {
  interface HTMLElementTagNameMap {
    'cue-editor': CueEditor;
  }
}
