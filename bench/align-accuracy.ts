/**
 * Alignment accuracy on the seed session: start from the untimed plain text
 * (no anchors), align against the synthesized recording, and compare every
 * cue start and end with the synthesizer's exact timings.
 *
 *   node bench/align-accuracy.mjs
 *
 * (which bundles this file with esbuild and runs it in Node; needs ffmpeg).
 * Reports median / p90 / max boundary error in ms for (a) spreading by text
 * only and (b) with pause snapping.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { align, plainText, sessionFromPlainText, type EditorSession } from '../src/core/editor/index.js';

const NAME = 'try-rust-with-francesco-ciulla';
const RATE = 16000;

interface TruthCue {
  id: string;
  start: number;
  end: number;
  text: string;
}

function decode(path: string): Float32Array {
  const raw = execFileSync('ffmpeg', ['-v', 'error', '-i', path, '-ac', '1', '-ar', String(RATE), '-f', 'f32le', '-'], { maxBuffer: 1 << 30 });
  return new Float32Array(raw.buffer, raw.byteOffset, raw.byteLength / 4);
}

/** Errors (ms) of every cue edge whose cue text matches a truth cue. */
function errors(session: EditorSession, truth: readonly TruthCue[]): { starts: number[]; ends: number[]; paragraphs: number[]; matched: number } {
  const byText = new Map(truth.map((c) => [c.text, c]));
  const starts: number[] = [];
  const ends: number[] = [];
  const paragraphs: number[] = [];
  let matched = 0;
  for (const cue of session.cues) {
    const t = byText.get(plainText(cue.text));
    if (!t) continue;
    matched++;
    starts.push(Math.abs(cue.startTime - t.start) * 1000);
    ends.push(Math.abs(cue.endTime - t.end) * 1000);
    // A paragraph boundary: the first sentence of a paragraph (ids `…-pN-s1`).
    if (/-s1$/.test(t.id)) paragraphs.push(Math.abs(cue.startTime - t.start) * 1000);
  }
  return { starts, ends, paragraphs, matched };
}

function stats(values: number[]): string {
  const v = [...values].sort((a, b) => a - b);
  const at = (q: number): number => v[Math.min(v.length - 1, Math.floor(q * v.length))] ?? NaN;
  return `median ${at(0.5).toFixed(0)} ms, p90 ${at(0.9).toFixed(0)} ms, max ${(v[v.length - 1] ?? NaN).toFixed(0)} ms (n=${v.length})`;
}

async function main(): Promise<void> {
  // BENCH_MEDIA / BENCH_TRUTH point at another copy (e.g. while the synth rewrites the files).
  const media = process.env['BENCH_MEDIA'] ?? `demo/media/${NAME}.mp4`;
  const truthPath = process.env['BENCH_TRUTH'] ?? `timings/${NAME}.json`;
  const truth = (JSON.parse(readFileSync(truthPath, 'utf8')) as { cues: TruthCue[] }).cues;
  const text = readFileSync(`timings/source/${NAME}.txt`, 'utf8');
  const t0 = performance.now();
  const samples = decode(media);
  const t1 = performance.now();
  const session = sessionFromPlainText(text);
  for (const snap of [false, true]) {
    const started = performance.now();
    const r = await align(session, { samples, sampleRate: RATE }, { snap });
    const took = performance.now() - started;
    const e = errors(r.session, truth);
    console.log(`${snap ? '(b) spread + pause snapping' : '(a) spread by text only   '}: ${e.matched}/${truth.length} cues matched, ${took.toFixed(0)} ms`);
    console.log(`    all edges : ${stats([...e.starts, ...e.ends])}`);
    console.log(`    starts    : ${stats(e.starts)}`);
    console.log(`    ends      : ${stats(e.ends)}`);
    console.log(`    paragraph starts: ${stats(e.paragraphs)}`);
    if (snap) console.log(`    review    : ${r.review.length} of ${r.boundaries.length} boundaries under 0.8 confidence; ${r.pauses.length} pauses`);
  }
  console.log(`decode ${(t1 - t0).toFixed(0)} ms, ${(samples.length / RATE).toFixed(1)} s of audio`);
}

await main();
