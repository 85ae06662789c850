/**
 * Waveform peaks: the minimum and maximum sample of each block of samples,
 * at several resolutions. Built in one pass over streamed chunks, so a
 * Worker can decode a one-hour recording piece by piece and never hold more
 * than a chunk of samples plus about 2 bytes per `samplesPerPeak` samples.
 */

/**
 * Min/max pairs of consecutive blocks of `samplesPerPeak` samples (the last
 * block may be shorter): `[min0, max0, min1, max1, …]`, in sample units.
 */
export function computePeaks(samples: Float32Array, samplesPerPeak: number): Float32Array {
  const size = Math.max(1, Math.floor(samplesPerPeak));
  const count = Math.ceil(samples.length / size);
  const out = new Float32Array(count * 2);
  for (let p = 0; p < count; p++) {
    let min = Infinity;
    let max = -Infinity;
    const end = Math.min(samples.length, (p + 1) * size);
    for (let i = p * size; i < end; i++) {
      const v = samples[i]!;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    out[2 * p] = min;
    out[2 * p + 1] = max;
  }
  return out;
}

/** One resolution: min/max pairs quantised to -127..127 (sample × 127). */
export interface PeakLevel {
  samplesPerPeak: number;
  data: Int8Array;
}

/** Peaks at halving resolutions: `levels[0]` is the finest, each next one has half as many peaks. */
export interface PeakPyramid {
  sampleRate: number;
  /** Samples seen. */
  length: number;
  levels: PeakLevel[];
}

const quantise = (v: number): number => Math.max(-127, Math.min(127, Math.round(v * 127)));

/**
 * Streams samples into a peak pyramid. `push` any chunk sizes (they need not
 * line up with peaks), then `finish`. O(n) time; memory is the finest level
 * (2 bytes per `samplesPerPeak` samples) plus the coarser ones (as much again).
 */
export class PeakBuilder {
  readonly sampleRate: number;
  readonly samplesPerPeak: number;
  #data: Int8Array;
  #peaks = 0;
  #fill = 0;
  #min = Infinity;
  #max = -Infinity;
  #length = 0;

  /** `expectedLength` (samples) sizes the buffer up front; it grows if needed. */
  constructor(options: { sampleRate: number; samplesPerPeak?: number; expectedLength?: number }) {
    this.sampleRate = options.sampleRate;
    this.samplesPerPeak = Math.max(1, Math.floor(options.samplesPerPeak ?? 256));
    this.#data = new Int8Array(2 * Math.max(64, Math.ceil((options.expectedLength ?? 0) / this.samplesPerPeak) + 1));
  }

  /** Adds the next chunk of samples (mono, -1..1). */
  push(chunk: Float32Array): void {
    const size = this.samplesPerPeak;
    let min = this.#min;
    let max = this.#max;
    let fill = this.#fill;
    for (let i = 0; i < chunk.length; i++) {
      const v = chunk[i]!;
      if (v < min) min = v;
      if (v > max) max = v;
      if (++fill === size) {
        this.#emit(min, max);
        min = Infinity;
        max = -Infinity;
        fill = 0;
      }
    }
    this.#min = min;
    this.#max = max;
    this.#fill = fill;
    this.#length += chunk.length;
  }

  #emit(min: number, max: number): void {
    if (2 * this.#peaks + 2 > this.#data.length) {
      const grown = new Int8Array(this.#data.length * 2);
      grown.set(this.#data);
      this.#data = grown;
    }
    this.#data[2 * this.#peaks] = quantise(min);
    this.#data[2 * this.#peaks + 1] = quantise(max);
    this.#peaks++;
  }

  /** Flushes the partial last peak and builds the coarser levels. */
  finish(): PeakPyramid {
    if (this.#fill > 0) this.#emit(this.#min, this.#max);
    this.#fill = 0;
    let level: PeakLevel = { samplesPerPeak: this.samplesPerPeak, data: this.#data.slice(0, 2 * this.#peaks) };
    const levels = [level];
    while (level.data.length > 2) {
      const count = Math.ceil(level.data.length / 4);
      const data = new Int8Array(count * 2);
      for (let p = 0; p < count; p++) {
        const a = 4 * p;
        const b = Math.min(a + 2, level.data.length - 2);
        data[2 * p] = Math.min(level.data[a]!, level.data[b]!);
        data[2 * p + 1] = Math.max(level.data[a + 1]!, level.data[b + 1]!);
      }
      level = { samplesPerPeak: level.samplesPerPeak * 2, data };
      levels.push(level);
    }
    return { sampleRate: this.sampleRate, length: this.#length, levels };
  }
}

/** Builds a pyramid from samples held in memory (a convenience over `PeakBuilder`). */
export function buildPeakPyramid(samples: Float32Array, sampleRate: number, samplesPerPeak = 256): PeakPyramid {
  const builder = new PeakBuilder({ sampleRate, samplesPerPeak, expectedLength: samples.length });
  builder.push(samples);
  return builder.finish();
}

/**
 * Min/max per column for drawing `columns` columns over [start, end)
 * seconds, from the coarsest level still at least as fine as one column,
 * as `[min0, max0, …]` in -1..1. Columns past the end of the audio are 0.
 */
export function peaksForRange(pyramid: PeakPyramid, start: number, end: number, columns: number): Float32Array {
  const out = new Float32Array(Math.max(0, columns) * 2);
  if (columns <= 0 || end <= start || !pyramid.levels.length) return out;
  const perColumn = ((end - start) * pyramid.sampleRate) / columns;
  let level = pyramid.levels[0]!;
  for (const l of pyramid.levels) if (l.samplesPerPeak <= perColumn) level = l;
  const peaks = level.data.length / 2;
  for (let c = 0; c < columns; c++) {
    const from = Math.floor((start * pyramid.sampleRate + c * perColumn) / level.samplesPerPeak);
    const to = Math.max(from + 1, Math.floor((start * pyramid.sampleRate + (c + 1) * perColumn) / level.samplesPerPeak));
    let min = 127;
    let max = -127;
    for (let p = Math.max(0, from); p < Math.min(peaks, to); p++) {
      min = Math.min(min, level.data[2 * p]!);
      max = Math.max(max, level.data[2 * p + 1]!);
    }
    if (min <= max) {
      out[2 * c] = min / 127;
      out[2 * c + 1] = max / 127;
    }
  }
  return out;
}
