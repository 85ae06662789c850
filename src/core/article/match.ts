import { alignSteps, type AlignOptions } from './align.js';
import { forEachWordId, labelAt, WordIds, type TextSpan } from './tokens.js';

/**
 * Matches the cues of a timed transcript to an article's text: which
 * characters of the article each cue (and each timed word run) is. Tolerant
 * of what publishing does to a transcript: labels, quotes, case and
 * punctuation, paragraphs split or merged, words edited, sentences added or
 * cut on either side. Pure: no DOM.
 */

/** A cue to place. `timed` offsets index into `text` (a transcript cue's `plainText` and `timed` fit). */
export interface ArticleCueInput {
  id: string;
  /** Plain text, no markup. */
  text: string;
  /** Seconds. */
  startTime: number;
  /** Seconds. */
  endTime: number;
  /** Inline timestamps: from `offset` on, the words are spoken at `time` (seconds). */
  timed?: readonly { time: number; offset: number }[];
}

/** The article: its text as one string, and its blocks (paragraphs, headings) as ranges of it, in order. */
export interface ArticleText {
  text: string;
  blocks: readonly TextSpan[];
}

/** Words of a cue spoken from `time` on, as a range of the article. */
export interface ArticleWordRange extends TextSpan {
  /** Seconds. */
  time: number;
}

/** Where one cue is in the article. */
export interface ArticleCueMatch {
  /** Index of the cue (into the list given). */
  cue: number;
  /** Ranges of the article's text, in order, one per block the cue runs through; empty when the cue is not in the article. */
  ranges: TextSpan[];
  /** Timed word runs (cues with inline timestamps), in order; empty otherwise. */
  words: ArticleWordRange[];
  /** Words of the cue found in the article, of `wordCount`. */
  matchedWords: number;
  wordCount: number;
}

/** A passage on one side with nothing on the other. */
export interface UnmatchedPassage {
  /** `cue`: cue text not in the article. `article`: article text no cue says. */
  side: 'cue' | 'article';
  /** Index of the cue concerned: for `article`, the last cue before the passage (-1 before the first). */
  cue: number;
  /** That cue's id ('' for none). */
  cueId: string;
  /** The passage's text: the cue's words (side `cue`) or the article's (side `article`). */
  text: string;
  /** Article range: the passage (side `article`), or the point where the cue text would be (side `cue`, start = end). */
  start: number;
  end: number;
  /** Article text just before and just after, for a reader to find the place. */
  before: string;
  after: string;
}

/** The result of `matchArticle`. */
export interface ArticleMatch {
  /** One per cue, in the order given. */
  cues: ArticleCueMatch[];
  /** Passages that could not be matched, in article order. */
  unmatched: UnmatchedPassage[];
  /** Speaker labels and "Q." marks found at the start of blocks (part of no cue). */
  labels: TextSpan[];
  /** Article words covered by some cue, of `articleWords` (labels not counted). */
  coveredWords: number;
  articleWords: number;
}

/** Options for `matchArticle`. */
export interface MatchArticleOptions {
  /** Characters of article text given around an unmatched passage. Default 40. */
  context?: number;
  /** Runs of at least this many unmatched words inside a matched cue are reported too. Default 4. */
  minReportedRun?: number;
  /** Tuning of the word alignment (for tests that reach its large-input paths with small inputs). */
  align?: AlignOptions;
}

/** A cue with fewer of its words found than this (and fewer than 3) is taken as not in the article: a stray word or two matching elsewhere. */
const MIN_SHARE = 0.34;

/** Words (or cues, blocks) handled between two yields of a sliced match. */
export const MATCH_STEP = 2048;

/**
 * Places each cue in the article.
 *
 * Cues are in time order, which is taken to be article order. Labels at the
 * start of blocks are set aside first; then all cue words and all article
 * words are aligned as two sequences (see `alignWords`); each cue's range
 * runs from its first to its last aligned word, widened over the article
 * words edited in place of its unaligned ones, and split at block ends.
 * Near-linear in the size of the article and the cues.
 */
export function matchArticle(article: ArticleText, cues: readonly ArticleCueInput[], options: MatchArticleOptions = {}): ArticleMatch {
  const steps = matchSteps(article, cues, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** A match that runs a piece at a time (see {@link startArticleMatch}). */
export interface ArticleMatchJob {
  /** The match, once done; null before. */
  readonly result: ArticleMatch | null;
  /**
   * Matches on until done (returns true) or until `stop()` returns true (returns
   * false; call again to go on). `stop` is asked every few thousand words; `null` runs to the end.
   */
  advance(stop: (() => boolean) | null): boolean;
}

/** Starts an incremental {@link matchArticle}: the same result, computed in slices. Nothing runs until `advance`. */
export function startArticleMatch(article: ArticleText, cues: readonly ArticleCueInput[], options: MatchArticleOptions = {}): ArticleMatchJob {
  const steps = matchSteps(article, cues, options);
  let result: ArticleMatch | null = null;
  return {
    get result() {
      return result;
    },
    advance(stop) {
      while (!result) {
        const step = steps.next();
        if (step.done) result = step.value;
        else if (stop?.()) return false;
      }
      return true;
    },
  };
}

/** Words of one side: where each is, its id, and the block or cue it belongs to (typed arrays, grown by doubling). */
class Words {
  starts = new Int32Array(1024);
  ends = new Int32Array(1024);
  ids = new Int32Array(1024);
  owner = new Int32Array(1024);
  length = 0;

  push(start: number, end: number, id: number, owner: number): void {
    if (this.length === this.ids.length) {
      const grow = (x: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> => {
        const y = new Int32Array(2 * x.length);
        y.set(x);
        return y;
      };
      this.starts = grow(this.starts);
      this.ends = grow(this.ends);
      this.ids = grow(this.ids);
      this.owner = grow(this.owner);
    }
    const n = this.length++;
    this.starts[n] = start;
    this.ends[n] = end;
    this.ids[n] = id;
    this.owner[n] = owner;
  }
}

/** `matchArticle` as a generator that yields every {@link MATCH_STEP} units of work or so. */
function* matchSteps(article: ArticleText, cues: readonly ArticleCueInput[], options: MatchArticleOptions): Generator<void, ArticleMatch, void> {
  const context = options.context ?? 40;
  const minRun = options.minReportedRun ?? 4;
  const { text, blocks } = article;
  const intern = new WordIds();
  let work = 0;

  // Article words, block by block, with labels set aside.
  const labels: TextSpan[] = [];
  const aw = new Words();
  for (let k = 0; k < blocks.length; k++) {
    const blk = blocks[k]!;
    const label = labelAt(text, blk.start, blk.end);
    if (label) labels.push(label);
    work += wordsInto(text, label ? label.end : blk.start, blk.end, k, aw, intern) + 1;
    if (work >= MATCH_STEP) {
      work = 0;
      yield;
    }
  }

  // Cue words, all cues in one sequence.
  const cw = new Words();
  const firstWord = new Int32Array(cues.length + 1);
  for (let k = 0; k < cues.length; k++) {
    firstWord[k] = cw.length;
    const c = cues[k]!;
    work += wordsInto(c.text, 0, c.text.length, k, cw, intern) + 1;
    if (work >= MATCH_STEP) {
      work = 0;
      yield;
    }
  }
  firstWord[cues.length] = cw.length;
  const blockOf = aw.owner;
  const cueOf = cw.owner;

  const a = cw.ids.subarray(0, cw.length);
  const b = aw.ids.subarray(0, aw.length);
  const match = new Int32Array(a.length).fill(-1);
  yield* alignSteps(a, b, match, options.align);
  for (let k = 0; k < cues.length; k++) {
    trimStrays(match, firstWord[k]!, firstWord[k + 1]!);
    if ((k & 1023) === 1023) yield;
  }

  // Per cue: first and last aligned article word; a cue with too little found is dropped.
  const first = new Int32Array(cues.length).fill(-1);
  const last = new Int32Array(cues.length).fill(-1);
  const count = new Int32Array(cues.length);
  for (let i = 0; i < a.length; i++) {
    const j = match[i]!;
    if (j < 0) continue;
    const k = cueOf[i]!;
    if (first[k]! < 0) first[k] = j;
    last[k] = j;
    count[k]!++;
  }
  for (let k = 0; k < cues.length; k++) {
    const total = firstWord[k + 1]! - firstWord[k]!;
    if (count[k]! > 0 && count[k]! < total * MIN_SHARE) {
      for (let i = firstWord[k]!; i < firstWord[k + 1]!; i++) match[i] = -1;
      first[k] = last[k] = -1;
      count[k] = 0;
    }
  }
  yield;

  // Widen each cue over the article words between it and its matched neighbours that stand for
  // its own unaligned words at its edges (words edited for readability).
  const lo = Int32Array.from(first);
  const hi = Int32Array.from(last);
  let prev = -1;
  for (let k = 0; k <= cues.length; k++) {
    if (k < cues.length && first[k]! < 0) continue;
    const gapStart = prev >= 0 ? last[prev]! + 1 : 0;
    const gapEnd = k < cues.length ? first[k]! : aw.length;
    const tail = prev >= 0 ? trailingUnmatched(match, firstWord, prev) : 0;
    const head = k < cues.length ? leadingUnmatched(match, firstWord, k) : 0;
    const size = gapEnd - gapStart;
    if (size > 0 && tail + head > 0) {
      let give = 0;
      let take = 0;
      if (size <= 2 * (tail + head) + 2) {
        give = Math.round((size * tail) / (tail + head));
        take = size - give;
      } else {
        give = Math.min(size, tail);
        take = Math.min(size - give, head);
      }
      // A cue never grows across a block end: what it said there is elsewhere.
      while (give > 0 && prev >= 0 && blockOf[gapStart + give - 1] !== blockOf[last[prev]!]) give--;
      while (take > 0 && k < cues.length && blockOf[gapEnd - take] !== blockOf[first[k]!]) take--;
      if (prev >= 0) hi[prev] = last[prev]! + give;
      if (k < cues.length) lo[k] = first[k]! - take;
    }
    if (k < cues.length) prev = k;
  }
  yield;

  const covered = new Uint8Array(aw.length);
  const result: ArticleCueMatch[] = [];
  for (let k = 0; k < cues.length; k++) {
    const c = cues[k]!;
    const total = firstWord[k + 1]! - firstWord[k]!;
    const out: ArticleCueMatch = { cue: k, ranges: [], words: [], matchedWords: count[k]!, wordCount: total };
    result.push(out);
    if (lo[k]! < 0) continue;
    for (let j = lo[k]!; j <= hi[k]!; j++) {
      covered[j] = 1;
      const r = out.ranges[out.ranges.length - 1];
      if (r && blockOf[j] === blockOf[j - 1]) r.end = aw.ends[j]!;
      else out.ranges.push({ start: aw.starts[j]!, end: aw.ends[j]! });
    }
    if (c.timed?.length) out.words = timedWords(c, cw, match, aw, firstWord[k]!, firstWord[k + 1]!);
    work += hi[k]! - lo[k]! + 1 + total;
    if (work >= MATCH_STEP) {
      work = 0;
      yield;
    }
  }

  const around = (start: number, end: number): { before: string; after: string } => ({
    before: squash(text.slice(Math.max(0, start - context), start)),
    after: squash(text.slice(end, end + context)),
  });
  const unmatched: UnmatchedPassage[] = [];
  // Cue text not in the article: whole cues, and long unaligned runs inside matched ones.
  let placed = 0;
  for (let k = 0; k < cues.length; k++) {
    const c = cues[k]!;
    if (lo[k]! >= 0) placed = aw.ends[hi[k]!]!;
    for (const run of unmatchedRuns(match, firstWord[k]!, firstWord[k + 1]!, lo[k]! < 0 ? 1 : minRun)) {
      const at = lo[k]! < 0 ? placed : articleBefore(match, aw, run[0], firstWord[k]!, placed);
      unmatched.push({
        side: 'cue',
        cue: k,
        cueId: c.id,
        text: lo[k]! < 0 ? c.text.trim() : c.text.slice(cw.starts[run[0]]!, cw.ends[run[1] - 1]!),
        start: at,
        end: at,
        ...around(at, at),
      });
    }
    work += firstWord[k + 1]! - firstWord[k]! + 1;
    if (work >= MATCH_STEP) {
      work = 0;
      yield;
    }
  }
  // Article text no cue says: runs of uncovered words, split at block ends.
  let cueBefore = -1;
  const lastCueAt = new Int32Array(aw.length).fill(-1);
  for (let k = 0; k < cues.length; k++) if (lo[k]! >= 0) lastCueAt[hi[k]!] = k;
  for (let j = 0; j < aw.length; ) {
    if (covered[j]) {
      if (lastCueAt[j]! >= 0) cueBefore = lastCueAt[j]!;
      j++;
      continue;
    }
    let e = j;
    while (e < aw.length && !covered[e] && blockOf[e] === blockOf[j]) e++;
    const start = aw.starts[j]!;
    const end = aw.ends[e - 1]!;
    unmatched.push({ side: 'article', cue: cueBefore, cueId: cues[cueBefore]?.id ?? '', text: text.slice(start, end), start, end, ...around(start, end) });
    j = e;
  }
  unmatched.sort((x, y) => x.start - y.start || (x.side === y.side ? 0 : x.side === 'article' ? 1 : -1));

  let coveredWords = 0;
  for (let j = 0; j < covered.length; j++) coveredWords += covered[j]!;
  return { cues: result, unmatched, labels, coveredWords, articleWords: aw.length };
}

/** Appends the words of `text[from, to)` to `out`, owned by `owner`; returns how many. */
function wordsInto(text: string, from: number, to: number, owner: number, out: Words, ids: WordIds): number {
  const before = out.length;
  forEachWordId(text, from, to, ids, (start, end, id) => out.push(start, end, id, owner));
  return out.length - before;
}

/** Article words between two aligned words of one cue beyond the cue's own words between them, for the outer one to count as a stray. */
const STRAY_GAP = 3;

/**
 * Unaligns a cue's outermost words that aligned far from the rest of it: a
 * "the" that went to the end of an added sentence before the cue, while the
 * cue itself starts after it. Such ties are common in any LCS.
 */
function trimStrays(match: Int32Array, from: number, to: number): void {
  const hit: number[] = [];
  for (let i = from; i < to; i++) if (match[i]! >= 0) hit.push(i);
  let lo = 0;
  let hi = hit.length - 1;
  const far = (i: number, j: number): boolean => match[j]! - match[i]! - (j - i) > STRAY_GAP;
  while (hi - lo >= 1 && far(hit[lo]!, hit[lo + 1]!)) match[hit[lo++]!] = -1;
  while (hi - lo >= 1 && far(hit[hi - 1]!, hit[hi]!)) match[hit[hi--]!] = -1;
}

function trailingUnmatched(match: Int32Array, firstWord: Int32Array, k: number): number {
  let n = 0;
  for (let i = firstWord[k + 1]! - 1; i >= firstWord[k]! && match[i]! < 0; i--) n++;
  return n;
}

function leadingUnmatched(match: Int32Array, firstWord: Int32Array, k: number): number {
  let n = 0;
  for (let i = firstWord[k]!; i < firstWord[k + 1]! && match[i]! < 0; i++) n++;
  return n;
}

/** Runs [from, to) of unaligned cue words at least `min` long. */
function unmatchedRuns(match: Int32Array, from: number, to: number, min: number): [number, number][] {
  const out: [number, number][] = [];
  for (let i = from; i < to; ) {
    if (match[i]! >= 0) {
      i++;
      continue;
    }
    let e = i;
    while (e < to && match[e]! < 0) e++;
    if (e - i >= min) out.push([i, e]);
    i = e;
  }
  return out;
}

/** The article offset just after the last aligned word before cue word `i` (within its cue), else `fallback`. */
function articleBefore(match: Int32Array, aw: Words, i: number, from: number, fallback: number): number {
  for (let p = i - 1; p >= from; p--) if (match[p]! >= 0) return aw.ends[match[p]!]!;
  return fallback;
}

/** A cue's timed word runs as article ranges: each run from its first to its last aligned word. */
function timedWords(c: ArticleCueInput, cw: Words, match: Int32Array, aw: Words, from: number, to: number): ArticleWordRange[] {
  const timed = c.timed!;
  const out: ArticleWordRange[] = [];
  let seg = -1;
  let cur: ArticleWordRange | null = null;
  for (let i = from; i < to; i++) {
    let s = seg;
    while (s + 1 < timed.length && timed[s + 1]!.offset <= cw.starts[i]!) s++;
    if (s !== seg) {
      seg = s;
      cur = null;
    }
    const j = match[i]!;
    if (j < 0) continue;
    const time = s >= 0 ? timed[s]!.time : c.startTime;
    if (cur) cur.end = aw.ends[j]!;
    else {
      cur = { time, start: aw.starts[j]!, end: aw.ends[j]! };
      out.push(cur);
    }
  }
  return out;
}

function squash(s: string): string {
  return s.replace(/\s+/g, ' ');
}
