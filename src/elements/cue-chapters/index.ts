export { CueChapters } from './cue-chapters.js';
export type * from './events.js';
