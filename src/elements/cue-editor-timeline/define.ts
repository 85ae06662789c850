import { CueEditorTimeline } from './cue-editor-timeline.js';

export { CueEditorTimeline };

const tag = 'cue-editor-timeline';
if (!customElements.get(tag)) customElements.define(tag, CueEditorTimeline);

declare global {
  interface HTMLElementTagNameMap {
    'cue-editor-timeline': CueEditorTimeline;
  }
}
