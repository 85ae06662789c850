import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { copyText, type CopyMethod } from '../dom/clipboard.js';

type Host = ReactiveControllerHost & HTMLElement;

/** How long a confirmation stays visible, ms. */
const CONFIRM_MS = 4000;

/**
 * "Copy link" for an element: copies, fires `cue-copy`, confirms in a polite
 * live region, and when the browser refuses every way of copying shows the
 * text in a visible field, selected, for the viewer to copy by hand.
 */
export class CopyLinkController implements ReactiveController {
  readonly #host: Host;
  #status = '';
  #manual: string | null = null;
  #timer = 0;

  constructor(host: Host) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    clearTimeout(this.#timer);
  }

  /** The current confirmation, '' when none. */
  get status(): string {
    return this.#status;
  }

  /**
   * Copies `text` (a link, or a quote with its link), then confirms with `done`
   * (e.g. "Link to question 3 copied"). Resolves to how it was copied.
   */
  async copy(kind: 'question' | 'moment' | 'passage', url: string, text: string, done: string): Promise<CopyMethod> {
    const method = await copyText(text, this.#host.shadowRoot ?? this.#host);
    this.#manual = method === 'manual' ? text : null;
    this.#say(method === 'manual' ? 'Copying was blocked: the link is selected below, copy it with your keyboard.' : done);
    this.#host.dispatchEvent(
      new CustomEvent('cue-copy', { detail: { kind, url, text, method }, bubbles: true, composed: true }),
    );
    if (method === 'manual') {
      await this.#host.updateComplete;
      const field = this.#host.shadowRoot?.querySelector<HTMLTextAreaElement>('[part~="manual-copy-field"]');
      field?.focus();
      field?.select();
    }
    return method;
  }

  /** The live region and, when needed, the manual copy field. */
  render(): TemplateResult {
    return html`<p part="copy-status" role="status" aria-live="polite" class="visually-hidden-when-empty">${this.#status}</p>
      ${this.#manual === null
        ? nothing
        : html`<label part="manual-copy"
            >Copy this:
            <textarea part="manual-copy-field" readonly rows="3" .value=${this.#manual}></textarea>
            <button part="manual-copy-close" type="button" @click=${this.#closeManual}>Done</button></label
          >`}`;
  }

  readonly #closeManual = (): void => {
    this.#manual = null;
    this.#host.requestUpdate();
  };

  #say(message: string): void {
    this.#status = message;
    this.#host.requestUpdate();
    clearTimeout(this.#timer);
    this.#timer = window.setTimeout(() => {
      this.#status = '';
      this.#host.requestUpdate();
    }, CONFIRM_MS);
  }
}
