/**
 * The pure core: no DOM. WebVTT parsing and writing, cue text, the transcript
 * model of a question-and-answer session, time helpers, search, deep links,
 * and matching a timed transcript to an article's own text.
 */
export * from './webvtt/index.js';
export * from './transcript/index.js';
export * from './search.js';
export * from './links.js';
export * from './navigation.js';
export * from './article/index.js';
