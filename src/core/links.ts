import { formatTime, parseTimeParam } from './time.js';
import type { Transcript } from './transcript/types.js';

/**
 * Deep links into a session, in the URL fragment:
 * - `#t=95`, `#t=1:35`, `#t=00:01:35.000` (W3C Media Fragments, normal play time);
 * - `#q=5` (question number) or `#q=<slug>`, or the bare slug `#<slug>`.
 * Parameters combine with `&`, e.g. `#q=flat-latency&t=1:35`.
 * @see https://www.w3.org/TR/media-frags/#naming-time
 */

/** Where a fragment points. `time` is seconds; `question` an index into `transcript.questions`. */
export interface FragmentTarget {
  time: number | null;
  question: number | null;
}

/** `value` is already decoded (once, by {@link parseFragment}): never decode it again. */
function questionFor(t: Transcript, value: string): number | null {
  const v = value.trim().toLowerCase();
  if (/^\d+$/.test(v)) {
    const n = Number(v);
    return n >= 1 && n <= t.questions.length ? n - 1 : null;
  }
  const i = t.questions.findIndex((q) => q.slug === v || q.id.toLowerCase() === v);
  return i >= 0 ? i : null;
}

/** Percent-decodes once; a malformed escape (`%`, `%E0`) leaves the text as written. */
function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * Reads a fragment (`location.hash`, with or without `#`). Returns null when it
 * names nothing in this transcript. With both `q` and `t`, `t` wins for the
 * time and `q` still names the question.
 */
export function parseFragment(hash: string, t: Transcript): FragmentTarget | null {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!raw) return null;
  let time: number | null = null;
  let question: number | null = null;
  for (const part of raw.split('&')) {
    const eq = part.indexOf('=');
    const key = eq < 0 ? '' : part.slice(0, eq);
    const value = eq < 0 ? part : part.slice(eq + 1);
    if (key === 't') time = parseTimeParam(safeDecode(value));
    else if (key === 'q') question = questionFor(t, safeDecode(value));
    else if (key === '' && question === null) {
      const i = t.questions.findIndex((q) => q.slug === safeDecode(value).toLowerCase());
      if (i >= 0) question = i;
    }
  }
  if (time === null && question === null) return null;
  if (time === null && question !== null) time = t.questions[question]!.startTime;
  return { time, question };
}

/** Seconds as a Media Fragments `t=` value: whole tenths, plain seconds (`95.3`). */
export function formatTimeParam(seconds: number): string {
  const s = Math.max(0, Math.round(seconds * 10) / 10);
  return String(s);
}

/** A fragment for a moment: `#t=95.3`. */
export function momentFragment(seconds: number): string {
  return `#t=${formatTimeParam(seconds)}`;
}

/** A fragment for a question, by slug so it survives re-timing: `#q=flat-latency`. */
export function questionFragment(t: Transcript, question: number): string {
  const q = t.questions[question];
  return q ? `#q=${encodeURIComponent(q.slug)}` : '';
}

/** Replaces the fragment of `url` (a string) with `fragment`. */
export function withFragment(url: string, fragment: string): string {
  const hash = url.indexOf('#');
  return (hash < 0 ? url : url.slice(0, hash)) + fragment;
}

/** A quoted passage ready to paste: the words, who said them and when, and the link. */
export function formatQuote(text: string, speaker: string, seconds: number, url: string): string {
  const who = speaker ? `${speaker}, ` : '';
  return `“${text.trim().replace(/\s+/g, ' ')}”\n— ${who}at ${formatTime(seconds)}\n${url}`;
}
