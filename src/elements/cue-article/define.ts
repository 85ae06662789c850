import { CueArticle } from './cue-article.js';

export { CueArticle };

// The tag is written out (not a variable) so the Custom Elements Manifest analyzer reads it.
if (!customElements.get('cue-article')) customElements.define('cue-article', CueArticle);

declare global {
  interface HTMLElementTagNameMap {
    'cue-article': CueArticle;
  }
}
