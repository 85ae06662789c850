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
      this.#options.onSourceChange?.(media);
      onStill();
    };
    for (const type of PLAY_EVENTS) media.addEventListener(type, onPlay, opts);
    for (const type of STILL_EVENTS) media.addEventListener(type, onStill, opts);
    for (const type of SOURCE_EVENTS) media.addEventListener(type, onSource, opts);
    this.sync();
    if (!media.paused) this.#start();
  }

  #unbind(): void {
    this.#abort?.abort();
    this.#abort = null;
    this.#stop();
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
