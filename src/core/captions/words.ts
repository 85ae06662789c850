/**
 * The common shape every captions reader gives: the recognizer's words in
 * order, each with a time, and the problems met reading the file.
 */

/** One recognized word. Seconds. */
export interface TimedWord {
  /** As the file wrote it (punctuation kept). */
  text: string;
  start: number;
  end: number;
  /** The file gave no time for this word itself: it was spread over its cue or segment by length. */
  estimated: boolean;
}

export type CaptionsFormat = 'youtube-vtt' | 'vtt' | 'srt' | 'whisper' | 'whisper-cpp' | 'gentle';

/** A problem with the file. Text formats say where by line and column (1-based); JSON ones by a JSON path. */
export interface CaptionsProblem {
  code: string;
  message: string;
  line?: number;
  column?: number;
  /** e.g. `$.segments[3].words[2].start`. */
  path?: string;
  /** Nothing usable could be read. */
  fatal: boolean;
}

export interface TimedCaptions {
  format: CaptionsFormat;
  words: TimedWord[];
  problems: CaptionsProblem[];
}

/** "line 3, column 14: …" or "$.segments[0].start: …". */
export function describeProblem(p: CaptionsProblem): string {
  const where = p.path ?? (p.line !== undefined ? `line ${p.line}${p.column !== undefined ? `, column ${p.column}` : ''}` : '');
  return where ? `${where}: ${p.message}` : p.message;
}

/** A word as a reader first sees it: times only where the file gave them. */
export interface RawWord {
  text: string;
  start?: number;
  end?: number;
  /** The start was put there by the reader (a cue's or segment's start), not given for the word. */
  estimated?: boolean;
}

const weight = (w: RawWord): number => w.text.length + 2;

/**
 * Gives every word a start and an end inside [lo, hi]: the words without a
 * start are spread by length between the nearest known times around them
 * (sharing the span of a known word whose end is unknown), a missing end is
 * the next word's start, and times never go backwards.
 */
export function fillTimes(words: readonly RawWord[], lo: number, hi: number): TimedWord[] {
  const n = words.length;
  const start = words.map((w) => w.start);
  const end = words.map((w) => w.end);
  for (let a = 0; a < n; ) {
    if (start[a] !== undefined) {
      a++;
      continue;
    }
    let b = a;
    while (b < n && start[b] === undefined) b++;
    // Share the previous word's span when its end is unknown.
    const from = a > 0 && end[a - 1] === undefined ? a - 1 : a;
    const left = from < a ? start[a - 1]! : a > 0 ? end[a - 1]! : lo;
    const right = b < n ? start[b]! : hi;
    const span = Math.max(0, right - left);
    let total = 0;
    for (let k = from; k < b; k++) total += weight(words[k]!);
    let at = left;
    for (let k = from; k < b; k++) {
      const d = (span * weight(words[k]!)) / total;
      if (k >= a) start[k] = at;
      at += d;
      end[k] ??= at;
    }
    a = b;
  }
  const out: TimedWord[] = [];
  let last = lo;
  for (let k = 0; k < n; k++) {
    const s = Math.min(hi, Math.max(last, start[k]!));
    const next = k + 1 < n ? start[k + 1]! : hi;
    let e = end[k] ?? next;
    if (next >= s) e = Math.min(e, next);
    e = Math.min(hi, Math.max(s, e));
    out.push({ text: words[k]!.text, start: s, end: e, estimated: words[k]!.estimated ?? words[k]!.start === undefined });
    last = s;
  }
  return out;
}
