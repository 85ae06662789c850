/**
 * HTML character references inside cue text ("consume a character
 * reference", the way the WebVTT cue text tokenizer invokes it: not in an
 * attribute, with an optional additional allowed character).
 *
 * Supported: decimal and hexadecimal numeric references (`&#233;`, `&#xE9;`,
 * with HTML's replacements for NULL, surrogates, out-of-range values and the
 * Windows-1252 block 0x80-0x9F), and the named references listed in
 * `char-ref-table.ts` (the HTML 4.01 set, which includes every name the
 * WebVTT spec mentions: `&amp; &lt; &gt; &lrm; &rlm; &nbsp;`), including
 * HTML's legacy forms without the semicolon (`&amp` then text). The rest of
 * HTML's table (`&check;`, `&nsubE;`, ...) is in `char-ref-full.ts`, loaded on
 * demand by {@link loadFullCharRefTable} (file loaders call it when
 * {@link needsFullCharRefTable} says a text uses such a name); until then
 * those names are left as text.
 *
 * @see https://www.w3.org/TR/webvtt1/#consume-an-html-character-reference
 * @see https://html.spec.whatwg.org/multipage/parsing.html#character-reference-state
 */
import { LEGACY_REFERENCES, NAMED_REFERENCES } from './char-ref-table.js';

let named: Map<string, string> | undefined;
let legacy: Set<string> | undefined;
let longestName = 0;

let full: Promise<void> | null = null;

function addPairs(table: Map<string, string>, pairs: string): void {
  for (const pair of pairs.split(' ')) {
    const colon = pair.indexOf(':');
    if (colon < 0) continue;
    const name = pair.slice(0, colon);
    let value = '';
    for (const hex of pair.slice(colon + 1).split('.')) value += String.fromCodePoint(parseInt(hex, 16));
    table.set(name, value);
    longestName = Math.max(longestName, name.length);
  }
}

function tables(): Map<string, string> {
  if (named) return named;
  named = new Map();
  addPairs(named, NAMED_REFERENCES);
  legacy = new Set(LEGACY_REFERENCES.split(' ').filter(Boolean));
  return named;
}

/** Adds named references (`name:hex[.hex]` pairs, space-separated) to the table in use. */
export function addNamedReferences(pairs: string): void {
  addPairs(tables(), pairs);
}

/**
 * Loads the whole of HTML's named character reference table (once; later
 * calls share the same promise). After it resolves, cue text parsing decodes
 * every HTML name, as browsers do.
 */
export function loadFullCharRefTable(): Promise<void> {
  full ??= import('./char-ref-full.js').then((m) => addNamedReferences(m.MORE_NAMED_REFERENCES));
  return full;
}

/**
 * Whether `text` has a named reference (`&name;`) that the table in use does
 * not know, so {@link loadFullCharRefTable} may be needed to decode it. A
 * name that HTML does not have either costs one load, then is known to be text.
 */
export function needsFullCharRefTable(text: string): boolean {
  if (full) return false;
  const table = tables();
  for (let amp = text.indexOf('&'); amp !== -1; amp = text.indexOf('&', amp + 1)) {
    let end = amp + 1;
    while (end < text.length && end - amp <= 40 && isAlnum(text.charCodeAt(end))) end++;
    if (end > amp + 1 && text.charCodeAt(end) === 59 && !table.has(text.slice(amp + 1, end))) return true;
  }
  return false;
}

/** HTML's replacements for numeric references to the C1 range (Windows-1252 code points). */
const C1: Record<number, number> = {
  0x80: 0x20ac, 0x82: 0x201a, 0x83: 0x0192, 0x84: 0x201e, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021,
  0x88: 0x02c6, 0x89: 0x2030, 0x8a: 0x0160, 0x8b: 0x2039, 0x8c: 0x0152, 0x8e: 0x017d, 0x91: 0x2018,
  0x92: 0x2019, 0x93: 0x201c, 0x94: 0x201d, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02dc,
  0x99: 0x2122, 0x9a: 0x0161, 0x9b: 0x203a, 0x9c: 0x0153, 0x9e: 0x017e, 0x9f: 0x0178,
};

let endIndex = 0;

/** Index just past the reference consumed by the last successful {@link consumeCharRef}. */
export function charRefEnd(): number {
  return endIndex;
}

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

/**
 * Tries to consume a character reference whose `&` is at `amp`. Returns the
 * decoded text (and sets {@link charRefEnd}), or null when nothing is
 * consumed, in which case the caller keeps the `&` as text.
 *
 * @param additional - the "additional allowed character" (char code), or -1.
 * @see https://www.w3.org/TR/webvtt1/#consume-an-html-character-reference
 */
export function consumeCharRef(s: string, amp: number, additional: number): string | null {
  const len = s.length;
  let i = amp + 1;
  if (i >= len) return null;
  const c = s.charCodeAt(i);
  if (c === 9 || c === 10 || c === 12 || c === 32 || c === 60 || c === 38 || c === additional) return null;
  if (c === 35) return numeric(s, i + 1);
  // Named: the longest table name that matches. Names are ASCII alphanumerics.
  const table = tables();
  let end = i;
  while (end < len && end - i <= longestName && isAlnum(s.charCodeAt(end))) end++;
  if (end < len && s.charCodeAt(end) === 59) {
    const value = table.get(s.slice(i, end));
    if (value !== undefined) {
      endIndex = end + 1;
      return value;
    }
  }
  for (let k = Math.min(end - i, 6); k >= 2; k--) {
    const name = s.slice(i, i + k);
    if (legacy?.has(name)) {
      endIndex = i + k;
      return table.get(name) ?? null;
    }
  }
  return null;
}

function numeric(s: string, i: number): string | null {
  const len = s.length;
  const hex = i < len && (s.charCodeAt(i) === 120 || s.charCodeAt(i) === 88);
  if (hex) i++;
  const start = i;
  let value = 0;
  for (; i < len; i++) {
    const d = hex ? hexValue(s.charCodeAt(i)) : s.charCodeAt(i) - 48;
    if (d < 0 || d > (hex ? 15 : 9)) break;
    // Saturate: anything past U+10FFFF becomes U+FFFD anyway.
    value = Math.min(value * (hex ? 16 : 10) + d, 0x110000);
  }
  if (i === start) return null;
  if (i < len && s.charCodeAt(i) === 59) i++;
  endIndex = i;
  if (value === 0 || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff)) return '\uFFFD';
  return String.fromCodePoint(C1[value] ?? value);
}
