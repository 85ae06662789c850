import { CueEditorTimeline } from './cue-editor-timeline.js';

export { CueEditorTimeline };

// The tag is written out (not a variable) so the Custom Elements Manifest analyzer reads it.
if (!customElements.get('cue-editor-timeline')) customElements.define('cue-editor-timeline', CueEditorTimeline);

declare global {
  interface HTMLElementTagNameMap {
    'cue-editor-timeline': CueEditorTimeline;
  }
}
