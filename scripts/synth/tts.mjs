// Text to speech with espeak-ng, one utterance per call, cached on disk by a
// hash of the engine version, voice settings and text.

import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { SPEAKERS } from './parse.mjs';
import { audibleBounds, readWav } from './wav.mjs';

const run = promisify(execFile);

/**
 * espeak-ng settings per speaker: voice+variant, pitch (0-99), words per minute.
 * @type {Readonly<Record<string, { voice: string, pitch: number, speed: number }>>}
 */
export const VOICES = Object.freeze({
  [SPEAKERS.host]: { voice: 'en-gb+m1', pitch: 48, speed: 160 },
  [SPEAKERS.interviewer]: { voice: 'en-gb+f3', pitch: 62, speed: 165 },
  [SPEAKERS.audience]: { voice: 'en-us+f4', pitch: 56, speed: 170 },
  [SPEAKERS.guest]: { voice: 'en-us+m3', pitch: 38, speed: 165 },
});

export const SAMPLE_RATE = 22050;
// About -42 dBFS: below anything espeak-ng produces while speaking.
const THRESHOLD = 256;
// Keep a few milliseconds of onset and decay around the audible part.
const PAD_SAMPLES = Math.round(0.003 * SAMPLE_RATE);

/** @param {{ voice: string, pitch: number, speed: number }} v */
function espeakArgs(v) {
  return ['-v', v.voice, '-p', String(v.pitch), '-s', String(v.speed)];
}

/** espeak-ng pronounces a typographic apostrophe badly; the cue text keeps it. */
function spoken(/** @type {string} */ text) {
  return text.replace(/[’‘]/g, "'").replace(/[“”]/g, '"');
}

export function engineVersion() {
  return execFileSync('espeak-ng', ['--version'], { encoding: 'utf8' }).trim();
}

/**
 * Synthesizes `text` for `speaker` and returns the audible samples, with
 * espeak-ng's leading and trailing silence trimmed off.
 * @param {string} text
 * @param {string} speaker
 * @param {{ cacheDir: string, version: string }} ctx
 * @returns {Promise<Int16Array>}
 */
export async function synthesize(text, speaker, { cacheDir, version }) {
  const settings = VOICES[speaker];
  if (!settings) throw new Error(`no voice for speaker ${speaker}`);
  const args = espeakArgs(settings);
  const key = createHash('sha256').update(JSON.stringify([version, args, spoken(text)])).digest('hex').slice(0, 24);
  const wav = join(cacheDir, `${key}.wav`);
  if (!existsSync(wav)) {
    mkdirSync(cacheDir, { recursive: true });
    const textFile = join(cacheDir, `${key}.txt`);
    writeFileSync(textFile, spoken(text));
    // Write under a temporary name so an interrupted run never leaves a truncated cache entry.
    const partial = `${wav}.partial`;
    await run('espeak-ng', [...args, '-w', partial, '-f', textFile]);
    renameSync(partial, wav);
  }
  const { sampleRate, samples } = readWav(wav);
  if (sampleRate !== SAMPLE_RATE) throw new Error(`${wav}: expected ${SAMPLE_RATE} Hz, got ${sampleRate}`);
  const [start, end] = audibleBounds(samples, { threshold: THRESHOLD, padSamples: PAD_SAMPLES });
  return samples.slice(start, end);
}

/**
 * Maps `items` through `fn` with at most `limit` calls in flight, keeping order.
 * @template T, R
 * @param {T[]} items
 * @param {number} limit
 * @param {(item: T) => Promise<R>} fn
 * @returns {Promise<R[]>}
 */
export async function mapLimited(items, limit, fn) {
  /** @type {R[]} */
  const out = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(/** @type {T} */ (items[i]));
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
