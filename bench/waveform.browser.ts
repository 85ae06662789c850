// Time to first waveform and main-thread JS heap for the seed recording and
// a generated one-hour one, in the runner's headless Chromium page.
// The node part (waveform.node.ts) prepares the hour file and the Worker bundle.
import { firstWaveform, RECORDINGS } from './waveform.shared.js';

const fmt = (v: number, d = 0): string => (Number.isFinite(v) ? v.toFixed(d) : 'n/a');

export default async function run(): Promise<string> {
  const rows: string[] = [];
  for (const r of RECORDINGS) {
    const runs = [];
    for (let k = 0; k < (r.url.includes('hour') ? 2 : 3); k++) runs.push(await firstWaveform(r.url));
    const times = runs.map((x) => x.firstWaveform).sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)]!;
    const heap = Math.max(...runs.map((x) => x.heapPeak - x.heapBefore));
    const frame = Math.max(...runs.map((x) => x.longestFrame));
    rows.push(`| ${r.name} | ${fmt(runs[0]!.seconds / 60, 1)} min | ${fmt(median)} ms (${times.map((t) => fmt(t)).join(', ')}) | ${fmt(median / runs[0]!.seconds, 2)} ms | +${fmt(heap, 1)} MB | ${fmt(frame)} ms |`);
  }
  return [
    'Opening a recording in `<cue-editor>`: fetch, decode at 8 kHz on the page, stream transferred 30 s chunks to the Worker, peaks back, first paint.',
    '',
    '| recording | length | time to first waveform (median; runs) | per second of audio | main-thread JS heap growth (peak) | longest frame while loading |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
    'The decoded audio and the Worker live outside the main-thread JS heap: see the node part for the whole renderer process.',
  ].join('\n');
}
