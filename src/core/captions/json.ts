import { fillTimes, type CaptionsFormat, type CaptionsProblem, type RawWord, type TimedCaptions, type TimedWord } from './words.js';

/**
 * Recognizer JSON as timed words, checked field by field (a problem names
 * its JSON path):
 *
 * - Whisper (`--word_timestamps True`) and WhisperX: `segments[]` of
 *   `{start, end, text, words?: [{word, start, end}]}`. WhisperX leaves
 *   `start`/`end` out for words it could not align (numbers): those are
 *   spread over the gap. A segment without `words` is spread by length.
 * - whisper.cpp (`-oj`): `transcription[]` of `{offsets: {from, to}, text}`
 *   (milliseconds), cue-level.
 * - Gentle: `words[]` of `{word, alignedWord, start, end, case}`; words with
 *   `case: "not-found-in-audio"` have no times and are spread over the gap.
 */

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

class Reader {
  problems: CaptionsProblem[] = [];
  fail(code: string, path: string, message: string, fatal = false): void {
    if (this.problems.length < 100) this.problems.push({ code, path, message, fatal });
  }
  /** A time field: a finite number of at least 0, or undefined (missing, or reported when wrong). */
  time(o: Record<string, Json>, key: string, path: string, required: boolean): number | undefined {
    const v = o[key];
    if (v === undefined || v === null) {
      if (required) this.fail('missing-time', `${path}.${key}`, `Expected a time in seconds, found nothing.`);
      return undefined;
    }
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
      this.fail('bad-time', `${path}.${key}`, `Expected a time in seconds (a number of at least 0), found ${JSON.stringify(v)?.slice(0, 40)}.`);
      return undefined;
    }
    return v;
  }
  text(o: Record<string, Json>, key: string, path: string): string | undefined {
    const v = o[key];
    if (typeof v === 'string') return v;
    this.fail('bad-text', `${path}.${key}`, `Expected the word as a string, found ${JSON.stringify(v)?.slice(0, 40) ?? 'nothing'}.`);
    return undefined;
  }
}

const splitWords = (text: string): RawWord[] => text.split(/\s+/).filter((t) => /[\p{L}\p{N}]/u.test(t)).map((t) => ({ text: t }));

function whisper(root: Record<string, Json>, r: Reader): TimedWord[] {
  const segments = root['segments'];
  if (!Array.isArray(segments)) {
    r.fail('bad-segments', '$.segments', 'Expected an array of segments.', true);
    return [];
  }
  const out: TimedWord[] = [];
  let last = 0;
  segments.forEach((seg: Json, s) => {
    const path = `$.segments[${s}]`;
    if (!isObject(seg)) return r.fail('bad-segment', path, 'Expected a segment object {start, end, text}.');
    let start = r.time(seg, 'start', path, !Array.isArray(seg['words']));
    let end = r.time(seg, 'end', path, !Array.isArray(seg['words']));
    const raw: RawWord[] = [];
    if (Array.isArray(seg['words'])) {
      seg['words'].forEach((w: Json, k) => {
        const wp = `${path}.words[${k}]`;
        if (!isObject(w)) return r.fail('bad-word', wp, 'Expected a word object {word, start, end}.');
        const text = r.text(w, 'word' in w ? 'word' : 'text', wp);
        if (text === undefined || !/[\p{L}\p{N}]/u.test(text)) return;
        const ws = r.time(w, 'start', wp, false);
        const we = r.time(w, 'end', wp, false);
        raw.push({ text: text.trim(), ...(ws !== undefined ? { start: ws } : {}), ...(ws !== undefined && we !== undefined && we >= ws ? { end: we } : {}) });
      });
    } else if (typeof seg['text'] === 'string') raw.push(...splitWords(seg['text']));
    else return r.fail('bad-text', `${path}.text`, 'Expected the segment text as a string.');
    if (!raw.length) return;
    const known = raw.filter((w) => w.start !== undefined);
    start ??= known[0]?.start ?? last;
    end ??= Math.max(start, ...known.map((w) => w.end ?? w.start!));
    if (end < start) {
      r.fail('end-before-start', `${path}.end`, `The segment ends (${end}) before it starts (${start}).`);
      end = start;
    }
    const lo = Math.max(last, start);
    const hi = Math.max(lo, end, ...known.map((w) => w.end ?? w.start!));
    if (raw[0]!.start === undefined) Object.assign(raw[0]!, { start: lo, estimated: true });
    const timed = fillTimes(raw, lo, hi);
    out.push(...timed);
    last = timed[timed.length - 1]!.start;
  });
  return out;
}

function whisperCpp(root: Record<string, Json>, r: Reader): TimedWord[] {
  const items = root['transcription'];
  if (!Array.isArray(items)) {
    r.fail('bad-transcription', '$.transcription', 'Expected an array of segments.', true);
    return [];
  }
  const out: TimedWord[] = [];
  let last = 0;
  items.forEach((seg: Json, s) => {
    const path = `$.transcription[${s}]`;
    if (!isObject(seg) || !isObject(seg['offsets'])) return r.fail('bad-segment', `${path}.offsets`, 'Expected {offsets: {from, to}} in milliseconds.');
    const from = r.time(seg['offsets'], 'from', `${path}.offsets`, true);
    const to = r.time(seg['offsets'], 'to', `${path}.offsets`, true);
    const text = typeof seg['text'] === 'string' ? seg['text'] : r.fail('bad-text', `${path}.text`, 'Expected the segment text as a string.');
    if (from === undefined || to === undefined || text === undefined) return;
    const raw = splitWords(text);
    if (!raw.length) return;
    const lo = Math.max(last, from / 1000);
    raw[0]!.start = lo;
    const timed = fillTimes(raw, lo, Math.max(lo, to / 1000)).map((w) => ({ ...w, estimated: true }));
    out.push(...timed);
    last = timed[timed.length - 1]!.start;
  });
  return out;
}

function gentle(root: Record<string, Json>, r: Reader): TimedWord[] {
  const words = root['words'] as Json[];
  const raw: RawWord[] = [];
  words.forEach((w: Json, k) => {
    const wp = `$.words[${k}]`;
    if (!isObject(w)) return r.fail('bad-word', wp, 'Expected a word object {word, start, end}.');
    const text = r.text(w, 'word' in w ? 'word' : 'text', wp);
    if (text === undefined || !/[\p{L}\p{N}]/u.test(text)) return;
    const found = w['case'] === undefined || w['case'] === 'success';
    const start = found ? r.time(w, 'start', wp, true) : undefined;
    const end = found ? r.time(w, 'end', wp, true) : undefined;
    raw.push({ text, ...(start !== undefined ? { start } : {}), ...(start !== undefined && end !== undefined && end >= start ? { end } : {}) });
  });
  const known = raw.filter((w) => w.start !== undefined);
  if (!known.length) {
    if (raw.length) r.fail('no-times', '$.words', 'No word has a time (all were "not-found-in-audio").', true);
    return [];
  }
  const lo = raw[0]!.start ?? 0;
  const hi = Math.max(...known.map((w) => w.end ?? w.start!));
  // Words before the first found one get no room: start them where it starts.
  if (raw[0]!.start === undefined) Object.assign(raw[0]!, { start: known[0]!.start!, estimated: true });
  return fillTimes(raw, Math.min(lo, known[0]!.start!), hi);
}

/**
 * Where the first JSON syntax error is (engines word their messages differently, and V8's no longer give a
 * position): a scan of the grammar with an explicit stack, no recursion.
 */
export function jsonErrorAt(text: string): { line: number; column: number } | undefined {
  let i = 0;
  const ws = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const value = (): boolean => {
    const c = text[i];
    if (c === '"') {
      i++;
      while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      if (i >= text.length) return false;
      i++;
      return true;
    }
    const lit = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 64));
    if (!lit) return false;
    i += lit[0].length;
    return true;
  };
  const stack: string[] = [];
  let expect: 'value' | 'after' = 'value';
  ws();
  while (i < text.length) {
    const c = text[i]!;
    if (expect === 'value') {
      if (c === '{' || c === '[') {
        stack.push(c);
        i++;
        ws();
        if (text[i] === (c === '{' ? '}' : ']')) {
          stack.pop();
          i++;
          expect = 'after';
        } else if (c === '{') {
          if (!value() || text[i - 1] !== '"') break;
          ws();
          if (text[i] !== ':') break;
          i++;
        }
      } else {
        if (!value()) break;
        expect = 'after';
      }
    } else {
      const top = stack[stack.length - 1];
      if (!top) break;
      if (c === ',') {
        i++;
        ws();
        if (top === '{') {
          if (!value() || text[i - 1] !== '"') break;
          ws();
          if (text[i] !== ':') break;
          i++;
        }
        expect = 'value';
      } else if (c === (top === '{' ? '}' : ']')) {
        stack.pop();
        i++;
      } else break;
    }
    ws();
    if (!stack.length && expect === 'after') break;
  }
  ws();
  if (i >= text.length && !stack.length && expect === 'after') return undefined;
  const before = text.slice(0, i);
  return { line: before.split('\n').length, column: i - before.lastIndexOf('\n') };
}

/** Reads Whisper, WhisperX, whisper.cpp or Gentle JSON, telling which by its fields. */
export function readJsonCaptions(text: string): TimedCaptions {
  const r = new Reader();
  let root: Json;
  try {
    root = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const where = jsonErrorAt(text.replace(/^\uFEFF/, ''));
    return { format: 'whisper', words: [], problems: [{ code: 'bad-json', message: `Not valid JSON (${(e as Error).message}).`, ...where, fatal: true }] };
  }
  let format: CaptionsFormat = 'whisper';
  let words: TimedWord[] = [];
  if (!isObject(root)) r.fail('bad-root', '$', 'Expected an object with "segments" (Whisper, WhisperX), "transcription" (whisper.cpp) or "words" (Gentle).', true);
  else if ('segments' in root) words = whisper(root, r);
  else if ('transcription' in root) {
    format = 'whisper-cpp';
    words = whisperCpp(root, r);
  } else if (Array.isArray(root['words'])) {
    format = 'gentle';
    words = gentle(root, r);
  } else r.fail('unknown-json', '$', 'Expected "segments" (Whisper, WhisperX), "transcription" (whisper.cpp) or "words" (Gentle).', true);
  if (!words.length && !r.problems.some((p) => p.fatal)) r.fail('no-words', '$', 'The file holds no timed words.', true);
  return { format, words, problems: r.problems };
}
