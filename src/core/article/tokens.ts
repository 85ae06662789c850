/**
 * Words of a text for matching: each with where it is and a folded form in
 * which case, diacritics, punctuation and typographic quotes no longer count.
 * Pure: no DOM.
 */

/** A word: `[start, end)` into the text it came from (its punctuation included), and its folded form. */
export interface Word {
  start: number;
  end: number;
  /** Letters and digits only, lower case, no diacritics; never empty. */
  norm: string;
}

/** A character range `[start, end)`. */
export interface TextSpan {
  start: number;
  end: number;
}

const MARKS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;
const PLAIN = /^[a-z0-9]+$/;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;

/** The folded form of one word: '' when it has no letters or digits ("—", "&"). */
export function foldWord(raw: string): string {
  if (PLAIN.test(raw)) return raw;
  // Fast path: ASCII, the common case even in accented text.
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 0x80) return foldSlow(raw);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) out += raw[i];
    else if (c >= 65 && c <= 90) out += String.fromCharCode(c + 32);
  }
  return out;
}

function foldSlow(raw: string): string {
  return raw.toLowerCase().normalize('NFKD').replace(MARKS, '').replace(NOT_WORD, '');
}

/** The words of `text[from, to)`, in order. Chunks with nothing to match ("—") are left out. */
export function tokenize(text: string, from = 0, to = text.length): Word[] {
  const out: Word[] = [];
  let i = from;
  while (i < to) {
    while (i < to && isSep(text, i)) i++;
    const start = i;
    while (i < to && !isSep(text, i)) i++;
    if (i > start) {
      const norm = foldWord(text.slice(start, i));
      if (norm) out.push({ start, end: i, norm });
    }
  }
  return out;
}

/** Whitespace and dashes (not a single hyphen inside a word) separate words. */
function isSep(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 0xa0) return true;
  if ((c >= 0x2012 && c <= 0x2015) || c === 0x2e3a || c === 0x2e3b) return true;
  if (c === 45 && text.charCodeAt(i + 1) === 45) return true;
  if (c === 45 && i > 0 && text.charCodeAt(i - 1) === 45) return true;
  return c > 0x2000 && /\s/.test(text[i]!);
}

/**
 * A speaker label or question mark at the start of a block ("Q.", "A.",
 * "Francesco Ciulla:", "A member of the audience asked:"): the span it takes
 * (its trailing space included), or null. A label is at most seven words
 * followed by a colon, the first capitalised, or a lone capital and a full
 * stop; it is part of the article but never of a cue.
 */
export function labelAt(text: string, start: number, end: number): TextSpan | null {
  const head = text.slice(start, Math.min(end, start + 80));
  const m = /^\s*(?:[QA]\.|[\p{Lu}][\p{L}\p{M}.'’-]*(?:[ \t\u00a0]+[\p{L}\p{M}.'’-]+){0,6}:)(?=\s|$)\s*/u.exec(head);
  if (!m) return null;
  return { start, end: start + m[0].length };
}
