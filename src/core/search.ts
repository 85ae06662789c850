/**
 * Find-as-you-type over a transcript's cue texts, ignoring case and
 * diacritics. The index is built once per transcript; a query is one
 * `indexOf` scan of the folded text plus a binary search per match, so a
 * keystroke on 20,000 cues costs a few milliseconds.
 */

/** A match: a range of one cue's plain text. */
export interface SearchMatch {
  /** Index of the cue (into the texts the index was built from). */
  cue: number;
  /** Start offset into that cue's plain text. */
  start: number;
  /** End offset (exclusive) into that cue's plain text. */
  end: number;
}

/** A prepared index; immutable. */
export interface SearchIndex {
  /** All cue texts folded and joined with `\n`. */
  readonly folded: string;
  /** Offset in `folded` where each cue starts. */
  readonly cueStarts: Uint32Array;
  /** Per cue: folded offset -> original offset, or null when they coincide. */
  readonly maps: ReadonlyArray<Uint32Array | null>;
}

const MARKS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;
const ASCII = /^[\x00-\x7f]*$/;

/** Folds one piece of text for matching: no diacritics, lower case, typographic quotes as plain ones. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[“”]/g, '"');
}

/** Folds a cue's text, with a map back to original offsets when the lengths change. */
function foldWithMap(text: string): [string, Uint32Array | null] {
  if (ASCII.test(text)) return [text.toLowerCase(), null];
  let out = '';
  const map: number[] = [];
  let shifted = false;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    if (cp < 0x80) {
      // ASCII folds to itself, lower-cased: the common case even in accented text.
      map.push(i);
      out += cp >= 65 && cp <= 90 ? String.fromCharCode(cp + 32) : text[i]!;
      i++;
      continue;
    }
    const ch = String.fromCodePoint(cp);
    const f = foldText(ch);
    if (f.length !== ch.length) shifted = true;
    for (let k = 0; k < f.length; k++) map.push(i);
    out += f;
    i += ch.length;
  }
  map.push(text.length);
  return [out, shifted ? Uint32Array.from(map) : null];
}

/** Prepares an index over cue texts (plain text, no markup). */
export function createSearchIndex(texts: readonly string[]): SearchIndex {
  const parts: string[] = [];
  const cueStarts = new Uint32Array(texts.length);
  const maps: (Uint32Array | null)[] = [];
  let offset = 0;
  texts.forEach((text, i) => {
    const [folded, map] = foldWithMap(text);
    cueStarts[i] = offset;
    parts.push(folded);
    maps.push(map);
    offset += folded.length + 1;
  });
  return { folded: parts.join('\n'), cueStarts, maps };
}

function cueAt(starts: Uint32Array, pos: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (starts[mid]! <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * All matches of `query` in order. Whitespace in the query matches any run of
 * whitespace in the text only as a single space (cue texts are normalized to
 * single spaces by the transcript model). An empty query matches nothing.
 * `limit` caps the number of matches returned.
 */
export function searchTranscript(index: SearchIndex, query: string, limit = Infinity): SearchMatch[] {
  const q = foldText(query.trim().replace(/\s+/g, ' '));
  const out: SearchMatch[] = [];
  if (!q || index.cueStarts.length === 0) return out;
  let from = 0;
  for (;;) {
    const pos = index.folded.indexOf(q, from);
    if (pos < 0 || out.length >= limit) break;
    const cue = cueAt(index.cueStarts, pos);
    const local = pos - index.cueStarts[cue]!;
    const map = index.maps[cue];
    const start = map ? map[local]! : local;
    const end = map ? map[local + q.length]! : local + q.length;
    out.push({ cue, start, end });
    from = pos + q.length;
  }
  return out;
}
