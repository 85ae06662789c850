import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Seconds played either side of a boundary when auditioning it. */
export const AUDITION_SPAN = 1;

/**
 * Playback for timing by ear: the rate (0.5x to 2x, pitch preserved) and
 * auditions, which play one second either side of a boundary, once or on
 * repeat until stopped. Polls the media each frame while auditioning, so
 * the stop lands within a frame of the mark rather than a `timeupdate` late.
 */
export class EditorPlaybackController implements ReactiveController {
  media: HTMLMediaElement | null = null;
  /** The boundary time being auditioned (seconds), or null. */
  auditioning: number | null = null;
  repeat = false;

  readonly #host: ReactiveControllerHost;
  #frame = 0;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.stop();
  }

  /** Sets the playback rate, keeping the pitch. */
  setRate(rate: number): void {
    const m = this.media;
    if (!m) return;
    m.preservesPitch = true;
    m.playbackRate = Math.min(2, Math.max(0.5, rate));
  }

  /** Plays [time - 1 s, time + 1 s]; with `repeat`, again and again until `stop`. */
  async audition(time: number, repeat = false): Promise<void> {
    const m = this.media;
    if (!m) return;
    this.stop();
    this.auditioning = time;
    this.repeat = repeat;
    this.#host.requestUpdate();
    m.currentTime = Math.max(0, time - AUDITION_SPAN);
    try {
      await m.play();
    } catch {
      this.stop();
      return;
    }
    this.#frame = requestAnimationFrame(this.#tick);
  }

  readonly #tick = (): void => {
    const m = this.media;
    const t = this.auditioning;
    if (!m || t === null) return;
    if (m.paused && !m.seeking) {
      this.stop();
      return;
    }
    if (m.currentTime >= t + AUDITION_SPAN || m.ended) {
      if (!this.repeat) {
        m.pause();
        this.stop();
        return;
      }
      m.currentTime = Math.max(0, t - AUDITION_SPAN);
    }
    this.#frame = requestAnimationFrame(this.#tick);
  };

  /** Ends an audition (pausing the media with `pause`); true when one was running. */
  stop(pause = false): boolean {
    if (this.#frame) cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    const was = this.auditioning !== null;
    if (was) {
      if (pause) this.media?.pause();
      this.auditioning = null;
      this.repeat = false;
      this.#host.requestUpdate();
    }
    return was;
  }
}
