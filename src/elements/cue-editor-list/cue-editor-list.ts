import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { plainText, splitVoice, type EditCue, type EditorSession, type Problem } from '../../core/editor/index.js';
import { clockTime, memo } from '../cue-editor/format.js';
import { intend } from '../cue-editor/intents.js';
import { place } from '../cue-editor-timeline/place.js';
import { styles } from './cue-editor-list.styles.js';
import { ItemHeights, listItems, mergeRanges, type ListItems } from './window.js';

/** A list of up to this many items (cues and question headings) is rendered whole; a longer one only near the view. */
export const WHOLE_LIST = 600;
/** Px rendered beyond each edge of the view in a long list, so keyboard and wheel scrolling meet rendered rows. */
const OVERSCAN = 600;

/**
 * @summary The timing editor's cue list: questions with editable titles, every cue with its times, speaker and text, the one playing marked. Part of `<cue-editor>`.
 *
 * Keyboard: ↑/↓ on a cue's time move between cues (Home/End: first/last); Enter plays from the cue; Tab reaches its speaker and text. Text edits are one undo step each, committed when the field loses focus.
 *
 * A long session (more than `WHOLE_LIST` cues and headings) renders only the rows near the scroll position,
 * the selected row and the heading above them; each row says its place (`aria-posinset`/`aria-setsize`).
 * The browser's find-in-page then finds only rendered rows: the editor's search is the way through.
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

  /** Item ranges rendered around the view (a long list only). */
  @state() private _view: readonly [number, number] = [0, 40];

  readonly #heights = new ItemHeights();
  readonly #items = memo((s: EditorSession | null): ListItems => listItems(s?.cues.length ?? 0, s ? s.chapters.map((ch) => ch.startCue) : []));
  readonly #byCue = memo((problems: readonly Problem[]) => {
    const byCue = new Map<number, Problem[]>();
    for (const p of problems) {
      const list = byCue.get(p.cueIndex);
      if (list) list.push(p);
      else byCue.set(p.cueIndex, [p]);
    }
    return byCue;
  });
  /** A cue to focus once its row is rendered. */
  #focusNext = -1;

  get #box(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('[part~="list"]');
  }

  get #whole(): boolean {
    return this.#items(this.session).items.length <= WHOLE_LIST;
  }

  protected override updated(changed: PropertyValues<this>): void {
    // Measured after render, never while computing state: heights feed the spacers of a long list.
    let moved = false;
    for (const li of this.renderRoot.querySelectorAll<HTMLElement>('[data-item]')) moved = this.#heights.measure(Number(li.dataset['item']), li.offsetHeight) || moved;
    if (moved && !this.#whole) this.#setSpacers();
    if (changed.has('active') && this.active >= 0 && !this.matches(':focus-within')) this.#show(this.active);
    if (changed.has('selected') && changed.get('selected') !== undefined) this.#show(this.selected);
    this.#onScroll();
    const f = this.#focusNext;
    if (f >= 0 && this.#rowOf(f)) {
      this.#focusNext = -1;
      this.focusCue(f);
    }
  }

  #rowOf(i: number): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`[data-cue="${i}"]`);
  }

  /** Scrolls the list (only the list, never the page) so row `i` is in view. */
  #show(i: number): void {
    const box = this.#box;
    const item = this.#items(this.session).itemOfCue[i];
    if (!box || item === undefined) return;
    const top = this.#heights.offset(item);
    const bottom = this.#heights.offset(item + 1);
    if (top < box.scrollTop || bottom > box.scrollTop + box.clientHeight) {
      const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
      box.scrollTo({ top: Math.max(0, top - box.clientHeight / 3), behavior: reduce ? 'auto' : 'smooth' });
    }
  }

  /** Moves focus to the time button of cue `i` (rendering its row first in a long list). */
  focusCue(i: number): void {
    const button = this.#rowOf(i)?.querySelector<HTMLElement>('[part~="time"]');
    if (button) return button.focus();
    if (!this.session?.cues[i]) return;
    this.#focusNext = i;
    this.#show(i);
    this.requestUpdate();
  }

  /** A long list: which items are near the view (a binary search over the heights). */
  readonly #onScroll = (): void => {
    const box = this.#box;
    if (!box || this.#whole) return;
    const first = this.#heights.at(box.scrollTop - OVERSCAN);
    const last = this.#heights.at(box.scrollTop + box.clientHeight + OVERSCAN) + 1;
    const [a, b] = this._view;
    if (first !== a || last !== b) this._view = [first, last];
  };

  /** Item ranges to render: all of them, or the view, the selected row (it holds the roving tab stop) and the headings above both. */
  #ranges(n: number, items: ListItems): [number, number][] {
    if (n <= WHOLE_LIST) return [[0, n]];
    const [a, b] = this._view;
    const sel = items.itemOfCue[this.selected] ?? 0;
    const focus = this.#focusNext >= 0 ? (items.itemOfCue[this.#focusNext] ?? sel) : sel;
    const heading = (i: number): [number, number] => [items.headingOf[i] ?? -1, (items.headingOf[i] ?? -1) + 1];
    return mergeRanges([[a, Math.min(b, n)], [sel, sel + 1], [focus, focus + 1], heading(Math.min(a, n - 1)), heading(sel), heading(focus)]);
  }

  /** Spacer heights from the heights known now (also after a measurement, without a render). */
  #setSpacers(): void {
    for (const sp of this.renderRoot.querySelectorAll<HTMLElement>('.spacer')) {
      const h = this.#heights.offset(Number(sp.dataset['to'])) - this.#heights.offset(Number(sp.dataset['from']));
      sp.style.setProperty('height', `${h}px`);
    }
  }

  protected override render(): unknown {
    const s = this.session;
    if (!s) return html`<p class="empty">Open a transcript to see its cues here.</p>`;
    const byCue = this.#byCue(this.problems);
    const items = this.#items(s);
    const n = items.items.length;
    this.#heights.resize(n);
    const out: unknown[] = [];
    let at = 0;
    for (const [a, b] of this.#ranges(n, items)) {
      if (a > at) out.push(this.#spacer(at, a));
      for (let k = a; k < b; k++) out.push(this.#item(s, items.items[k]!, k, n, byCue));
      at = b;
    }
    if (at < n) out.push(this.#spacer(at, n));
    return html`<ol part="list" aria-label="Cues" @focusin=${this.#focusIn} @scroll=${this.#onScroll}>
      ${repeat(out, (x) => (x as { key: string }).key, (x) => (x as { view: unknown }).view)}
    </ol>`;
  }

  #spacer(from: number, to: number): { key: string; view: unknown } {
    const h = this.#heights.offset(to) - this.#heights.offset(from);
    return { key: `gap${from}`, view: html`<li class="spacer" role="none" aria-hidden="true" data-from=${from} data-to=${to} ${place({ height: `${h}px` })}></li>` };
  }

  #item(s: EditorSession, v: number, k: number, n: number, byCue: Map<number, Problem[]>): { key: string; view: unknown } {
    if (v < 0) return { key: `q${-v - 1}`, view: this.#chapter(s, -v - 1, k, n) };
    return { key: `c${v}`, view: this.#row(s.cues[v]!, v, byCue.get(v), k, n) };
  }

  #chapter(s: EditorSession, k: number, item: number, n: number): unknown {
    const ch = s.chapters[k]!;
    return html`<li part="chapter" class="chapter" data-item=${item} aria-posinset=${item + 1} aria-setsize=${n}>
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

  #row(c: EditCue, i: number, problems: Problem[] | undefined, item: number, n: number): unknown {
    const sel = i === this.selected;
    const tab = sel ? 0 : -1;
    const body = splitVoice(c.text).body;
    const review = this.review.has(i);
    const parts = ['cue', sel ? 'selected-cue' : '', i === this.active ? 'active-cue' : '', problems ? 'flagged' : ''].join(' ');
    const speakerShown = i === 0 || this.session!.cues[i - 1]!.speaker !== c.speaker;
    return html`<li part=${parts} class="row" data-cue=${i} data-item=${item} aria-posinset=${item + 1} aria-setsize=${n} aria-current=${i === this.active ? 'time' : nothing}>
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
    this.#focusNext = next;
    this.requestUpdate();
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
