import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { plainText, splitVoice, type EditCue, type EditorSession, type Problem } from '../../core/editor/index.js';
import { clockTime } from '../cue-editor/format.js';
import { intend } from '../cue-editor/intents.js';
import { styles } from './cue-editor-list.styles.js';

/**
 * @summary The timing editor's cue list: questions with editable titles, every cue with its times, speaker and text, the one playing marked. Part of `<cue-editor>`.
 *
 * Keyboard: ↑/↓ on a cue's time move between cues (Home/End: first/last); Enter plays from the cue; Tab reaches its speaker and text. Text edits are one undo step each, committed when the field loses focus.
 *
 * @fires cue-edit-intent - An edit the user asked for (text, speaker, select); `<cue-editor>` carries it out. Not composed.
 *
 * @csspart list - The scrolling list.
 * @csspart chapter - A question heading, with its title field.
 * @csspart cue - A cue row; also `selected-cue`, `active-cue`, `flagged`.
 * @csspart selected-cue - The selected row.
 * @csspart active-cue - The row of the cue playing.
 * @csspart flagged - A row with a problem.
 * @csspart time - The cue's times (a button that plays from there).
 * @csspart speaker - The speaker field.
 * @csspart text - The text field.
 * @csspart problem - A problem found in the cue.
 *
 * @cssproperty [--cue-accent-color=light-dark(#1d4ed8, #93c5fd)] - Selection and focus.
 * @cssproperty [--cue-active-background=light-dark(#fef3c7, #3b3212)] - The cue playing.
 * @cssproperty [--cue-error-color=light-dark(#b91c1c, #fca5a5)] - Problems.
 * @cssproperty [--cue-muted-color=light-dark(#4b5563, #9ca3af)] - Times, inherited speakers.
 * @cssproperty [--cue-list-height=30rem] - Height beyond which the list scrolls.
 */
export class CueEditorList extends LitElement {
  static override styles = styles;

  /** The session shown; written by `<cue-editor>`. */
  @property({ attribute: false }) session: EditorSession | null = null;
  /** Problems to show beside their cues. */
  @property({ attribute: false }) problems: readonly Problem[] = [];
  /** Boundaries to review after alignment. */
  @property({ attribute: false }) review: ReadonlySet<number> = new Set();
  /** Selected cue index. */
  @property({ type: Number }) selected = 0;
  /** Index of the cue at the play position, -1 for none; the list keeps it in view unless the user is working in the list. */
  @property({ type: Number }) active = -1;

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('active') && this.active >= 0 && !this.matches(':focus-within')) this.#show(this.active);
    if (changed.has('selected') && changed.get('selected') !== undefined) this.#show(this.selected);
  }

  /** Scrolls the list (only the list, never the page) so row `i` is in view. */
  #show(i: number): void {
    const box = this.renderRoot.querySelector<HTMLElement>('[part~="list"]');
    const row = this.renderRoot.querySelector<HTMLElement>(`[data-cue="${i}"]`);
    if (!box || !row) return;
    const top = row.offsetTop - box.offsetTop;
    if (top < box.scrollTop || top + row.offsetHeight > box.scrollTop + box.clientHeight) {
      const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
      box.scrollTo({ top: Math.max(0, top - box.clientHeight / 3), behavior: reduce ? 'auto' : 'smooth' });
    }
  }

  /** Moves focus to the time button of cue `i`. */
  focusCue(i: number): void {
    this.renderRoot.querySelector<HTMLElement>(`[data-cue="${i}"] [part~="time"]`)?.focus();
  }

  protected override render(): unknown {
    const s = this.session;
    if (!s) return html`<p class="empty">Open a transcript to see its cues here.</p>`;
    const byCue = new Map<number, Problem[]>();
    for (const p of this.problems) byCue.set(p.cueIndex, [...(byCue.get(p.cueIndex) ?? []), p]);
    const starts = new Map(s.chapters.map((ch, k) => [ch.startCue, k]));
    return html`<ol part="list" aria-label="Cues" @focusin=${this.#focusIn}>
      ${s.cues.map((c, i) => {
        const k = starts.get(i);
        return html`${k !== undefined ? this.#chapter(s, k) : nothing}${this.#row(c, i, byCue.get(i))}`;
      })}
    </ol>`;
  }

  #chapter(s: EditorSession, k: number): unknown {
    const ch = s.chapters[k]!;
    return html`<li part="chapter" class="chapter">
      <label>
        <span class="q">Q${k + 1}</span>
        <input
          .value=${plainText(ch.title)}
          aria-label=${`Title of question ${k + 1}`}
          tabindex=${ch.startCue === this.selected ? 0 : -1}
          @change=${(e: Event) => intend(this, { type: 'title', chapter: k, title: (e.target as HTMLInputElement).value })}
        />
      </label>
    </li>`;
  }

  #row(c: EditCue, i: number, problems: Problem[] | undefined): unknown {
    const sel = i === this.selected;
    const tab = sel ? 0 : -1;
    const body = splitVoice(c.text).body;
    const review = this.review.has(i);
    const parts = ['cue', sel ? 'selected-cue' : '', i === this.active ? 'active-cue' : '', problems ? 'flagged' : ''].join(' ');
    const speakerShown = i === 0 || this.session!.cues[i - 1]!.speaker !== c.speaker;
    return html`<li part=${parts} class="row" data-cue=${i} aria-current=${i === this.active ? 'time' : nothing}>
      <button part="time" class="time" tabindex=${tab} @click=${() => intend(this, { type: 'select-cue', cue: i, seek: true })} @keydown=${this.#timeKey}>
        <span class="sr">Cue ${i + 1}, </span><span>${clockTime(c.startTime)}</span><span class="sr"> to </span><span class="end">${clockTime(c.endTime)}</span>
        ${c.fixed ? html`<span class="badge fixed">anchor</span>` : nothing}
        ${!c.timed ? html`<span class="badge untimed">untimed</span>` : nothing}
        ${review ? html`<span class="badge review">review</span>` : nothing}
      </button>
      <input part="speaker" class="speaker ${speakerShown ? '' : 'inherited'}" .value=${c.speaker} tabindex=${tab}
        aria-label=${`Speaker of cue ${i + 1}`} placeholder="Speaker"
        @change=${(e: Event) => intend(this, { type: 'speaker', cue: i, speaker: (e.target as HTMLInputElement).value })} />
      <textarea part="text" class="text" rows="2" .value=${body} tabindex=${tab} aria-label=${`Text of cue ${i + 1}`}
        @change=${(e: Event) => intend(this, { type: 'text', cue: i, text: (e.target as HTMLTextAreaElement).value })}
        @keydown=${(e: KeyboardEvent) => this.#textKey(e, i)}></textarea>
      ${problems?.map((p) => html`<p part="problem" class="problem">${p.message}</p>`)}
    </li>`;
  }

  readonly #focusIn = (e: FocusEvent): void => {
    const row = (e.composedPath() as Element[]).find((n) => n instanceof HTMLElement && n.dataset['cue'] !== undefined) as HTMLElement | undefined;
    const i = Number(row?.dataset['cue'] ?? -1);
    if (i >= 0 && i !== this.selected) intend(this, { type: 'select-cue', cue: i });
  };

  readonly #timeKey = (e: KeyboardEvent): void => {
    const n = this.session?.cues.length ?? 0;
    const i = this.selected;
    const to = e.key === 'ArrowDown' ? i + 1 : e.key === 'ArrowUp' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? n - 1 : -2;
    if (to === -2) return;
    e.preventDefault();
    e.stopPropagation();
    const next = Math.max(0, Math.min(n - 1, to));
    intend(this, { type: 'select-cue', cue: next });
    void this.updateComplete.then(() => this.focusCue(next));
  };

  /** Ctrl+Enter in the text splits the cue at the caret. */
  #textKey(e: KeyboardEvent, i: number): void {
    if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey)) return;
    e.preventDefault();
    const area = e.target as HTMLTextAreaElement;
    // Commit a pending edit first, then split the committed text at the same place.
    area.dispatchEvent(new Event('change', { bubbles: true }));
    intend(this, { type: 'split', cue: i, offset: plainText(area.value.slice(0, area.selectionStart)).length });
  }
}
