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

/** Folds of the non-ASCII code points met so far: a transcript uses few distinct ones, and `foldText` is slow. */
const folds = new Map<number, string>();
const MAX_FOLDS = 4096;

function foldCodePoint(cp: number, ch: string): string {
  let f = folds.get(cp);
  if (f === undefined) {
    f = foldText(ch);
    if (folds.size < MAX_FOLDS) folds.set(cp, f);
  }
  return f;
}

/** Folds a cue's text, with a map back to original offsets when the lengths change. */
function foldWithMap(text: string): [string, Uint32Array | null] {
  if (ASCII.test(text)) return [text.toLowerCase(), null];
  // First the fold alone, ASCII runs a slice at a time: most cues need no map.
  let out = '';
  let run = 0;
  let shifted = false;
  for (let i = 0; i < text.length; ) {
    if (text.charCodeAt(i) < 0x80) {
      i++;
      continue;
    }
    if (run < i) out += text.slice(run, i).toLowerCase();
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const f = foldCodePoint(cp, ch);
    if (f.length !== ch.length) shifted = true;
    out += f;
    i += ch.length;
    run = i;
  }
  if (run < text.length) out += text.slice(run).toLowerCase();
  return [out, shifted ? offsetMap(text) : null];
}

/** Folded offset -> original offset, for a text whose fold changes its length. */
function offsetMap(text: string): Uint32Array {
  const map: number[] = [];
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    if (cp < 0x80) {
      map.push(i++);
      continue;
    }
    const ch = String.fromCodePoint(cp);
    const f = foldCodePoint(cp, ch);
    for (let k = 0; k < f.length; k++) map.push(i);
    i += ch.length;
  }
  map.push(text.length);
  return Uint32Array.from(map);
}

/** Prepares an index over cue texts (plain text, no markup). */
export function createSearchIndex(texts: readonly string[]): SearchIndex {
  const build = startSearchIndex(texts);
  build.advance(null);
  return build.index!;
}

/** An index built a piece at a time (see {@link startSearchIndex}). */
export interface SearchIndexBuild {
  /** The index, once built; null before. */
  readonly index: SearchIndex | null;
  /**
   * Indexes on until done (returns true) or until `stop()` returns true
   * (returns false; call again to go on). `stop` is asked every few hundred
   * texts; `null` builds to the end.
   */
  advance(stop: (() => boolean) | null): boolean;
}

/** Texts folded between two questions to `stop()`, and joined into one piece of the folded text. */
const INDEX_STEP = 512;

/** Starts an incremental {@link createSearchIndex}: the same index, built in pieces. */
export function startSearchIndex(texts: readonly string[]): SearchIndexBuild {
  const pieces: string[] = [];
  const cueStarts = new Uint32Array(texts.length);
  const maps: (Uint32Array | null)[] = [];
  let offset = 0;
  let i = 0;
  let index: SearchIndex | null = null;
  return {
    get index() {
      return index;
    },
    advance(stop) {
      while (!index) {
        if (i >= texts.length) {
          index = { folded: pieces.join('\n'), cueStarts, maps };
          break;
        }
        // Joined a piece at a time, so the final join copies a few hundred strings, not one per cue.
        const parts: string[] = [];
        for (const end = Math.min(texts.length, i + INDEX_STEP); i < end; i++) {
          const [folded, map] = foldWithMap(texts[i]!);
          cueStarts[i] = offset;
          parts.push(folded);
          maps.push(map);
          offset += folded.length + 1;
        }
        pieces.push(parts.join('\n'));
        if (stop?.()) return false;
      }
      return true;
    },
  };
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
