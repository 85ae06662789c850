// The measurement both waveform benches run in the page: open a recording in
// a fresh <cue-editor> and time it until its waveform is on the canvas.
import '../src/editor.js';
import type { CueEditor } from '../src/elements/cue-editor/cue-editor.js';

/** Where the node part put the Worker bundle (the runner bundles pages, not Workers). */
export const WORKER_URL = '/.cache/bench/editor-worker.mjs';
export const RECORDINGS = [
  { name: 'seed (22 min, AAC 22 kHz mono in MP4, 8.1 MB)', url: '/demo/media/try-rust-with-francesco-ciulla.mp4' },
  { name: 'one hour (AAC 32 kbps mono, generated)', url: '/.cache/bench/hour.m4a' },
];

const frame = (): Promise<void> => new Promise((r) => requestAnimationFrame(() => r()));

/** Whether the canvas has waveform pixels (not just the ruler). */
function painted(el: CueEditor): boolean {
  const canvas = el.shadowRoot?.querySelector('cue-editor-timeline')?.shadowRoot?.querySelector('canvas');
  if (!canvas?.width) return false;
  const row = canvas.getContext('2d')!.getImageData(0, Math.floor(canvas.height * 0.6), canvas.width, 1).data;
  for (let k = 3; k < row.length; k += 4) if (row[k]! > 0) return true;
  return false;
}

export interface WaveformRun {
  /** Milliseconds from inserting the editor to the waveform painted. */
  firstWaveform: number;
  /** Peak main-thread JS heap while loading, MB (Chromium's performance.memory), or NaN. */
  heapPeak: number;
  heapBefore: number;
  /** Longest gap between animation frames while loading, ms: how long the page froze at worst. */
  longestFrame: number;
  seconds: number;
}

/** Opens `url` in a new editor and waits for its waveform. */
export async function firstWaveform(url: string): Promise<WaveformRun> {
  const mem = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
  (globalThis as { gc?: () => void }).gc?.();
  const heapBefore = mem ? mem.usedJSHeapSize / 2 ** 20 : Number.NaN;
  let heapPeak = heapBefore;
  let longestFrame = 0;
  const el = document.createElement('cue-editor') as CueEditor;
  el.noAutosave = true;
  el.workerUrl = WORKER_URL;
  el.style.width = '1200px';
  const t0 = performance.now();
  el.src = url;
  document.body.append(el);
  let last = performance.now();
  while (!painted(el)) {
    await frame();
    const now = performance.now();
    longestFrame = Math.max(longestFrame, now - last);
    last = now;
    if (mem) heapPeak = Math.max(heapPeak, mem.usedJSHeapSize / 2 ** 20);
    if (el._audio === 'failed') throw new Error(`could not read ${url}`);
    if (now - t0 > 300_000) throw new Error('timed out');
  }
  const firstWaveform = performance.now() - t0;
  const pyramid = el._audioCtl.pyramid!;
  const seconds = pyramid.length / pyramid.sampleRate;
  el.remove();
  await frame();
  return { firstWaveform, heapPeak, heapBefore, longestFrame, seconds };
}
