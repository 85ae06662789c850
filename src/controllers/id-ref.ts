import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Resolves an IDREF attribute (`for="video"`, `mediacontroller="mc"`) to the
 * element it names, in the host's own tree scope, the way `<label for>` does.
 *
 * The element may come later than the host (a transcript above its video, or
 * markup streamed in), so while the id names nothing yet, a MutationObserver
 * on the tree scope waits for it; it stops as soon as the element appears or
 * the host leaves the document.
 */
export class IdRefController<E extends Element = Element> implements ReactiveController {
  readonly #host: Host;
  readonly #onChange: (element: E | null) => void;
  #id = '';
  #element: E | null = null;
  #observer: MutationObserver | null = null;
  #connected = false;

  constructor(host: Host, onChange: (element: E | null) => void) {
    this.#host = host;
    this.#onChange = onChange;
    host.addController(this);
  }

  /** The id to resolve; '' for none. */
  get id(): string {
    return this.#id;
  }

  set id(id: string) {
    if (id === this.#id) return;
    this.#id = id;
    if (this.#connected) this.#resolve();
  }

  /** The element the id names, or null. */
  get element(): E | null {
    return this.#element;
  }

  hostConnected(): void {
    this.#connected = true;
    this.#resolve();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#stopWatching();
    this.#set(null);
  }

  #scope(): Document | ShadowRoot {
    const root = this.#host.getRootNode();
    return root instanceof ShadowRoot || root instanceof Document ? root : this.#host.ownerDocument;
  }

  #resolve(): void {
    this.#stopWatching();
    if (!this.#id) return this.#set(null);
    const scope = this.#scope();
    const found = scope.getElementById(this.#id) as E | null;
    this.#set(found);
    if (!found) {
      this.#observer = new MutationObserver(() => {
        const el = scope.getElementById(this.#id) as E | null;
        if (!el) return;
        this.#stopWatching();
        this.#set(el);
      });
      this.#observer.observe(scope, { childList: true, subtree: true, attributes: true, attributeFilter: ['id'] });
    }
  }

  #stopWatching(): void {
    this.#observer?.disconnect();
    this.#observer = null;
  }

  #set(element: E | null): void {
    if (element === this.#element) return;
    this.#element = element;
    this.#onChange(element);
  }
}
