/**
 * Pause detection: where the speaker is silent, judged against the
 * recording's own noise floor (a low percentile of the energy over the last
 * few seconds), not a fixed level, so a noisy stretch and a clean one both
 * find their pauses.
 */

/** A stretch of silence, seconds. */
export interface Pause {
  start: number;
  end: number;
  /** How far below the local speech level the pause goes, 0 (barely) to 1 (down at the noise floor). */
  depth: number;
}

/** Short-time energy of the audio: one dB value per frame. */
export interface Envelope {
  /** Seconds per frame. */
  frame: number;
  /** Mean-square energy per frame in dB (full scale 0 dB), floored at -120. */
  db: Float32Array;
}

/** Where the speech is: the pauses of a recording of `duration` seconds. */
export interface SpeechMap {
  duration: number;
  /** Sorted, not overlapping. */
  pauses: readonly Pause[];
}

const FLOOR_DB = -120;

/**
 * Streams samples into an energy envelope (for a Worker decoding a long
 * recording in chunks: 4 bytes per frame, not per sample).
 */
export class EnvelopeBuilder {
  readonly frame: number;
  #size: number;
  #sum = 0;
  #fill = 0;
  #out: number[] = [];

  constructor(sampleRate: number, frame = 0.01) {
    this.#size = Math.max(1, Math.round(sampleRate * frame));
    this.frame = this.#size / sampleRate;
  }

  push(chunk: Float32Array): void {
    for (let i = 0; i < chunk.length; i++) {
      this.#sum += chunk[i]! * chunk[i]!;
      if (++this.#fill === this.#size) this.#flush();
    }
  }

  #flush(): void {
    const meanSquare = this.#sum / Math.max(1, this.#fill);
    this.#out.push(Math.max(FLOOR_DB, 10 * Math.log10(meanSquare + 1e-13)));
    this.#sum = 0;
    this.#fill = 0;
  }

  finish(): Envelope {
    if (this.#fill > 0) this.#flush();
    return { frame: this.frame, db: Float32Array.from(this.#out) };
  }
}

/** The energy envelope of samples held in memory. */
export function energyEnvelope(samples: Float32Array, sampleRate: number, frame = 0.01): Envelope {
  const b = new EnvelopeBuilder(sampleRate, frame);
  b.push(samples);
  return b.finish();
}

/** Options for pause detection. */
export interface PauseOptions {
  /** Seconds of audio (centred on each frame) the noise floor and speech level are measured over. Default 8. */
  window?: number;
  /** Percentile (0-1) of frame energy taken as the noise floor. Default 0.05. */
  floorPercentile?: number;
  /** Percentile taken as the speech level. Default 0.9. */
  speechPercentile?: number;
  /** A pause starts below floor + `enter` × (speech − floor). Default 0.25. */
  enter?: number;
  /** …and ends above floor + `exit` × (speech − floor) (hysteresis). Default 0.4. */
  exit?: number;
  /** Least margin above the floor, dB, so steady noise is not taken for speech. Default 6. */
  minMargin?: number;
  /** Shortest pause kept, seconds. Default 0.08. */
  minPause?: number;
  /** Shorter bursts of sound between two pauses (clicks, breaths) are part of the pause, seconds. Default 0.03. */
  minSound?: number;
}

const BIN_DB = 0.5;
const BINS = Math.ceil(-FLOOR_DB / BIN_DB) + 1;
const bin = (db: number): number => Math.min(BINS - 1, Math.max(0, Math.round((db - FLOOR_DB) / BIN_DB)));

/** A sliding histogram of frame energies over frames [lo, hi). */
class SlidingHistogram {
  #hist = new Int32Array(BINS);
  #lo = 0;
  #hi = 0;
  constructor(private readonly db: Float32Array) {}

  /** Moves the window to [from, to) (both only ever increase: asking again for the same window is free) and returns the p-th percentile in dB. */
  percentile(from: number, to: number, p: number): number {
    while (this.#hi < to) this.#hist[bin(this.db[this.#hi++]!)]!++;
    while (this.#lo < from) this.#hist[bin(this.db[this.#lo++]!)]!--;
    const target = p * (this.#hi - this.#lo - 1);
    let seen = 0;
    for (let k = 0; k < BINS; k++) {
      seen += this.#hist[k]!;
      if (seen > target) return FLOOR_DB + k * BIN_DB;
    }
    return 0;
  }
}

/**
 * Noise floor and speech level around every frame: percentiles of a
 * histogram slid over the envelope (O(frames) updates, one query per 10
 * frames). A centred window: a one-sided one reacts faster to a step in the
 * noise, but inside a long sentence it sees no pause and takes speech for
 * the floor.
 */
function localLevels(env: Envelope, o: Required<PauseOptions>): { floor: Float32Array; speech: Float32Array } {
  const n = env.db.length;
  const half = Math.max(1, Math.round(o.window / env.frame / 2));
  const window = new SlidingHistogram(env.db);
  const floor = new Float32Array(n);
  const speech = new Float32Array(n);
  const hop = 10;
  for (let f = 0; f < n; f += hop) {
    const from = Math.max(0, f - half);
    const to = Math.min(n, f + half + 1);
    const end = Math.min(n, f + hop);
    floor.fill(window.percentile(from, to, o.floorPercentile), f, end);
    speech.fill(window.percentile(from, to, o.speechPercentile), f, end);
  }
  return { floor, speech };
}

function withDefaults(options: PauseOptions): Required<PauseOptions> {
  return {
    window: options.window ?? 8,
    floorPercentile: options.floorPercentile ?? 0.05,
    speechPercentile: options.speechPercentile ?? 0.9,
    enter: options.enter ?? 0.25,
    exit: options.exit ?? 0.4,
    minMargin: options.minMargin ?? 6,
    minPause: options.minPause ?? 0.08,
    minSound: options.minSound ?? 0.03,
  };
}

/** Pauses in an energy envelope: hysteresis against the adaptive floor, then short gaps and blips removed. */
export function pausesFromEnvelope(env: Envelope, options: PauseOptions = {}): Pause[] {
  const o = withDefaults(options);
  const { db, frame } = env;
  const { floor, speech } = localLevels(env, o);
  const raw: { from: number; to: number }[] = [];
  let inPause = false;
  let from = 0;
  for (let f = 0; f < db.length; f++) {
    const range = speech[f]! - floor[f]!;
    const enter = floor[f]! + Math.max(o.minMargin, o.enter * range);
    const exit = floor[f]! + Math.max(o.minMargin * 1.5, o.exit * range);
    if (!inPause && db[f]! < enter) {
      inPause = true;
      from = f;
    } else if (inPause && db[f]! > exit) {
      inPause = false;
      raw.push({ from, to: f });
    }
  }
  if (inPause) raw.push({ from, to: db.length });

  // A blip of sound shorter than minSound between two pauses belongs to the pause.
  const merged: { from: number; to: number }[] = [];
  for (const r of raw) {
    const prev = merged[merged.length - 1];
    if (prev && (r.from - prev.to) * frame < o.minSound) prev.to = r.to;
    else merged.push({ ...r });
  }
  return merged
    .filter((r) => (r.to - r.from) * frame >= o.minPause)
    .map((r) => {
      let sum = 0;
      for (let f = r.from; f < r.to; f++) sum += db[f]!;
      const mid = (r.from + r.to) >> 1;
      const range = Math.max(1e-6, speech[mid]! - floor[mid]!);
      const depth = Math.min(1, Math.max(0, (speech[mid]! - sum / (r.to - r.from)) / range));
      return { start: r.from * frame, end: r.to * frame, depth };
    });
}

/** Pauses in mono samples (see `pausesFromEnvelope`). */
export function detectPauses(samples: Float32Array, sampleRate: number, options: PauseOptions = {}): Pause[] {
  return pausesFromEnvelope(energyEnvelope(samples, sampleRate), options);
}
