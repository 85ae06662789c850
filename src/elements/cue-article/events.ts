import type { ArticleMatch, UnmatchedPassage } from '../../core/article/index.js';
import type { CueLoadDetail } from '../cue-transcript/events.js';

export type { UnmatchedPassage } from '../../core/article/index.js';

/** `cue-load` from `<cue-article>`: the transcript is loaded and matched to the article's text. */
export interface CueArticleLoadDetail extends CueLoadDetail {
  /** Cues placed in the article, of `transcript.cues.length`. */
  matchedCues: number;
  /** Cue text not in the article, and article text no cue says, in article order, with the cue id and the text around. */
  unmatched: UnmatchedPassage[];
  /** The whole match (per-cue ranges of the article's text, as string offsets). */
  match: ArticleMatch;
}
