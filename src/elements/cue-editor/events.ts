import type { AlignedBoundary, EditorSession, ImportError } from '../../core/editor/index.js';
import type { HistoryCause } from '../../controllers/editor/history.js';
import type { CueErrorDetail } from '../cue-transcript/events.js';
import type { TranscriptFormat } from './import.js';

/** `cue-open`: a transcript was opened (from a file, a URL or script). */
export interface CueOpenDetail {
  session: EditorSession;
  /** The file's name or URL. */
  name: string;
  format: TranscriptFormat;
}

/** `cue-edit`: the user changed the session (a whole drag is one change), or undid or redid one. */
export interface CueEditDetail {
  session: EditorSession;
  /** What the step did, e.g. "Nudge boundary". */
  label: string;
  cause: HistoryCause;
}

/** `cue-restore`: the editor brought back a session saved before the page was reloaded or closed. */
export interface CueRestoreDetail {
  session: EditorSession;
  /** Epoch milliseconds of the save. */
  savedAt: number;
}

/** `cue-align`: an alignment finished (its result is applied, one undo step) or was cancelled. */
export interface CueAlignDetail {
  state: 'done' | 'cancelled' | 'failed';
  boundaries: AlignedBoundary[];
  /** Boundaries under the confidence threshold, least confident first. */
  review: number[];
  /** Which aligner ran: 'acoustic' (the text spoken and warped onto the recording) or 'pauses'. */
  engine?: 'acoustic' | 'pauses' | 'transfer';
  /** Acoustic alignment: cues the recording seems not to contain (flagged for review). */
  unspoken?: number[];
}

/** `cue-export`: the user downloaded an export. */
export interface CueExportDetail {
  file: 'transcript' | 'chapters';
  /** The sanitized file name. */
  name: string;
  text: string;
}

/**
 * `cue-error` from the editor: the shape `<cue-transcript>` uses, plus the
 * file's name and where the first problem is. The session open before stays.
 */
export interface CueEditorErrorDetail extends CueErrorDetail {
  fileName: string;
  /** 1-based line of the first problem (0 when the problem is not in the text: a network error). */
  line: number;
  column: number;
}

/** `cue-save-error`: saving in this browser stopped working; the work stays in memory, saving is retried, and the editor says so until it works. */
export interface CueSaveErrorDetail {
  /** `unavailable`: no storage here (a private window); `quota`: storage full; `failed`: a save that worked before failed. */
  reason: 'unavailable' | 'quota' | 'failed';
  /** The error's name, e.g. `QuotaExceededError`. */
  name: string;
  message: string;
}

/** `cue-worker-error`: the editor's Worker could not start, so there is no waveform or alignment (editing still works). */
export interface CueWorkerErrorDetail {
  /** `trusted-types`: the page requires Trusted Types and does not allow the `cueline` policy; `load`: the Worker's script did not load. */
  reason: 'trusted-types' | 'load';
  /** The Trusted Types policy the editor makes its Worker URL through: `cueline`. */
  policy: string;
  message: string;
}

/** Import errors as `cue-error` problems. */
export function toProblems(errors: readonly ImportError[], url: string): CueErrorDetail['errors'] {
  return errors.map((e) => ({ source: e.source, url, code: e.code, message: e.message, line: e.line, column: e.column }));
}

declare global {
  interface HTMLElementEventMap {
    'cue-open': CustomEvent<CueOpenDetail>;
    'cue-edit': CustomEvent<CueEditDetail>;
    'cue-restore': CustomEvent<CueRestoreDetail>;
    'cue-align': CustomEvent<CueAlignDetail>;
    'cue-export': CustomEvent<CueExportDetail>;
    'cue-error': CustomEvent<CueErrorDetail>;
    'cue-save-error': CustomEvent<CueSaveErrorDetail>;
    'cue-worker-error': CustomEvent<CueWorkerErrorDetail>;
  }
}
