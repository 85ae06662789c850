import { startArticleMatch, type ArticleMatch } from '../../core/article/index.js';
import { runInSlices } from '../../controllers/transcript/slices.js';
import { lastAtOrBefore } from '../../core/sorted.js';
import { nextTranscriptChange } from '../../core/transcript/boundaries.js';
import type { Transcript } from '../../core/transcript/index.js';
import { ArticleDom } from '../../dom/article-text.js';

/**
 * Where each cue of a transcript is in an article's own text: the core's
 * match, with lookups both ways (a text position to the cue and word there,
 * a cue to its DOM Ranges). Ranges are built when asked for, so a long
 * article costs one Range per cue shown, not one per cue.
 */
export class ArticlePlaces {
  readonly dom: ArticleDom;
  readonly match: ArticleMatch;
  readonly transcript: Transcript;
  /** Indexes of the cues placed in the article, in order. */
  readonly placed: number[];
  /** Every cue range, flattened in article order: start, end, cue. */
  readonly #starts: number[] = [];
  readonly #ends: number[] = [];
  readonly #cues: number[] = [];

  /**
   * Reads the article under `root` as it is now and matches `transcript` to it in slices of a
   * few milliseconds (a 20,000-cue article is never one long task). Rejects once `signal` aborts.
   */
  static async place(root: Element, transcript: Transcript, signal: AbortSignal): Promise<ArticlePlaces> {
    const dom = new ArticleDom(root);
    const job = startArticleMatch(
      dom,
      transcript.cues.map((c) => ({ id: c.id, text: c.plainText, startTime: c.startTime, endTime: c.endTime, timed: c.timed })),
    );
    await runInSlices((stop) => job.advance(stop), signal);
    return new ArticlePlaces(dom, transcript, job.result!);
  }

  constructor(dom: ArticleDom, transcript: Transcript, match: ArticleMatch) {
    this.dom = dom;
    this.transcript = transcript;
    this.match = match;
    this.placed = [];
    for (const c of this.match.cues) {
      if (c.ranges.length) this.placed.push(c.cue);
      for (const r of c.ranges) {
        this.#starts.push(r.start);
        this.#ends.push(r.end);
        this.#cues.push(c.cue);
      }
    }
  }

  /** The cue whose text holds string offset `at`, or -1. */
  cueAt(at: number): number {
    const i = lastAtOrBefore(this.#starts, at);
    return i >= 0 && at < this.#ends[i]! ? this.#cues[i]! : -1;
  }

  /** Where to seek for a press at string offset `at` of cue `cue`: the timed word there, else the cue's start (seconds). */
  timeAt(cue: number, at: number): number {
    const c = this.transcript.cues[cue]!;
    const words = this.match.cues[cue]!.words;
    let time = c.startTime;
    for (const w of words) {
      if (w.start > at) break;
      time = w.time;
    }
    return time;
  }

  /** DOM Ranges over cue `cue`'s text (one per block it runs through); empty when it is not in the article. */
  ranges(cue: number): Range[] {
    return (this.match.cues[cue]?.ranges ?? []).map((r) => this.dom.range(r.start, r.end));
  }

  /** One Range from the start of cue `cue`'s text to its end (for a focus ring or scrolling); null when it is not placed. */
  span(cue: number): Range | null {
    const rs = this.match.cues[cue]?.ranges;
    if (!rs?.length) return null;
    return this.dom.range(rs[0]!.start, rs[rs.length - 1]!.end);
  }

  /**
   * The next moment after `time` (seconds) at which the cue, question or (with `words`) the
   * timed word shown can change; Infinity when none can. One binary search: the media clock
   * sleeps until then.
   */
  nextChange(time: number, words: boolean): number {
    return nextTranscriptChange(this.transcript, time, words);
  }

  /** Index (into the cue's `words`) of the timed word being spoken at `time`, or -1. */
  wordIndexAt(cue: number, time: number): number {
    const words = this.match.cues[cue]?.words ?? [];
    let found = -1;
    let lo = 0;
    let hi = words.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (words[mid]!.time <= time) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  /** A Range over timed word run `i` of cue `cue`. */
  wordRange(cue: number, i: number): Range | null {
    const w = this.match.cues[cue]?.words[i];
    return w ? this.dom.range(w.start, w.end) : null;
  }

  /** The block element holding cue `cue`'s first words, or null. */
  blockOf(cue: number): Element | null {
    const r = this.match.cues[cue]?.ranges[0];
    if (!r) return null;
    return this.dom.blockElements[this.dom.blockAt(r.start)] ?? null;
  }

  /** The placed cue `steps` places from cue `from` (clamped at the ends); `from` -1 starts before the first. */
  step(from: number, steps: number): number {
    if (!this.placed.length) return -1;
    let i = lastAtOrBefore(this.placed, from);
    if (i < 0 || this.placed[i] !== from) i = steps > 0 ? i : i + 1;
    return this.placed[Math.max(0, Math.min(this.placed.length - 1, i + steps))]!;
  }

  /** The first placed cue of question `q`, or -1. */
  firstOfQuestion(q: number): number {
    for (const k of this.placed) if (this.transcript.cues[k]!.question === q) return k;
    return -1;
  }
}

