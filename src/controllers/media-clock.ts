import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * The part of the HTMLMediaElement interface the clock reads. `<video>`,
 * `<audio>` and media-chrome's custom media elements (`<hls-video>`,
 * `<mux-video>`, ...) all have it.
 */
export interface MediaLike extends EventTarget {
  currentTime: number;
  readonly paused: boolean;
}

/** Whether `value` looks like a media element: has currentTime, paused and events. */
export function isMediaLike(value: unknown): value is MediaLike {
  if (!value || typeof value !== 'object') return false;
  const v = value as Partial<MediaLike>;
  return typeof v.currentTime === 'number' && typeof v.paused === 'boolean' && typeof v.addEventListener === 'function';
}

export interface MediaClockOptions {
  /** The media time in seconds, reported whenever it changed: every frame while playing, at once on a seek. */
  onTime(time: number): void;
  /** The media's source changed (`emptied`, `loadstart`): whatever was derived from it is stale. */
  onSourceChange?(media: MediaLike): void;
  /** The media failed to load or decode (`message` says so for a viewer), or recovered (`null`). */
  onMediaError?(message: string | null): void;
}

/** What went wrong with the media, in a viewer's words, or null when nothing did. */
export function mediaErrorMessage(media: MediaLike): string | null {
  const m = media as Partial<HTMLMediaElement>;
  const code = m.error?.code;
  // All <source> children failed: no error object, but no source either.
  const noSource = m.networkState === 3 && (m.readyState ?? 0) === 0 && (m.currentSrc === '' || code !== undefined);
  if (code === undefined && !noSource) return null;
  switch (code) {
    case 1:
      return 'Loading the recording was stopped.';
    case 2:
      return 'The recording could not be loaded because of a network error.';
    case 3:
      return 'The recording could not be played: it is damaged or in a form this browser cannot decode.';
    default:
      return 'The recording could not be loaded: it was not found, or this browser cannot play its format.';
  }
}

/** Events after which a paused media element's time may have moved. */
const STILL_EVENTS = ['pause', 'ended', 'seeking', 'seeked', 'timeupdate', 'loadedmetadata', 'durationchange'];
const PLAY_EVENTS = ['play', 'playing'];
const SOURCE_EVENTS = ['emptied', 'loadstart'];

/**
 * Reads a media element's time once per animation frame while it plays, so
 * highlighting is frame-accurate instead of following `timeupdate`'s 4 Hz;
 * while paused, it reacts to seeks as they happen and schedules nothing.
 *
 * The loop runs only while the media plays and the host is connected: a
 * paused, ended or unbound clock has no pending frame. All media listeners
 * share one AbortController, so unbinding is a single `abort()`.
 */
export class MediaClockController implements ReactiveController {
  readonly #options: MediaClockOptions;
  #media: MediaLike | null = null;
  #error: string | null = null;
  #abort: AbortController | null = null;
  #frame = 0;
  #connected = false;
  #last = Number.NaN;

  constructor(host: ReactiveControllerHost, options: MediaClockOptions) {
    this.#options = options;
    host.addController(this);
  }

  /** The media element read from; null when unbound. */
  get media(): MediaLike | null {
    return this.#media;
  }

  set media(media: MediaLike | null) {
    if (media === this.#media) return;
    this.#unbind();
    this.#media = media;
    this.#last = Number.NaN;
    if (this.#connected) this.#bind();
  }

  /** True while a frame is scheduled (the media is playing). */
  get running(): boolean {
    return this.#frame !== 0;
  }

  /** Why the media cannot play, for a viewer; null while it is fine (or unbound). */
  get error(): string | null {
    return this.#error;
  }

  /** The last time reported, seconds (NaN before the first report). */
  get time(): number {
    return this.#last;
  }

  hostConnected(): void {
    this.#connected = true;
    this.#bind();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#unbind();
  }

  /** Reads the media's time now and reports it, even when it has not changed. */
  sync(): void {
    const media = this.#media;
    if (!media) return;
    this.#last = Number.NaN;
    this.#read(media);
  }

  #bind(): void {
    const media = this.#media;
    if (!media || this.#abort) return;
    const abort = new AbortController();
    this.#abort = abort;
    const opts = { signal: abort.signal };
    const onPlay = (): void => this.#start();
    const onStill = (): void => {
      if (media.paused) this.#stop();
      this.#read(media);
    };
    const onSource = (): void => {
      this.#last = Number.NaN;
      this.#setError(null);
      this.#options.onSourceChange?.(media);
      onStill();
    };
    // Capture: a failing <source> child's `error` does not bubble to the media element.
    // A task later: after the last <source> fails, networkState only then says there is none left.
    const onError = (e: Event): void => {
      setTimeout(() => {
        if (this.#media !== media) return;
        const message = mediaErrorMessage(media);
        // Custom media (hls-video, ...) may report only the event itself.
        this.#setError(message ?? (e.target === media ? 'The recording could not be loaded.' : null));
      });
    };
    for (const type of PLAY_EVENTS) media.addEventListener(type, onPlay, opts);
    for (const type of STILL_EVENTS) media.addEventListener(type, onStill, opts);
    for (const type of SOURCE_EVENTS) media.addEventListener(type, onSource, opts);
    media.addEventListener('error', onError, { signal: abort.signal, capture: true });
    media.addEventListener('loadedmetadata', () => this.#setError(null), opts);
    this.#setError(mediaErrorMessage(media));
    this.sync();
    if (!media.paused) this.#start();
  }

  #unbind(): void {
    this.#abort?.abort();
    this.#abort = null;
    this.#stop();
    this.#setError(null);
  }

  #setError(message: string | null): void {
    if (message === this.#error) return;
    this.#error = message;
    this.#options.onMediaError?.(message);
  }

  #start(): void {
    if (this.#frame || !this.#connected || !this.#media) return;
    this.#frame = requestAnimationFrame(this.#tick);
  }

  #stop(): void {
    if (this.#frame) cancelAnimationFrame(this.#frame);
    this.#frame = 0;
  }

  readonly #tick = (): void => {
    this.#frame = 0;
    const media = this.#media;
    if (!media || !this.#connected) return;
    this.#read(media);
    // Reschedule only while playing: a paused clock costs nothing.
    if (!media.paused) this.#frame = requestAnimationFrame(this.#tick);
  };

  #read(media: MediaLike): void {
    const time = media.currentTime;
    if (time === this.#last || !Number.isFinite(time)) return;
    this.#last = time;
    this.#options.onTime(time);
  }
}
