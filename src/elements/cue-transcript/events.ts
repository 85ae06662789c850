import type { Transcript, TranscriptCue } from '../../core/transcript/index.js';
import type { CueSourceFailure, CueSourceProblem } from '../../controllers/transcript/transcript-source.js';

export type { CueErrorReason, CueSourceFailure, CueSourceKind, CueSourceProblem } from '../../controllers/transcript/transcript-source.js';

/** `cue-change`: what is being said changed as the media played or seeked. Indices are -1 for none. */
export interface CueChangeDetail {
  /** The cue being spoken (index into `transcript.cues`), -1 in a pause between cues. */
  cueIndex: number;
  paragraphIndex: number;
  questionIndex: number;
  cue: TranscriptCue | null;
  /** Media time, seconds. */
  time: number;
}

/** `cue-activate`: the reader chose a cue (click, tap, Enter or Space). Cancel it to stop the seek. */
export interface CueActivateDetail {
  cue: TranscriptCue;
  cueIndex: number;
  /** Where the media is asked to seek to, seconds: the cue's start, or the word's time when a timed word (inline timestamp) was clicked. */
  time: number;
}

/** `cue-load`: a transcript from `src` or the media's tracks is ready and shown. */
export interface CueLoadDetail {
  transcript: Transcript;
  /**
   * Problems in the files that did not stop them loading (bad cues, with line
   * and column; a file served with a media type other than text/vtt, with
   * code `content-type`). Only the first few hundred are kept.
   */
  errors: CueSourceProblem[];
  /** How many problems there were in all. */
  errorCount: number;
}

/** `cue-error`: the transcript (or its chapters) could not be loaded. */
export type CueErrorDetail = CueSourceFailure;

declare global {
  interface HTMLElementEventMap {
    'cue-change': CustomEvent<CueChangeDetail>;
    'cue-activate': CustomEvent<CueActivateDetail>;
    'cue-load': CustomEvent<CueLoadDetail>;
    'cue-error': CustomEvent<CueErrorDetail>;
  }
}
