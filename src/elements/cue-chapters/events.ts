import type { TranscriptQuestion } from '../../core/transcript/index.js';
import type { CopyMethod } from '../../dom/clipboard.js';
import type { NavigateTrigger } from '../../controllers/navigator/question-navigator.js';

export type { CopyMethod } from '../../dom/clipboard.js';
export type { NavigateTrigger } from '../../controllers/navigator/question-navigator.js';

/** `cue-navigate`: the viewer asked to go to a question. Cancelable: cancel it to stop the seek. */
export interface CueNavigateDetail {
  /** Index into the questions. */
  questionIndex: number;
  question: TranscriptQuestion;
  /** Where the media is asked to seek, seconds. */
  time: number;
  /** What the viewer used: the list, previous/next, a shortcut, the menu, or a deep link in the URL. */
  trigger: NavigateTrigger;
}

/** `cue-copy`: a link (or a quoted passage with its link) was copied, or offered for copying by hand. */
export interface CueCopyDetail {
  kind: 'question' | 'moment' | 'passage';
  /** The link itself. */
  url: string;
  /** What was copied: the link, or the quote with its time and link. */
  text: string;
  /** 'manual' when the browser refused and the text is shown selected for the viewer to copy. */
  method: CopyMethod;
}

declare global {
  interface HTMLElementEventMap {
    'cue-navigate': CustomEvent<CueNavigateDetail>;
    'cue-copy': CustomEvent<CueCopyDetail>;
  }
}
