/**
 * Parse throughput and conformance of `parseWebVTT` side by side with
 * `webvtt-parser` and `media-captions`, on the seed file and a generated
 * 20,000-cue file. Runs unchanged in Node and in Chromium.
 */
import { parseText } from 'media-captions';
// @ts-expect-error webvtt-parser ships no types
import { WebVTTParser } from 'webvtt-parser';
import { parseCueText, parseWebVTT } from '../src/core/webvtt/index.js';
import { generateSession } from './lib/generate.js';
import { summarize, table } from './lib/stats.js';

interface Cueish {
  startTime: number;
  endTime: number;
  text: string;
}

type Parser = { name: string; parse: (text: string) => Promise<Cueish[]> | Cueish[] };

const parsers: Parser[] = [
  { name: 'cueline parseWebVTT', parse: (t) => parseWebVTT(t).cues },
  { name: 'webvtt-parser', parse: (t) => new WebVTTParser().parse(t, 'metadata').cues as Cueish[] },
  { name: 'media-captions', parse: async (t) => (await parseText(t, { type: 'vtt' })).cues as Cueish[] },
];

/** The same, also parsing every cue's text into a node tree. */
const withCueText: Parser[] = [
  {
    name: 'cueline parseWebVTT + parseCueText',
    parse: (t) => {
      const cues = parseWebVTT(t).cues;
      for (const c of cues) parseCueText(c.text);
      return cues;
    },
  },
  { name: 'webvtt-parser (subtitles mode: cue text trees)', parse: (t) => new WebVTTParser().parse(t, 'subtitles').cues as Cueish[] },
];

const now = (): number => performance.now();

async function throughput(p: Parser, text: string, runs: number): Promise<{ mbs: number[]; cues: number }> {
  const bytes = new TextEncoder().encode(text).length;
  let cues = 0;
  // Repeat small inputs so each sample takes a measurable time.
  const inner = Math.max(1, Math.round(2_000_000 / bytes));
  for (let i = 0; i < 3; i++) cues = (await p.parse(text)).length; // warm-up
  const mbs: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = now();
    for (let k = 0; k < inner; k++) await p.parse(text);
    const dt = (now() - t0) / 1000;
    mbs.push((bytes * inner) / 1e6 / dt);
  }
  return { mbs, cues };
}

/** Spec cases: what a conformant parser yields (cue count, and the first cue's times and text). */
const conformance: [string, string, number, [number, number, string] | null][] = [
  ['BOM then signature', '\uFEFFWEBVTT\n\n00:01.000 --> 00:02.000\nx', 1, [1, 2, 'x']],
  ['signature must be followed by space, tab or line end', 'WEBVTTX\n\n00:01.000 --> 00:02.000\nx', 0, null],
  ['hours are optional', 'WEBVTT\n\n01:02.500 --> 01:03.000\nx', 1, [62.5, 63, 'x']],
  ['fraction needs exactly three digits', 'WEBVTT\n\n00:01.00 --> 00:02.000\nx', 0, null],
  ['minutes above 59 are invalid', 'WEBVTT\n\n00:60:00.000 --> 00:61:00.000\nx', 0, null],
  ['CR line endings', 'WEBVTT\r\r00:01.000 --> 00:02.000\rx', 1, [1, 2, 'x']],
  ['a "-->" line ends the cue text', 'WEBVTT\n\n00:01.000 --> 00:02.000\na\n00:03.000 --> 00:04.000\nb', 2, [1, 2, 'a']],
  ['NULL becomes U+FFFD', 'WEBVTT\n\n00:01.000 --> 00:02.000\na\u0000b', 1, [1, 2, 'a\uFFFDb']],
  ['NOTE is not a cue', 'WEBVTT\n\nNOTE 00:01.000 --> 00:02.000\n\n00:03.000 --> 00:04.000\nx', 1, [3, 4, 'x']],
  ['an id line then timings', 'WEBVTT\n\nintro\n00:01.000 --> 00:02.000\nx', 1, [1, 2, 'x']],
  ['timings without spaces around the arrow', 'WEBVTT\n\n00:01.000-->00:02.000\nx', 1, [1, 2, 'x']],
  ['garbage after the end time is a bad setting, not a bad cue', 'WEBVTT\n\n00:01.000 --> 00:02.000 foo\nx', 1, [1, 2, 'x']],
  ['a header line after the signature', 'WEBVTT - title\nKind: captions\n\n00:01.000 --> 00:02.000\nx', 1, [1, 2, 'x']],
  ['a timing line right after the signature starts a cue', 'WEBVTT\n00:01.000 --> 00:02.000\nx', 1, [1, 2, 'x']],
];

async function conformanceScore(p: Parser): Promise<number> {
  let pass = 0;
  for (const [, text, count, first] of conformance) {
    let cues: Cueish[] = [];
    try {
      cues = await p.parse(text);
    } catch {
      cues = [];
    }
    const c = cues[0];
    const ok =
      cues.length === count &&
      (first === null || (!!c && Math.abs(c.startTime - first[0]) < 1e-9 && Math.abs(c.endTime - first[1]) < 1e-9 && c.text === first[2]));
    if (ok) pass++;
  }
  return pass;
}

export async function runParseBench(seed: string): Promise<string> {
  const big = generateSession(20_000).transcript;
  const inputs: [string, string, number][] = [
    ['seed (' + (seed.length / 1024).toFixed(0) + ' KB)', seed, 9],
    ['generated 20,000 cues (' + (big.length / 1e6).toFixed(1) + ' MB)', big, 7],
  ];
  const rows: Record<string, string | number>[] = [];
  for (const group of [parsers, withCueText]) {
    for (const [label, text, runs] of inputs) {
      const results: [string, number, number][] = [];
      for (const p of group) {
        const r = await throughput(p, text, runs);
        results.push([p.name, summarize(r.mbs).p50, r.cues]);
      }
      const best = Math.max(...results.slice(1).map((r) => r[1]));
      for (const [name, median, cues] of results) {
        rows.push({ input: label, parser: name, 'median MB/s': median, cues, 'vs fastest other': name.startsWith('cueline') ? `${(median / best).toFixed(2)}x` : '' });
      }
    }
  }
  const conf: Record<string, string | number>[] = [];
  for (const p of parsers) conf.push({ parser: p.name, [`spec cases passed (of ${conformance.length})`]: await conformanceScore(p) });
  return `${table(rows)}\n\nConformance (cue count, first cue's times and text on edge cases from the WebVTT parsing algorithm):\n\n${table(conf)}`;
}
