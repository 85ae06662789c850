/**
 * WebVTT timestamps: the spec's "collect a WebVTT timestamp" scanner and its
 * inverse. Pure, allocation-free on the hot path.
 *
 * @see https://www.w3.org/TR/webvtt1/#collect-a-webvtt-timestamp
 */

/** Why the last `collectTimestamp` call failed ('' after a success). */
let failure = '';
/** Index just past the timestamp (success) or of the offending character (failure). */
let endIndex = 0;

/**
 * Reason the last {@link collectTimestamp} call failed, or '' if it succeeded.
 * @see https://www.w3.org/TR/webvtt1/#collect-a-webvtt-timestamp
 */
export function timestampFailure(): string {
  return failure;
}

/**
 * Index where the last {@link collectTimestamp} call stopped.
 * @see https://www.w3.org/TR/webvtt1/#collect-a-webvtt-timestamp
 */
export function timestampEnd(): number {
  return endIndex;
}

const DIGIT_0 = 48;
const DIGIT_9 = 57;
const COLON = 58;
const DOT = 46;

/**
 * Largest hours value accepted. The spec puts no limit on hours, but a time
 * past this cannot be held to the millisecond in a double, so it could not be
 * written back and read again as the same time. Larger hours are an error.
 */
export const MAX_HOURS = 999_999_999;
/** Largest time in seconds a timestamp can hold and round-trip exactly. */
export const MAX_TIMESTAMP = MAX_HOURS * 3600 + 59 * 60 + 59.999;

function fail(reason: string, at: number): number {
  failure = reason;
  endIndex = at;
  return -1;
}

/**
 * Runs "collect a WebVTT timestamp" on `s` from index `i`, reading no further
 * than `end`. Returns seconds, or -1 on failure (see {@link timestampFailure}
 * and {@link timestampEnd} for why and where).
 *
 * Hours are optional; minutes and seconds are exactly two digits (0-59); the
 * fraction is exactly three digits. A first unit that is not two digits, or is
 * above 59, is hours.
 *
 * @see https://www.w3.org/TR/webvtt1/#collect-a-webvtt-timestamp
 */
export function collectTimestamp(s: string, i: number, end: number): number {
  let c = i < end ? s.charCodeAt(i) : -1;
  if (c < DIGIT_0 || c > DIGIT_9) return fail('expected a digit', i);
  let v1 = 0;
  let n = 0;
  const first = i;
  while (i < end && (c = s.charCodeAt(i)) >= DIGIT_0 && c <= DIGIT_9) {
    // Saturate: the value only needs to be known up to MAX_HOURS.
    if (v1 <= MAX_HOURS) v1 = v1 * 10 + (c - DIGIT_0);
    i++;
    n++;
  }
  if (v1 > MAX_HOURS) return fail(`hours must be at most ${MAX_HOURS}`, first);
  const hours = n !== 2 || v1 > 59;
  if (i >= end || s.charCodeAt(i) !== COLON) return fail('expected ":" after the first unit', i);
  i++;
  let start = i;
  let v2 = 0;
  while (i < end && (c = s.charCodeAt(i)) >= DIGIT_0 && c <= DIGIT_9) {
    v2 = v2 * 10 + (c - DIGIT_0);
    i++;
  }
  if (i - start !== 2) return fail('minutes must be exactly two digits', start);
  let v3: number;
  if (hours || (i < end && s.charCodeAt(i) === COLON)) {
    if (i >= end || s.charCodeAt(i) !== COLON) return fail('expected ":" before the seconds', i);
    i++;
    start = i;
    v3 = 0;
    while (i < end && (c = s.charCodeAt(i)) >= DIGIT_0 && c <= DIGIT_9) {
      v3 = v3 * 10 + (c - DIGIT_0);
      i++;
    }
    if (i - start !== 2) return fail('seconds must be exactly two digits', start);
  } else {
    v3 = v2;
    v2 = v1;
    v1 = 0;
  }
  if (i >= end || s.charCodeAt(i) !== DOT) return fail('expected "." before the milliseconds', i);
  i++;
  start = i;
  let v4 = 0;
  while (i < end && (c = s.charCodeAt(i)) >= DIGIT_0 && c <= DIGIT_9) {
    v4 = v4 * 10 + (c - DIGIT_0);
    i++;
  }
  if (i - start !== 3) return fail('milliseconds must be exactly three digits', start);
  if (v2 > 59) return fail('minutes must be 00-59', i);
  if (v3 > 59) return fail('seconds must be 00-59', i);
  failure = '';
  endIndex = i;
  return v1 * 60 * 60 + v2 * 60 + v3 + v4 / 1000;
}

/**
 * Parses a whole string as one WebVTT timestamp (`[hh:]mm:ss.ttt`), or null.
 * @see https://www.w3.org/TR/webvtt1/#webvtt-timestamp
 */
export function parseTimestamp(text: string): number | null {
  const t = collectTimestamp(text, 0, text.length);
  return t < 0 || endIndex !== text.length ? null : t;
}

function pad(n: number, width: number): string {
  const s = String(n);
  return s.length >= width ? s : '0'.repeat(width - s.length) + s;
}

/**
 * Formats seconds as a WebVTT timestamp with every component: `hh:mm:ss.ttt`
 * (hours keep at least two digits). Rounds to the millisecond; negative or
 * non-finite input gives `00:00:00.000`; a time past {@link MAX_TIMESTAMP} (and
 * `Infinity`) is written as that largest time, so the output always parses. This is also the data of the
 * `timestamp` processing instructions of `getCueAsHTML()`.
 *
 * @see https://www.w3.org/TR/webvtt1/#webvtt-timestamp
 * @see https://www.w3.org/TR/webvtt1/#dom-construction-rules
 */
export function formatTimestamp(seconds: number): string {
  // Past MAX_TIMESTAMP a time cannot be read back: clamp, so what is written always parses.
  const clamped = seconds > MAX_TIMESTAMP ? MAX_TIMESTAMP : seconds;
  const total = Number.isFinite(clamped) && clamped > 0 ? Math.round(clamped * 1000) : 0;
  const ms = total % 1000;
  const s = Math.floor(total / 1000) % 60;
  const m = Math.floor(total / 60000) % 60;
  const h = Math.floor(total / 3600000);
  return `${pad(h, 2)}:${pad(m, 2)}:${pad(s, 2)}.${pad(ms, 3)}`;
}
