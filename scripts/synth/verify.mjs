#!/usr/bin/env node
// Checks the committed caption track against the committed media, with no
// help from the generator: reads the VTT, decodes the mp4's audio with
// ffmpeg, finds where speech starts and stops near each cue boundary, and
// reports the differences.
//
//   node scripts/synth/verify.mjs [media] [vtt]

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const NAME = 'try-rust-with-francesco-ciulla';
const [media = `demo/media/${NAME}.mp4`, vtt = `timings/${NAME}.vtt`] = process.argv.slice(2);
const RATE = 22050;
const SEARCH = 0.1; // seconds either side of a boundary; pauses are >= 0.2 s
const SPEECH_DB = -45; // a 1 ms frame above this counts as speech
const TOLERANCE_MS = 10;
// A lossy codec smears quantization noise (about -43 dBFS at 46 kbps AAC) up to
// one frame past a loud ending, which reads as late speech offsets.
const END_TOLERANCE_MS = media.endsWith('.wav') ? TOLERANCE_MS : 25;
const MIX = `.cache/synth/${NAME}.wav`;

const seconds = (/** @type {string} */ t) => {
  const [h, m, s] = t.split(':').map(Number);
  return /** @type {number} */ (h) * 3600 + /** @type {number} */ (m) * 60 + /** @type {number} */ (s);
};
const cues = [...readFileSync(vtt, 'utf8').matchAll(/^(\S+)\n(\d\d:\d\d:\d\d\.\d{3}) --> (\d\d:\d\d:\d\d\.\d{3})/gm)].map(
  ([, id, start, end]) => ({ id: /** @type {string} */ (id), start: seconds(/** @type {string} */ (start)), end: seconds(/** @type {string} */ (end)) }),
);

/** Decodes the first audio stream of `file` to mono 16-bit samples at RATE. */
function decode(/** @type {string} */ file) {
  const pcm = execFileSync('ffmpeg', ['-nostdin', '-loglevel', 'error', '-i', file, '-map', '0:a:0', '-ac', '1', '-ar', String(RATE), '-f', 's16le', '-'], {
    maxBuffer: 1 << 30,
  });
  return new Int16Array(pcm.buffer.slice(pcm.byteOffset, pcm.byteOffset + pcm.length));
}
const samples = decode(media);

/** Lag in samples of `samples` behind `reference` over 5 s from `t`, by cross-correlation. */
function lagAt(/** @type {Int16Array} */ reference, /** @type {number} */ t) {
  const from = Math.round(t * RATE);
  let best = { score: -Infinity, lag: 0 };
  for (let lag = -1000; lag <= 1000; lag++) {
    let score = 0;
    for (let i = from; i < from + 5 * RATE; i += 2) score += /** @type {number} */ (reference[i]) * (samples[i + lag] ?? 0);
    if (score > best.score) best = { score, lag };
  }
  return best.lag;
}

/** RMS level in dBFS of samples [from, to). */
function level(/** @type {number} */ from, /** @type {number} */ to) {
  let sum = 0;
  const a = Math.max(0, from);
  const b = Math.min(samples.length, to);
  for (let i = a; i < b; i++) sum += /** @type {number} */ (samples[i]) ** 2;
  return 10 * Math.log10(sum / Math.max(1, b - a) / 32768 ** 2 + 1e-12);
}
// Analysis frames of 1 ms; frame f covers [f, f + 1) ms.
const at = (/** @type {number} */ ms) => Math.round((ms * RATE) / 1000);
const loud = (/** @type {number} */ f) => level(at(f), at(f + 1)) > SPEECH_DB;

/** Measured onset and offset of speech around a cue, in seconds. */
function measure(/** @type {{ start: number, end: number }} */ cue) {
  const ms = (/** @type {number} */ t) => Math.round(t * 1000);
  let onset = NaN;
  for (let f = ms(cue.start - SEARCH); f <= ms(cue.start + SEARCH); f++) {
    if (loud(f)) { onset = f / 1000; break; }
  }
  let offset = NaN;
  for (let f = ms(cue.end + SEARCH); f >= ms(cue.end - SEARCH); f--) {
    if (loud(f)) { offset = (f + 1) / 1000; break; }
  }
  return { onset, offset };
}

const rows = cues.map((cue) => {
  const { onset, offset } = measure(cue);
  const s = Math.round(cue.start * RATE);
  const e = Math.round(cue.end * RATE);
  const w = Math.round(0.02 * RATE);
  return {
    ...cue,
    startError: (onset - cue.start) * 1000,
    endError: (offset - cue.end) * 1000,
    before: level(s - w, s),
    after: level(s, s + w),
    tailIn: level(e - w, e),
    tailOut: level(e, e + w),
  };
});

const stats = (/** @type {number[]} */ xs) => {
  const abs = xs.map(Math.abs).sort((a, b) => a - b);
  const q = (/** @type {number} */ p) => /** @type {number} */ (abs[Math.min(abs.length - 1, Math.floor(p * abs.length))]);
  return `median ${q(0.5).toFixed(1)} ms, p95 ${q(0.95).toFixed(1)} ms, max ${q(1).toFixed(1)} ms`;
};
const db = (/** @type {number[]} */ xs, /** @type {'min' | 'max'} */ f) => Math[f](...xs).toFixed(1);
const bad = rows.filter((r) => !(Math.abs(r.startError) <= TOLERANCE_MS && Math.abs(r.endError) <= END_TOLERANCE_MS));

console.log(`${media}: ${(samples.length / RATE).toFixed(3)} s of audio, ${cues.length} cues in ${vtt}`);
console.log(`cue start vs measured speech onset:  ${stats(rows.map((r) => r.startError))}`);
console.log(`cue end   vs measured speech offset: ${stats(rows.map((r) => r.endError))}`);
console.log(`20 ms before each start: loudest ${db(rows.map((r) => r.before), 'max')} dBFS; 20 ms after: quietest ${db(rows.map((r) => r.after), 'min')} dBFS`);
console.log(`20 ms before each end: quietest ${db(rows.map((r) => r.tailIn), 'min')} dBFS; 20 ms after: loudest ${db(rows.map((r) => r.tailOut), 'max')} dBFS`);
if (media !== MIX && existsSync(MIX)) {
  const reference = decode(MIX);
  const probes = [0.1, 0.5, 0.9].map((f) => Math.floor(f * (reference.length / RATE - 5)));
  console.log(`lag behind ${MIX} (samples at ${RATE} Hz): ${probes.map((t) => `${lagAt(reference, t)} at ${t} s`).join(', ')}`);
}
for (const r of bad) console.log(`  outside tolerance (${TOLERANCE_MS} ms start, ${END_TOLERANCE_MS} ms end): ${r.id} start ${r.startError.toFixed(1)} end ${r.endError.toFixed(1)}`);
process.exitCode = bad.length ? 1 : 0;
