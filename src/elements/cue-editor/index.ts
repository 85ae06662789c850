export { CueEditor } from './cue-editor.js';
export type * from './events.js';
export type { EditIntent } from './intents.js';
export { detectFormat, importTranscript, type ImportResult, type TranscriptFormat } from './import.js';
export { safeBaseName } from './export.js';
