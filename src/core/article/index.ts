export { matchArticle, startArticleMatch, MATCH_STEP, type ArticleMatchJob, type ArticleCueInput, type ArticleCueMatch, type ArticleMatch, type ArticleText, type ArticleWordRange, type MatchArticleOptions, type UnmatchedPassage } from './match.js';
export { alignWords, alignSteps, type AlignOptions } from './align.js';
export { foldWord, labelAt, tokenize, type TextSpan, type Word } from './tokens.js';
export { escapeHtml, transcriptToHtml, type TranscriptHtmlOptions } from './html.js';
