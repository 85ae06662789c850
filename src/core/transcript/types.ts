import type { CueNode } from '../webvtt/types.js';

/**
 * The minimum a transcript or chapter cue needs: a parsed `WebVTTCue`, a
 * browser `VTTCue` and a plain object all qualify.
 */
export interface CueLike {
  readonly id: string;
  readonly startTime: number;
  readonly endTime: number;
  readonly text: string;
}

/** An inline timestamp inside a cue: from `offset` (into `plainText`) on, the words are spoken at `time`. */
export interface TimedOffset {
  /** Seconds. */
  time: number;
  /** Index into the cue's `plainText`. */
  offset: number;
}

/** One cue of the transcript, with what the model derived for it. */
export interface TranscriptCue {
  /** Position in `Transcript.cues` (sorted by start time). */
  index: number;
  id: string;
  /** Seconds. */
  startTime: number;
  /** Seconds. */
  endTime: number;
  /** The cue text as written (markup included). */
  text: string;
  /** The parsed cue text. */
  nodes: CueNode[];
  /** Text content, no markup. */
  plainText: string;
  /** Speaker from the cue's `<v>` voice, else inherited from the previous cue of the same paragraph; '' when unknown. */
  speaker: string;
  /** Inline timestamps, in order (empty when the cue has none). */
  timed: TimedOffset[];
  /** Index of the paragraph holding this cue. */
  paragraph: number;
  /** Index of the question holding this cue, or -1 (an introduction or closing outside any question). */
  question: number;
}

/** A run of cues that the file groups into one paragraph, spoken by one speaker. */
export interface TranscriptParagraph {
  index: number;
  /** Index of the question holding it, or -1. */
  question: number;
  speaker: string;
  /** First cue index. */
  cueStart: number;
  /** One past the last cue index. */
  cueEnd: number;
  /** Seconds. */
  startTime: number;
  /** Seconds. */
  endTime: number;
}

/** A question and its answer: from a chapter, or derived from the transcript when there are no chapters. */
export interface TranscriptQuestion {
  index: number;
  /** 1-based number shown to readers. */
  number: number;
  /** Chapter cue id, or a generated `q<number>`. */
  id: string;
  /** URL-safe slug of the title, unique within the transcript; stable under re-timing. */
  slug: string;
  /** The question (chapter title), plain text. */
  title: string;
  /** Seconds. */
  startTime: number;
  /** Seconds. */
  endTime: number;
  /** First paragraph index inside the question (the question as asked, when the transcript has it). */
  paragraphStart: number;
  /** One past the last paragraph index. */
  paragraphEnd: number;
  /** First paragraph of the answer (the first one by a different speaker than the asker); equals paragraphStart when the asking isn't in the transcript. */
  answerStart: number;
  /** Who asks, when the transcript has the question spoken; else ''. */
  asker: string;
}

/** A question-and-answer session built from transcript cues and (optional) chapters. Immutable. */
export interface Transcript {
  cues: readonly TranscriptCue[];
  paragraphs: readonly TranscriptParagraph[];
  questions: readonly TranscriptQuestion[];
  /** Distinct speakers, in order of first appearance. */
  speakers: readonly string[];
  /** Cue start times (sorted ascending), for O(log n) lookups. */
  starts: Float64Array;
  /** Cue end times, in cue order. */
  ends: Float64Array;
  /** Running maximum of `ends`, so overlapping cues are found in O(log n). */
  maxEnds: Float64Array;
  /** Question start times (ascending). */
  questionStarts: Float64Array;
  /** End of the last cue or chapter, seconds. */
  duration: number;
}
