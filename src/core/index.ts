/**
 * The pure core: no DOM. WebVTT parsing and writing, cue text, the transcript
 * model of a question-and-answer session, time helpers, search and deep links.
 */
export * from './webvtt/index.js';
export * from './transcript/index.js';
export * from './search.js';
export * from './links.js';
export * from './navigation.js';
