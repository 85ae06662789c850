/**
 * Rendering for `<cue-transcript>`: the transcript body built with DOM calls,
 * and Lit templates for problems and failures. Every piece of cue text, voice
 * and chapter title reaches the DOM as a text node or an attribute value, so
 * none of it is ever parsed as markup.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { CueNode } from '../../core/webvtt/types.js';
import { askedAsTitled, type Transcript, type TranscriptCue, type TranscriptQuestion } from '../../core/transcript/index.js';
import { formatTime, formatTimeLong } from '../../core/time.js';
import type { CueSourceFailure, CueSourceProblem } from '../../controllers/transcript/transcript-source.js';

/** Deepest nesting of cue text elements that is built as elements; deeper ones are flattened to their text. */
export const MAX_DEPTH = 32;

/** ISO 8601 duration for `<time datetime>`. */
const duration = (seconds: number): string => `PT${Math.max(0, Math.round(seconds * 1000) / 1000)}S`;

/**
 * The transcript body is built with DOM calls, not Lit templates: a
 * 20,000-cue session is ~45,000 elements, and creating them directly is
 * several times faster than instantiating a template per cue. Every piece of
 * cue text, voice and title goes in as a text node or an attribute value, so
 * none of it is ever parsed as markup.
 */
/** The elements of a built transcript by index, filled in as they are created (no query afterwards). */
export interface MarkTables {
  cues: HTMLElement[];
  paragraphs: HTMLElement[];
  questions: HTMLElement[];
  answers: HTMLElement[];
}

class Builder {
  /** Karaoke segment of the text being built: text after the k-th inline timestamp is segment k. */
  #seg = -1;
  readonly tables: MarkTables = { cues: [], paragraphs: [], questions: [], answers: [] };

  constructor(
    private readonly doc: Document,
    /** Above 0: paragraphs of a section longer than this many cues go in blocks of about this many (see BodyBuilder). */
    private readonly blockCues = 0,
  ) {}

  el<K extends keyof HTMLElementTagNameMap>(tag: K, part?: string): HTMLElementTagNameMap[K] {
    const e = this.doc.createElement(tag);
    if (part) e.setAttribute('part', part);
    return e;
  }

  text(parent: Node, value: string): void {
    if (this.#seg < 0) {
      parent.appendChild(this.doc.createTextNode(value));
      return;
    }
    const span = this.el('span');
    span.dataset['seg'] = String(this.#seg);
    span.textContent = value;
    parent.appendChild(span);
  }

  /**
   * Cue text nodes as DOM, walked with an explicit stack (no recursion, so any
   * depth of nesting is safe). Elements deeper than {@link MAX_DEPTH} are not
   * created: their text joins the deepest element kept, so a hostile file of a
   * million nested tags renders as its text.
   */
  nodes(parent: Node, nodes: readonly CueNode[]): void {
    const stack: { list: readonly CueNode[]; i: number; into: Node }[] = [{ list: nodes, i: 0, into: parent }];
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const node = top.list[top.i++];
      if (!node) {
        stack.pop();
        continue;
      }
      if (node.type === 'text') this.text(top.into, node.value);
      else if (node.type === 'timestamp') {
        if (this.#seg >= 0) this.#seg++;
      } else if (stack.length > MAX_DEPTH) {
        stack.push({ list: node.children, i: 0, into: top.into });
      } else {
        // c and v become spans: the voice is shown once per paragraph as the speaker, not inside the cue.
        const tag = node.type === 'c' || node.type === 'v' || node.type === 'lang' ? 'span' : node.type;
        const e = this.doc.createElement(tag);
        if (node.classes.length) e.className = node.classes.join(' ');
        if (node.type === 'lang' && node.annotation) e.lang = node.annotation;
        top.into.appendChild(e);
        stack.push({ list: node.children, i: 0, into: e });
      }
    }
  }

  /** One cue: a button-like span whose accessible name starts with its time. */
  cue(parent: Node, cue: TranscriptCue): void {
    const span = this.el('span', 'cue');
    span.setAttribute('role', 'button');
    span.tabIndex = -1;
    span.dataset['cue'] = String(cue.index);
    this.tables.cues[cue.index] = span;
    span.setAttribute('aria-label', `${formatTimeLong(cue.startTime)}: ${cue.plainText}`);
    this.#seg = cue.timed.length ? 0 : -1;
    this.nodes(span, cue.nodes);
    this.#seg = -1;
    parent.appendChild(span);
    parent.appendChild(this.doc.createTextNode(' '));
  }

  /**
   * Paragraphs `from` to `to`, a cue at a time: each paragraph goes into
   * `parent` as it is started, and the generator yields after each cue (its
   * index), so a caller can pause anywhere, even inside a paragraph of
   * thousands of cues.
   */
  *paragraphs(parent: Node, t: Transcript, from: number, to: number): Generator<number, void, void> {
    // A long answer is split in blocks as well, so the one on screen is laid out, not the whole answer.
    const split = this.blockCues > 0 && to > from && t.paragraphs[to - 1]!.cueEnd - t.paragraphs[from]!.cueStart > this.blockCues;
    let block: HTMLElement | null = null;
    let inBlock = 0;
    for (let p = from; p < to; p++) {
      const para = t.paragraphs[p]!;
      if (split && (!block || inBlock >= this.blockCues)) {
        block = this.el('div');
        block.className = 'block';
        parent.appendChild(block);
        inBlock = 0;
      }
      inBlock += para.cueEnd - para.cueStart;
      const el = this.el('p', 'paragraph');
      el.dataset['p'] = String(p);
      this.tables.paragraphs[p] = el;
      // Name the speaker where it changes, and again after each heading.
      if (para.speaker && (p === from || t.paragraphs[p - 1]!.speaker !== para.speaker)) el.appendChild(this.speaker(para.speaker));
      (block ?? parent).appendChild(el);
      for (let c = para.cueStart; c < para.cueEnd; c++) {
        this.cue(el, t.cues[c]!);
        yield c;
      }
    }
  }

  /** A speaker's name. In a heading, a colon for screen readers, who would hear the name run into the question otherwise. */
  speaker(name: string, colon = false): HTMLSpanElement {
    const who = this.el('span', 'speaker');
    who.textContent = name;
    if (colon) {
      const sr = this.el('span');
      sr.className = 'sr';
      sr.textContent = ':';
      who.appendChild(sr);
    }
    return who;
  }

  /**
   * A question: its heading, the question as asked, the answer. When the
   * question is asked in the words of its title, the heading carries the
   * asking cues themselves (seek targets, marked while spoken, found by
   * search and find-in-page) and no paragraph repeats them; else the heading
   * shows the title and the question as asked follows as paragraphs.
   */
  *question(parent: Node, t: Transcript, q: TranscriptQuestion, level: number): Generator<number, void, void> {
    const section = this.el('section', 'question');
    section.dataset['q'] = String(q.index);
    this.tables.questions[q.index] = section;
    const h = this.el(`h${level}` as 'h3', 'heading');
    h.id = q.slug;
    const title = this.el('span', 'question-title');
    const time = this.el('time', 'question-time');
    time.dateTime = duration(q.startTime);
    time.textContent = formatTime(q.startTime);
    const inHeading = askedAsTitled(t, q.index);
    if (inHeading) {
      for (let p = q.paragraphStart; p < q.answerStart; p++) {
        const para = t.paragraphs[p]!;
        const named = para.speaker && (p === q.paragraphStart || t.paragraphs[p - 1]!.speaker !== para.speaker);
        if (named) (p === q.paragraphStart ? h : title).appendChild(this.speaker(para.speaker, true));
        const asked = this.el('span', 'asked');
        asked.dataset['p'] = String(p);
        this.tables.paragraphs[p] = asked;
        for (let c = para.cueStart; c < para.cueEnd; c++) this.cue(asked, t.cues[c]!);
        title.appendChild(asked);
      }
      // Each cue's accessible name starts with its time already.
      time.setAttribute('aria-hidden', 'true');
    } else title.textContent = q.title;
    h.append(title, ' ', time);
    section.appendChild(h);
    // In the page from the start, filled a cue at a time (see `paragraphs`).
    parent.appendChild(section);
    if (inHeading && q.answerStart > q.paragraphStart) yield t.paragraphs[q.answerStart - 1]!.cueEnd - 1;
    if (!inHeading && q.answerStart > q.paragraphStart) {
      const asked = this.el('div', 'asked');
      section.appendChild(asked);
      yield* this.paragraphs(asked, t, q.paragraphStart, q.answerStart);
    }
    const answer = this.el('div', 'answer');
    answer.dataset['answer'] = String(q.index);
    this.tables.answers[q.index] = answer;
    section.appendChild(answer);
    yield* this.paragraphs(answer, t, q.answerStart, q.paragraphEnd);
  }
}

/** A top-level piece of the body: a question's section, or an untitled stretch of paragraphs. */
type Unit = { question: TranscriptQuestion; from: number; to: number } | { question: null; from: number; to: number };

function units(t: Transcript): Unit[] {
  const out: Unit[] = [];
  let p = 0;
  for (const q of t.questions) {
    if (q.paragraphStart > p) out.push({ question: null, from: p, to: q.paragraphStart });
    out.push({ question: q, from: q.paragraphStart, to: q.paragraphEnd });
    p = Math.max(p, q.paragraphEnd);
  }
  if (t.paragraphs.length > p) out.push({ question: null, from: p, to: t.paragraphs.length });
  return out;
}

/**
 * Builds the transcript body (one section per question: heading, the question
 * as asked, the answer; plus untitled stretches) a slice at a time, in
 * document order, so a long transcript paints its first screen at once and
 * the rest follows in later tasks.
 */
export class BodyBuilder {
  readonly #b: Builder;
  readonly #level: number;
  readonly #blockCues: number;
  #steps: Generator<number, void, void> | null = null;
  #done = false;
  /** Cues built so far (they are built in order). */
  #built = 0;

  /**
   * @param blockCues - when above 0, sections are grouped in blocks of about this many
   *   cues (`<div class="block">`): a long transcript then has a few hundred boxes for the
   *   browser to skip when off screen (`content-visibility`), not one per question; the
   *   paragraphs of a longer section go in blocks of their own inside it.
   */
  constructor(
    doc: Document,
    readonly transcript: Transcript,
    headingLevel: number,
    blockCues = 0,
  ) {
    this.#b = new Builder(doc, blockCues);
    this.#level = Math.min(6, Math.max(1, Math.round(headingLevel) || 3));
    this.#blockCues = blockCues;
  }

  get done(): boolean {
    return this.#done;
  }

  /** The elements built so far, by index: grows with each slice. */
  get tables(): MarkTables {
    return this.#b.tables;
  }

  /**
   * Appends cues to `parent` (in their sections and paragraphs) until at least
   * `minCues` were added or, once one was, `deadline` from `performance.now()`
   * has passed, and cue `through` is built. A slice can end anywhere, inside a
   * section or a paragraph: its cost is bounded by the deadline, not by the
   * length of a question. The elements built go into {@link tables} as they are created.
   */
  appendTo(parent: Node, minCues: number, through = -1, deadline = Infinity): void {
    if (this.#done) return;
    const t = this.transcript;
    if (!t.cues.length) {
      const empty = this.#b.el('p', 'status');
      empty.textContent = 'This transcript has no cues.';
      parent.appendChild(empty);
      this.#done = true;
      return;
    }
    this.#steps ??= this.#all(parent);
    const from = this.#built;
    for (;;) {
      const step = this.#steps.next();
      if (step.done) {
        this.#done = true;
        return;
      }
      this.#built = step.value + 1;
      if (this.#built > through && (this.#built - from >= minCues || performance.now() >= deadline)) return;
    }
  }

  /** The whole body, in document order, yielding after each cue (its index). */
  *#all(parent: Node): Generator<number, void, void> {
    const t = this.transcript;
    let block: HTMLElement | null = null;
    let inBlock = 0;
    for (const u of units(t)) {
      // Where the next section goes: the body, or the current block (a new one once it is full).
      if (this.#blockCues > 0 && (!block || inBlock >= this.#blockCues)) {
        block = this.#b.el('div');
        block.className = 'block';
        parent.appendChild(block);
        inBlock = 0;
      }
      const into = block ?? parent;
      if (u.question) yield* this.#b.question(into, t, u.question, this.#level);
      else {
        const section = this.#b.el('section', 'untitled');
        into.appendChild(section);
        yield* this.#b.paragraphs(section, t, u.from, u.to);
      }
      const first = t.paragraphs[u.from]?.cueStart ?? 0;
      inBlock += (t.paragraphs[u.to - 1]?.cueEnd ?? first) - first;
    }
  }
}

function problemText(p: CueSourceProblem): string {
  const where = p.line > 0 ? `line ${p.line}, column ${p.column}` : '';
  const file = p.source === 'chapters' ? 'Chapters file' : '';
  const at = [file, where].filter(Boolean).join(', ');
  return at ? `${at.charAt(0).toUpperCase()}${at.slice(1)}: ${p.message}` : p.message;
}

/** How many problems a list shows; the rest are counted ("and 12,345 more"). */
export const PROBLEMS_SHOWN = 50;

/** The first {@link PROBLEMS_SHOWN} problems as list items, then how many more there are. */
function problemItems(problems: readonly CueSourceProblem[], total: number): TemplateResult {
  const shown = problems.slice(0, PROBLEMS_SHOWN);
  const more = Math.max(total, problems.length) - shown.length;
  return html`<ul part="problem-list">
    ${shown.map((p) => html`<li part="problem">${problemText(p)}</li>`)}
    ${more > 0 ? html`<li part="problem problem-more">and ${more.toLocaleString('en')} more</li>` : nothing}
  </ul>`;
}

/**
 * A collapsible list of problems that did not stop the files loading.
 * @param total - how many there were in all (`problems` may hold only the first).
 */
export function renderProblems(problems: readonly CueSourceProblem[], total = problems.length): TemplateResult | typeof nothing {
  if (!problems.length) return nothing;
  const n = Math.max(total, problems.length);
  return html`<details part="problems">
    <summary part="problems-summary">${n.toLocaleString('en')} ${n === 1 ? 'problem' : 'problems'} in the transcript files</summary>
    ${problemItems(problems, n)}
  </details>`;
}

/** Shown in place of the transcript when it could not be loaded. */
export function renderFailure(f: CueSourceFailure): TemplateResult {
  return html`<div part="error" role="alert">
    <p><strong>The transcript could not be loaded.</strong> ${f.message}</p>
    ${f.errors.length ? problemItems(f.errors, f.errorCount ?? f.errors.length) : nothing}
  </div>`;
}
