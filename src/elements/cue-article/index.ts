export { CueArticle } from './cue-article.js';
export type * from './events.js';
