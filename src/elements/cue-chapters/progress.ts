import type { TranscriptQuestion } from '../../core/transcript/index.js';

/** Drift (ms) between the bar's animation and the media beyond which the bar is re-synced. */
const DRIFT_MS = 120;

/**
 * Fills the progress bar of the question playing with one Web Animation
 * (`scaleX` 0 to 1 over the question's length) that runs at the media's rate
 * while it plays: the compositor moves the bar, so a frame costs a few number
 * comparisons, and the animation is re-synced only on a seek, a pause, a rate
 * change or a new question.
 */
export class ProgressAnimator {
  #bar: HTMLElement | null = null;
  #anim: Animation | null = null;
  #start = 0;
  /** The last sync: media time, wall time, playing, rate; checks between syncs read no animation state. */
  #syncedAt = { media: Number.NaN, wall: 0, playing: false, rate: 1 };

  /** Shows `q`'s progress on `bar` (null for none). Cheap when nothing changed. */
  sync(bar: HTMLElement | null, q: TranscriptQuestion | undefined, time: number, playing: boolean, rate: number): void {
    if (bar !== this.#bar || !q || q.startTime !== this.#start) {
      this.#anim?.cancel();
      this.#anim = null;
      this.#bar = bar;
      this.#syncedAt.media = Number.NaN;
      if (!bar || !q) return;
      const length = Math.max(1, (Number.isFinite(q.endTime) ? q.endTime - q.startTime : 0) * 1000);
      this.#start = q.startTime;
      this.#anim = bar.animate([{ transform: 'scaleX(0)' }, { transform: 'scaleX(1)' }], { duration: length, fill: 'both' });
      this.#anim.pause();
    }
    const anim = this.#anim;
    if (!anim || Number.isNaN(time)) return;
    const s = this.#syncedAt;
    const wall = performance.now();
    // Where the animation is now, given how it was last set: no need to ask it.
    const expected = s.playing ? s.media + ((wall - s.wall) * s.rate) / 1000 : s.media;
    if (s.playing === playing && s.rate === rate && Math.abs(expected - time) * 1000 < DRIFT_MS) return;
    anim.currentTime = Math.max(0, (time - this.#start) * 1000);
    anim.playbackRate = rate;
    if (playing) anim.play();
    else anim.pause();
    this.#syncedAt = { media: time, wall, playing, rate };
  }

  /** Stops the animation (the element left the page). */
  cancel(): void {
    this.#anim?.cancel();
    this.#anim = null;
    this.#bar = null;
  }
}
