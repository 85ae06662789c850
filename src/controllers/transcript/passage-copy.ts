import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { formatQuote, momentFragment, withFragment } from '../../core/links.js';
import { formatTime } from '../../core/time.js';
import type { Transcript } from '../../core/transcript/index.js';
import type { CopyLinkController } from '../copy-link.js';

type Host = ReactiveControllerHost & HTMLElement;

/** A passage the reader selected in the transcript. */
export interface Passage {
  text: string;
  /** The cue the selection starts in. */
  cueIndex: number;
  /** Seconds the link points to (the selection's first timed word); the cue's start when absent. */
  time?: number;
}

/** Where the host's selectable text is: its shadow root (the default), or the page's own text (an article). */
export interface PassageSource {
  /** The reader's selection, when it lies in the host's text; null otherwise. */
  range(): AbstractRange | null;
  /** The passage selected by `range` (a live copy of `range()`), or null when it holds no cue. */
  passage(range: Range): Passage | null;
  /** The box the selection is seen through (hides the button while it is scrolled out); null: the page. */
  view?(): DOMRect | null;
}

export interface PassageCopyOptions {
  /** Where the text is; the shadow root's cues (`[data-cue]`) when absent. */
  source?: PassageSource;
  /** A link's fragment as this host's links are written (`#t=90`, or `#talk2:t=90` in a second player). */
  scope?(fragment: string): string;
}

type ShadowRootWithSelection = ShadowRoot & { getSelection?(): Selection | null };
type ComposedSelection = Selection & { getComposedRanges?(options: { shadowRoots: ShadowRoot[] }): StaticRange[] };

/** Gap between the selection and the button, CSS px. */
const GAP = 6;

/**
 * "Copy quote": when the reader selects words in the transcript, offers to
 * copy them as a quote with who said them, when, and a link to that moment.
 *
 * Nothing may move while the reader selects: the button is an overlay (it
 * takes no layout) beside the end of the selection, and it appears only once
 * the selection is finished (the pointer is released), never mid-drag.
 */
export class PassageCopyController implements ReactiveController {
  readonly #host: Host;
  readonly #copy: CopyLinkController;
  readonly #model: () => Transcript | null;
  #passage: Passage | null = null;
  /** A pointer went down in the host and is not released yet: the reader may still be selecting. */
  #pressing = false;
  #abort: AbortController | null = null;
  readonly #source: PassageSource;
  readonly #scope: (fragment: string) => string;

  constructor(host: Host, copy: CopyLinkController, model: () => Transcript | null, options: PassageCopyOptions = {}) {
    this.#host = host;
    this.#copy = copy;
    this.#model = model;
    this.#source = options.source ?? shadowSource(host);
    this.#scope = options.scope ?? ((f) => f);
    host.addController(this);
  }

  /** The selected passage, or null. */
  get passage(): Passage | null {
    return this.#passage;
  }

  hostConnected(): void {
    this.#abort = new AbortController();
    const signal = this.#abort.signal;
    document.addEventListener('selectionchange', () => this.#read(), { signal });
    this.#host.addEventListener('pointerdown', (e) => this.#press(e), { signal });
    // The drag may end anywhere on the page.
    for (const type of ['pointerup', 'pointercancel'] as const) document.addEventListener(type, () => this.#release(), { signal });
  }

  hostDisconnected(): void {
    this.#abort?.abort();
    this.#abort = null;
    this.#pressing = false;
  }

  hostUpdated(): void {
    this.#place();
  }

  /** Copies the selected passage as a quote with its time and link. */
  async copyPassage(): Promise<void> {
    const p = this.#passage;
    const cue = p ? this.#model()?.cues[p.cueIndex] : undefined;
    if (!p || !cue) return;
    const time = p.time ?? cue.startTime;
    const url = withFragment(location.href, this.#scope(momentFragment(time)));
    const quote = formatQuote(p.text, cue.speaker, time, url);
    await this.#copy.copy('passage', url, quote, `Quote from ${formatTime(time)} copied with its link.`);
  }

  /** The "Copy quote" button, once a passage is selected and the pointer released. Place it in the host (position: relative). */
  render(): TemplateResult | typeof nothing {
    if (!this.#passage || this.#pressing) return nothing;
    // pointerdown is prevented so pressing the button does not drop the selection first.
    return html`<button part="copy-passage" type="button" @pointerdown=${(e: Event) => e.preventDefault()} @click=${() => this.copyPassage()}>
      Copy quote with link
    </button>`;
  }

  /** Keeps the button beside the selection as the transcript scrolls (called by the host on scroll). */
  readonly reposition = (): void => {
    if (this.#passage && !this.#pressing) this.#place();
  };

  #press(e: PointerEvent): void {
    if (e.composedPath().some((n) => n instanceof HTMLElement && n.part?.contains('copy-passage'))) return;
    this.#pressing = true;
  }

  #release(): void {
    if (!this.#pressing) return;
    this.#pressing = false;
    this.#read();
    this.#host.requestUpdate();
  }

  /** Puts the button below the end of the selection (above its start when there is no room), inside the host. */
  #place(): void {
    const button = this.#host.shadowRoot?.querySelector<HTMLElement>('[part~="copy-passage"]');
    const r = this.#source.range();
    if (!button || !r) return;
    const live = document.createRange();
    live.setStart(r.startContainer, r.startOffset);
    live.setEnd(r.endContainer, r.endOffset);
    const rects = [...live.getClientRects()].filter((x) => x.width > 0 && x.height > 0);
    const first = rects[0];
    const last = rects[rects.length - 1];
    if (!first || !last) return;
    const host = this.#host.getBoundingClientRect();
    const b = button.getBoundingClientRect();
    const below = last.bottom - host.top + GAP;
    const top = below + b.height <= host.height ? below : Math.max(0, first.top - host.top - GAP - b.height);
    const left = Math.min(Math.max(0, last.right - host.left - b.width), Math.max(0, host.width - b.width));
    button.style.setProperty('--_quote-top', `${Math.round(top)}px`);
    button.style.setProperty('--_quote-left', `${Math.round(left)}px`);
    // Hidden while the selection is scrolled out of the transcript's view.
    const box = this.#source.view?.();
    button.classList.toggle('out-of-view', !!box && (last.bottom < box.top || first.top > box.bottom));
  }

  #read(): void {
    const next = this.#selected();
    const prev = this.#passage;
    if (next?.text === prev?.text && next?.cueIndex === prev?.cueIndex) return;
    this.#passage = next;
    this.#host.requestUpdate();
  }

  #selected(): Passage | null {
    const r = this.#source.range();
    if (!r) return null;
    const live = document.createRange();
    live.setStart(r.startContainer, r.startOffset);
    live.setEnd(r.endContainer, r.endOffset);
    return this.#source.passage(live);
  }
}

/** The selection in the host's shadow root, over its rendered cues (`[data-cue]` elements). */
function shadowSource(host: Host): PassageSource {
  const range = (): AbstractRange | null => {
    const root = host.shadowRoot as ShadowRootWithSelection | null;
    if (!root) return null;
    const sel = document.getSelection() as ComposedSelection | null;
    let r: AbstractRange | null | undefined;
    if (sel?.getComposedRanges) r = sel.rangeCount ? sel.getComposedRanges({ shadowRoots: [root] })[0] : undefined;
    else {
      const own = root.getSelection?.() ?? sel;
      r = own && own.rangeCount && !own.isCollapsed ? own.getRangeAt(0) : null;
    }
    return r && !r.collapsed && root.contains(r.startContainer) && root.contains(r.endContainer) ? r : null;
  };
  return {
    range,
    passage(live) {
      const root = host.shadowRoot!;
      const text = live.toString().trim();
      if (!text) return null;
      const start = live.startContainer instanceof Element ? live.startContainer : live.startContainer.parentElement;
      const cue =
        start?.closest<HTMLElement>('[data-cue]') ??
        [...(start?.closest('[data-p]') ?? root).querySelectorAll<HTMLElement>('[data-cue]')].find((el) => live.intersectsNode(el));
      return cue ? { text, cueIndex: Number(cue.dataset['cue']) } : null;
    },
    view: () => host.shadowRoot?.querySelector<HTMLElement>('[part~="scroll-box"]')?.getBoundingClientRect() ?? null,
  };
}
