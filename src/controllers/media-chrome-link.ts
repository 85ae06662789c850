import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { IdRefController } from './id-ref.js';
import { isMediaLike, type MediaLike } from './media-clock.js';

type Host = ReactiveControllerHost & HTMLElement;

/** What the link uses of media-chrome's `<media-controller>`. */
interface MediaControllerLike extends HTMLElement {
  associateElement?(element: HTMLElement): void;
  unassociateElement?(element: HTMLElement): void;
  readonly media?: unknown;
}

const CONTROLLER_TAG = 'media-controller';

/**
 * Links the host to a media-chrome `<media-controller>` the way media-chrome's
 * own controls do.
 *
 * - Inside a controller, nothing is needed: the controller finds receivers in
 *   its subtree by their media state properties (`mediaCurrentTime`, ...).
 * - Outside one, `mediacontroller="ID"` names it, and the link calls
 *   `associateElement(host)`, after which the controller both sets the host's
 *   media state properties and listens on the host for request events.
 *
 * Either way requests go out as events from the host (`mediaseekrequest`,
 * detail: seconds) and `media` gives the controller's media element, so a
 * clock can read its time every frame instead of waiting for `timeupdate`.
 */
export class MediaChromeLinkController implements ReactiveController {
  readonly #host: Host;
  readonly #ref: IdRefController<MediaControllerLike>;
  readonly #onChange: () => void;
  #associated: MediaControllerLike | null = null;
  #connected = false;

  constructor(host: Host, onChange: () => void) {
    this.#host = host;
    this.#onChange = onChange;
    this.#ref = new IdRefController<MediaControllerLike>(host, () => this.#relink());
    host.addController(this);
  }

  /** The `id` of a `<media-controller>` to link to; '' to use an enclosing one. */
  get controllerId(): string {
    return this.#ref.id;
  }

  set controllerId(id: string) {
    this.#ref.id = id;
  }

  /** The linked controller: the one named by id, else the nearest enclosing one (across shadow roots). */
  get controller(): MediaControllerLike | null {
    return this.#ref.element ?? this.#enclosing();
  }

  /** The controller's media element, when it has one with the media interface. */
  get media(): MediaLike | null {
    const media = this.controller?.media;
    return isMediaLike(media) ? media : null;
  }

  hostConnected(): void {
    this.#connected = true;
    this.#relink();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#unlink();
  }

  /** Asks media-chrome to seek. */
  requestSeek(seconds: number): void {
    this.#host.dispatchEvent(
      new CustomEvent<number>('mediaseekrequest', { bubbles: true, composed: true, detail: seconds }),
    );
  }

  #enclosing(): MediaControllerLike | null {
    let node: Node | null = this.#host;
    while (node) {
      const parent: Node | null = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
      if (parent instanceof HTMLElement && parent.localName === CONTROLLER_TAG) return parent;
      node = parent;
    }
    return null;
  }

  #relink(): void {
    const target = this.#connected ? this.#ref.element : null;
    if (target !== this.#associated) {
      this.#unlink();
      if (target) this.#associate(target);
    }
    this.#onChange();
  }

  #associate(target: MediaControllerLike): void {
    this.#associated = target;
    if (typeof target.associateElement === 'function') {
      this.#call(() => target.associateElement?.(this.#host));
      return;
    }
    // Not upgraded yet: link once media-chrome defines the element.
    void customElements.whenDefined(target.localName).then(() => {
      if (this.#associated !== target || !this.#connected) return;
      this.#call(() => target.associateElement?.(this.#host));
      this.#onChange();
    });
  }

  #unlink(): void {
    const target = this.#associated;
    this.#associated = null;
    if (target) this.#call(() => target.unassociateElement?.(this.#host));
  }

  /**
   * Runs a call into media-chrome. Its failure (a strict page's policy blocking
   * something media-chrome does, say) is reported, not thrown through our
   * element: the transcript still reads and seeks through the media itself.
   */
  #call(fn: () => void): void {
    try {
      fn();
    } catch (e) {
      console.warn(`${this.#host.localName}: media-chrome could not link this element to its <media-controller>:`, e);
    }
  }
}
