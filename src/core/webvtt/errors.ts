import type { WebVTTDocument, WebVTTError } from './types.js';

/** How many errors `parseWebVTT` keeps; the rest are only counted in `errorCount`. */
export const MAX_KEPT_ERRORS = 200;

/**
 * Codes of {@link WebVTTError}. The parser never throws; it records one of
 * these and carries on the way the spec's parser does.
 *
 * - `bad-signature` (fatal): the file does not start with `WEBVTT` + space, tab or line end.
 * - `bad-timestamp`: a cue's start or end timestamp is malformed; the cue is skipped.
 * - `bad-arrow`: no `-->` after the start timestamp; the cue is skipped.
 * - `bad-timing`: end time not after start time (the cue is kept, as browsers do).
 * - `bad-setting`: a cue setting that is malformed, unknown, repeated, has a bad value, names an
 *   unknown region, or a region dropped because of `vertical`/`line`/`size`; it is ignored.
 * - `bad-region-setting`: same for a `REGION` block's settings.
 * - `style-after-cue` / `region-after-cue`: a `STYLE` / `REGION` block after the first cue; ignored.
 * - `missing-blank-line`: a line with `-->` ends the previous block without a blank line.
 * - `bad-block`: a block that is not a cue, `NOTE`, `STYLE` or `REGION`; ignored.
 * - `bad-input`: the input is not a string (fatal).
 */
export type WebVTTErrorCode =
  | 'bad-signature'
  | 'bad-timestamp'
  | 'bad-arrow'
  | 'bad-timing'
  | 'bad-setting'
  | 'bad-region-setting'
  | 'style-after-cue'
  | 'region-after-cue'
  | 'missing-blank-line'
  | 'bad-block'
  | 'bad-input';

/** Where errors go while one line is being parsed: the document plus the line's position. */
export interface LineContext {
  doc: WebVTTDocument;
  /** 1-based line number. */
  line: number;
  /** Index in the input where the line starts (column 1). */
  lineStart: number;
}

/** Records a non-fatal error at input index `at` of the line described by `ctx`. */
export function report(ctx: LineContext, code: WebVTTErrorCode, message: string, at: number): void {
  addError(ctx.doc, { code, message, line: ctx.line, column: at - ctx.lineStart + 1, fatal: false });
}

/**
 * Records an error on `doc`: counted always, kept while fewer than
 * {@link MAX_KEPT_ERRORS} are, so a broken file's memory stays bounded.
 */
export function addError(doc: WebVTTDocument, error: WebVTTError): void {
  doc.errorCount = (doc.errorCount ?? doc.errors.length) + 1;
  if (doc.errors.length < MAX_KEPT_ERRORS) doc.errors.push(error);
}

/** True for the spec's ASCII whitespace: tab, LF, FF, CR, space. */
export function isWhitespace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 12 || c === 13;
}

/** Index of char code `code` in `s[from, to)`, or -1. Bounded, unlike `indexOf`. */
export function indexOfCode(s: string, code: number, from: number, to: number): number {
  for (let i = from; i < to; i++) if (s.charCodeAt(i) === code) return i;
  return -1;
}
