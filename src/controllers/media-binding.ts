import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { IdRefController } from './id-ref.js';
import { MediaChromeLinkController } from './media-chrome-link.js';
import { MediaClockController, isMediaLike, type MediaLike } from './media-clock.js';

type Host = ReactiveControllerHost & HTMLElement;

export interface MediaBindingOptions {
  /** Media time, seconds: at once on a seek, and while playing on the first frame at or after each moment `nextChange` names. */
  onTime(time: number): void;
  /** The next media time after `time` at which what `onTime` derives can change (Infinity: none); see `MediaClockOptions.nextChange`. */
  nextChange?(time: number): number;
  /** The media element read from changed (bound, unbound, or its source changed). */
  onMedia?(media: MediaLike | null): void;
  /** The media cannot be played (`message` says why, for a viewer), or can again (`null`). */
  onMediaError?(message: string | null): void;
}

/**
 * Binds an element to media the way `<cue-transcript>` does: `for="ID"` names
 * a media element, else a media-chrome `<media-controller>` (enclosing, or
 * named by `mediacontroller="ID"`) gives its media; the media clock reads the
 * time when something can change (see `nextChange`). Seeks go straight to a `for` element, else to media-chrome as a
 * `mediaseekrequest`. Composes the shared id-ref, media-chrome-link and clock
 * controllers.
 */
export class MediaBindingController implements ReactiveController {
  readonly #host: Host;
  readonly #options: MediaBindingOptions;
  readonly #forRef: IdRefController;
  readonly #link: MediaChromeLinkController;
  readonly #clock: MediaClockController;

  constructor(host: Host, options: MediaBindingOptions) {
    this.#host = host;
    this.#options = options;
    this.#forRef = new IdRefController(host, () => this.#bind());
    this.#link = new MediaChromeLinkController(host, () => this.#bind());
    this.#clock = new MediaClockController(host, {
      onTime: (time) => this.#options.onTime(time),
      ...(options.nextChange ? { nextChange: options.nextChange } : {}),
      onSourceChange: (media) => this.#options.onMedia?.(media),
      onMediaError: (message) => this.#options.onMediaError?.(message),
    });
    host.addController(this);
  }

  hostConnected(): void {}

  /** Id of the media element (`for`). */
  set mediaId(id: string) {
    this.#forRef.id = id;
  }

  /** Id of a `<media-controller>` (`mediacontroller`); '' for an enclosing one. */
  set controllerId(id: string) {
    this.#link.controllerId = id;
  }

  /** The media element read from, or null. */
  get media(): MediaLike | null {
    return this.#clock.media;
  }

  /** The linked `<media-controller>`, or null. */
  get controller(): HTMLElement | null {
    return this.#link.controller;
  }

  /** Why the bound media cannot play, in a viewer's words; null when it can (or none is bound). */
  get mediaError(): string | null {
    return this.#clock.error;
  }

  /** Last media time read, seconds (NaN before the first). */
  get time(): number {
    return this.#clock.time;
  }

  /** Reads the media's time now and reports it. */
  sync(): void {
    this.#clock.sync();
  }

  /** What `nextChange` answers has changed (new content): plans the next wake-up again. */
  replan(): void {
    this.#clock.replan();
  }

  /** Re-reads the media (after media-chrome reported state, e.g. once its media is attached). */
  refresh(): void {
    this.#bind();
  }

  /**
   * Seeks to `time` (seconds) without starting playback. Before the media has
   * metadata, the seek waits for it, so a deep link on page load lands.
   * Returns false, and changes nothing, when the media cannot play (it failed
   * to load): the element then never shows a time the media is not at.
   */
  seek(time: number): boolean {
    const media = this.#clock.media;
    if (this.#clock.error) return false;
    const direct = this.#forRef.element;
    const go = (): void => {
      if (isMediaLike(direct)) direct.currentTime = time;
      else if (this.#link.controller) this.#link.requestSeek(time);
      else if (media) media.currentTime = time;
    };
    const ready = (media as Partial<HTMLMediaElement> | null)?.readyState;
    if (media && ready === 0) {
      media.addEventListener('loadedmetadata', go, { once: true });
    } else {
      go();
    }
    this.#options.onTime(time);
    return true;
  }

  /** Starts playback at the viewer's request (a user gesture): straight on a `for` element, else `mediaplayrequest`. */
  play(): void {
    const direct = this.#forRef.element;
    const target = isMediaLike(direct) ? direct : this.#link.controller ? null : this.#clock.media;
    if (target) {
      void (target as Partial<HTMLMediaElement>).play?.()?.catch(() => {});
      return;
    }
    this.#host.dispatchEvent(new CustomEvent('mediaplayrequest', { bubbles: true, composed: true }));
  }

  #bind(): void {
    const direct = this.#forRef.element;
    if (direct && !isMediaLike(direct) && direct.localName.includes('-') && !customElements.get(direct.localName)) {
      void customElements.whenDefined(direct.localName).then(() => this.#host.isConnected && this.#bind());
    }
    const media = isMediaLike(direct) ? direct : this.#link.media;
    if (media === this.#clock.media) return;
    this.#clock.media = media;
    this.#options.onMedia?.(media);
  }
}
