import type { AlignedBoundary } from '../../core/editor/index.js';
import type { AlignJob } from '../../controllers/editor/audio.js';
import type { CueEditor } from './cue-editor.js';
import type { CueAlignDetail } from './events.js';

/**
 * Runs alignment in the editor's Worker for `<cue-editor>`: acoustic (the
 * text spoken by a reference voice and warped onto the recording, word
 * level) by default; progress shown as it goes (the live text every 10 %),
 * cancellable, the result applied as one undo step, the low-confidence
 * boundaries kept for review, with the cues that seem not spoken and the
 * speech missing from the text counted in the announcement.
 */
export class AlignRunner {
  /**
   * 'acoustic' (default): the text spoken by the reference voice and warped onto the recording, word level,
   * with the pause aligner's confident boundaries kept where the warp confirms them. 'pauses': boundaries in
   * detected pauses only (fast; exact on recordings with clean pauses between all sentences).
   */
  engine: 'acoustic' | 'pauses' = 'acoustic';
  /** 0-1 while aligning, else null. */
  progress: number | null = null;
  /** Boundaries to review, least confident first. */
  review: number[] = [];
  #boundaries: AlignedBoundary[] = [];
  #inOrder: number[] = [];
  #job: AlignJob | null = null;
  readonly #el: CueEditor;

  constructor(el: CueEditor) {
    this.#el = el;
  }

  get running(): boolean {
    return this.#job !== null;
  }

  /** The review list in time order, the order the editor steps through it. */
  get reviewInOrder(): readonly number[] {
    return this.#inOrder;
  }

  confidence(boundary: number): number | undefined {
    return this.#boundaries[boundary]?.confidence;
  }

  reset(): void {
    this.review = [];
    this.#inOrder = [];
    this.#boundaries = [];
  }

  async run(): Promise<void> {
    const el = this.#el;
    const session = el.session;
    if (this.#job) return;
    if (!session) return el.announce('Open a transcript before aligning.');
    if (el._audio !== 'ready') return el.announce(el._audio === 'loading' ? 'The waveform is still being read: align when it is ready.' : 'Open the recording before aligning.');
    this.progress = 0;
    el.announce('Aligning…');
    let shown = 0;
    const job = el._audioCtl.align(session, (f) => {
      this.progress = f;
      if (f - shown >= 0.1) {
        shown = f;
        el.announce(`Aligning… ${Math.round(f * 100)}%`);
      }
      el.requestUpdate();
    }, this.engine);
    this.#job = job;
    el.requestUpdate();
    let detail: CueAlignDetail;
    try {
      const r = await job.result;
      el._history.apply(r.session, 'Align');
      this.#boundaries = r.boundaries;
      this.review = r.review;
      this.#inOrder = [...r.review].sort((a, b) => a - b);
      const notes = [
        r.unspoken?.length ? `${r.unspoken.length} ${r.unspoken.length === 1 ? 'cue seems' : 'cues seem'} not spoken` : '',
        r.unscripted?.length ? `${r.unscripted.length} ${r.unscripted.length === 1 ? 'stretch' : 'stretches'} of speech not in the text` : '',
        r.fallback ? `by pauses only: ${r.fallback}` : '',
      ].filter(Boolean);
      el.announce(`Aligned ${r.boundaries.length} boundaries: ${r.review.length} to review${notes.length ? ` (${notes.join('; ')})` : ''}. Press R to step through them.`);
      detail = { state: 'done', boundaries: r.boundaries, review: r.review, ...(r.engine ? { engine: r.engine } : {}), ...(r.unspoken ? { unspoken: r.unspoken } : {}) };
    } catch (e) {
      const cancelled = (e as Error).name === 'AbortError';
      el.announce(cancelled ? 'Alignment cancelled: nothing changed.' : `Alignment failed: ${(e as Error).message}`);
      detail = { state: cancelled ? 'cancelled' : 'failed', boundaries: [], review: [] };
    } finally {
      this.#job = null;
      this.progress = null;
      el.requestUpdate();
    }
    el.dispatchEvent(new CustomEvent('cue-align', { bubbles: true, composed: true, detail }));
  }

  cancel(): void {
    this.#job?.cancel();
  }
}
