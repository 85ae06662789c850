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
  /**
   * The media time in seconds, reported whenever it changed: at once on a seek, on the
   * media's own `timeupdate`, and, while playing, as soon as the media reaches each
   * moment `nextChange` named (every frame when there is no `nextChange`).
   */
  onTime(time: number): void;
  /**
   * The next media time (seconds, after `time`) at which what `onTime` derives can change, or
   * Infinity when nothing can until a seek. With it the clock sleeps between those moments
   * instead of reading the time every frame. Called again after every report; must be cheap.
   */
  nextChange?(time: number): number;
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
const SOURCE_EVENTS = ['emptied', 'loadstart'];
/** Events after which the wake-up plan may be wrong: the time jumped, the rate changed, playback stopped, stalled or resumed. */
const PLAN_EVENTS = ['play', 'playing', 'pause', 'ended', 'seeking', 'seeked', 'ratechange', 'waiting', 'timeupdate', 'emptied', 'loadedmetadata'];

/**
 * Wake-ups in a row that find the media's time where it was at the last one (its clock
 * stalled, or moves in steps: Firefox's `currentTime` advances once per video frame) before
 * the plan gives up until the media's next event (`timeupdate` comes 4 times a second).
 */
const MAX_STILL = 60;
/** Wait (ms) before reading again a time that stood still since the last wake-up. */
const RETRY_MS = 4;
/** Frames a frame loop (a member that wants every frame) waits for the media to move before giving up until its next event. */
const MAX_CONFIRM_FRAMES = 45;

interface Member {
  /** Next moment to wake for after `time`; `time` itself (or less) for every frame. */
  next(time: number): number;
  /** Read the time now. */
  wake(): void;
}

/** Frame and timer callbacks run by the clocks, for tests and benches that count them (`clockStats.frames`). */
export const clockStats = { frames: 0, timers: 0 };

/**
 * One wake-up plan per media element, shared by every clock reading it: the
 * transcript, the navigator and the menu each name their next moment, and
 * one timer wakes them all for the earliest. Between moments the page does
 * nothing: no frame callback, so no frame is produced that a change did not
 * ask for.
 *
 * The timer is aimed at the moment itself, from the media time and rate.
 * Waking, the members read the time; if the media is not there yet (it runs
 * a little behind the wall clock, or, in Firefox, its time moves once per
 * video frame), the plan sets a timer for what remains, never acting early.
 * A change made in the task the timer runs in is painted by the next frame,
 * as a change made in a frame callback would be; unlike a frame loop kept
 * running around each moment, it costs the page no frames of its own. Why
 * not `requestVideoFrameCallback`: a talk's video is often a slide at a few
 * frames per second, or audio only, or hidden, and a video frame callback
 * then comes late or never, while the words follow the audio clock.
 */
class WakePlan {
  readonly members = new Set<Member>();
  readonly #media: MediaLike;
  readonly #abort = new AbortController();
  #timer = 0;
  #frame = 0;
  #confirming = 0;
  /** The moment the timer is aimed at, the media time read at the last wake-up, and how many wake-ups in a row read that time. */
  #target = Number.NaN;
  #lastRead = Number.NaN;
  #still = 0;
  #waiting = false;

  constructor(media: MediaLike) {
    this.#media = media;
    const opts = { signal: this.#abort.signal };
    for (const type of PLAN_EVENTS) {
      media.addEventListener(type, (e) => {
        if (e.type === 'waiting') this.#waiting = true;
        else if (e.type !== 'timeupdate' && e.type !== 'ratechange') this.#waiting = false;
        // Each event gives a plan that gave up another chance.
        this.#target = Number.NaN;
        this.plan();
      }, opts);
    }
  }

  dispose(): void {
    this.#abort.abort();
    this.#cancel();
  }

  /** Schedules the next wake-up from the media's time and rate (or none). */
  plan(): void {
    clearTimeout(this.#timer);
    this.#timer = 0;
    const media = this.#media;
    const rate = (media as Partial<HTMLMediaElement>).playbackRate ?? 1;
    if (media.paused || !this.members.size || !(rate > 0)) return this.#cancel();
    const time = media.currentTime;
    let next = Number.POSITIVE_INFINITY;
    for (const m of this.members) next = Math.min(next, m.next(time));
    // Frame mode reads every frame whatever the media does, as it always did; boundary mode sleeps while the media waits for data.
    if (next > time && this.#waiting) return this.#cancel();
    if (next <= time) {
      // A member wants every frame.
      this.#confirming = 0;
      this.#loop();
      return;
    }
    this.#cancelFrame();
    if (next === Number.POSITIVE_INFINITY) return this.#cancel();
    let wait = ((next - time) / rate) * 1000;
    if (next === this.#target && time === this.#lastRead) {
      // Woken for this moment already, and the media's time has not moved since.
      if (++this.#still > MAX_STILL) return this.#cancel();
      wait = Math.max(wait, RETRY_MS);
    } else this.#still = 0;
    this.#target = next;
    this.#lastRead = time;
    this.#timer = window.setTimeout(this.#onTimer, wait);
  }

  #loop(): void {
    if (this.#frame) return;
    if (this.#confirming++ > MAX_CONFIRM_FRAMES) return;
    this.#frame = requestAnimationFrame(this.#onFrame);
  }

  readonly #onTimer = (): void => {
    this.#timer = 0;
    clockStats.timers++;
    this.#wakeAll();
  };

  readonly #onFrame = (): void => {
    this.#frame = 0;
    clockStats.frames++;
    this.#wakeAll();
  };

  #wakeAll(): void {
    for (const m of this.members) m.wake();
    this.plan();
  }

  #cancelFrame(): void {
    if (this.#frame) cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    this.#confirming = 0;
  }

  #cancel(): void {
    clearTimeout(this.#timer);
    this.#timer = 0;
    this.#cancelFrame();
  }
}

const plans = new WeakMap<MediaLike, WakePlan>();

function join(media: MediaLike, member: Member): WakePlan {
  let plan = plans.get(media);
  if (!plan) {
    plan = new WakePlan(media);
    plans.set(media, plan);
  }
  plan.members.add(member);
  plan.plan();
  return plan;
}

function leave(media: MediaLike, member: Member): void {
  const plan = plans.get(media);
  if (!plan) return;
  plan.members.delete(member);
  if (plan.members.size) plan.plan();
  else {
    plan.dispose();
    plans.delete(media);
  }
}

/**
 * Reports a media element's time exactly when it matters: at once on a seek
 * or a pause, and, while playing, as soon as the media reaches each moment
 * the host named through `nextChange` (the next cue, word or question
 * boundary), before the next frame is painted. It sleeps on one timer aimed
 * at each moment (see WakePlan), and plans again on every seek, rate
 * change, pause, play, stall and `timeupdate` (which also corrects any drift
 * between the media clock and the wall clock). Without `nextChange` it reads
 * the time every frame while playing.
 *
 * A paused, ended or unbound clock has nothing pending. All media listeners
 * share one AbortController, so unbinding is a single `abort()`.
 */
export class MediaClockController implements ReactiveController {
  readonly #options: MediaClockOptions;
  #media: MediaLike | null = null;
  #error: string | null = null;
  #abort: AbortController | null = null;
  #connected = false;
  #last = Number.NaN;
  #joined: MediaLike | null = null;
  readonly #member: Member = {
    next: (time) => (this.#options.nextChange ? this.#options.nextChange(time) : time),
    wake: () => {
      if (this.#media) this.#read(this.#media);
    },
  };

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

  /** True while the clock is bound to media that plays (a wake-up may be pending). */
  get running(): boolean {
    return !!this.#joined && !this.#joined.paused;
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

  /** What `nextChange` answers has changed (new content): plans the next wake-up again. */
  replan(): void {
    if (this.#joined) plans.get(this.#joined)?.plan();
  }

  #bind(): void {
    const media = this.#media;
    if (!media || this.#abort) return;
    const abort = new AbortController();
    this.#abort = abort;
    const opts = { signal: abort.signal };
    const onStill = (): void => this.#read(media);
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
    for (const type of STILL_EVENTS) media.addEventListener(type, onStill, opts);
    for (const type of SOURCE_EVENTS) media.addEventListener(type, onSource, opts);
    media.addEventListener('error', onError, { signal: abort.signal, capture: true });
    media.addEventListener('loadedmetadata', () => this.#setError(null), opts);
    this.#setError(mediaErrorMessage(media));
    this.sync();
    this.#joined = media;
    join(media, this.#member);
  }

  #unbind(): void {
    this.#abort?.abort();
    this.#abort = null;
    if (this.#joined) leave(this.#joined, this.#member);
    this.#joined = null;
    this.#setError(null);
  }

  #setError(message: string | null): void {
    if (message === this.#error) return;
    this.#error = message;
    this.#options.onMediaError?.(message);
  }

  #read(media: MediaLike): void {
    const time = media.currentTime;
    if (time === this.#last || !Number.isFinite(time)) return;
    this.#last = time;
    this.#options.onTime(time);
  }
}
