import type { LitElement } from 'lit';
import { property } from 'lit/decorators.js';

/** The media state names media-chrome writes on the elements this mixin gives them to. */
export type MediaStateName = 'mediaCurrentTime' | 'mediaPaused';

type Constructor<T> = abstract new (...args: any[]) => T;

/** What {@link MediaStateInputs} adds to an element class. */
export declare class MediaStateInputsElement {
  /** Seconds; written by media-chrome (read-only input). */
  mediaCurrentTime: number | undefined;
  /** Written by media-chrome (read-only input). */
  mediaPaused: boolean | undefined;
  /**
   * Called when media-chrome writes a new value. By default it requests a render; elements that read their media
   * directly override it, since media-chrome writes its state 4 times a second and that changes nothing they render.
   */
  protected mediaStateChanged(name: MediaStateName, old: unknown): void;
}

/**
 * Gives an element media-chrome's state inputs, `mediacurrenttime` and `mediapaused` (media-chrome's own property
 * names), as a `<media-controller>` writes them on the elements in its subtree; what a new value does is the
 * element's choice (`mediaStateChanged`).
 */
export function MediaStateInputs<T extends Constructor<LitElement>>(Base: T): Constructor<MediaStateInputsElement> & T {
  abstract class MediaStateInputsMixin extends Base {
    #time: number | undefined;
    #paused: boolean | undefined;

    /** Seconds; written by media-chrome (read-only input). */
    @property({ type: Number, attribute: 'mediacurrenttime', noAccessor: true })
    get mediaCurrentTime(): number | undefined {
      return this.#time;
    }
    set mediaCurrentTime(value: number | undefined) {
      const old = this.#time;
      this.#time = value;
      if (old !== value) this.mediaStateChanged('mediaCurrentTime', old);
    }

    /** Written by media-chrome (read-only input). */
    @property({ type: Boolean, attribute: 'mediapaused', noAccessor: true })
    get mediaPaused(): boolean | undefined {
      return this.#paused;
    }
    set mediaPaused(value: boolean | undefined) {
      const old = this.#paused;
      this.#paused = value;
      if (old !== value) this.mediaStateChanged('mediaPaused', old);
    }

    protected mediaStateChanged(name: MediaStateName, old: unknown): void {
      this.requestUpdate(name, old);
    }
  }
  return MediaStateInputsMixin as unknown as Constructor<MediaStateInputsElement> & T;
}
