// `npm run synth -- asr`: simulated speech-recognizer output for the hard
// session, made from its exact truth (demo/media/hard-session.json), for the
// timing-transfer bench and tests. What a recognizer hears is what was
// spoken: the spoken sentences, the fillers and the unscripted sentence, not
// the unspoken one. Then, with a fixed seed:
//   - 10 % word errors: about 4 % substitutions, 3 % deletions, 3 % insertions;
//   - numbers written as digits ("ten" → "10"), as Whisper writes them;
//   - its own timing jitter: every word edge moved by up to ±40 ms
//     (triangular, σ ≈ 16 ms), kept in order.
// Writes demo/media/hard-session.asr.json (Whisper JSON with word times) and
// demo/media/hard-session-clip.asr.vtt (the clip's part, as YouTube writes
// automatic captions: WebVTT with a timestamp before each word, rolling lines).

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Deterministic PRNG (mulberry32). */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DIGITS = { one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10', twenty: '20', hundred: '100' };
/** Words a recognizer puts in for others (short, common). */
const CONFUSIONS = ['and', 'the', 'a', 'in', 'on', 'to', 'that', 'this', 'we', 'it', 'so', 'but', 'of', 'for', 'as', 'at'];
const JITTER = 0.04;

/** The spoken words in time order: { text, start, end, segment }. */
function spokenWords(truth) {
  const segments = [];
  for (const s of truth.sentences) if (s.spoken && s.words?.length) segments.push(s.words.map((w) => ({ ...w })));
  for (const e of truth.extras ?? []) {
    if (e.words?.length) segments.push(e.words.map((w) => ({ ...w })));
    else {
      // A filler: its words share its span.
      const parts = e.text.split(/\s+/);
      const d = (e.end - e.start) / parts.length;
      segments.push(parts.map((p, k) => ({ text: p, start: e.start + k * d, end: e.start + (k + 1) * d })));
    }
  }
  // In time order: a filler spoken inside a sentence belongs to that sentence's segment.
  segments.sort((a, b) => a[0].start - b[0].start);
  const tagged = segments.flatMap((seg, k) => {
    const host = segments.findIndex((o) => o !== seg && o[0].start <= seg[0].start && o[o.length - 1].end >= seg[seg.length - 1].end);
    return seg.map((w) => ({ ...w, seg: host >= 0 ? host : k }));
  });
  tagged.sort((a, b) => a.start - b.start);
  const out = [];
  for (const w of tagged) {
    const last = out[out.length - 1];
    if (last && last[0].seg === w.seg) last.push(w);
    else out.push([w]);
  }
  return out.map((seg) => seg.map(({ seg: _, ...w }) => w));
}

export function simulateAsr(truth, seed = 3) {
  const random = rng(seed);
  const jitter = () => (random() - random()) * JITTER;
  const out = [];
  let errors = 0;
  let total = 0;
  for (const seg of spokenWords(truth)) {
    const words = [];
    for (const w of seg) {
      total++;
      const r = random();
      const text = DIGITS[w.text.toLowerCase()] ?? w.text;
      if (r < 0.03) {
        errors++;
        continue; // deleted: the recognizer missed it
      }
      if (r < 0.07) {
        errors++;
        let sub = CONFUSIONS[Math.floor(random() * CONFUSIONS.length)];
        if (sub === text.toLowerCase()) sub = 'uh';
        words.push({ text: sub, start: w.start, end: w.end });
      } else words.push({ text, start: w.start, end: w.end });
      if (r >= 0.07 && r < 0.1) {
        errors++;
        // An inserted word: the recognizer split the word's time and heard one more.
        const last = words[words.length - 1];
        const mid = (last.start + last.end) / 2;
        const extra = CONFUSIONS[Math.floor(random() * CONFUSIONS.length)];
        words.push({ text: extra, start: mid, end: last.end });
        last.end = mid;
      }
    }
    if (!words.length) continue;
    out.push(words);
  }
  // Jitter every edge, then keep every word in order and at least 20 ms long.
  let last = 0;
  for (const seg of out) {
    for (const w of seg) {
      w.start = Math.max(last, w.start + jitter());
      w.end = Math.max(w.start + 0.02, w.end + jitter());
      last = w.start + 0.02;
    }
  }
  for (const seg of out) for (let k = 0; k + 1 < seg.length; k++) seg[k].end = Math.min(seg[k].end, Math.max(seg[k].start + 0.02, seg[k + 1].start));
  return { segments: out, errors, total };
}

const r3 = (x) => Math.round(x * 1000) / 1000;

function whisperJson(segments) {
  return {
    text: segments.map((s) => s.map((w) => w.text).join(' ')).join(' '),
    language: 'en',
    segments: segments.map((s, id) => ({
      id,
      start: r3(s[0].start),
      end: r3(s[s.length - 1].end),
      text: ` ${s.map((w) => w.text).join(' ')}`,
      words: s.map((w) => ({ word: ` ${w.text}`, start: r3(w.start), end: r3(w.end) })),
    })),
  };
}

function clock(t) {
  const ms = Math.round(t * 1000);
  const p = (n, w = 2) => String(n).padStart(w, '0');
  return `${p(Math.floor(ms / 3600000))}:${p(Math.floor(ms / 60000) % 60)}:${p(Math.floor(ms / 1000) % 60)}.${p(ms % 1000, 3)}`;
}

/** YouTube's automatic-caption WebVTT: lines of up to 7 words; each cue shows the line before and the new one with word timestamps; a 10 ms cue holds the finished line. */
function youtubeVtt(words) {
  const lines = [];
  for (let k = 0; k < words.length; k += 7) lines.push(words.slice(k, k + 7));
  const out = ['WEBVTT', 'Kind: captions', 'Language: en', ''];
  let previous = '';
  lines.forEach((line, k) => {
    const start = line[0].start;
    const next = lines[k + 1]?.[0].start ?? line[line.length - 1].end;
    const end = Math.max(start + 0.02, next - 0.01);
    const timed = line.map((w, q) => (q === 0 ? w.text : `<${clock(w.start)}><c> ${w.text}</c>`)).join('');
    out.push(`${clock(start)} --> ${clock(end)} align:start position:0%`, previous || ' ', timed, '');
    const plain = line.map((w) => w.text).join(' ');
    out.push(`${clock(end)} --> ${clock(end + 0.01)} align:start position:0%`, plain, ' ', '');
    previous = plain;
  });
  return out.join('\n');
}

export function buildAsr({ root }) {
  const truth = JSON.parse(readFileSync(join(root, 'demo/media/hard-session.json'), 'utf8'));
  const { segments, errors, total } = simulateAsr(truth);
  writeFileSync(join(root, 'demo/media/hard-session.asr.json'), `${JSON.stringify(whisperJson(segments), null, 1)}\n`);
  const clip = JSON.parse(readFileSync(join(root, 'demo/media/hard-session-clip.json'), 'utf8'));
  const inClip = segments.flat().filter((w) => w.end <= clip.duration - 0.05);
  writeFileSync(join(root, 'demo/media/hard-session-clip.asr.vtt'), youtubeVtt(inClip));
  console.log(`asr       ${errors} word errors in ${total} spoken words (${((100 * errors) / total).toFixed(1)} %)`);
  console.log('wrote     demo/media/hard-session.asr.json, demo/media/hard-session-clip.asr.vtt');
}
