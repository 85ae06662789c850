import { relayoutChapters, type AlignedBoundary, type AlignResult } from '../editor/align.js';
import { plainText } from '../editor/cue-text.js';
import { ms, type EditCue, type EditorSession } from '../editor/session.js';
import { retime } from '../editor/spread.js';
import { withWordTimes } from '../align/word-times.js';
import { wordKeys } from './normalize.js';
import { alignSequences, type SequenceOptions } from './sequence.js';
import type { TimedWord } from './words.js';

/**
 * Timing transfer: carry a recognizer's word times (automatic captions,
 * Whisper, Gentle…) onto the edited transcript's words.
 *
 * Both sides become word keys (`normalize.ts`) and are aligned word by word
 * (`sequence.ts`). A text word paired with a recognized word (the same word,
 * or a substitution the recognizer made) takes its time. Words the editor
 * added get times from their neighbours: the gap between them when there is
 * room, else a share of the neighbours' own time by length. Recognized words
 * the editor removed (fillers, false starts) leave gaps between the words
 * around them, absorbed there. A sentence runs from its first word's start
 * to its last word's end. Sentences with too few exactly matched words are
 * flagged for review; one with none is taken as not spoken and squeezed
 * into the gap between its neighbours, never stretched over them.
 */

export interface TransferOptions {
  /** Seconds: the media length (default: the session's duration or the captions' end, whichever is later). */
  duration?: number;
  /** A cue whose share of exactly matched words is under this is flagged for review. Default 0.5. */
  reviewBelow?: number;
  /** Write every word's start into its cue's text as a WebVTT timestamp. Default true. */
  wordTimestamps?: boolean;
  /**
   * The captions' word ends are the recognizer's own (Whisper, Gentle): a word the text lacks that touches a
   * sentence's edge word is then taken into the sentence. False for formats where a word lasts until the next
   * starts (YouTube's captions, cue-level SRT / VTT: `needsPauseRefinement`). Default true.
   */
  wordEnds?: boolean;
  sequence?: SequenceOptions;
}

export interface TransferResult extends AlignResult {
  /** Per cue: its words with times. */
  words: { text: string; start: number; end: number }[][];
  /** Per cue: the share (0-1) of its word keys the captions matched exactly. */
  matched: number[];
  /** Cues with no word matched: taken as not spoken. */
  unspoken: number[];
  /** Cues (by index) flagged for review because too few of their words matched. */
  lowMatch: number[];
}

/** Thrown when the captions and the text have (almost) no word in common. */
export class TransferError extends Error {
  override name = 'TransferError';
}

/** Seconds per character (and two more per word) of a word placed with room on one side only: about 3 words a second. */
const PER_CHAR = 0.055;
/** Seconds per word an added word needs before it takes room from its neighbours instead of the gap. */
const ROOM = 0.08;
/** Most recognized words the text lacks that a sentence edge takes in when they touch it. */
const GLUED = 2;
/** Seconds between two recognized words under which they touch (no pause between). */
const TOUCH = 0.05;
/** Most added words in a row that share their neighbours' time; a longer run stays in the gap. */
const SHARE_RUN = 3;

interface TextWord {
  cue: number;
  text: string;
  keys: number;
  start: number;
  end: number;
  timed: boolean;
  exact: number;
  /** The first and last recognizer key paired with it (-1: none). */
  firstA: number;
  lastA: number;
}

const weight = (w: { text: string }): number => w.text.length + 2;
/** Seconds the words of `run` take at a usual speaking rate. */
const spoken = (run: readonly { text: string }[]): number => run.reduce((s, w) => s + weight(w) * PER_CHAR, 0);

/** The words of a cue's text, as `withWordTimes` counts them. */
function cueWords(payload: string): string[] {
  return plainText(payload)
    .split(/\s+/)
    .filter((t) => /[\p{L}\p{N}]/u.test(t));
}

/** Spreads `run` by length over [from, to). */
function spread(run: TextWord[], from: number, to: number): void {
  const total = run.reduce((s, w) => s + weight(w), 0) || 1;
  let at = from;
  const span = Math.max(0, to - from);
  for (const w of run) {
    w.start = at;
    at += (span * weight(w)) / total;
    w.end = at;
  }
}

/** Carries the times of `captions` onto `session`'s words. See the module comment. */
export function transferTiming(session: EditorSession, captions: readonly TimedWord[], options: TransferOptions = {}): TransferResult {
  const asrKeys: string[] = [];
  const keyStart: number[] = [];
  const keyEnd: number[] = [];
  for (const w of captions) {
    const keys = wordKeys(w.text);
    const d = (w.end - w.start) / (keys.length || 1);
    keys.forEach((k, q) => {
      asrKeys.push(k);
      keyStart.push(w.start + q * d);
      keyEnd.push(w.start + (q + 1) * d);
    });
  }
  const lastEnd = captions.length ? captions[captions.length - 1]!.end : 0;
  const duration = options.duration ?? Math.max(session.duration, lastEnd);
  const cues = session.cues;
  const n = cues.length;

  const words: TextWord[] = [];
  const textKeys: string[] = [];
  const keyWord: number[] = [];
  const firstWord = new Int32Array(n + 1);
  cues.forEach((c, ci) => {
    firstWord[ci] = words.length;
    for (const t of cueWords(c.text)) {
      const keys = wordKeys(t);
      for (const k of keys) {
        textKeys.push(k);
        keyWord.push(words.length);
      }
      words.push({ cue: ci, text: t, keys: keys.length, start: 0, end: 0, timed: false, exact: 0, firstA: -1, lastA: -1 });
    }
  });
  firstWord[n] = words.length;

  const pairs = alignSequences(asrKeys, textKeys, options.sequence);
  let exactTotal = 0;
  for (let k = 0; k < textKeys.length; k++) {
    const a = pairs.toA[k]!;
    if (a < 0) continue;
    const w = words[keyWord[k]!]!;
    if (w.firstA < 0) w.firstA = a;
    w.lastA = a;
    if (!w.timed) {
      w.start = keyStart[a]!;
      w.end = keyEnd[a]!;
      w.timed = true;
    } else {
      w.start = Math.min(w.start, keyStart[a]!);
      w.end = Math.max(w.end, keyEnd[a]!);
    }
    w.exact += pairs.exact[k]!;
    exactTotal += pairs.exact[k]!;
  }
  if (words.length && exactTotal < Math.min(3, words.length)) {
    throw new TransferError(`The captions and the text have almost no words in common (${exactTotal} of ${words.length} words matched): are they of the same recording?`);
  }

  // Words the captions lack, run by run, placed from their neighbours.
  for (let a = 0; a < words.length; ) {
    if (words[a]!.timed) {
      a++;
      continue;
    }
    let b = a;
    while (b < words.length && !words[b]!.timed) b++;
    const run = words.slice(a, b);
    const left = a > 0 ? words[a - 1]! : undefined;
    const right = b < words.length ? words[b]! : undefined;
    const cueOf = run[0]!.cue;
    const oneCue = run.every((w) => w.cue === cueOf);
    if (left && right && oneCue && left.cue !== cueOf && right.cue === cueOf) {
      // The first words of a sentence: just before its first timed word, not over the pause before it.
      spread(run, Math.max(left.end, right.start - spoken(run)), right.start);
    } else if (left && right && oneCue && left.cue === cueOf && right.cue !== cueOf) {
      // Its last words: just after its last timed word.
      spread(run, left.end, Math.min(right.start, left.end + spoken(run)));
    } else if (left && right) {
      const gap = right.start - left.end;
      if (gap >= ROOM * run.length || run.length > SHARE_RUN) spread(run, left.end, Math.max(left.end, right.start));
      else {
        // No room: the added words take their share of the neighbours' time, by length.
        const from = left.start;
        const to = right.end;
        spread([left, ...run, right], from, to);
        left.start = from;
        right.end = to;
      }
    } else if (right) spread(run, Math.max(0, right.start - spoken(run)), right.start);
    else if (left) spread(run, left.end, Math.min(Math.max(duration, left.end), left.end + spoken(run)));
    a = b;
  }

  // A recognized word the text lacks, spoken right against a sentence's first or last word (no pause between:
  // a false start, a filler the editor removed, a word the recognizer split off), is part of that sentence.
  const paired = new Uint8Array(asrKeys.length);
  for (const a of pairs.toA) if (a >= 0) paired[a] = 1;
  for (let ci = 0; ci < n; ci++) {
    if (options.wordEnds === false || cues[ci]!.fixed || firstWord[ci] === firstWord[ci + 1]) continue;
    const first = words[firstWord[ci]!]!;
    const last = words[firstWord[ci + 1]! - 1]!;
    if (last.lastA >= 0) {
      let a = last.lastA;
      for (let q = 0; q < GLUED && a + 1 < asrKeys.length && !paired[a + 1] && keyStart[a + 1]! - keyEnd[a]! < TOUCH; q++) a++;
      last.end = Math.max(last.end, keyEnd[a]!);
    }
    if (first.firstA >= 0) {
      let a = first.firstA;
      for (let q = 0; q < GLUED && a > 0 && !paired[a - 1] && keyStart[a]! - keyEnd[a - 1]! < TOUCH; q++) a--;
      first.start = Math.min(first.start, keyStart[a]!);
    }
  }

  // Never backwards.
  let last = 0;
  for (const w of words) {
    w.start = Math.max(last, w.start);
    w.end = Math.max(w.start, w.end);
    last = w.start;
  }
  for (let k = 0; k + 1 < words.length; k++) words[k]!.end = Math.min(words[k]!.end, Math.max(words[k]!.start, words[k + 1]!.start));

  const reviewBelow = options.reviewBelow ?? 0.5;
  const matched: number[] = [];
  const unspoken: number[] = [];
  const lowMatch: number[] = [];
  const starts = new Float64Array(n);
  const ends = new Float64Array(n);
  const perCue: { text: string; start: number; end: number }[][] = [];
  for (let ci = 0; ci < n; ci++) {
    const ws = words.slice(firstWord[ci]!, firstWord[ci + 1]!);
    const keys = ws.reduce((s, w) => s + w.keys, 0);
    const exact = ws.reduce((s, w) => s + w.exact, 0);
    matched.push(keys ? exact / keys : 1);
    const c = cues[ci]!;
    if (c.fixed) {
      starts[ci] = c.startTime;
      ends[ci] = c.endTime;
    } else if (ws.length) {
      starts[ci] = ws[0]!.start;
      ends[ci] = ws[ws.length - 1]!.end;
    } else {
      // A cue with no words (a sound tag): after the cue before it, with no length of its own.
      starts[ci] = ci > 0 ? ends[ci - 1]! : 0;
      ends[ci] = starts[ci]!;
    }
    if (!c.fixed && keys && exact === 0 && ws.length >= 2) unspoken.push(ci);
    else if (!c.fixed && keys && exact / keys < reviewBelow) lowMatch.push(ci);
    perCue.push(ws.map((w) => ({ text: w.text.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''), start: ms(w.start), end: ms(w.end) })));
  }
  // Cues in order, none over a fixed neighbour or its next one.
  for (let ci = 0; ci < n; ci++) {
    if (cues[ci]!.fixed) continue;
    const lo = ci > 0 ? ends[ci - 1]! : 0;
    starts[ci] = Math.min(Math.max(starts[ci]!, lo), duration);
    ends[ci] = Math.min(Math.max(ends[ci]!, starts[ci]!), duration);
    const next = cues[ci + 1];
    if (next) {
      const cap = next.fixed ? next.startTime : starts[ci + 1]!;
      if (cap >= starts[ci]!) ends[ci] = Math.min(ends[ci]!, cap);
    }
  }

  const aligned: EditCue[] = cues.map((c, k) => {
    if (c.fixed) return c;
    const startTime = ms(starts[k]!);
    const endTime = Math.max(startTime, ms(ends[k]!));
    const text = options.wordTimestamps === false || unspoken.includes(k) ? c.text : withWordTimes(c.text, perCue[k]!.map((w) => w.start), startTime, endTime);
    return { ...c, text, startTime, endTime, timed: true };
  });
  const base = { ...session, duration };
  const result = relayoutChapters(base, retime(base, aligned, duration));
  const flagged = new Set([...unspoken, ...lowMatch]);
  const boundaries: AlignedBoundary[] = [];
  for (let b = 0; b <= n; b++) {
    const l = b > 0 ? matched[b - 1]! : 1;
    const r = b < n ? matched[b]! : 1;
    const anchor = (b === 0 || cues[b - 1]!.fixed) && (b === n || cues[b]!.fixed);
    let confidence = anchor ? 1 : Math.min(l, r);
    if (flagged.has(b - 1) || flagged.has(b)) confidence = Math.min(confidence, reviewBelow * 0.99);
    boundaries.push({ boundary: b, end: result.cues[b - 1]?.endTime, start: result.cues[b]?.startTime, confidence, snapped: false });
  }
  const review = boundaries
    .filter((b) => b.confidence < reviewBelow)
    .sort((x, y) => x.confidence - y.confidence || x.boundary - y.boundary)
    .map((b) => b.boundary);
  return { session: result, boundaries, review, pauses: [], speech: { duration, pauses: [] }, engine: 'transfer', words: perCue, matched, unspoken, lowMatch };
}
