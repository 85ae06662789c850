/**
 * Templates for `<cue-transcript>`. Every piece of cue text, voice and
 * chapter title reaches the DOM as a Lit text or attribute binding, so none
 * of it is ever parsed as markup.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { html as staticHtml, literal, type StaticValue } from 'lit/static-html.js';
import type { CueNode } from '../../core/webvtt/types.js';
import type { Transcript, TranscriptCue } from '../../core/transcript/index.js';
import { formatTime, formatTimeLong } from '../../core/time.js';
import type { CueSourceFailure, CueSourceProblem } from '../../controllers/transcript-source.js';

const HEADINGS: readonly StaticValue[] = [literal`h1`, literal`h2`, literal`h3`, literal`h4`, literal`h5`, literal`h6`];

/** ISO 8601 duration for `<time datetime>`. */
const duration = (seconds: number): string => `PT${Math.max(0, Math.round(seconds * 1000) / 1000)}S`;

/** Karaoke segments: text after the k-th inline timestamp is segment k (segment 0 precedes the first). */
interface Segments {
  next: number;
}

function renderNodes(nodes: readonly CueNode[], seg: Segments | null): unknown[] {
  const out: unknown[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        out.push(seg ? html`<span data-seg=${seg.next}>${node.value}</span>` : node.value);
        break;
      case 'timestamp':
        if (seg) seg.next++;
        break;
      case 'i':
        out.push(html`<i class=${node.classes.join(' ')}>${renderNodes(node.children, seg)}</i>`);
        break;
      case 'b':
        out.push(html`<b class=${node.classes.join(' ')}>${renderNodes(node.children, seg)}</b>`);
        break;
      case 'u':
        out.push(html`<u class=${node.classes.join(' ')}>${renderNodes(node.children, seg)}</u>`);
        break;
      case 'ruby':
        out.push(html`<ruby class=${node.classes.join(' ')}>${renderNodes(node.children, seg)}</ruby>`);
        break;
      case 'rt':
        out.push(html`<rt class=${node.classes.join(' ')}>${renderNodes(node.children, seg)}</rt>`);
        break;
      case 'lang':
        out.push(html`<span lang=${node.annotation} class=${node.classes.join(' ')}>${renderNodes(node.children, seg)}</span>`);
        break;
      default:
        // c and v: the voice is shown once per paragraph as the speaker, not inside the cue.
        out.push(html`<span class=${node.classes.join(' ')}>${renderNodes(node.children, seg)}</span>`);
    }
  }
  return out;
}

/** One cue: a button-like span whose accessible name starts with its time. */
function renderCue(cue: TranscriptCue): TemplateResult {
  const label = `${formatTimeLong(cue.startTime)}: ${cue.plainText}`;
  const seg = cue.timed.length ? { next: 0 } : null;
  return html`<span part="cue" role="button" tabindex="-1" data-cue=${cue.index} aria-label=${label}
    >${renderNodes(cue.nodes, seg)}</span
  > `;
}

function renderParagraphs(t: Transcript, from: number, to: number): TemplateResult[] {
  const out: TemplateResult[] = [];
  for (let p = from; p < to; p++) {
    const para = t.paragraphs[p]!;
    // Name the speaker where it changes, and again after each heading.
    const named = para.speaker && (p === from || t.paragraphs[p - 1]!.speaker !== para.speaker);
    out.push(html`<p part="paragraph" data-p=${p}>
      ${named ? html`<span part="speaker">${para.speaker}</span>` : nothing}${t.cues
        .slice(para.cueStart, para.cueEnd)
        .map(renderCue)}
    </p>`);
  }
  return out;
}

/** The transcript: one section per question (heading, the question as asked, the answer), plus untitled stretches. */
export function renderTranscript(t: Transcript, headingLevel: number): TemplateResult {
  const level = Math.min(6, Math.max(1, Math.round(headingLevel) || 3));
  const h = HEADINGS[level - 1]!;
  const sections: TemplateResult[] = [];
  let p = 0;
  const untitled = (to: number): void => {
    if (to > p) sections.push(html`<section part="untitled">${renderParagraphs(t, p, to)}</section>`);
  };
  for (const q of t.questions) {
    untitled(q.paragraphStart);
    const asked = q.answerStart > q.paragraphStart;
    sections.push(html`<section part="question" data-q=${q.index}>
      ${staticHtml`<${h} part="heading" id=${q.slug}
        ><span part="question-title">${q.title}</span>
        <time part="question-time" datetime=${duration(q.startTime)}>${formatTime(q.startTime)}</time></${h}>`}
      ${asked ? html`<div part="asked">${renderParagraphs(t, q.paragraphStart, q.answerStart)}</div>` : nothing}
      <div part="answer" data-answer=${q.index}>${renderParagraphs(t, q.answerStart, q.paragraphEnd)}</div>
    </section>`);
    p = Math.max(p, q.paragraphEnd);
  }
  untitled(t.paragraphs.length);
  if (!t.cues.length) return html`<p part="status">This transcript has no cues.</p>`;
  return html`${sections}`;
}

function problemText(p: CueSourceProblem): string {
  const where = p.line > 0 ? `line ${p.line}, column ${p.column}` : '';
  const file = p.source === 'chapters' ? 'Chapters file' : '';
  const at = [file, where].filter(Boolean).join(', ');
  return at ? `${at.charAt(0).toUpperCase()}${at.slice(1)}: ${p.message}` : p.message;
}

/** A collapsible list of problems that did not stop the files loading. */
export function renderProblems(problems: readonly CueSourceProblem[]): TemplateResult | typeof nothing {
  if (!problems.length) return nothing;
  const n = problems.length;
  return html`<details part="problems">
    <summary part="problems-summary">${n} ${n === 1 ? 'problem' : 'problems'} in the transcript files</summary>
    <ul part="problem-list">
      ${problems.map((p) => html`<li part="problem">${problemText(p)}</li>`)}
    </ul>
  </details>`;
}

/** Shown in place of the transcript when it could not be loaded. */
export function renderFailure(f: CueSourceFailure): TemplateResult {
  return html`<div part="error" role="alert">
    <p><strong>The transcript could not be loaded.</strong> ${f.message}</p>
    ${f.errors.length
      ? html`<ul part="problem-list">
          ${f.errors.map((p) => html`<li part="problem">${problemText(p)}</li>`)}
        </ul>`
      : nothing}
  </div>`;
}
