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
  forEachWord(text, from, to, (start, end, norm) => out.push({ start, end, norm }));
  return out;
}

/** Calls `each` for the words of `text[from, to)`, in order, as `tokenize` finds them, without making an object per word. */
export function forEachWord(text: string, from: number, to: number, each: (start: number, end: number, norm: string) => void): void {
  let i = from;
  while (i < to) {
    while (i < to && isSep(text, i)) i++;
    const start = i;
    while (i < to && !isSep(text, i)) i++;
    if (i > start) {
      const norm = foldWord(text.slice(start, i));
      if (norm) each(start, i, norm);
    }
  }
}

/**
 * Interns words as small integer ids by their folded form (`foldWord`), without making a
 * string per word in the usual case (ASCII): the folded characters are hashed and compared in
 * place, in an open-addressed table. Equal folded forms get equal ids; a word that folds to
 * nothing gets -1.
 */
export class WordIds {
  #table = new Int32Array(1 << 12);
  #pool = new Uint16Array(1 << 14);
  #poolUsed = 0;
  #offsets: number[] = [];
  #lengths: number[] = [];
  #buf = new Uint16Array(64);

  /** How many distinct words have ids. */
  get size(): number {
    return this.#offsets.length;
  }

  /** The id of the word `text[start, end)` (a chunk between separators). */
  idOf(text: string, start: number, end: number): number {
    let len = 0;
    if (end - start > this.#buf.length) this.#buf = new Uint16Array(2 * (end - start));
    let buf = this.#buf;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0x80) {
        const slow = foldSlow(text.slice(start, end));
        if (slow.length > buf.length) buf = this.#buf = new Uint16Array(2 * slow.length);
        for (let k = 0; k < slow.length; k++) buf[k] = slow.charCodeAt(k);
        len = slow.length;
        break;
      }
      if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) buf[len++] = c;
      else if (c >= 65 && c <= 90) buf[len++] = c + 32;
    }
    return len ? this.#intern(buf, len) : -1;
  }

  #intern(buf: Uint16Array, len: number): number {
    let h = 0x811c9dc5;
    for (let k = 0; k < len; k++) h = Math.imul(h ^ buf[k]!, 0x01000193);
    let table = this.#table;
    let mask = table.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const v = table[slot]!;
      if (v === 0) break;
      const id = v - 1;
      if (this.#lengths[id] !== len) continue;
      const off = this.#offsets[id]!;
      let k = 0;
      while (k < len && this.#pool[off + k] === buf[k]) k++;
      if (k === len) return id;
    }
    const id = this.#offsets.length;
    if (this.#poolUsed + len > this.#pool.length) {
      const pool = new Uint16Array(2 * (this.#poolUsed + len));
      pool.set(this.#pool.subarray(0, this.#poolUsed));
      this.#pool = pool;
    }
    this.#pool.set(buf.subarray(0, len), this.#poolUsed);
    this.#offsets.push(this.#poolUsed);
    this.#lengths.push(len);
    this.#poolUsed += len;
    if (2 * (id + 1) > table.length) {
      // Grow: rehash every id into a table twice the size.
      table = this.#table = new Int32Array(2 * table.length);
      mask = table.length - 1;
      for (let other = 0; other < id; other++) this.#place(other, mask);
    }
    table[this.#slotFor(h, mask)] = id + 1;
    return id;
  }

  #place(id: number, mask: number): void {
    const off = this.#offsets[id]!;
    let h = 0x811c9dc5;
    for (let k = 0; k < this.#lengths[id]!; k++) h = Math.imul(h ^ this.#pool[off + k]!, 0x01000193);
    this.#table[this.#slotFor(h, mask)] = id + 1;
  }

  #slotFor(h: number, mask: number): number {
    let slot = h & mask;
    while (this.#table[slot] !== 0) slot = (slot + 1) & mask;
    return slot;
  }
}

/** Calls `each` with each word of `text[from, to)` (as `tokenize` finds them) and its id from `ids`. */
export function forEachWordId(text: string, from: number, to: number, ids: WordIds, each: (start: number, end: number, id: number) => void): void {
  let i = from;
  while (i < to) {
    while (i < to && isSep(text, i)) i++;
    const start = i;
    while (i < to && !isSep(text, i)) i++;
    if (i > start) {
      const id = ids.idOf(text, start, i);
      if (id >= 0) each(start, i, id);
    }
  }
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
