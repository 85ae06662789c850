export { CueTranscript } from './cue-transcript.js';
export type * from './events.js';
