import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Whether the host is on screen (intersects the viewport), for work only a
 * viewer could see: the transcript's word-by-word lighting. `onChange` fires
 * when it comes into view or leaves it. Before the first observation, and
 * where IntersectionObserver is missing, the host counts as on screen.
 */
export class OnScreenController implements ReactiveController {
  readonly #host: ReactiveControllerHost & Element;
  readonly #onChange: (visible: boolean) => void;
  #observer: IntersectionObserver | null = null;
  #visible = true;

  constructor(host: ReactiveControllerHost & Element, onChange: (visible: boolean) => void) {
    this.#host = host;
    this.#onChange = onChange;
    host.addController(this);
  }

  get visible(): boolean {
    return this.#visible;
  }

  hostConnected(): void {
    if (typeof IntersectionObserver === 'undefined') return;
    this.#observer = new IntersectionObserver((entries) => {
      const visible = entries[entries.length - 1]!.isIntersecting;
      if (visible === this.#visible) return;
      this.#visible = visible;
      this.#onChange(visible);
    });
    this.#observer.observe(this.#host);
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = null;
    this.#visible = true;
  }
}
