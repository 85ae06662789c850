// The hard session: a recording that behaves like real speech, with exact
// truth for every sentence and word. `npm run synth -- hard`.
//
// Festival (kal_diphone, cmu_us_slt_arctic_hts) speaks every comma-phrase
// on its own and prints the start and end of every word from its segment
// relation; the phrases are cut at their first word's start and last
// word's end and laid end to end at known sample offsets, so every time in
// the truth is exact. On top of that: sentence gaps of 0-150 ms (most of
// them), comma pauses of 300-600 ms, a speaking rate drifting +-18 % over
// the session, fillers and one unscripted sentence that the text lacks, one
// text sentence that is never spoken, and a bed of synthetic music and
// espeak-ng babble at -30 dB under the speech after a music-only intro.
//
// Writes (all small, committed, since CI has no festival):
//   demo/media/hard-session.m4a              AAC 32 kbps, 16 kHz mono
//   demo/media/hard-session-transformed.m4a  pitch +3 semitones (duration kept), 300-3400 Hz, reverb, AAC 24 kbps
//   demo/media/hard-session-clip.m4a         the first CLIP_SECONDS of the session
//   demo/media/hard-session.txt, hard-session-clip.txt   the text an editor is given (plain-text form)
//   demo/media/hard-session.json, hard-session-clip.json truth

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FILLERS, NAMES, PARAGRAPHS, TITLE, VOICES } from './hard-script.mjs';
import { readWav, writeWav } from './wav.mjs';

const RATE = 16000;
const CLIP_SECONDS = 50;
const INTRO_SECONDS = 6;

/** A small deterministic PRNG (mulberry32), so the session is the same every run. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Splits a sentence at its commas and fillers into spoken phrases. */
function phrasesOf(sentence) {
  const out = [];
  for (const piece of sentence.split(/(\{[^}]+\})/)) {
    const filler = /^\{(.+)\}$/.exec(piece);
    if (filler) {
      out.push({ filler: filler[1] });
      continue;
    }
    const parts = piece.split(/(?<=,)\s+/).map((p) => p.trim()).filter(Boolean);
    for (const p of parts) out.push({ text: p });
  }
  return out;
}

/** The sentence as the text shows it: fillers removed. */
const written = (s) => s.replace(/\s*\{[^}]+\}\s*/g, ' ').replace(/\s+/g, ' ').trim().replace(/^\w/, (c) => c.toUpperCase());

/** Words of a written phrase, as the truth names them (punctuation stripped, apostrophes kept). */
const wordsOf = (text) => text.split(/\s+/).map((w) => w.replace(/^[^\p{L}\p{N}']+|[^\p{L}\p{N}']+$/gu, '')).filter(Boolean);

function scheme(jobs, dir) {
  const q = (s) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  return [
    '(define (say id voice stretch text out)',
    '  (voice.select voice)',
    "  (Parameter.set 'Duration_Stretch stretch)",
    '  (if (string-equal voice "cmu_us_slt_arctic_hts")',
    '    (set! hts_engine_params (append cmu_us_slt_arctic_hts::hts_engine_params (list (list "-r" (/ 1.0 stretch))))))',
    "  (set! utt (utt.synth (eval (list 'Utterance 'Text text))))",
    "  (utt.save.wave utt out 'riff)",
    '  (format t "PHRASE %s\\n" id)',
    '  (mapcar (lambda (w) (format t "WORD %f %f %s\\n"',
    '     (item.feat w "R:SylStructure.daughter1.daughter1.R:Segment.p.end")',
    '     (item.feat w "R:SylStructure.daughtern.daughtern.R:Segment.end")',
    "     (item.name w))) (utt.relation.items utt 'Word))",
    '  t)',
    ...jobs.map((j) => `(say ${q(j.key)} '${j.voice} ${j.stretch.toFixed(4)} ${q(j.spoken)} ${q(join(dir, `${j.key}.wav`))})`),
  ].join('\n');
}

/** Synthesizes every phrase (cached by voice, stretch and text) and returns audio + word times per key. */
function synthesizeAll(jobs, cacheDir) {
  mkdirSync(cacheDir, { recursive: true });
  const todo = jobs.filter((j) => !existsSync(join(cacheDir, `${j.key}.json`)));
  if (todo.length) {
    const file = join(cacheDir, 'batch.scm');
    writeFileSync(file, scheme(todo, cacheDir));
    const out = execFileSync('festival', ['-b', file], { encoding: 'utf8', maxBuffer: 1 << 26 });
    let current = null;
    const words = new Map();
    for (const line of out.split('\n')) {
      const p = /^PHRASE (\S+)$/.exec(line);
      if (p) {
        current = p[1];
        words.set(current, []);
        continue;
      }
      const w = /^WORD (\S+) (\S+) (.+)$/.exec(line);
      if (w && current) words.get(current).push({ start: Number(w[1]), end: Number(w[2]), name: w[3] });
    }
    for (const j of todo) {
      const raw = join(cacheDir, `${j.key}.wav`);
      const at16 = join(cacheDir, `${j.key}.16k.wav`);
      execFileSync('sox', [raw, '-b', '16', '-r', String(RATE), at16]);
      writeFileSync(join(cacheDir, `${j.key}.json`), JSON.stringify(words.get(j.key) ?? []));
    }
  }
  return new Map(
    jobs.map((j) => [
      j.key,
      { samples: readWav(join(cacheDir, `${j.key}.16k.wav`)).samples, words: JSON.parse(readFileSync(join(cacheDir, `${j.key}.json`), 'utf8')) },
    ]),
  );
}

/** Synthetic music: a slow I-vi-IV-V progression of soft organ-like chords with a plucked melody. */
function music(length, rand) {
  const out = new Float32Array(length);
  const chords = [
    [261.63, 329.63, 392.0],
    [220.0, 261.63, 329.63],
    [174.61, 220.0, 261.63],
    [196.0, 246.94, 293.66],
  ];
  const beat = 0.5;
  const bar = 4 * beat;
  for (let i = 0; i < length; i++) {
    const t = i / RATE;
    const chord = chords[Math.floor(t / bar) % 4];
    let v = 0;
    for (const f of chord) v += 0.2 * Math.sin(2 * Math.PI * f * t) + 0.06 * Math.sin(4 * Math.PI * f * t) + 0.1 * Math.sin(Math.PI * f * t);
    out[i] = v;
  }
  // Melody: a pluck every beat, from the chord, an octave up.
  for (let b = 0; b * beat * RATE < length; b++) {
    const chord = chords[Math.floor((b * beat) / bar) % 4];
    const f = 2 * chord[Math.floor(rand() * 3)];
    const from = Math.round(b * beat * RATE);
    for (let k = 0; k < beat * RATE * 1.5 && from + k < length; k++) {
      const t = k / RATE;
      out[from + k] += 0.5 * Math.exp(-t * 5) * (Math.sin(2 * Math.PI * f * t) + 0.3 * Math.sin(6 * Math.PI * f * t));
    }
  }
  return out;
}

/** Babble: four espeak-ng voices reading shuffled sentences of the script at once. */
function babble(length, sentences, cacheDir, rand) {
  const out = new Float32Array(length);
  const voices = ['en-us+m2', 'en-gb+f2', 'en-us+f5', 'en+m4'];
  voices.forEach((voice, k) => {
    const text = [...sentences].sort(() => rand() - 0.5).join(' ');
    const key = createHash('sha256').update(voice + text).digest('hex').slice(0, 16);
    const wav = join(cacheDir, `babble-${key}.wav`);
    if (!existsSync(wav)) {
      execFileSync('espeak-ng', ['-v', voice, '-s', String(150 + 15 * k), '-p', String(30 + 15 * k), '-w', `${wav}.raw.wav`, text]);
      execFileSync('sox', [`${wav}.raw.wav`, '-b', '16', '-r', String(RATE), wav, 'lowpass', '3000']);
    }
    const s = readWav(wav).samples;
    const offset = Math.floor(rand() * s.length);
    for (let i = 0; i < length; i++) out[i] += s[(i + offset) % s.length] / 32768;
  });
  return out;
}

const rms = (a, from = 0, to = a.length) => {
  let s = 0;
  for (let i = from; i < to; i++) s += a[i] * a[i];
  return Math.sqrt(s / Math.max(1, to - from));
};

const sec = (samples) => Math.round((samples / RATE) * 1e6) / 1e6;

function encode(wavPath, out, { bitrate, filters = [] }) {
  const pre = filters.length ? `${wavPath}.fx.wav` : wavPath;
  // -R: repeatable (no random dither), so a rerun writes the same file.
  if (filters.length) execFileSync('sox', ['-R', wavPath, pre, ...filters]);
  execFileSync('ffmpeg', [
    '-nostdin', '-y', '-loglevel', 'error', '-i', pre,
    '-c:a', 'aac', '-b:a', bitrate, '-ac', '1', '-ar', String(RATE),
    '-fflags', '+bitexact', '-flags:a', '+bitexact', '-map_metadata', '-1', '-movflags', '+faststart', out,
  ]);
}

/** The text form of `paragraphs` (plain-text import: title, intro lines, `Q.` questions, `Name:` answers). */
function textOf(paragraphs) {
  const lines = [];
  let previous = null;
  for (const p of paragraphs) {
    const sentences = p.sentences.filter((s) => typeof s === 'string' || 'unspoken' in s).map((s) => written(typeof s === 'string' ? s : s.unspoken));
    if (!sentences.length) continue;
    const body = sentences.join(' ');
    if (p.speaker === 'Interviewer') lines.push(`Q. ${body}`);
    else if (p.speaker === 'Guest') lines.push(previous === 'Guest' ? body : `${NAMES.Guest}: ${body}`);
    else if (previous && previous !== 'Host') lines.push(`${NAMES.Host}: ${body}`);
    else lines.push(body);
    previous = p.speaker;
  }
  return `${lines.join('\n')}\n`;
}

export async function buildHard({ root, work }) {
  const rand = prng(20261201);
  const cacheDir = join(work, 'hard');
  const media = join(root, 'demo/media');

  // Plan: every spoken phrase with its voice and the speaking rate at that point.
  const plan = [];
  let estimate = INTRO_SECONDS;
  let sentenceIndex = 0;
  PARAGRAPHS.forEach((para, pi) => {
    para.sentences.forEach((s, si) => {
      const kind = typeof s === 'string' ? 'scripted' : 'unspoken' in s ? 'unspoken' : 'unscripted';
      const text = typeof s === 'string' ? s : 'unspoken' in s ? s.unspoken : s.unscripted;
      const sentence = { index: sentenceIndex++, paragraph: pi, speaker: para.speaker, kind, text: written(text), phrases: [] };
      plan.push(sentence);
      if (kind === 'unspoken') return;
      // Rate drifts slowly over the session: +-18 % on a 150 s cycle plus a slow trend.
      const v = VOICES[para.speaker];
      for (const ph of phrasesOf(text)) {
        const stretch = v.rate * (1 + 0.18 * Math.sin((2 * Math.PI * estimate) / 150) + 0.08 * (estimate / 240 - 0.5));
        const spoken = ph.filler ? FILLERS[ph.filler] : ph.text;
        const key = createHash('sha256').update(JSON.stringify([v.voice, stretch.toFixed(4), spoken])).digest('hex').slice(0, 20);
        sentence.phrases.push({ ...ph, spoken, key, voice: v.voice, stretch });
        estimate += spoken.length / 14;
      }
      estimate += 0.3;
    });
  });
  const jobs = [...new Map(plan.flatMap((s) => s.phrases).map((p) => [p.key, p])).values()];
  const audio = synthesizeAll(jobs, cacheDir);

  // Lay out: sentence gaps mostly 0-150 ms, comma pauses 300-600 ms, fillers with short pauses.
  const chunks = [];
  let at = Math.round(INTRO_SECONDS * RATE);
  const truth = [];
  const extras = [];
  let gapsUnder150 = 0;
  let commaPauses = 0;
  let previousParagraph = -1;
  for (const s of plan) {
    if (s.kind === 'unspoken') {
      truth.push({ index: s.index, speaker: s.speaker, text: s.text, spoken: false, start: null, end: null, words: [] });
      continue;
    }
    if (previousParagraph >= 0) {
      const newParagraph = s.paragraph !== previousParagraph;
      const changes = newParagraph && PARAGRAPHS[s.paragraph].speaker !== PARAGRAPHS[previousParagraph].speaker;
      let gap;
      if (changes) gap = 0.25 + rand() * 0.6;
      else if (newParagraph) gap = 0.1 + rand() * 0.4;
      else gap = rand() < 0.7 ? rand() * 0.15 : 0.2 + rand() * 0.35;
      if (gap < 0.15) gapsUnder150++;
      at += Math.round(gap * RATE);
    }
    previousParagraph = s.paragraph;
    const words = [];
    let start = -1;
    let end = -1;
    s.phrases.forEach((ph, k) => {
      if (k > 0) {
        const prev = s.phrases[k - 1];
        // A comma pause after a comma; fillers get short hesitations around them.
        let pause;
        if (ph.filler || prev.filler) pause = 0.08 + rand() * 0.17;
        else {
          pause = 0.3 + rand() * 0.3;
          commaPauses++;
        }
        at += Math.round(pause * RATE);
      }
      const a = audio.get(ph.key);
      const ws = a.words;
      if (!ws.length) throw new Error(`festival gave no words for "${ph.spoken}"`);
      const from = Math.round(ws[0].start * RATE);
      const to = Math.min(a.samples.length, Math.round(ws[ws.length - 1].end * RATE));
      chunks.push({ at, samples: a.samples.subarray(from, to) });
      const placed = ws.map((w) => ({ name: w.name, start: sec(at + Math.round(w.start * RATE) - from), end: sec(at + Math.round(w.end * RATE) - from) }));
      if (ph.filler) {
        extras.push({ kind: 'filler', text: ph.filler, start: placed[0].start, end: placed[placed.length - 1].end });
      } else {
        // Festival's words (numbers expanded, punctuation dropped) map one to one onto the written words here.
        const names = wordsOf(ph.text);
        if (names.length !== placed.length) throw new Error(`"${ph.text}": ${names.length} written words, festival spoke ${placed.length}`);
        placed.forEach((w, i) => words.push({ text: names[i], start: w.start, end: w.end }));
      }
      // A sentence's edges are its own words': a filler before or after it is not part of it.
      if (!ph.filler && start < 0) start = at;
      at += to - from;
      if (!ph.filler) end = at;
    });
    const entry = { index: s.index, speaker: s.speaker, text: s.text, spoken: true, start: sec(start), end: sec(end), words };
    if (s.kind === 'unscripted') extras.push({ kind: 'unscripted', text: s.text, start: entry.start, end: entry.end, words });
    else truth.push(entry);
  }
  const total = at + Math.round(2 * RATE);

  // Mix: speech, then the bed at -30 dB of the speech level; the intro is music alone, louder, ducking under the first words.
  const speech = new Float32Array(total);
  for (const c of chunks) for (let i = 0; i < c.samples.length; i++) speech[c.at + i] += c.samples[i] / 32768;
  let activeSum = 0;
  let active = 0;
  for (const c of chunks) {
    activeSum += rms(speech, c.at, c.at + c.samples.length) ** 2 * c.samples.length;
    active += c.samples.length;
  }
  const speechRms = Math.sqrt(activeSum / active);
  const m = music(total, rand);
  const b = babble(total, plan.map((s) => s.text), cacheDir, rand);
  const mScale = (speechRms * 10 ** (-33 / 20)) / rms(m);
  const bScale = (speechRms * 10 ** (-33 / 20)) / rms(b);
  const introEnd = INTRO_SECONDS * RATE;
  const mix = new Int16Array(total);
  let peak = 0;
  const out = new Float32Array(total);
  for (let i = 0; i < total; i++) {
    // Intro at -12 dB under speech level, fading to -30 dB (the bed) over the last second before the speech.
    const duck = i < introEnd - RATE ? 10 ** (18 / 20) : i < introEnd ? 10 ** ((18 * (introEnd - i)) / RATE / 20) : 1;
    const bed = (i < introEnd ? 0 : 1) * bScale * b[i];
    out[i] = speech[i] + mScale * duck * m[i] + bed;
    peak = Math.max(peak, Math.abs(out[i]));
  }
  const gain = Math.min(1, 0.89 / peak);
  for (let i = 0; i < total; i++) mix[i] = Math.round(out[i] * gain * 32767);

  const wav = join(cacheDir, 'hard-session.wav');
  writeWav(wav, mix, RATE);
  const paths = {
    audio: join(media, 'hard-session.m4a'),
    transformed: join(media, 'hard-session-transformed.m4a'),
    clip: join(media, 'hard-session-clip.m4a'),
  };
  encode(wav, paths.audio, { bitrate: '32k' });
  // Pitch up 3 semitones with the duration kept, telephone band, a small room, then a low bitrate.
  encode(wav, paths.transformed, { bitrate: '24k', filters: ['pitch', '300', 'sinc', '300-3400', 'reverb', '40', '50', '60', 'channels', '1'] });
  const bedOnly = (i) => Math.round((out[i] - speech[i]) * gain * 32767);

  const meta = {
    generatedBy: 'npm run synth -- hard (scripts/synth/hard.mjs)',
    note: 'Times in seconds, exact to the mix (Festival word segment ends, placed at integer sample offsets). Speech starts after a music-only intro.',
    sampleRate: RATE,
    voices: VOICES,
    bedDb: -30,
    introSeconds: INTRO_SECONDS,
  };
  const write = (name, duration, cues, ex, paragraphs, extra = {}) => {
    writeFileSync(join(media, `${name}.txt`), textOf(paragraphs));
    writeFileSync(join(media, `${name}.json`), `${JSON.stringify({ ...meta, ...extra, title: TITLE, duration, sentences: cues, extras: ex }, null, 1)}\n`);
  };
  write('hard-session', sec(total), truth, extras, PARAGRAPHS, { media: 'demo/media/hard-session.m4a', transformed: 'demo/media/hard-session-transformed.m4a' });

  // The clip: the sentences that end in its first CLIP_SECONDS, cut just before the next one starts
  // and followed by a second of the bed alone; its text adds that next sentence, never heard in the clip.
  // It stops before speech the text lacks: the clip's own test is the unspoken sentence at its end.
  const unscriptedStart = extras.find((e) => e.kind === 'unscripted')?.start ?? Infinity;
  const clipEnd = Math.min(CLIP_SECONDS - 1, unscriptedStart - 0.05);
  const inClip = truth.filter((t) => (t.spoken ? t.end <= clipEnd : false));
  const lastIndex = inClip.at(-1)?.index ?? -1;
  const clipParagraphs = [];
  let counted = 0;
  for (const p of PARAGRAPHS) {
    const keep = [];
    for (const s of p.sentences) {
      if (counted++ <= lastIndex) keep.push(s);
    }
    if (keep.length) clipParagraphs.push({ ...p, sentences: keep });
  }
  // The clip's text keeps one unspoken sentence: the one after the last it holds, which the clip never reaches.
  const clipTruth = truth.filter((t) => t.index <= lastIndex);
  const nextSentence = truth.find((t) => t.index > lastIndex);
  if (nextSentence) {
    const lastPara = clipParagraphs.at(-1);
    lastPara.sentences = [...lastPara.sentences, { unspoken: nextSentence.text }];
    clipTruth.push({ ...nextSentence, spoken: false, start: null, end: null, words: [], note: 'spoken after the clip ends' });
  }
  const lastEnd = Math.round((inClip.at(-1)?.end ?? 0) * RATE);
  const nextSound = Math.min(nextSentence?.start ?? Infinity, ...extras.map((e) => e.start).filter((t) => t * RATE > lastEnd));
  const cut = Number.isFinite(nextSound) ? Math.max(lastEnd, Math.round(nextSound * RATE) - 1) : lastEnd;
  const clipMix = new Int16Array(cut + RATE);
  clipMix.set(mix.subarray(0, cut));
  for (let i = cut; i < clipMix.length; i++) clipMix[i] = bedOnly(i);
  const clipWav = join(cacheDir, 'hard-session-clip.wav');
  writeWav(clipWav, clipMix, RATE);
  encode(clipWav, paths.clip, { bitrate: '32k' });
  write('hard-session-clip', sec(clipMix.length), clipTruth, extras.filter((e) => e.end <= CLIP_SECONDS), clipParagraphs, { media: 'demo/media/hard-session-clip.m4a' });

  const sentenceGaps = truth.filter((t) => t.spoken).length - 1;
  console.log(
    [
      `hard session ${sec(total).toFixed(1)} s: ${truth.length} text sentences (${truth.filter((t) => !t.spoken).length} unspoken), ${extras.length} extras`,
      `  sentence gaps under 150 ms: ${gapsUnder150} of ${sentenceGaps}; comma pauses 300-600 ms: ${commaPauses}`,
      `  wrote ${Object.values(paths).map((p) => p.slice(root.length + 1)).join(', ')} and the .txt/.json truth`,
    ].join('\n'),
  );
}
