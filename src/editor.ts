/**
 * Cueline's timing editor, a separate entry (`cueline/editor`): pages that
 * only play transcripts never download it. Importing it registers
 * `<cue-editor>` (and its parts) and media-chrome's elements it uses.
 */
import 'media-chrome';
import './elements/cue-editor/define.js';

export { CueEditor } from './elements/cue-editor/define.js';
export { CueEditorTimeline } from './elements/cue-editor-timeline/define.js';
export { CueEditorList } from './elements/cue-editor-list/define.js';
export * from './elements/cue-editor/index.js';
export * from './core/editor/index.js';
export { EDITOR_KEYS, type KeyBinding } from './controllers/editor-keys.js';
export { clearSaved, type SavedEditor, type MediaRef } from './storage/editor-store.js';
