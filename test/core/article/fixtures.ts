/** The seed article and its timings, and edited copies with the truth about where each cue is. */
import { buildTranscript } from '../../../src/core/transcript/index.js';
import { parseWebVTT } from '../../../src/core/webvtt/index.js';
import type { ArticleCueInput, ArticleMatch, ArticleText, TextSpan } from '../../../src/core/article/index.js';


export async function loadSeed(): Promise<{ article: string; cues: ArticleCueInput[] }> {
  const [article, vtt] = await Promise.all([
    fetch('/timings/source/try-rust-with-francesco-ciulla.txt').then((r) => r.text()),
    fetch('/timings/try-rust-with-francesco-ciulla.vtt').then((r) => r.text()),
  ]);
  const t = buildTranscript(parseWebVTT(vtt).cues);
  return { article, cues: t.cues.map((c) => ({ id: c.id, text: c.plainText, startTime: c.startTime, endTime: c.endTime, timed: c.timed })) };
}

/** One block per non-empty line, as the published article's paragraphs. */
export function linesAsBlocks(text: string): ArticleText {
  const blocks: TextSpan[] = [];
  let p = 0;
  for (const line of text.split('\n')) {
    if (line.trim()) blocks.push({ start: p, end: p + line.length });
    p += line.length + 1;
  }
  return { text, blocks };
}

/** An article being edited, with where each cue's text truly is (null: cut from the article). */
export class EditedArticle {
  text: string;
  truth: (TextSpan | null)[];

  constructor(text: string, cues: readonly ArticleCueInput[]) {
    this.text = text;
    let from = 0;
    this.truth = cues.map((c) => {
      const at = text.indexOf(c.text.trim(), from);
      if (at < 0) throw new Error(`cue ${c.id} is not in the seed article`);
      from = at + c.text.trim().length;
      return { start: at, end: from };
    });
  }

  /** Replaces text[start, end) with `by`; cue spans shift, grow or shrink with it; a span cut whole is gone. */
  replace(start: number, end: number, by: string): void {
    const d = by.length - (end - start);
    this.text = this.text.slice(0, start) + by + this.text.slice(end);
    this.truth = this.truth.map((s) => {
      if (!s) return s;
      if (s.end <= start) return s;
      if (s.start >= end) return { start: s.start + d, end: s.end + d };
      if (s.start >= start && s.end <= end) return null;
      return { start: Math.min(s.start, start), end: Math.max(start + by.length, s.end + d) };
    });
  }

  /** Replaces the first `what` inside cue `k`'s text. */
  inCue(k: number, what: string, by: string): void {
    const s = this.truth[k];
    if (!s) throw new Error(`cue ${k} was cut`);
    const at = this.text.indexOf(what, s.start);
    if (at < 0 || at + what.length > s.end) throw new Error(`"${what}" is not in cue ${k}`);
    this.replace(at, at + what.length, by);
  }

  /** Cuts cue `k`'s text (and the space after it) from the article. */
  cut(k: number): void {
    const s = this.truth[k]!;
    const end = this.text[s.end] === ' ' ? s.end + 1 : s.end;
    this.replace(s.start, end, '');
  }

  /** Inserts `sentence` (and a space) after cue `k`. */
  addAfter(k: number, sentence: string): void {
    const s = this.truth[k]!;
    this.text = this.text.slice(0, s.end) + ' ' + sentence + this.text.slice(s.end);
    const d = sentence.length + 1;
    this.truth = this.truth.map((t) => (t && t.start >= s.end ? { start: t.start + d, end: t.end + d } : t));
  }

  /** Ends the paragraph after cue `k` (the cue after it starts a new one). */
  splitAfter(k: number): void {
    const s = this.truth[k]!;
    if (this.text[s.end] !== ' ') throw new Error(`cue ${k} does not end mid-paragraph`);
    this.replace(s.end, s.end + 1, '\n');
  }

  /** Joins the paragraph ending with cue `k` to the next one. */
  mergeAfter(k: number): void {
    const s = this.truth[k]!;
    if (this.text[s.end] !== '\n') throw new Error(`cue ${k} does not end a paragraph`);
    this.replace(s.end, s.end + 1, ' ');
  }
}

export interface Score {
  /** Cues placed where they truly are. */
  matched: number;
  /** Cues not placed, that the article has. */
  missed: number;
  /** Cues not placed, that the article does not have (correctly reported unmatched). */
  unmatched: number;
  /** Cues placed somewhere they are not (or placed though the article does not have them). */
  wrong: number;
  /** Which cues were misplaced (indexes), to say why a count is off. */
  wrongCues: number[];
}

/**
 * Scores a match against the truth. A cue is matched when its ranges cover
 * at least half of its true span and reach no further than a few words
 * outside it.
 */
export function score(m: ArticleMatch, truth: readonly (TextSpan | null)[], slack = 24): Score {
  const out: Score = { matched: 0, missed: 0, unmatched: 0, wrong: 0, wrongCues: [] };
  m.cues.forEach((c, k) => {
    const t = truth[k] ?? null;
    if (!c.ranges.length) {
      if (t) out.missed++;
      else out.unmatched++;
      return;
    }
    if (!t) {
      out.wrong++;
      out.wrongCues.push(k);
      return;
    }
    const lo = c.ranges[0]!.start;
    const hi = c.ranges[c.ranges.length - 1]!.end;
    const inside = c.ranges.reduce((n, r) => n + Math.max(0, Math.min(r.end, t.end) - Math.max(r.start, t.start)), 0);
    if (inside * 2 >= t.end - t.start && lo >= t.start - slack && hi <= t.end + slack) out.matched++;
    else {
      out.wrong++;
      out.wrongCues.push(k);
    }
  });
  return out;
}
