import { plainText } from '../editor/cue-text.js';

/**
 * Word times as WebVTT cue timestamps (`<00:01:02.500>`, WebVTT 4.2.2
 * "cue timestamp"): written before every word but the first, so a player
 * (and `<cue-transcript>`) lights the words as they are spoken, and an
 * export followed by an import gives them back unchanged.
 */

/** `hh:mm:ss.mmm`. */
export function timestamp(seconds: number): string {
  const t = Math.max(0, Math.round(seconds * 1000));
  const p = (n: number, w: number): string => String(n).padStart(w, '0');
  return `${p(Math.floor(t / 3_600_000), 2)}:${p(Math.floor(t / 60_000) % 60, 2)}:${p(Math.floor(t / 1000) % 60, 2)}.${p(t % 1000, 3)}`;
}

const TIMESTAMP = /^<(?:(\d{2,}):)?(\d{2}):(\d{2})\.(\d{3})>$/;

/** Seconds of a timestamp tag, or undefined. */
function parseTimestamp(tag: string): number | undefined {
  const m = TIMESTAMP.exec(tag);
  if (!m) return undefined;
  return ((Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3])) * 1000 + Number(m[4])) / 1000;
}

/** The payload without its timestamp tags. */
export function withoutWordTimes(payload: string): string {
  return payload.replace(/<(?:\d{2,}:)?\d{2}:\d{2}\.\d{3}>/g, '');
}

/**
 * Puts a timestamp before each word of `payload` (its whitespace-separated
 * tokens holding a letter or digit, as `wordsOf` counts them) from `starts`
 * (seconds, one per word), keeping only those strictly inside (cueStart,
 * cueEnd) and rising, as WebVTT requires. Existing timestamps are replaced.
 */
export function withWordTimes(payload: string, starts: readonly number[], cueStart: number, cueEnd: number): string {
  const clean = withoutWordTimes(payload);
  const isWord = plainText(clean)
    .split(/\s+/)
    .filter((t) => t !== '')
    .map((t) => /[\p{L}\p{N}]/u.test(t));
  let out = '';
  let token = -1;
  let word = -1;
  let last = cueStart;
  let inTag = false;
  let prevSpace = true;
  for (let i = 0; i < clean.length; i++) {
    const c = clean[i]!;
    if (inTag) {
      out += c;
      if (c === '>') inTag = false;
      continue;
    }
    if (c === '<') {
      inTag = true;
      out += c;
      continue;
    }
    const space = /\s/.test(c);
    if (!space && prevSpace) {
      token++;
      if (isWord[token]) {
        word++;
        const t = Math.round((starts[word] ?? NaN) * 1000) / 1000;
        if (word > 0 && t > last && t < cueEnd) {
          out += `<${timestamp(t)}>`;
          last = t;
        }
      }
    }
    prevSpace = space;
    out += c;
  }
  return out;
}

/** The word start times a payload's timestamps give (the cue start for words before the first), one per word. */
export function wordTimesOf(payload: string, cueStart: number): number[] {
  const tokens: { time: number; word: boolean }[] = [];
  let current = cueStart;
  let prevSpace = true;
  for (const part of payload.split(/(<[^>]*>)/)) {
    if (part.startsWith('<')) {
      const t = parseTimestamp(part);
      if (t !== undefined) current = t;
      continue;
    }
    for (const piece of part.split(/(\s+)/)) {
      if (piece === '') continue;
      if (/^\s+$/.test(piece)) {
        prevSpace = true;
        continue;
      }
      if (prevSpace) tokens.push({ time: current, word: false });
      prevSpace = false;
      const last = tokens[tokens.length - 1];
      if (last && /[\p{L}\p{N}]/u.test(plainText(piece))) last.word = true;
    }
  }
  return tokens.filter((t) => t.word).map((t) => t.time);
}
