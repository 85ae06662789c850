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

  constructor(host: Host, copy: CopyLinkController, model: () => Transcript | null) {
    this.#host = host;
    this.#copy = copy;
    this.#model = model;
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
    const url = withFragment(location.href, momentFragment(cue.startTime));
    const quote = formatQuote(p.text, cue.speaker, cue.startTime, url);
    await this.#copy.copy('passage', url, quote, `Quote from ${formatTime(cue.startTime)} copied with its link.`);
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
    const r = this.#range();
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
    const box = this.#host.shadowRoot?.querySelector<HTMLElement>('[part~="scroll-box"]')?.getBoundingClientRect();
    button.classList.toggle('out-of-view', !!box && (last.bottom < box.top || first.top > box.bottom));
  }

  #read(): void {
    const next = this.#selected();
    const prev = this.#passage;
    if (next?.text === prev?.text && next?.cueIndex === prev?.cueIndex) return;
    this.#passage = next;
    this.#host.requestUpdate();
  }

  #range(): AbstractRange | null {
    const root = this.#host.shadowRoot as ShadowRootWithSelection | null;
    if (!root) return null;
    const sel = document.getSelection() as ComposedSelection | null;
    if (sel?.getComposedRanges) {
      const r = sel.rangeCount ? sel.getComposedRanges({ shadowRoots: [root] })[0] : undefined;
      return r && !r.collapsed ? r : null;
    }
    const own = root.getSelection?.() ?? sel;
    return own && own.rangeCount && !own.isCollapsed ? own.getRangeAt(0) : null;
  }

  #selected(): Passage | null {
    const root = this.#host.shadowRoot;
    const r = this.#range();
    if (!root || !r || !root.contains(r.startContainer) || !root.contains(r.endContainer)) return null;
    const live = document.createRange();
    live.setStart(r.startContainer, r.startOffset);
    live.setEnd(r.endContainer, r.endOffset);
    const text = live.toString().trim();
    if (!text) return null;
    const start = r.startContainer instanceof Element ? r.startContainer : r.startContainer.parentElement;
    const cue =
      start?.closest<HTMLElement>('[data-cue]') ??
      [...(start?.closest('[data-p]') ?? root).querySelectorAll<HTMLElement>('[data-cue]')].find((el) => live.intersectsNode(el));
    if (!cue) return null;
    return { text, cueIndex: Number(cue.dataset['cue']) };
  }
}
