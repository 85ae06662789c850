export { CueSearchStrip } from './cue-search-strip.js';
export type { CueSearchDetail, SearchHit } from '../../controllers/transcript-search.js';
