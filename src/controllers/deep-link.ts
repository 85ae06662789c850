import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { parseFragment, questionFragment, withFragment, type FragmentTarget } from '../core/links.js';
import { questionIndexAt, type Transcript } from '../core/transcript/index.js';

export interface DeepLinkOptions {
  /** Goes to a target named by the URL: seek (never play) and reveal. */
  go(target: FragmentTarget): void;
}

/**
 * Deep links in the page URL's fragment (`#t=95`, `#t=1:35`, `#q=5`,
 * `#q=<slug>`, `#<slug>`): applied once when the questions are first known,
 * and again on every `hashchange`. With `syncUrl`, the fragment follows the
 * question playing through `history.replaceState`, so moving through a talk
 * adds no history entries and fires no `hashchange`.
 * @see https://www.w3.org/TR/media-frags/#naming-time
 */
export class DeepLinkController implements ReactiveController {
  readonly #options: DeepLinkOptions;
  #enabled = false;
  #model: Transcript | null = null;
  #applied = false;
  /** The question the URL names (or was last written for); -2 before any. */
  #written = -2;
  #abort: AbortController | null = null;
  /** Keep the fragment in step with the question playing. */
  syncUrl = false;

  constructor(host: ReactiveControllerHost, options: DeepLinkOptions) {
    this.#options = options;
    host.addController(this);
  }

  /** Whether the host reads deep links at all. */
  get enabled(): boolean {
    return this.#enabled;
  }

  set enabled(on: boolean) {
    if (on === this.#enabled) return;
    this.#enabled = on;
    if (on) {
      this.hostConnected();
      this.#applyOnce();
    } else this.hostDisconnected();
  }

  hostConnected(): void {
    if (!this.#enabled || this.#abort) return;
    this.#abort = new AbortController();
    window.addEventListener('hashchange', () => this.#apply(), { signal: this.#abort.signal });
  }

  hostDisconnected(): void {
    this.#abort?.abort();
    this.#abort = null;
  }

  /** The questions are known (or changed): the first time, apply the page's fragment. */
  setModel(model: Transcript | null): void {
    this.#model = model;
    this.#applyOnce();
  }

  /** The question playing changed (index, or -1): with `syncUrl`, the URL follows. */
  follow(question: number): void {
    const model = this.#model;
    if (!this.#enabled || !this.syncUrl || !model || question < 0 || question === this.#written) return;
    this.#written = question;
    const fragment = questionFragment(model, question);
    if (!fragment || location.hash === fragment) return;
    history.replaceState(history.state, '', withFragment(location.href, fragment));
  }

  #applyOnce(): void {
    if (this.#applied || !this.#enabled || !this.#model) return;
    this.#applied = true;
    this.#apply();
  }

  #apply(): void {
    const model = this.#model;
    if (!model) return;
    const target = parseFragment(location.hash, model);
    if (!target || target.time === null) return;
    // The URL already names where playback lands: do not rewrite it to a slug straight away.
    this.#written = target.question ?? questionIndexAt(model, target.time);
    this.#options.go(target);
  }
}

