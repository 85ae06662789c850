import type { Transcript } from '../../core/transcript/index.js';
import type { MarkTables } from './render.js';

/** Bits of `ActiveMarks.apply`'s result: what changed. */
export const CHANGED_CUE = 1;
export const CHANGED_PARAGRAPH = 2;
export const CHANGED_QUESTION = 4;

/**
 * Marks what is being said in the rendered transcript: the active cue, its
 * paragraph, its question and answer, and, inside a cue with inline
 * timestamps, the words already spoken.
 *
 * It keeps index -> element tables built once per render, so applying a new
 * time touches only the elements whose state changed: nothing at all on the
 * vast majority of frames, a handful of attributes when a cue changes.
 */
export class ActiveMarks {
  /** Cue elements by cue index. */
  cues: HTMLElement[] = [];
  #paragraphs: HTMLElement[] = [];
  #questions: HTMLElement[] = [];
  #answers: HTMLElement[] = [];
  #transcript: Transcript | null = null;
  #cue = -1;
  #paragraph = -1;
  #question = -1;
  /** Karaoke segments of the active cue, by segment number. */
  #segments: HTMLElement[][] = [];
  #spoken = -1;

  /** The transcript the tables were built for. */
  get transcript(): Transcript | null {
    return this.#transcript;
  }

  /** The section of question `index`, if rendered. */
  questionElement(index: number): HTMLElement | undefined {
    return this.#questions[index];
  }

  get cue(): number {
    return this.#cue;
  }

  get paragraph(): number {
    return this.#paragraph;
  }

  get question(): number {
    return this.#question;
  }

  /**
   * Takes the element tables of a newly built body (clearing marks left on the
   * previous one), or, with `extend`, notes that more of the same transcript
   * was built into the same tables, marking the current indices again in case
   * their elements just arrived. The builder fills the tables as it creates
   * elements, so building a long transcript a slice at a time stays linear.
   */
  use(tables: MarkTables | null, transcript: Transcript | null, extend = false): void {
    if (!extend || transcript !== this.#transcript) this.apply(-1, -1, -1, Number.NaN);
    this.#transcript = transcript;
    const t = tables && transcript ? tables : { cues: [], paragraphs: [], questions: [], answers: [] };
    this.cues = t.cues;
    this.#paragraphs = t.paragraphs;
    this.#questions = t.questions;
    this.#answers = t.answers;
    if (extend) this.#remark();
  }

  /** Marks the current indices again: their elements may have just been appended. Idempotent. */
  #remark(): void {
    mark(this.cues[this.#cue], 'active-cue', 'aria-current', true, 'time');
    mark(this.#paragraphs[this.#paragraph], 'active-paragraph', null, true);
    mark(this.#questions[this.#question], 'active-question', 'aria-current', true, 'true');
    mark(this.#answers[this.#question], 'active-answer', null, true);
    if (!this.#segments.length && this.#cue >= 0 && this.#transcript?.cues[this.#cue]?.timed.length) {
      this.#collectSegments(this.cues[this.#cue]);
      this.#spoken = -1;
    }
  }

  /**
   * Moves the marks to the given indices (-1 for none) and updates the spoken
   * words of the active cue for `time`. Returns CHANGED_* bits.
   */
  apply(cue: number, paragraph: number, question: number, time: number): number {
    let changed = 0;
    if (cue !== this.#cue) {
      this.#clearSpoken();
      mark(this.cues[this.#cue], 'active-cue', 'aria-current', false);
      mark(this.cues[cue], 'active-cue', 'aria-current', true, 'time');
      this.#cue = cue;
      this.#segments = [];
      this.#spoken = -1;
      const timed = cue >= 0 ? this.#transcript?.cues[cue]?.timed.length : 0;
      if (timed) this.#collectSegments(this.cues[cue]);
      changed |= CHANGED_CUE;
    }
    if (paragraph !== this.#paragraph) {
      mark(this.#paragraphs[this.#paragraph], 'active-paragraph', null, false);
      mark(this.#paragraphs[paragraph], 'active-paragraph', null, true);
      this.#paragraph = paragraph;
      changed |= CHANGED_PARAGRAPH;
    }
    if (question !== this.#question) {
      mark(this.#questions[this.#question], 'active-question', 'aria-current', false);
      mark(this.#answers[this.#question], 'active-answer', null, false);
      mark(this.#questions[question], 'active-question', 'aria-current', true, 'true');
      mark(this.#answers[question], 'active-answer', null, true);
      this.#question = question;
      changed |= CHANGED_QUESTION;
    }
    if (this.#segments.length) this.#updateSpoken(time);
    return changed;
  }

  #collectSegments(el: HTMLElement | undefined): void {
    if (!el) return;
    const segments: HTMLElement[][] = [];
    for (const s of el.querySelectorAll<HTMLElement>('[data-seg]')) (segments[Number(s.dataset['seg'])] ??= []).push(s);
    this.#segments = segments;
  }

  #updateSpoken(time: number): void {
    const timed = this.#transcript?.cues[this.#cue]?.timed ?? [];
    // Segment k follows the k-th timestamp; segment 0 is spoken from the cue's start.
    let spoken = 0;
    while (spoken < timed.length && timed[spoken]!.time <= time) spoken++;
    if (spoken === this.#spoken) return;
    const from = Math.min(spoken, this.#spoken) + 1;
    const to = Math.max(spoken, this.#spoken);
    for (let k = from; k <= to; k++) {
      for (const s of this.#segments[k] ?? []) mark(s, 'spoken', null, k <= spoken);
    }
    this.#spoken = spoken;
  }

  #clearSpoken(): void {
    for (const list of this.#segments) for (const s of list ?? []) mark(s, 'spoken', null, false);
  }
}

function mark(el: HTMLElement | undefined, part: string, aria: string | null, on: boolean, value = 'true'): void {
  if (!el) return;
  el.part.toggle(part, on);
  // The styles look inside the cue being spoken by this class, never by part (see cue-transcript.styles.ts).
  if (part === 'active-cue') el.classList.toggle('now', on);
  if (aria) {
    if (on) el.setAttribute(aria, value);
    else el.removeAttribute(aria);
  }
}
