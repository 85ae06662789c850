export { CueSearchStrip } from './cue-search-strip.js';
export type { CueSearchDetail, SearchHit } from '../../controllers/transcript/transcript-search.js';
