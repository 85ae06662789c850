export type * from './types.js';
export { buildTranscript, type BuildTranscriptOptions } from './build.js';
export { activeCueIndex, askedAsTitled, cueIndexAtOrBefore, questionIndexAt } from './lookup.js';
export { slugify } from './slug.js';
export { formatTime, formatTimeLong, parseTimeParam } from '../time.js';
