import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { formatQuote, momentFragment, withFragment } from '../core/links.js';
import { formatTime } from '../core/time.js';
import type { Transcript } from '../core/transcript/index.js';
import type { CopyLinkController } from './copy-link.js';

type Host = ReactiveControllerHost & HTMLElement;

/** A passage the reader selected in the transcript. */
export interface Passage {
  text: string;
  /** The cue the selection starts in. */
  cueIndex: number;
}

type ShadowRootWithSelection = ShadowRoot & { getSelection?(): Selection | null };
type ComposedSelection = Selection & { getComposedRanges?(options: { shadowRoots: ShadowRoot[] }): StaticRange[] };

/**
 * "Copy quote": when the reader selects words in the transcript, offers to
 * copy them as a quote with who said them, when, and a link to that moment.
 */
export class PassageCopyController implements ReactiveController {
  readonly #host: Host;
  readonly #copy: CopyLinkController;
  readonly #model: () => Transcript | null;
  #passage: Passage | null = null;
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
    document.addEventListener('selectionchange', () => this.#read(), { signal: this.#abort.signal });
  }

  hostDisconnected(): void {
    this.#abort?.abort();
    this.#abort = null;
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

  /** The "Copy quote" button, while a passage is selected. */
  render(): TemplateResult | typeof nothing {
    if (!this.#passage) return nothing;
    // pointerdown is prevented so pressing the button does not drop the selection first.
    return html`<button part="copy-passage" type="button" @pointerdown=${(e: Event) => e.preventDefault()} @click=${() => this.copyPassage()}>
      Copy quote with link
    </button>`;
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
