import { CAPTIONS_FORMATS, describeProblem, needsPauseRefinement, readCaptions, refineWithPauses, transferTiming } from '../../core/captions/index.js';
import type { AlignedBoundary, AlignResult } from '../../core/editor/index.js';
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
      detail = this.#apply(r, 'Align');
      const notes = [
        r.unspoken?.length ? `${r.unspoken.length} ${r.unspoken.length === 1 ? 'cue seems' : 'cues seem'} not spoken` : '',
        r.unscripted?.length ? `${r.unscripted.length} ${r.unscripted.length === 1 ? 'stretch' : 'stretches'} of speech not in the text` : '',
        r.fallback ? `by pauses only: ${r.fallback}` : '',
      ].filter(Boolean);
      el.announce(`Aligned ${r.boundaries.length} boundaries: ${r.review.length} to review${notes.length ? ` (${notes.join('; ')})` : ''}. Press R to step through them.`);
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

  /** Applies an aligner's result as one undo step and keeps its review list. */
  #apply(r: AlignResult, label: string): CueAlignDetail {
    this.#el._history.apply(r.session, label);
    this.#boundaries = r.boundaries;
    this.review = r.review;
    this.#inOrder = [...r.review].sort((a, b) => a - b);
    return { state: 'done', boundaries: r.boundaries, review: r.review, ...(r.engine ? { engine: r.engine } : {}), ...(r.unspoken ? { unspoken: r.unspoken } : {}) };
  }

  /**
   * Timing transfer: carries the word times of captions the publisher already has (`CAPTIONS_FORMATS`) onto
   * the open transcript's words, as one undo step ("Timing from <name>"); where the recording is loaded, edges
   * of captions without word ends are refined against its pauses. False (and the problem shown) when the file
   * cannot be read or shares almost no words with the text; the session is then unchanged.
   */
  transfer(text: string, name: string): boolean {
    const el = this.#el;
    const session = el.session;
    if (!session) {
      el.announce('Open a transcript before its captions for timing.');
      return false;
    }
    if (this.#job) return false;
    const caps = readCaptions(text, name);
    const fatal = caps.problems.find((p) => p.fatal);
    let detail: CueAlignDetail;
    let ok = false;
    if (fatal) {
      el._errors = [`Could not read ${name || 'the captions'} as captions for timing (${CAPTIONS_FORMATS}); nothing was changed.`, ...caps.problems.slice(0, 4).map((p) => `${name}, ${describeProblem(p)}`)];
      detail = { state: 'failed', boundaries: [], review: [] };
    } else {
      try {
        const duration = el.media?.duration;
        let r = transferTiming(session, caps.words, { wordEnds: !needsPauseRefinement(caps.format), ...(duration && Number.isFinite(duration) ? { duration: Math.max(duration, session.duration) } : {}) });
        const speech = el._audio === 'ready' ? el._audioCtl.speech : null;
        const refined = !!speech && needsPauseRefinement(caps.format);
        if (refined) r = refineWithPauses(r, speech!.pauses);
        detail = this.#apply(r, `Timing from ${name || 'captions'}`);
        el._errors = caps.problems.length ? [`${name}: ${caps.problems.length} ${caps.problems.length === 1 ? 'part' : 'parts'} could not be read and ${caps.problems.length === 1 ? 'was' : 'were'} skipped.`, ...caps.problems.slice(0, 3).map((p) => `${name}, ${describeProblem(p)}`)] : [];
        const few = r.lowMatch.length + r.unspoken.length;
        el.announce(`Timing from ${name || 'the captions'}: ${r.session.cues.length} cues timed${refined ? ', edges refined by the recording’s pauses' : ''}; ${r.review.length} boundaries to review${few ? ` (${few} ${few === 1 ? 'cue has' : 'cues have'} few words in the captions)` : ''}. Press R to step through them.`);
        ok = true;
      } catch (e) {
        el._errors = [`Could not take the timing from ${name || 'the captions'}: ${(e as Error).message} Nothing was changed.`];
        detail = { state: 'failed', boundaries: [], review: [] };
      }
    }
    el.requestUpdate();
    el.dispatchEvent(new CustomEvent('cue-align', { bubbles: true, composed: true, detail }));
    return ok;
  }

  cancel(): void {
    this.#job?.cancel();
  }
}
