import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { plainText, type EditorSession, type PeakPyramid, type Problem, type SpeechMap } from '../../core/editor/index.js';
import { clockTime } from '../cue-editor/format.js';
import { intend } from '../cue-editor/intents.js';
import { drawWave, laneLabels } from './draw.js';
import { DENSE_CUES, drawLane, laneColumns, visibleCount } from './dense.js';
import { TimelineDrag } from './drag.js';
import { place } from './place.js';
import { styles } from './cue-editor-timeline.styles.js';

/** Shortest view, seconds: a few seconds fill the width. */
export const MIN_SPAN = 3;

/**
 * @summary The timing editor's timeline: the waveform (canvas), cues as focusable blocks, questions marked, boundaries as sliders to drag or nudge. Part of `<cue-editor>`.
 *
 * Keyboard: on a boundary, ←/→ nudge 100 ms (Shift 500 ms, Ctrl 10 ms, Alt unlinked), Home/End select the first/last boundary; on a cue, ←/→ move it 100 ms, Enter or Space goes to its start.
 *
 * @fires cue-edit-intent - An edit the user asked for (nudge, drag, select); `<cue-editor>` carries it out. Not composed.
 *
 * @csspart wave - The canvas.
 * @csspart cue - A cue block; also `selected-cue`, `untimed`, `fixed`, `flagged`.
 * @csspart selected-cue - The selected cue block.
 * @csspart untimed - A cue block not yet timed.
 * @csspart fixed - A cue block marked fixed (alignment keeps it).
 * @csspart flagged - A cue block with a problem.
 * @csspart boundary - A boundary handle (role=slider); also `selected-boundary`, `review`.
 * @csspart selected-boundary - The selected boundary's handles.
 * @csspart review - A boundary to review after alignment.
 * @csspart chapter - A question marker.
 * @csspart problem - A problem marker.
 * @csspart playhead - The play position.
 * @csspart lane - The painted cue lane of a view with more than `DENSE_CUES` (500) cues: only the selected cue and boundary are elements then; zoom in to reach the others by pointer.
 *
 * @cssproperty [--cue-wave-color=light-dark(#64748b, #94a3b8)] - Waveform.
 * @cssproperty [--cue-pause-color=light-dark(#eef2f7, #1c2535)] - Detected pauses behind the waveform.
 * @cssproperty [--cue-accent-color=light-dark(#1d4ed8, #93c5fd)] - Selection and focus.
 * @cssproperty [--cue-error-color=light-dark(#b91c1c, #fca5a5)] - Problems and the playhead.
 * @cssproperty [--cue-timeline-height=11rem] - Timeline height.
 */
export class CueEditorTimeline extends LitElement {
  static override styles = styles;

  /** The session shown; written by `<cue-editor>`. */
  @property({ attribute: false }) session: EditorSession | null = null;
  /** Waveform peaks; written by `<cue-editor>` when the Worker has them. */
  @property({ attribute: false }) pyramid: PeakPyramid | null = null;
  /** Detected pauses (shaded). */
  @property({ attribute: false }) speech: SpeechMap | null = null;
  /** Problems to mark. */
  @property({ attribute: false }) problems: readonly Problem[] = [];
  /** Boundaries to review after alignment. */
  @property({ attribute: false }) review: ReadonlySet<number> = new Set();
  /** Selected boundary index. */
  @property({ type: Number }) boundary = 0;
  /** Selected cue index. */
  @property({ type: Number }) cue = 0;
  /** Seconds: the media's length (the session's when unknown). */
  @property({ type: Number }) duration = 0;

  /** Seconds: the visible range. */
  @state() viewStart = 0;
  @state() viewEnd = 0;

  @query('canvas') private _canvas!: HTMLCanvasElement;
  @query('[part~="playhead"]') private _playhead!: HTMLElement;

  #time = 0;
  #whole = true;
  #width = 0;
  readonly #drag = new TimelineDrag(this);
  readonly #resize = new ResizeObserver((entries) => {
    const w = entries[0]?.contentRect.width ?? 0;
    if (w !== this.#width) {
      this.#width = w;
      this.#draw();
      if (this.#dense) this.#drawLane();
      this.#fitChapters();
    }
  });

  /** Seconds: the play position. Moves the playhead without re-rendering; pages the view to follow it. */
  set time(t: number) {
    this.#time = t;
    const span = this.viewEnd - this.viewStart;
    if (span > 0 && (t < this.viewStart || t > this.viewEnd)) this.setView(t - span * 0.1, t + span * 0.9);
    else this.#placePlayhead();
  }
  get time(): number {
    return this.#time;
  }

  get #total(): number {
    return Math.max(this.duration, this.session?.duration ?? 0, 1);
  }

  /** Shows [start, end] seconds, clamped to the session and to `MIN_SPAN`. */
  setView(start: number, end: number): void {
    const total = this.#total;
    const span = Math.min(total, Math.max(MIN_SPAN, end - start));
    const s = Math.min(Math.max(0, start), total - span);
    this.viewStart = s;
    this.viewEnd = s + span;
    this.#whole = span >= total - 1e-6;
  }

  /** Zooms in (1) or out (-1) by 2x around `at` (default the playhead when visible, else the middle); 0 shows everything. */
  zoom(direction: 1 | -1 | 0, at?: number): void {
    if (direction === 0) return this.setView(0, this.#total);
    const span = this.viewEnd - this.viewStart;
    const inView = this.#time >= this.viewStart && this.#time <= this.viewEnd;
    const c = at ?? (inView ? this.#time : this.viewStart + span / 2);
    const next = direction > 0 ? span / 2 : span * 2;
    const k = (c - this.viewStart) / span;
    this.setView(c - k * next, c + (1 - k) * next);
  }

  /** Brings `time` into view, keeping the zoom. */
  reveal(time: number): void {
    const span = this.viewEnd - this.viewStart;
    if (time < this.viewStart || time > this.viewEnd) this.setView(time - span / 2, time + span / 2);
  }

  /** Seconds per CSS pixel of the view. */
  get secondsPerPixel(): number {
    return (this.viewEnd - this.viewStart) / Math.max(1, this.#width);
  }

  /** Seconds at a client x coordinate. */
  timeAt(clientX: number): number {
    const r = this._canvas.getBoundingClientRect();
    return this.viewStart + ((clientX - r.left) / Math.max(1, r.width)) * (this.viewEnd - this.viewStart);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.#resize.observe(this._canvas);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize.disconnect();
  }

  protected override willUpdate(): void {
    const total = this.#total;
    // A view showing everything keeps doing so as the media's length arrives.
    if (this.#whole || this.viewEnd <= this.viewStart || this.viewEnd > total + 1e-6) this.setView(0, total);
  }

  protected override firstUpdated(): void {
    this.#resize.observe(this._canvas);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('pyramid') || changed.has('speech') || changed.has('viewStart') || changed.has('viewEnd')) this.#draw();
    if (this.#dense && (changed.has('session') || changed.has('problems') || changed.has('viewStart') || changed.has('viewEnd'))) this.#drawLane();
    this.#placePlayhead();
    this.#fitChapters();
  }

  /** True while the view holds more cues than can be blocks: the lane is painted (set by render). */
  #dense = false;

  #drawLane(): void {
    const canvas = this.renderRoot.querySelector<HTMLCanvasElement>('canvas.lane');
    const s = this.session;
    if (!canvas || !s || !this.#width) return;
    const dpr = globalThis.devicePixelRatio || 1;
    canvas.width = Math.round(this.#width * dpr);
    canvas.height = Math.round(canvas.clientHeight * dpr) || Math.round(30 * dpr);
    const v = (name: string): string => getComputedStyle(this.renderRoot.querySelector(`.probe.${name}`)!).color;
    const flagged = new Set(this.problems.map((p) => p.cueIndex));
    drawLane(canvas, laneColumns(s.cues, flagged, this.viewStart, this.viewEnd, Math.round(this.#width)), { cue: v('cue'), untimed: v('untimed'), problem: v('problem') });
  }

  /**
   * Question labels never overlap: they take two rows, and where neither has
   * room (a narrow screen, a wide view) a label shows only a short tick, its
   * question still in its title and in the text for assistive technology.
   * Measured after render, never while computing state.
   */
  #fitChapters(): void {
    const labels = [...this.renderRoot.querySelectorAll<HTMLElement>('[part~="chapter"]')];
    if (!labels.length) return;
    for (const l of labels) l.classList.remove('collapsed', 'lane-1');
    const xs = labels.map((l) => l.offsetLeft);
    const widths = labels.map((l) => l.offsetWidth);
    laneLabels(xs, widths).forEach((lane, k) => {
      labels[k]!.classList.toggle('collapsed', lane < 0);
      labels[k]!.classList.toggle('lane-1', lane === 1);
    });
  }

  #placePlayhead(): void {
    if (!this._playhead) return;
    const span = this.viewEnd - this.viewStart;
    const x = span > 0 ? (this.#time - this.viewStart) / span : -1;
    this._playhead.style.left = `${x * 100}%`;
    this._playhead.hidden = x < 0 || x > 1;
  }

  #draw(): void {
    const canvas = this._canvas;
    if (!canvas || !this.#width) return;
    const dpr = globalThis.devicePixelRatio || 1;
    canvas.width = Math.round(this.#width * dpr);
    canvas.height = Math.round(canvas.clientHeight * dpr) || Math.round(120 * dpr);
    // Custom properties may hold light-dark() or system colours, which a canvas cannot parse: let CSS resolve them.
    const v = (name: string): string => getComputedStyle(this.renderRoot.querySelector(`.probe.${name}`)!).color;
    drawWave(canvas, this.pyramid, this.speech, this.viewStart, this.viewEnd, { wave: v('wave'), pause: v('pause'), tick: v('tick'), text: v('text') });
  }

  /** `left: x%` for a time in the view. */
  #at(t: number): string {
    return `${((t - this.viewStart) / (this.viewEnd - this.viewStart)) * 100}%`;
  }

  protected override render(): unknown {
    const s = this.session;
    const { viewStart: v0, viewEnd: v1 } = this;
    const visible = (a: number, b: number): boolean => b >= v0 && a <= v1;
    const flagged = new Set(this.problems.map((p) => p.cueIndex));
    const dense = (this.#dense = !!s && visibleCount(s.cues, v0, v1, DENSE_CUES) > DENSE_CUES);
    const sel = s?.cues[this.cue];
    return html`
      <div class="track" @pointerdown=${this.#drag.down} @wheel=${this.#wheel}>
        <canvas part="wave" aria-hidden="true"></canvas>
        <span class="probe wave"></span><span class="probe pause"></span><span class="probe tick"></span><span class="probe text"></span>
        <span class="probe cue"></span><span class="probe untimed"></span><span class="probe problem"></span>
        <div class="chapters">
          ${s?.chapters.map((ch, k) =>
            visible(ch.startTime, ch.startTime) && ch.endCue > ch.startCue
              ? html`<span part="chapter" class="chapter" ${place({ left: this.#at(ch.startTime) })} title=${plainText(ch.title)}>Q${k + 1}</span>`
              : nothing,
          )}
        </div>
        <div class="cues">
          <canvas part="lane" class="lane" aria-hidden="true" ?hidden=${!dense}></canvas>
          ${dense
            ? sel && visible(sel.startTime, sel.endTime) ? this.#cue(sel, this.cue, flagged.has(this.cue)) : nothing
            : s?.cues.map((c, i) => (visible(c.startTime, c.endTime) ? this.#cue(c, i, flagged.has(i)) : nothing))}
        </div>
        ${s ? this.#boundaries(s, dense) : nothing}
        ${dense ? nothing : this.problems.map((p) => (visible(p.time, p.time) ? html`<span part="problem" class="problem" ${place({ left: this.#at(p.time) })} title=${p.message}></span>` : nothing))}
        <div part="playhead" class="playhead" hidden></div>
      </div>
    `;
  }

  #cue(c: EditorSession['cues'][number], i: number, flagged: boolean): unknown {
    const sel = i === this.cue;
    const parts = ['cue', sel ? 'selected-cue' : '', c.timed ? '' : 'untimed', c.fixed ? 'fixed' : '', flagged ? 'flagged' : ''].join(' ');
    const text = plainText(c.text);
    const width = `${((c.endTime - c.startTime) / (this.viewEnd - this.viewStart)) * 100}%`;
    return html`<div
      part=${parts}
      class="cue"
      role="button"
      tabindex=${sel ? 0 : -1}
      data-cue=${i}
      ${place({ left: this.#at(c.startTime), width })}
      aria-label=${`Cue ${i + 1}, ${clockTime(c.startTime)} to ${clockTime(c.endTime)}: ${text}`}
      aria-pressed=${sel ? 'true' : 'false'}
      @keydown=${this.#cueKey}
    >${text}</div>`;
  }

  /** Handles of the boundaries in view; in a painted lane, only the selected boundary's. */
  #boundaries(s: EditorSession, dense: boolean): unknown {
    const n = s.cues.length;
    const out: unknown[] = [];
    for (let b = dense ? this.boundary : 0; b <= (dense ? Math.min(n, this.boundary) : n); b++) {
      const end = s.cues[b - 1]?.endTime;
      const start = s.cues[b]?.startTime;
      const apart = end !== undefined && start !== undefined && Math.abs(end - start) > 0.0015;
      if (start !== undefined && start >= this.viewStart && start <= this.viewEnd) out.push(this.#handle(b, start, apart ? 'start' : 'both'));
      if (end !== undefined && (apart || start === undefined) && end >= this.viewStart && end <= this.viewEnd) out.push(this.#handle(b, end, 'end'));
    }
    return out;
  }

  #handle(b: number, t: number, side: 'start' | 'end' | 'both'): unknown {
    const sel = b === this.boundary;
    const review = this.review.has(b);
    const n = this.session?.cues.length ?? 0;
    const tabbable = sel && side !== 'end' ? 0 : sel && b === n ? 0 : -1;
    const what = b === 0 ? 'start of cue 1' : b === n ? `end of cue ${n}` : side === 'end' ? `end of cue ${b}` : side === 'start' ? `start of cue ${b + 1}` : `between cue ${b} and cue ${b + 1}`;
    return html`<div
      part=${`boundary ${sel ? 'selected-boundary' : ''} ${review ? 'review' : ''}`}
      class="boundary ${side}"
      role="slider"
      tabindex=${tabbable}
      data-boundary=${b}
      data-side=${side === 'end' ? 'end' : 'start'}
      ${place({ left: this.#at(t) })}
      aria-label=${`Boundary ${b}: ${what}${review ? ' (to review)' : ''}`}
      aria-valuemin="0"
      aria-valuemax=${this.#total.toFixed(3)}
      aria-valuenow=${t.toFixed(3)}
      aria-valuetext=${clockTime(t)}
      @keydown=${this.#boundaryKey}
    ></div>`;
  }

  readonly #boundaryKey = (e: KeyboardEvent): void => {
    const el = e.currentTarget as HTMLElement;
    const b = Number(el.dataset['boundary']);
    const n = this.session?.cues.length ?? 0;
    if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      const step = e.shiftKey ? 0.5 : e.ctrlKey || e.metaKey ? 0.01 : 0.1;
      intend(this, { type: 'nudge', boundary: b, delta: e.key === 'ArrowLeft' ? -step : step, linked: !e.altKey });
    } else if (e.key === 'Home' || e.key === 'End') {
      intend(this, { type: 'select-boundary', boundary: e.key === 'Home' ? 0 : n });
    } else return;
    e.preventDefault();
    e.stopPropagation();
  };

  readonly #cueKey = (e: KeyboardEvent): void => {
    const i = Number((e.currentTarget as HTMLElement).dataset['cue']);
    if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      const step = e.shiftKey ? 0.5 : e.ctrlKey || e.metaKey ? 0.01 : 0.1;
      intend(this, { type: 'move-cue', cue: i, delta: e.key === 'ArrowLeft' ? -step : step, linked: !e.altKey });
    } else if (e.key === 'Enter' || e.key === ' ') {
      intend(this, { type: 'select-cue', cue: i, seek: true });
    } else return;
    e.preventDefault();
    e.stopPropagation();
  };

  readonly #wheel = (e: WheelEvent): void => {
    if (e.ctrlKey || e.metaKey) {
      e.preventDefault();
      this.zoom(e.deltaY < 0 ? 1 : -1, this.timeAt(e.clientX));
    } else if (e.shiftKey || Math.abs(e.deltaX) > Math.abs(e.deltaY)) {
      e.preventDefault();
      const d = (e.shiftKey ? e.deltaY : e.deltaX) * this.secondsPerPixel;
      this.setView(this.viewStart + d, this.viewEnd + d);
    }
  };

  /** Focuses the selected boundary's handle (after keyboard selection). */
  focusBoundary(): void {
    this.renderRoot.querySelector<HTMLElement>('[part~="selected-boundary"][tabindex="0"]')?.focus({ preventScroll: true });
  }
}
