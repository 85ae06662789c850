/**
 * Cueline's timing editor, a separate entry (`cueline/editor`): pages that
 * only play transcripts never download it. Importing it registers
 * `<cue-editor>` (and its parts) and media-chrome's elements it uses.
 */
import 'media-chrome';
import './elements/cue-editor/define.js';
import { addNamedReferences } from './core/webvtt/char-refs.js';
import { MORE_NAMED_REFERENCES } from './core/webvtt/char-ref-full.js';

// The editor reads files of every kind: it decodes all of HTML's named references from the start.
addNamedReferences(MORE_NAMED_REFERENCES);

export { CueEditor } from './elements/cue-editor/define.js';
export { CueEditorTimeline } from './elements/cue-editor-timeline/define.js';
export { CueEditorList } from './elements/cue-editor-list/define.js';
export * from './elements/cue-editor/index.js';
export * from './core/editor/index.js';
export { EDITOR_KEYS, type KeyBinding } from './controllers/editor/keys.js';
export { clearSaved, type SavedEditor, type MediaRef } from './storage/editor-store.js';
