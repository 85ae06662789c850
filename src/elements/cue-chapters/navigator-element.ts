import { LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { QuestionNavigatorController } from '../../controllers/navigator/question-navigator.js';
import { MediaStateInputs, type MediaStateName } from '../../mixins/media-state.js';

/**
 * What `<cue-chapters>` and `<cue-chapters-menu>` share: how they bind to
 * media, to a transcript and to the URL. Not registered as an element.
 */
export abstract class QuestionNavigatorElement extends MediaStateInputs(LitElement) {
  /** URL of a chapters WebVTT file (one chapter per question); written by the page. */
  @property() chapters = '';

  /** Id of the media element to follow; attribute `for`. */
  @property({ attribute: 'for' }) htmlFor = '';

  /** Id of a media-chrome `<media-controller>` to link to; attribute `mediacontroller`. Not needed inside one. */
  @property({ attribute: 'mediacontroller' }) mediaController = '';

  /** Id of a `<cue-transcript>` to move together with; attribute `transcript`. */
  @property({ attribute: 'transcript' }) transcriptId = '';

  /** Accessible name of the navigator; written by the page. */
  @property() label = 'Questions';

  /** Reads deep links (`#t=95`, `#q=5`, `#q=<slug>`) on load and on `hashchange`; written by the page. Use on one element per page. */
  @property({ type: Boolean, attribute: 'deep-links' }) deepLinks = false;

  /** Keeps the URL's fragment on the question playing (`history.replaceState`); implies `deep-links`. */
  @property({ type: Boolean, attribute: 'sync-url' }) syncUrl = false;

  /** Turns off the Shift+N / Shift+P shortcuts; written by the page. */
  @property({ type: Boolean, attribute: 'no-shortcuts' }) noShortcuts = false;

  #nav: QuestionNavigatorController | null = null;

  /** media-chrome writes its state 4 times a second: that changes nothing rendered (the navigator reads its media), so once rendered, no render. */
  protected override mediaStateChanged(name: MediaStateName, old: unknown): void {
    if (this.hasUpdated && this.#nav) this.#nav.refresh();
    else super.mediaStateChanged(name, old);
  }

  /** Hands the binding properties to the element's navigator controller; call from `willUpdate`. */
  protected configureNavigator(nav: QuestionNavigatorController, changed: PropertyValues<this>): void {
    this.#nav = nav;
    nav.configure({
      mediaId: this.htmlFor,
      controllerId: this.mediaController,
      transcriptId: this.transcriptId,
      chapters: this.chapters,
      noKeys: this.noShortcuts,
    });
    nav.deepLinks.syncUrl = this.syncUrl;
    nav.deepLinks.enabled = this.deepLinks || this.syncUrl;
    if (changed.has('mediaCurrentTime') || changed.has('mediaPaused')) nav.refresh();
  }
}
