import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { parseFragment, questionFragment, withFragment, type FragmentTarget } from '../../core/links.js';
import { questionIndexAt, type Transcript } from '../../core/transcript/index.js';
import type { CueSourceFailure } from '../transcript/transcript-source.js';

/** Every connected reader of the page's fragment that is enabled: which of them answers a link without a prefix. */
const readers = new Set<DeepLinkController>();

/** The element in the document that stands for `el`: itself, or the outermost host whose shadow tree holds it (a `<cue-player>`). */
function outermost(el: Element): Element {
  let node = el;
  for (let root = node.getRootNode(); root instanceof ShadowRoot; root = node.getRootNode()) node = root.host;
  return node;
}

/**
 * Splits a fragment into the player it names and the rest: `#talk2:t=90` is `t=90` for the player whose
 * id is `talk2`; `#t=90` names no player (''). A prefix is an id before a `:` that comes before any `=` or `&`,
 * so `#t=1:35` has none.
 */
export function splitScope(hash: string): { scope: string; hash: string } {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  const m = /^([^:=&]+):(.*)$/s.exec(raw);
  return m ? { scope: decoded(m[1]!), hash: `#${m[2]!}` } : { scope: '', hash: `#${raw}` };
}

/** Longest piece of the URL quoted back in the message, characters. */
const QUOTE_MAX = 40;

export interface DeepLinkOptions {
  /** Goes to a target named by the URL: seek (never play) and reveal; false when the page cancelled it. */
  go(target: FragmentTarget): boolean;
  /** The player to bring into view when a link lands (the `<media-controller>`, else the media element). */
  player?(): Element | null;
  /** Whether `el` (a transcript or article) is this reader's, so its links carry this reader's prefix (a navigator's linked transcript). */
  serves?(el: Element): boolean;
}

/**
 * `fragment` (`#t=90`) as a link written by `el` (a transcript's or article's "Copy quote with link"): with the
 * prefix of the deep-link reader it belongs to (in the same `<cue-player>`, or a navigator linked to it), so a
 * second player's quotes land in that player; unchanged when no reader has it.
 */
export function scopedFor(el: Element, fragment: string): string {
  const me = outermost(el);
  for (const r of readers) if (r.serves(el, me)) return r.scoped(fragment);
  return fragment;
}

/** Every reader's host renders again: which reader answers unprefixed links (and so each one's hrefs) may have changed. */
function readersChanged(): void {
  for (const r of readers) r.requestUpdate();
}

/**
 * Deep links in the page URL's fragment (`#t=95`, `#t=1:35`, `#q=5`,
 * `#q=<slug>`, `#<slug>`): applied once when the questions are first known,
 * and again on every `hashchange`. With `syncUrl`, the fragment follows the
 * question playing through `history.replaceState`, so moving through a talk
 * adds no history entries and fires no `hashchange`.
 *
 * A link that lands brings the player into view (the reader followed it to
 * watch); a `q=` or `t=` that names nothing in this session leaves playback
 * alone, says so politely (`missed`, for the host to show) and fires
 * `cue-error` with `source: 'link'`, `reason: 'not-found'`. Other fragments
 * (the page's own anchors) are left to the page.
 *
 * Two players on one page: a link without a prefix is answered by the first reader in document order
 * (the first `<cue-player>` or `<cue-chapters>` with `deep-links`); `#<id>:t=90`, `#<id>:q=<slug>` only by
 * the reader whose outermost element (the `<cue-player>`, or the navigator itself) has that id. The links
 * any other reader writes (copy link, `syncUrl`) carry its prefix.
 * @see https://www.w3.org/TR/media-frags/#naming-time
 */
export class DeepLinkController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: DeepLinkOptions;
  #enabled = false;
  #model: Transcript | null = null;
  #applied = false;
  /** The question the URL names (or was last written for); -2 before any. */
  #written = -2;
  #abort: AbortController | null = null;
  #missed = '';
  /** Keep the fragment in step with the question playing. */
  syncUrl = false;

  constructor(host: ReactiveControllerHost & HTMLElement, options: DeepLinkOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** Why the URL's last deep link went nowhere, for the viewer; '' when it landed or was dismissed. */
  get missed(): string {
    return this.#missed;
  }

  /** The viewer dismissed the message. */
  dismiss(): void {
    this.#say('');
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
    readers.add(this);
    readersChanged();
    this.#abort = new AbortController();
    window.addEventListener('hashchange', () => this.#apply(), { signal: this.#abort.signal });
  }

  hostDisconnected(): void {
    if (readers.delete(this)) readersChanged();
    this.#abort?.abort();
    this.#abort = null;
  }

  /** Whether `el` (whose outermost element is `outer`) writes its links as this reader's. */
  serves(el: Element, outer: Element): boolean {
    return outer === outermost(this.#host) || !!this.#options.serves?.(el);
  }

  /** Asks the host to render again (its links' prefixes). */
  requestUpdate(): void {
    this.#host.requestUpdate();
  }

  /** The id a prefixed link names this reader by: its outermost element's. */
  get scopeId(): string {
    return outermost(this.#host).id;
  }

  /** Whether a link without a prefix is this reader's: it comes first in the document among the readers. */
  get isDefault(): boolean {
    const me = outermost(this.#host);
    for (const r of readers) {
      if (r === this || !r.#host.isConnected) continue;
      const other = outermost(r.#host);
      if (other !== me && other.compareDocumentPosition(me) & Node.DOCUMENT_POSITION_FOLLOWING) return false;
    }
    return true;
  }

  /** `fragment` (`#t=90`) as a link to this reader: prefixed with its id (`#talk2:t=90`) unless it is the default one. */
  scoped(fragment: string): string {
    const id = this.scopeId;
    if (!fragment || !id || this.isDefault) return fragment;
    return `#${encodeURIComponent(id)}:${fragment.replace(/^#/, '')}`;
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
    const fragment = this.scoped(questionFragment(model, question));
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
    const { scope, hash } = splitScope(location.hash);
    if (scope ? scope !== this.scopeId : !this.isDefault) return;
    const target = parseFragment(hash, model);
    const missing = missingPart(hash, target);
    if (missing) this.#miss(missing);
    else this.#say('');
    if (!target || target.time === null) return;
    // The URL already names where playback lands: do not rewrite it to a slug straight away.
    this.#written = target.question ?? questionIndexAt(model, target.time);
    if (this.#options.go(target)) this.#revealPlayer();
  }

  #miss(missing: { key: 'q' | 't'; value: string }): void {
    const value = missing.value.length > QUOTE_MAX ? `${missing.value.slice(0, QUOTE_MAX)}…` : missing.value;
    const message =
      missing.key === 'q'
        ? `Sorry, this link points to a question (“${value}”) that is not in this session.`
        : `Sorry, this link points to a moment (“${value}”) that could not be read.`;
    this.#say(message);
    const detail: CueSourceFailure = { reason: 'not-found', source: 'link', message, url: location.href, status: 0, errors: [] };
    this.#host.dispatchEvent(new CustomEvent('cue-error', { detail, bubbles: true, composed: true }));
  }

  #say(message: string): void {
    if (message === this.#missed) return;
    this.#missed = message;
    this.#host.requestUpdate();
  }

  /**
   * The reader followed a link to watch from there: the player comes into view (only as far as
   * needed), smoothly unless they prefer reduced motion. After a frame, so the page has laid out.
   */
  #revealPlayer(): void {
    const player = this.#options.player?.();
    if (!player) return;
    requestAnimationFrame(() => {
      if (!player.isConnected) return;
      const r = player.getBoundingClientRect();
      const view = document.documentElement.clientHeight;
      if (r.top >= 0 && r.bottom <= view) return;
      const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
      player.scrollIntoView({ block: r.height > view ? 'start' : 'nearest', behavior: reduce ? 'instant' : 'smooth' });
    });
  }
}

/** safeDecode for the message: a malformed escape is quoted as written. */
function decoded(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The `q=` or `t=` parameter of `hash` that names nothing (`target` is what it parsed to), or null. */
function missingPart(hash: string, target: FragmentTarget | null): { key: 'q' | 't'; value: string } | null {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  for (const part of raw.split('&')) {
    const eq = part.indexOf('=');
    const key = part.slice(0, eq);
    const value = decoded(part.slice(eq + 1)).trim();
    if (eq > 0 && key === 'q' && (target?.question ?? null) === null) return { key, value };
    if (eq > 0 && key === 't' && !target) return { key, value };
  }
  return null;
}
