/**
 * Timed transcripts a publisher already has (automatic captions, Whisper,
 * Gentle, SRT / VTT exports) read as timed words, and their times carried
 * onto an edited transcript. Pure: runs in a Worker or in Node.
 */
import { readCueCaptions } from './cues.js';
import { readJsonCaptions } from './json.js';
import type { TimedCaptions } from './words.js';

export { describeProblem, fillTimes, type CaptionsFormat, type CaptionsProblem, type RawWord, type TimedCaptions, type TimedWord } from './words.js';
export { readCueCaptions } from './cues.js';
export { readJsonCaptions } from './json.js';
export { wordKeys, numberWords } from './normalize.js';
export { alignSequences, type SequenceAlignment, type SequenceOptions } from './sequence.js';
export { refineWithPauses, needsPauseRefinement } from './refine.js';
export { transferTiming, TransferError, type TransferOptions, type TransferResult } from './transfer.js';

/** What the editor's Open dialog and the command line name as readable. */
export const CAPTIONS_FORMATS = 'YouTube automatic captions (WebVTT with word timestamps), Whisper / WhisperX JSON, whisper.cpp JSON, Gentle JSON, SRT or WebVTT (Zoom, Riverside, Descript)';

/** File name endings the captions import accepts. */
export const CAPTIONS_ACCEPT = '.vtt,.srt,.json,text/vtt,application/x-subrip,application/json';

/**
 * Reads a captions file of any of the formats above, telling which by its
 * content (a JSON object, a `WEBVTT` header, else SubRip); `name` (the
 * file name) only breaks ties.
 */
export function readCaptions(text: string, name = ''): TimedCaptions {
  const head = text.replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('{') || head.startsWith('[') || /\.json$/i.test(name)) return readJsonCaptions(text);
  if (/^WEBVTT/.test(head) || /\.vtt$/i.test(name)) return readCueCaptions(text, 'vtt');
  return readCueCaptions(text, 'srt');
}
