/**
 * Cue settings: `vertical`, `line`, `position`, `size`, `align`, `region`.
 *
 * @see https://www.w3.org/TR/webvtt1/#parse-the-webvtt-cue-settings
 */
import type { WebVTTCue, WebVTTRegion } from './types.js';
import { indexOfCode, isWhitespace, report, type LineContext } from './errors.js';

const PERCENT = 37;
const DOT = 46;
const HYPHEN = 45;
const COLON = 58;
const COMMA = 44;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Turns -0 into 0, as the HTML floating-point rules do. */
function noNegativeZero(n: number): number {
  return n + 0;
}

/**
 * "Parse a percentage string" on `s[from, to)`: digits, optionally `.` and
 * digits, then `%`, with a value in 0..100. Returns NaN on failure.
 *
 * @see https://www.w3.org/TR/webvtt1/#parse-a-percentage-string
 * @see https://www.w3.org/TR/webvtt1/#webvtt-percentage
 */
export function parsePercentage(s: string, from: number, to: number): number {
  if (to - from < 2 || s.charCodeAt(to - 1) !== PERCENT) return NaN;
  let i = from;
  const last = to - 1;
  while (i < last && isDigit(s.charCodeAt(i))) i++;
  if (i === from) return NaN;
  if (i < last && s.charCodeAt(i) === DOT) {
    const fraction = ++i;
    while (i < last && isDigit(s.charCodeAt(i))) i++;
    if (i === fraction) return NaN;
  }
  if (i !== last) return NaN;
  const value = Number(s.slice(from, last));
  return value >= 0 && value <= 100 ? noNegativeZero(value) : NaN;
}

/** The `line` setting's number form: `-`? digits (`.` digits)?. NaN when it is not that. */
function parseLineNumber(s: string, from: number, to: number): number {
  let dots = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === HYPHEN) {
      if (i !== from) return NaN;
    } else if (c === DOT) {
      if (++dots > 1) return NaN;
      if (i === from || i === to - 1) return NaN;
      if (!isDigit(s.charCodeAt(i - 1)) || !isDigit(s.charCodeAt(i + 1))) return NaN;
    } else if (!isDigit(c)) {
      return NaN;
    }
  }
  return noNegativeZero(Number(s.slice(from, to)));
}

/** Bits for repeated-setting detection. */
const SEEN: Record<string, number> = { vertical: 1, line: 2, position: 4, size: 8, align: 16, region: 32 };

/**
 * "Parse the WebVTT cue settings" from `s[from, to)` into `cue`, following the
 * spec step by step: each token is `name:value`; unknown names and bad values
 * are ignored (and reported at the token's column); `region` takes the last
 * region with that id; `vertical`, a non-auto `line` and a `size` other than
 * 100 each drop the region set so far.
 *
 * @see https://www.w3.org/TR/webvtt1/#parse-the-webvtt-cue-settings
 */
export function parseCueSettings(
  s: string,
  from: number,
  to: number,
  cue: WebVTTCue,
  regions: readonly WebVTTRegion[],
  ctx: LineContext,
): void {
  let seen = 0;
  let i = from;
  while (i < to) {
    while (i < to && isWhitespace(s.charCodeAt(i))) i++;
    if (i >= to) break;
    const start = i;
    while (i < to && !isWhitespace(s.charCodeAt(i))) i++;
    const colon = indexOfCode(s, COLON, start, i);
    if (colon <= start || colon === i - 1) {
      report(ctx, 'bad-setting', `Cue setting "${s.slice(start, i)}" is not of the form name:value`, start);
      continue;
    }
    const name = s.slice(start, colon);
    const bit = SEEN[name] ?? 0;
    if (bit !== 0 && (seen & bit) !== 0) {
      report(ctx, 'bad-setting', `Cue setting "${name}" appears more than once`, start);
    }
    seen |= bit;
    const problem = applySetting(s, name, colon + 1, i, cue, regions);
    if (problem) report(ctx, 'bad-setting', problem, start);
  }
}

/** Applies one setting; returns a description of what was wrong, or ''. */
function applySetting(
  s: string,
  name: string,
  from: number,
  to: number,
  cue: WebVTTCue,
  regions: readonly WebVTTRegion[],
): string {
  const value = s.slice(from, to);
  switch (name) {
    case 'region': {
      let found: WebVTTRegion | null = null;
      for (let r = regions.length - 1; r >= 0; r--) {
        const region = regions[r];
        if (region && region.id === value) {
          found = region;
          break;
        }
      }
      cue.region = found;
      return found ? '' : `Cue setting region:${value} names no region defined before the first cue`;
    }
    case 'vertical': {
      let problem = '';
      if (value === 'rl' || value === 'lr') cue.vertical = value;
      else problem = `Cue setting vertical:${value} must be "rl" or "lr"`;
      if (cue.vertical !== '') return dropRegion(cue, 'vertical') || problem;
      return problem;
    }
    case 'line':
      return applyLine(s, from, to, value, cue);
    case 'position':
      return applyPosition(s, from, to, value, cue);
    case 'size': {
      const size = parsePercentage(s, from, to);
      if (Number.isNaN(size)) return `Cue setting size:${value} must be a percentage from 0% to 100%`;
      cue.size = size;
      return size !== 100 ? dropRegion(cue, 'size') : '';
    }
    case 'align':
      if (value === 'start' || value === 'center' || value === 'end' || value === 'left' || value === 'right') {
        cue.align = value;
        return '';
      }
      return `Cue setting align:${value} must be start, center, end, left or right`;
    default:
      return `Unknown cue setting "${name}"`;
  }
}

function dropRegion(cue: WebVTTCue, why: string): string {
  if (cue.region === null) return '';
  cue.region = null;
  return `Cue setting ${why} takes the cue out of its region (region, vertical, line and size do not combine)`;
}

/** @see https://www.w3.org/TR/webvtt1/#parse-the-webvtt-cue-settings ("line") */
function applyLine(s: string, from: number, to: number, value: string, cue: WebVTTCue): string {
  const comma = indexOfCode(s, COMMA, from, to);
  const posEnd = comma < 0 ? to : comma;
  let hasDigit = false;
  for (let i = from; i < posEnd && !hasDigit; i++) hasDigit = isDigit(s.charCodeAt(i));
  if (!hasDigit) return `Cue setting line:${value} needs a number or a percentage`;
  const percent = s.charCodeAt(posEnd - 1) === PERCENT;
  const number = percent ? parsePercentage(s, from, posEnd) : parseLineNumber(s, from, posEnd);
  if (number === Infinity || number === -Infinity) {
    // Too many digits for a double: no line to put the cue on, so the setting is ignored.
    return `Cue setting line:${value} is too large a number`;
  }
  if (Number.isNaN(number)) {
    return percent
      ? `Cue setting line:${value} must be a percentage from 0% to 100%`
      : `Cue setting line:${value} must be an integer or a decimal number`;
  }
  if (comma >= 0) {
    const align = s.slice(comma + 1, to);
    if (align === 'start' || align === 'center' || align === 'end') cue.lineAlign = align;
    else return `Cue setting line:${value} has line alignment "${align}"; expected start, center or end`;
  }
  cue.line = number;
  cue.snapToLines = !percent;
  return dropRegion(cue, 'line');
}

/** @see https://www.w3.org/TR/webvtt1/#parse-the-webvtt-cue-settings ("position") */
function applyPosition(s: string, from: number, to: number, value: string, cue: WebVTTCue): string {
  const comma = indexOfCode(s, COMMA, from, to);
  const number = parsePercentage(s, from, comma < 0 ? to : comma);
  if (Number.isNaN(number)) return `Cue setting position:${value} must be a percentage from 0% to 100%`;
  if (comma >= 0) {
    const align = s.slice(comma + 1, to);
    if (align === 'line-left' || align === 'center' || align === 'line-right') cue.positionAlign = align;
    else return `Cue setting position:${value} has alignment "${align}"; expected line-left, center or line-right`;
  }
  cue.position = number;
  return '';
}
