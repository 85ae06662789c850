/**
 * Dynamic time warping between two feature sequences, multi-resolution and
 * banded so time and memory grow linearly with the length: the sequences
 * are averaged down until a full (or diagonal-banded) DTW is small, and each
 * finer level only searches a band around the path of the level above
 * (FastDTW's projection, with a radius in seconds).
 *
 * Steps: (1,1), (1,0), (0,1), each adding the local distance (Euclidean):
 * a stretch of one sequence with nothing like it in the other (music,
 * speech missing from the text) becomes a run of horizontal or vertical
 * steps at the cheapest place, usually a pause.
 */

/** A warping path: pairs (i, j) from (0, 0) to (n-1, m-1), both never decreasing. */
export interface WarpPath {
  i: Int32Array;
  j: Int32Array;
  /** Local distance at each step. */
  cost: Float32Array;
}

/** Averages `factor` consecutive frames of `x` (frames × dim). */
export function pool(x: Float32Array, dim: number, factor: number): Float32Array {
  const frames = x.length / dim;
  const out = new Float32Array(Math.ceil(frames / factor) * dim);
  for (let t = 0; t < frames; t++) {
    const o = Math.floor(t / factor) * dim;
    for (let c = 0; c < dim; c++) out[o + c]! += x[t * dim + c]!;
  }
  for (let k = 0; k * factor < frames; k++) {
    const count = Math.min(factor, frames - k * factor);
    for (let c = 0; c < dim; c++) out[k * dim + c]! /= count;
  }
  return out;
}

/** Root mean variance per dimension. */
function spread(x: Float32Array, dim: number): number {
  const n = x.length / dim;
  let total = 0;
  for (let c = 0; c < dim; c++) {
    let s = 0;
    let q = 0;
    for (let t = 0; t < n; t++) {
      const v = x[t * dim + c]!;
      s += v;
      q += v * v;
    }
    total += Math.max(0, q / n - (s / n) ** 2);
  }
  return Math.sqrt(total / dim);
}

function poolMin(x: Float32Array, factor: number): Float32Array {
  const out = new Float32Array(Math.ceil(x.length / factor)).fill(Infinity);
  for (let t = 0; t < x.length; t++) out[Math.floor(t / factor)] = Math.min(out[Math.floor(t / factor)]!, x[t]!);
  return out;
}

/**
 * DTW of a (n × dim) against b (m × dim) inside a band: row i may only
 * visit columns lo[i]..hi[i] (non-decreasing in i, lo[0] = 0, hi[n-1] = m-1).
 */
export function bandedDtw(a: Float32Array, b: Float32Array, dim: number, lo: Int32Array, hi: Int32Array, absorb?: Float32Array, stretch = 1): WarpPath {
  const n = a.length / dim;
  const offset = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) offset[i + 1] = offset[i]! + (hi[i]! - lo[i]! + 1);
  const size = offset[n]!;
  const acc = new Float32Array(size);
  const move = new Uint8Array(size);
  const local = (i: number, j: number): number => {
    let s = 0;
    const ai = i * dim;
    const bj = j * dim;
    for (let c = 0; c < dim; c++) {
      const d = a[ai + c]! - b[bj + c]!;
      s += d * d;
    }
    return Math.sqrt(s);
  };
  for (let i = 0; i < n; i++) {
    const l = lo[i]!;
    const h = hi[i]!;
    const row = offset[i]!;
    const pl = i > 0 ? lo[i - 1]! : 0;
    const ph = i > 0 ? hi[i - 1]! : -1;
    const prow = i > 0 ? offset[i - 1]! : 0;
    for (let j = l; j <= h; j++) {
      const d = local(i, j);
      let best = Infinity;
      let m = 0;
      if (i === 0 && j === 0) {
        best = 0;
      } else {
        if (i > 0 && j > 0 && j - 1 >= pl && j - 1 <= ph) {
          best = acc[prow + j - 1 - pl]!;
          m = 1;
        }
        if (i > 0 && j >= pl && j <= ph && acc[prow + j - pl]! < best) {
          best = acc[prow + j - pl]!;
          m = 2;
        }
        if (j > l) {
          // A horizontal step on a row that may absorb (a pause of the reference) costs at most `absorb[i]`.
          // Elsewhere a horizontal step costs `stretch` times the distance: speech of the reference should not
          // stand still over a long stretch of the recording.
          const ab = absorb ? absorb[i]! : Infinity;
          const h = acc[row + j - 1 - l]! + (ab < Infinity ? Math.min(d, ab) : d * stretch) - d;
          if (h < best) {
            best = h;
            m = 3;
          }
        }
      }
      acc[row + j - l] = best + d;
      move[row + j - l] = m;
    }
  }
  // Backtrack from (n-1, m-1).
  const is: number[] = [];
  const js: number[] = [];
  const cs: number[] = [];
  let i = n - 1;
  let j = hi[n - 1]!;
  for (;;) {
    is.push(i);
    js.push(j);
    cs.push(local(i, j));
    const m = move[offset[i]! + j - lo[i]!]!;
    if (m === 0) break;
    if (m === 1) {
      i--;
      j--;
    } else if (m === 2) i--;
    else j--;
  }
  is.reverse();
  js.reverse();
  cs.reverse();
  return { i: Int32Array.from(is), j: Int32Array.from(js), cost: Float32Array.from(cs) };
}

/** The band of a finer level (factor times finer) around `path`, widened by `radius` fine frames. */
function project(path: WarpPath, factor: number, n: number, m: number, radius: number): { lo: Int32Array; hi: Int32Array } {
  const lo = new Int32Array(n).fill(m);
  const hi = new Int32Array(n).fill(-1);
  for (let k = 0; k < path.i.length; k++) {
    const i0 = path.i[k]! * factor;
    const j0 = path.j[k]! * factor;
    for (let i = i0; i < Math.min(n, i0 + factor); i++) {
      lo[i] = Math.min(lo[i]!, j0);
      hi[i] = Math.max(hi[i]!, Math.min(m - 1, j0 + factor - 1));
    }
  }
  // Widen by the radius in both directions (rows and columns), keep monotone and connected.
  const wl = new Int32Array(n);
  const wh = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const from = Math.min(n - 1, i + radius);
    const to = Math.max(0, i - radius);
    wl[i] = Math.max(0, lo[from]! - radius);
    wh[i] = Math.min(m - 1, hi[to]! + radius);
  }
  for (let i = 1; i < n; i++) wl[i] = Math.max(wl[i]!, wl[i - 1]!);
  for (let i = n - 2; i >= 0; i--) wh[i] = Math.min(wh[i]!, wh[i + 1]!);
  wl[0] = 0;
  wh[n - 1] = m - 1;
  for (let i = 0; i < n; i++) {
    if (wh[i]! < wl[i]!) wh[i] = wl[i]!;
    if (i > 0 && wl[i]! > wh[i - 1]! + 1) wl[i] = wh[i - 1]! + 1;
  }
  return { lo: wl, hi: wh };
}

/** Options for `multiscaleDtw`. */
export interface DtwOptions {
  /** Most cells of the coarsest level (a full DTW there when it fits). Default 2.5e6. */
  maxCells?: number;
  /** Band radius when projecting to a finer level, in frames of that level. Default 10. */
  radius?: number;
  /** Pooling factor between levels. Default 4. */
  factor?: number;
  /** Most levels of pooling (each `factor` times coarser): beyond that the coarsest level gets a diagonal band instead. Default 2. */
  maxLevels?: number;
  /** Per frame of `a`: the most a horizontal step there costs (Infinity: the local distance), so pauses absorb extra material. */
  absorb?: Float32Array;
  /** Cost factor of a horizontal step on a row that does not absorb. Default 1.5. */
  stretch?: number;
}

/** DTW of a (n × dim) against b (m × dim), coarse to fine. */
export function multiscaleDtw(a: Float32Array, b: Float32Array, dim: number, options: DtwOptions = {}): WarpPath {
  const maxCells = options.maxCells ?? 2.5e6;
  const radius = options.radius ?? 10;
  const factor = options.factor ?? 4;
  const levels: { a: Float32Array; b: Float32Array; absorb?: Float32Array }[] = [{ a, b, ...(options.absorb ? { absorb: options.absorb } : {}) }];
  const maxLevels = options.maxLevels ?? 2;
  while (levels.length <= maxLevels) {
    const top = levels[levels.length - 1]!;
    const n = top.a.length / dim;
    const m = top.b.length / dim;
    if (n * m <= maxCells || n < 8 || m < 8) break;
    // Averaging shrinks distances: scale the absorbing cost with the spread of the averaged features.
    const pa = pool(top.a, dim, factor);
    const pb = pool(top.b, dim, factor);
    const shrink = (spread(pa, dim) + spread(pb, dim)) / Math.max(1e-9, spread(top.a, dim) + spread(top.b, dim));
    const absorb = top.absorb ? poolMin(top.absorb, factor).map((v) => v * shrink) : undefined;
    levels.push({ a: pa, b: pb, ...(absorb ? { absorb } : {}) });
  }
  const top = levels[levels.length - 1]!;
  const n0 = top.a.length / dim;
  const m0 = top.b.length / dim;
  // The coarsest level: full when it fits, else a band about the diagonal holding maxCells.
  const width = Math.max(4, Math.floor(maxCells / Math.max(1, n0) / 2));
  const lo = new Int32Array(n0);
  const hi = new Int32Array(n0);
  for (let i = 0; i < n0; i++) {
    const c = n0 > 1 ? (i * (m0 - 1)) / (n0 - 1) : 0;
    lo[i] = n0 * m0 <= maxCells ? 0 : Math.max(0, Math.floor(c - width));
    hi[i] = n0 * m0 <= maxCells ? m0 - 1 : Math.min(m0 - 1, Math.ceil(c + width));
  }
  lo[0] = 0;
  hi[n0 - 1] = m0 - 1;
  const stretch = options.stretch ?? 1.5;
  let path = bandedDtw(top.a, top.b, dim, lo, hi, top.absorb, stretch);
  for (let k = levels.length - 2; k >= 0; k--) {
    const lvl = levels[k]!;
    const n = lvl.a.length / dim;
    const m = lvl.b.length / dim;
    const band = project(path, factor, n, m, radius);
    path = bandedDtw(lvl.a, lvl.b, dim, band.lo, band.hi, lvl.absorb, stretch);
  }
  return path;
}

