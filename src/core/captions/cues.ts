import { fillTimes, type CaptionsProblem, type RawWord, type TimedCaptions, type TimedWord } from './words.js';

/**
 * WebVTT and SubRip captions as timed words.
 *
 * - YouTube's automatic captions: WebVTT whose cues carry a time before each
 *   word (`word<00:00:01.500><c> next</c>`). Each cue repeats the line before
 *   it, and a 10 ms cue repeats the finished line: a line without timestamps
 *   that was already read is skipped, so every spoken word counts once.
 * - WebVTT and SRT with cue times only (Zoom, Riverside, Descript, Otter):
 *   the words of a cue are spread over it by length. A leading speaker label
 *   (`Name: `) and bracketed sound tags (`[Music]`) are no words.
 *
 * @see WebVTT §4.2.2 (cue timestamps), §6.4 (cue text parsing rules).
 */

const VTT_TIME = /(?:(\d{1,}):)?(\d{2}):(\d{2})[.,](\d{3})/y;
const TAG = /<[^>]*>/g;
const INLINE_TIME = /^<((?:\d+:)?\d{2}:\d{2}\.\d{3})>$/;
const LABEL = /^(?:>>\s*)?\p{Lu}[\p{L}.'’-]*(?: [\p{L}.'’-]+){0,3}:\s+/u;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', nbsp: ' ', quot: '"', apos: "'", lrm: '', rlm: '' };

function clock(s: string): number | undefined {
  VTT_TIME.lastIndex = 0;
  const m = VTT_TIME.exec(s);
  if (!m || m[0].length !== s.length) return undefined;
  return Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]) + Number(m[4]) / 1000;
}

const decode = (s: string): string => s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e: string) => {
  if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
  return ENTITIES[e.toLowerCase()] ?? all;
});

/** A line of cue text as words, each with the inline timestamp before it if there was one. */
function lineWords(line: string): { words: RawWord[]; timed: boolean } {
  const words: RawWord[] = [];
  let time: number | undefined;
  let timed = false;
  let open = false;
  for (const part of line.split(/(<[^>]*>)/)) {
    if (part.startsWith('<')) {
      const m = INLINE_TIME.exec(part);
      if (m) {
        time = clock(m[1]!);
        timed = true;
        open = false;
      }
      continue;
    }
    const text = decode(part);
    const pieces = text.split(/(\s+)/);
    for (const piece of pieces) {
      if (piece === '') continue;
      if (/^\s+$/.test(piece)) {
        open = false;
        continue;
      }
      // A word split by a tag (`wo<c>rd</c>`) is one word.
      const last = words[words.length - 1];
      if (open && last && time === undefined) last.text += piece;
      else {
        words.push(time === undefined ? { text: piece } : { text: piece, start: time });
        time = undefined;
      }
      open = true;
    }
  }
  return { words, timed };
}

/** Words of a plain line: no speaker label, no `[Music]`. */
function cleanLine(line: string, first: boolean): string {
  let s = line.replace(/\[[^\]]*\]/g, ' ');
  if (first) s = s.replace(LABEL, '');
  return s;
}

/** Reads WebVTT (`format` 'vtt', or 'youtube-vtt' when cues carry word timestamps) or SRT (`srt`). */
export function readCueCaptions(text: string, kind: 'vtt' | 'srt'): TimedCaptions {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const problems: CaptionsProblem[] = [];
  const problem = (code: string, message: string, line: number, column: number, fatal = false): void => {
    if (problems.length < 100) problems.push({ code, message, line, column, fatal });
  };
  let i = 0;
  if (kind === 'vtt') {
    if (!/^WEBVTT(?:[ \t].*)?$/.test(lines[0] ?? '')) {
      problem('no-webvtt-header', 'A WebVTT file starts with "WEBVTT".', 1, 1, true);
      return { format: 'vtt', words: [], problems };
    }
    while (i < lines.length && lines[i]! !== '') i++;
  }
  const cues: { start: number; end: number; lines: string[]; line: number }[] = [];
  // WebVTT ends a cue at an empty line (a line of spaces is cue text: YouTube writes one); SRT files are less careful.
  const blank = kind === 'vtt' ? (l: string): boolean => l === '' : (l: string): boolean => l.trim() === '';
  while (i < lines.length) {
    while (i < lines.length && lines[i]!.trim() === '') i++;
    if (i >= lines.length) break;
    const block: number[] = [];
    while (i < lines.length && !blank(lines[i]!)) block.push(i++);
    const head = lines[block[0]!]!;
    if (kind === 'vtt' && /^(NOTE|STYLE|REGION)(?:\s|$)/.test(head)) continue;
    const t = block.findIndex((k) => lines[k]!.includes('-->'));
    if (t < 0 || t > 1) {
      problem('no-cue-timing', `Expected a cue timing line ("00:00:01.000 --> 00:00:02.000"), found "${head.trim().slice(0, 40)}".`, block[0]! + 1, 1);
      continue;
    }
    const at = block[t]!;
    const timing = lines[at]!;
    const arrow = timing.indexOf('-->');
    const left = timing.slice(0, arrow).trim();
    const rightAll = timing.slice(arrow + 3).trimStart();
    const right = rightAll.split(/\s/)[0] ?? '';
    const start = clock(left);
    const end = clock(right);
    if (start === undefined) {
      problem('bad-timestamp', `Expected a start time like 00:00:01.000, found "${left}".`, at + 1, timing.search(/\S/) + 1);
      continue;
    }
    if (end === undefined) {
      problem('bad-timestamp', `Expected an end time like 00:00:02.000, found "${right}".`, at + 1, arrow + 4 + (timing.slice(arrow + 3).length - rightAll.length));
      continue;
    }
    if (end < start) {
      problem('end-before-start', `The cue ends (${right}) before it starts (${left}).`, at + 1, arrow + 4);
      continue;
    }
    cues.push({ start, end, lines: block.slice(t + 1).map((k) => lines[k]!), line: at + 1 });
  }
  const youtube = kind === 'vtt' && cues.some((c) => c.lines.some((l) => /<(?:\d+:)?\d{2}:\d{2}\.\d{3}>/.test(l)));
  const words: TimedWord[] = [];
  const recent: string[] = [];
  const key = (l: string): string => decode(l.replace(TAG, '')).replace(/\s+/g, ' ').trim();
  let last = 0;
  for (const cue of cues) {
    const raw: RawWord[] = [];
    cue.lines.forEach((line, k) => {
      const plain = key(line);
      if (!plain) return;
      const read = lineWords(cleanLine(line, !youtube && k === 0));
      // YouTube: a line carried over from the cue before (or the finished line again) was read already.
      if (youtube && !read.timed && recent.includes(plain)) return;
      if (youtube) {
        recent.push(plain);
        if (recent.length > 3) recent.shift();
      }
      raw.push(...read.words.filter((w) => /[\p{L}\p{N}]/u.test(w.text)));
    });
    if (!raw.length) continue;
    if (cue.start < last - 0.001) problem('cues-out-of-order', 'This cue starts before the one before it ends: its words are read in file order.', cue.line, 1);
    const lo = Math.max(cue.start, last);
    const hi = Math.max(lo, cue.end);
    for (const w of raw) if (w.start !== undefined) w.start = Math.min(hi, Math.max(lo, w.start));
    if (raw[0]!.start === undefined) Object.assign(raw[0]!, { start: lo, estimated: !youtube });
    const timed = fillTimes(raw, lo, hi);
    // Words the cue times only place are estimates; YouTube's timestamped ones are the recognizer's own.
    if (!youtube) for (const w of timed) w.estimated = true;
    words.push(...timed);
    last = Math.max(last, timed[timed.length - 1]!.start);
  }
  if (!words.length && !problems.some((p) => p.fatal)) problem('no-words', 'The file holds no timed words.', 1, 1, true);
  return { format: youtube ? 'youtube-vtt' : kind, words, problems };
}
