/**
 * Mel-frequency cepstral coefficients, the spectral features the acoustic
 * aligner compares. Frames of 25 ms every 10 ms, a Hamming window, 24 mel
 * bands over 100-3800 Hz (what an 8 kHz decode keeps), log energies, DCT to
 * 13 coefficients (c0 is the frame's log energy). Works at any sample rate,
 * streaming: `MfccBuilder.push` takes chunks as they are decoded and keeps
 * 13 floats per frame (5 kB per second of audio), never the samples.
 */

/** Seconds between frames. */
export const HOP = 0.01;
/** Coefficients per frame. */
export const COEFFS = 13;
const WINDOW = 0.025;
const BANDS = 24;
const LOW_HZ = 100;
const HIGH_HZ = 3800;

/** Features of a whole signal: `frames` rows of `COEFFS` values. */
export interface Features {
  frames: number;
  data: Float32Array;
}

const mel = (hz: number): number => 2595 * Math.log10(1 + hz / 700);
const hzOf = (m: number): number => 700 * (10 ** (m / 2595) - 1);

/** In-place radix-2 FFT of (re, im) with precomputed bit reversal and twiddles. */
class Fft {
  readonly #rev: Uint32Array;
  readonly #cos: Float64Array;
  readonly #sin: Float64Array;
  constructor(readonly n: number) {
    this.#rev = new Uint32Array(n);
    for (let i = 1, j = 0; i < n; i++) {
      let bit = n >> 1;
      for (; j & bit; bit >>= 1) j ^= bit;
      j ^= bit;
      this.#rev[i] = j;
    }
    this.#cos = new Float64Array(n / 2).map((_, k) => Math.cos((-2 * Math.PI * k) / n));
    this.#sin = new Float64Array(n / 2).map((_, k) => Math.sin((-2 * Math.PI * k) / n));
  }
  run(re: Float64Array, im: Float64Array): void {
    const n = this.n;
    const rev = this.#rev;
    for (let i = 1; i < n; i++) {
      const j = rev[i]!;
      if (i < j) {
        const tr = re[i]!;
        re[i] = re[j]!;
        re[j] = tr;
        const ti = im[i]!;
        im[i] = im[j]!;
        im[j] = ti;
      }
    }
    for (let len = 2; len <= n; len <<= 1) {
      const half = len >> 1;
      const step = n / len;
      for (let i = 0; i < n; i += len) {
        for (let k = 0; k < half; k++) {
          const cr = this.#cos[k * step]!;
          const ci = this.#sin[k * step]!;
          const a = i + k;
          const b = a + half;
          const xr = re[b]! * cr - im[b]! * ci;
          const xi = re[b]! * ci + im[b]! * cr;
          re[b] = re[a]! - xr;
          im[b] = im[a]! - xi;
          re[a] = re[a]! + xr;
          im[a] = im[a]! + xi;
        }
      }
    }
  }
}

/** Streams samples into MFCC frames. */
export class MfccBuilder {
  readonly sampleRate: number;
  readonly #win: number;
  readonly #hop: number;
  readonly #n: number;
  readonly #window: Float64Array;
  readonly #filters: { from: number; weights: Float64Array }[];
  readonly #dct: Float64Array;
  readonly #re: Float64Array;
  readonly #im: Float64Array;
  readonly #ring: Float32Array;
  readonly #fft: Fft;
  readonly #energies = new Float64Array(BANDS);
  #seen = 0;
  #out: Float32Array;
  #frames = 0;
  #prev = 0;

  constructor(sampleRate: number) {
    this.sampleRate = sampleRate;
    this.#win = Math.round(WINDOW * sampleRate);
    this.#hop = Math.round(HOP * sampleRate);
    let n = 1;
    while (n < this.#win) n <<= 1;
    this.#n = n;
    this.#window = new Float64Array(this.#win).map((_, i) => 0.54 - 0.46 * Math.cos((2 * Math.PI * i) / (this.#win - 1)));
    const high = Math.min(HIGH_HZ, sampleRate / 2 - 100);
    const edges = Array.from({ length: BANDS + 2 }, (_, k) => hzOf(mel(LOW_HZ) + ((mel(high) - mel(LOW_HZ)) * k) / (BANDS + 1)));
    const binHz = sampleRate / n;
    this.#filters = [];
    for (let b = 0; b < BANDS; b++) {
      const [lo, mid, hi] = [edges[b]!, edges[b + 1]!, edges[b + 2]!];
      const from = Math.max(1, Math.floor(lo / binHz));
      const to = Math.min(n / 2, Math.ceil(hi / binHz));
      const weights = new Float64Array(Math.max(0, to - from + 1));
      for (let k = from; k <= to; k++) {
        const f = k * binHz;
        weights[k - from] = Math.max(0, f < mid ? (f - lo) / (mid - lo) : (hi - f) / (hi - mid));
      }
      this.#filters.push({ from, weights });
    }
    this.#dct = new Float64Array(COEFFS * BANDS);
    for (let c = 0; c < COEFFS; c++) for (let b = 0; b < BANDS; b++) this.#dct[c * BANDS + b] = Math.cos((Math.PI * c * (b + 0.5)) / BANDS);
    this.#re = new Float64Array(n);
    this.#im = new Float64Array(n);
    this.#ring = new Float32Array(this.#win);
    this.#fft = new Fft(n);
    this.#out = new Float32Array(COEFFS * 1024);
  }

  push(chunk: Float32Array): void {
    const win = this.#win;
    for (let i = 0; i < chunk.length; i++) {
      // Pre-emphasis, then into the ring of the last `win` samples.
      const x = chunk[i]!;
      this.#ring[this.#seen % win] = x - 0.97 * this.#prev;
      this.#prev = x;
      this.#seen++;
      // Frame k covers samples [k·hop, k·hop + win).
      if (this.#seen >= win && (this.#seen - win) % this.#hop === 0) this.#frame();
    }
  }

  #frame(): void {
    const win = this.#win;
    const re = this.#re;
    const im = this.#im;
    re.fill(0);
    im.fill(0);
    const start = this.#seen % win;
    for (let k = 0; k < win; k++) re[k] = this.#ring[(start + k) % win]! * this.#window[k]!;
    this.#fft.run(re, im);
    const energies = this.#energies;
    for (let b = 0; b < BANDS; b++) {
      const f = this.#filters[b]!;
      let e = 0;
      for (let k = 0; k < f.weights.length; k++) {
        const bin = f.from + k;
        e += f.weights[k]! * (re[bin]! * re[bin]! + im[bin]! * im[bin]!);
      }
      energies[b] = Math.log(e + 1e-8);
    }
    if ((this.#frames + 1) * COEFFS > this.#out.length) {
      const grown = new Float32Array(this.#out.length * 2);
      grown.set(this.#out);
      this.#out = grown;
    }
    const at = this.#frames * COEFFS;
    for (let c = 0; c < COEFFS; c++) {
      let v = 0;
      for (let b = 0; b < BANDS; b++) v += this.#dct[c * BANDS + b]! * energies[b]!;
      this.#out[at + c] = v;
    }
    this.#frames++;
  }

  /** Frames so far; frame k covers [k·HOP, k·HOP + 25 ms). */
  finish(): Features {
    return { frames: this.#frames, data: this.#out.slice(0, this.#frames * COEFFS) };
  }
}

/** MFCC of samples held in memory. */
export function mfcc(samples: Float32Array, sampleRate: number): Features {
  const b = new MfccBuilder(sampleRate);
  b.push(samples);
  return b.finish();
}

/**
 * Features ready to compare: each coefficient normalised to zero mean and
 * unit variance over [from, to) frames (cepstral mean and variance
 * normalisation, which removes the channel and part of the voice's
 * timbre); and quiet frames made alike whatever the quiet is (digital
 * silence in the reference voice, a music bed or babble in the recording):
 * c0 is floored at the signal's own quiet level (its 15th percentile) and
 * the spectral shape (c1-c12) fades to the mean as a frame nears it.
 */
export function normalise(f: Features, from = 0, to = f.frames): Float32Array {
  const n = Math.max(1, to - from);
  const out = new Float32Array(n * COEFFS);
  const c0 = new Float32Array(n);
  for (let t = 0; t < n; t++) c0[t] = f.data[(from + t) * COEFFS]!;
  const sorted = Float32Array.from(c0).sort();
  const quiet = sorted[Math.floor(0.15 * (n - 1))] ?? 0;
  const loud = sorted[Math.floor(0.9 * (n - 1))] ?? 0;
  const range = Math.max(1e-6, loud - quiet);
  const weight = new Float32Array(n);
  for (let t = 0; t < n; t++) {
    const x = (c0[t]! - quiet) / range;
    weight[t] = Math.min(1, Math.max(0, x / 0.35));
    c0[t] = Math.max(c0[t]!, quiet);
  }
  for (let c = 0; c < COEFFS; c++) {
    let sum = 0;
    let sq = 0;
    for (let t = 0; t < n; t++) {
      const v = c === 0 ? c0[t]! : f.data[(from + t) * COEFFS + c]!;
      sum += v;
      sq += v * v;
    }
    const mean = sum / n;
    const sd = Math.sqrt(Math.max(1e-9, sq / n - mean * mean));
    for (let t = 0; t < n; t++) {
      const v = c === 0 ? c0[t]! : f.data[(from + t) * COEFFS + c]!;
      out[t * COEFFS + c] = ((v - mean) / sd) * (c === 0 ? 1 : weight[t]!);
    }
  }
  return out;
}
