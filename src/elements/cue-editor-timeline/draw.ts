import { peaksForRange, type PeakPyramid, type SpeechMap } from '../../core/editor/index.js';

/** Colours for the canvas, read from the element's custom properties. */
export interface WaveColors {
  wave: string;
  pause: string;
  tick: string;
  text: string;
}

/** Seconds between ruler ticks for a view of `span` seconds over `width` CSS pixels: a round step, ticks >= 70 px apart. */
export function tickStep(span: number, width: number): number {
  const steps = [0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600];
  const min = (span * 70) / Math.max(1, width);
  return steps.find((s) => s >= min) ?? 7200;
}

/** `75.25` -> `1:15.25` for the ruler (decimals only when the step needs them). */
export function rulerLabel(t: number, step: number): string {
  const m = Math.floor(t / 60);
  const s = t - m * 60;
  const digits = step < 1 ? 1 : 0;
  const sec = s.toFixed(digits).padStart(digits ? 4 : 2, '0');
  return `${m}:${sec}`;
}

/**
 * Draws the view [start, end) of the waveform, the pauses behind it and the
 * ruler. `canvas` is sized by the caller to CSS size × devicePixelRatio.
 */
export function drawWave(
  canvas: HTMLCanvasElement,
  pyramid: PeakPyramid | null,
  speech: SpeechMap | null,
  start: number,
  end: number,
  colors: WaveColors,
): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const { width, height } = canvas;
  const dpr = globalThis.devicePixelRatio || 1;
  ctx.clearRect(0, 0, width, height);
  const span = end - start;
  if (span <= 0) return;
  const x = (t: number): number => ((t - start) / span) * width;
  const ruler = Math.round(18 * dpr);

  if (speech) {
    ctx.fillStyle = colors.pause;
    for (const p of speech.pauses) {
      if (p.end < start || p.start > end) continue;
      ctx.fillRect(x(p.start), ruler, Math.max(1, x(p.end) - x(p.start)), height - ruler);
    }
  }

  if (pyramid) {
    const peaks = peaksForRange(pyramid, start, end, width);
    const mid = ruler + (height - ruler) / 2;
    const amp = (height - ruler) / 2 - 2;
    ctx.fillStyle = colors.wave;
    for (let c = 0; c < width; c++) {
      const lo = peaks[2 * c]!;
      const hi = peaks[2 * c + 1]!;
      const top = mid - hi * amp;
      ctx.fillRect(c, top, 1, Math.max(1, (hi - lo) * amp));
    }
  }

  const step = tickStep(span, width / dpr);
  ctx.fillStyle = colors.tick;
  ctx.font = `${Math.round(11 * dpr)}px system-ui, sans-serif`;
  ctx.textBaseline = 'top';
  for (let t = Math.ceil(start / step) * step; t < end; t += step) {
    const tx = Math.round(x(t));
    ctx.fillStyle = colors.tick;
    ctx.fillRect(tx, 0, Math.max(1, dpr), ruler * 0.5);
    ctx.fillStyle = colors.text;
    ctx.fillText(rulerLabel(t, step), tx + 3 * dpr, 2 * dpr);
  }
}

/**
 * Lays labels out in `lanes` rows so that none overlaps another: left to
 * right, each label goes in the first row where it starts at least `gap` px
 * after the last label there ends; a label that fits in no row gets -1 (show
 * only its marker). `xs` are left edges (px, ascending), `widths` widths.
 */
export function laneLabels(xs: readonly number[], widths: readonly number[], lanes = 2, gap = 2): number[] {
  const ends = Array.from({ length: lanes }, () => -Infinity);
  return xs.map((x, k) => {
    const lane = ends.findIndex((end) => x >= end + gap);
    if (lane >= 0) ends[lane] = x + (widths[k] ?? 0);
    return lane;
  });
}
