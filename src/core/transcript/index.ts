export type * from './types.js';
export { buildTranscript, startTranscriptBuild, BUILD_STEP, type BuildTranscriptOptions, type TranscriptBuild } from './build.js';
export { activeCueIndex, askedAsTitled, cueIndexAtOrBefore, questionIndexAt } from './lookup.js';
export { slugify } from './slug.js';
export { formatTime, formatTimeLong, parseTimeParam } from '../time.js';
