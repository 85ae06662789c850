/**
 * WebVTT core: parse and write files, parse cue text. Pure TypeScript, no DOM.
 *
 * @see https://www.w3.org/TR/webvtt1/
 */
export type * from './types.js';
export { MAX_KEPT_ERRORS, type WebVTTErrorCode } from './errors.js';
export { MAX_HOURS, MAX_TIMESTAMP } from './timestamp.js';
export { parseWebVTT, startWebVTTParse, startWebVTTParseParts, type IncrementalParseOptions, type ParseOptions, type WebVTTParse } from './parse.js';
export { serializeWebVTT, serializeCue, serializeCueSettings, serializeRegionSettings } from './serialize.js';
export { formatTimestamp, parseTimestamp } from './timestamp.js';
export { parsePercentage } from './settings.js';
export { createRegion } from './regions.js';
export { parseCueText, cueTextToPlain, cueVoice, cueTimedOffsets, type CueTextOptions } from './cue-text.js';
export { loadFullCharRefTable, needsFullCharRefTable } from './char-refs.js';
