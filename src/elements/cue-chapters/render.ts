/**
 * Templates shared by `<cue-chapters>` and `<cue-chapters-menu>`. Titles come
 * from chapter files and reach the DOM only as Lit text bindings.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { questionFragment } from '../../core/links.js';
import { formatTime, formatTimeLong } from '../../core/time.js';
import type { Transcript, TranscriptQuestion } from '../../core/transcript/index.js';

/** ISO 8601 duration for `<time datetime>`. */
const isoDuration = (seconds: number): string => `PT${Math.max(0, Math.round(seconds * 1000) / 1000)}S`;

/** A question's length; a last chapter ending at infinity has none. */
export function questionLength(q: TranscriptQuestion): number {
  return Number.isFinite(q.endTime) ? Math.max(0, q.endTime - q.startTime) : 0;
}

export interface QuestionState {
  current: boolean;
  heard: boolean;
}

/**
 * The inside of one question entry: number, title, start and length (short
 * forms shown, spoken forms for screen readers), the heard mark, and the
 * progress bar the host fills imperatively.
 */
export function renderQuestionBody(q: TranscriptQuestion, state: QuestionState): TemplateResult {
  const length = questionLength(q);
  return html`<span part="number" aria-hidden="true">${q.number}</span>
    <span part="title"><span class="sr">Question ${q.number}: </span><bdi>${q.title}</bdi></span>
    <span part="meta">
      <time part="time" datetime=${isoDuration(q.startTime)}
        ><span aria-hidden="true">${formatTime(q.startTime)}</span
        ><span class="sr">, at ${formatTimeLong(q.startTime)}</span></time
      >${length
        ? html`<span part="length"
            ><span aria-hidden="true"> · ${formatTime(length)}</span
            ><span class="sr">, ${formatTimeLong(length)} long</span></span
          >`
        : nothing}${state.heard ? html`<span part="heard-mark"><span aria-hidden="true"> · ✓</span><span class="sr">, heard</span></span>` : nothing}
    </span>
    <span part="progress" aria-hidden="true" ?hidden=${!state.current}><span part="progress-bar" data-progress=${q.index}></span></span>`;
}

/** The href of a question: its slug link on this page, so it can be opened in a new tab or copied by the browser. */
export function questionHref(t: Transcript, index: number): string {
  return questionFragment(t, index);
}
