import { plainText } from './cue-text.js';
import { ms, type EditCue, type EditorSession } from './session.js';
import { speechWeight } from './text.js';

/**
 * Placing cues by their text: between two known times, each cue gets time in
 * proportion to how long its text takes to say, and the gaps between cues get
 * the pause a speaker usually makes there (longer between paragraphs and
 * speakers than between sentences).
 */

/** What separates two neighbouring cues, by how long speakers usually pause there. */
export type GapKind = 'edge' | 'clause' | 'sentence' | 'paragraph' | 'speaker';

/** Typical pause at each kind of gap, seconds. `edge` is before the first and after the last cue. */
export type PausePriors = Readonly<Record<GapKind, number>>;

export const DEFAULT_PAUSES: PausePriors = Object.freeze({ edge: 0.5, clause: 0.15, sentence: 0.4, paragraph: 0.7, speaker: 1.0 });

/** Speech rate used to turn text weight into seconds before scaling: syllable units per second. */
export const NOMINAL_RATE = 4.2;

/** The paragraph part of an id such as `q03-p2-s4` (`q03-p2`), or null. */
const PARAGRAPH_ID = /^(.*?(?:^|[-_.:])p\d+)(?=[-_.:]|$)/i;

/**
 * The kind of each gap: `kinds[0]` is before cue 0, `kinds[i]` between cue
 * i-1 and cue i, `kinds[n]` after the last cue. A chapter start or a change
 * of speaker is `speaker`; a change of paragraph mark in the ids is
 * `paragraph`; after terminal punctuation, `sentence`; else `clause`.
 */
export function gapKinds(session: EditorSession): GapKind[] {
  const { cues } = session;
  const chapterStarts = new Set(session.chapters.map((c) => c.startCue));
  const kinds: GapKind[] = ['edge'];
  for (let i = 1; i < cues.length; i++) {
    const a = cues[i - 1]!;
    const b = cues[i]!;
    const pa = PARAGRAPH_ID.exec(a.id)?.[1];
    const pb = PARAGRAPH_ID.exec(b.id)?.[1];
    if (a.speaker !== b.speaker || chapterStarts.has(i)) kinds.push('speaker');
    else if (pa !== undefined && pb !== undefined && pa !== pb) kinds.push('paragraph');
    else if (/[.?!…]["'”’)\]]*$/.test(plainText(a.text))) kinds.push('sentence');
    else kinds.push('clause');
  }
  kinds.push('edge');
  return kinds;
}

/** Weight of each cue's text (syllable units, at least 1). */
export function cueWeights(cues: readonly EditCue[]): number[] {
  return cues.map((c) => Math.max(1, speechWeight(plainText(c.text))));
}

/** Options for `spreadByText`. */
export interface SpreadOptions {
  /** Seconds the cues may use; default the session's duration. */
  duration?: number;
  /** Which cues keep their times; default the `fixed` ones. */
  anchors?: readonly boolean[];
  /** Pause priors; default `DEFAULT_PAUSES`. */
  pauses?: PausePriors;
}

/** Start and end of each cue, as flat arrays. */
export interface Spread {
  starts: Float64Array;
  ends: Float64Array;
}

/**
 * Times for every cue that is not an anchor. Between two anchors (or the
 * start and end of the media) the free cues share the time in proportion to
 * text weight plus the prior pause of each gap, all scaled by one factor so
 * that they exactly fill the span.
 */
export function spreadTimes(session: EditorSession, options: SpreadOptions = {}): Spread {
  const { cues } = session;
  const n = cues.length;
  const duration = options.duration ?? session.duration;
  const anchors = options.anchors ?? cues.map((c) => c.fixed);
  const pauses = options.pauses ?? DEFAULT_PAUSES;
  const kinds = gapKinds(session);
  const weights = cueWeights(cues);
  const starts = Float64Array.from(cues, (c) => c.startTime);
  const ends = Float64Array.from(cues, (c) => c.endTime);
  let i = 0;
  while (i < n) {
    if (anchors[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j < n && !anchors[j]) j++;
    // Free run [i, j): between the previous anchor's end and the next anchor's start.
    const from = i > 0 ? ends[i - 1]! : 0;
    const to = j < n ? starts[j]! : Math.max(from, duration);
    let total = 0;
    for (let k = i; k <= j; k++) total += pauses[kinds[k]!];
    for (let k = i; k < j; k++) total += weights[k]! / NOMINAL_RATE;
    const scale = total > 0 ? (to - from) / total : 0;
    let t = from;
    for (let k = i; k < j; k++) {
      t += pauses[kinds[k]!] * scale;
      starts[k] = t;
      t += (weights[k]! / NOMINAL_RATE) * scale;
      ends[k] = t;
    }
    i = j;
  }
  return { starts, ends };
}

/**
 * Places the free cues by text length between anchors (see `spreadTimes`).
 * Spread cues stay `timed: false`: their times are an estimate, which
 * `align` then snaps to the audio.
 */
export function spreadByText(session: EditorSession, options: SpreadOptions = {}): EditorSession {
  const { starts, ends } = spreadTimes(session, options);
  const cues = session.cues.map((c, i) => {
    const startTime = ms(starts[i]!);
    const endTime = Math.max(startTime, ms(ends[i]!));
    return c.startTime === startTime && c.endTime === endTime ? c : { ...c, startTime, endTime };
  });
  return retime(session, cues);
}

/**
 * A session with new cue times, chapters following: a chapter's start moves
 * with its first cue's start, its end with its last cue's end, by the same
 * amount, so untouched chapters keep their times exactly.
 */
export function retime(session: EditorSession, cues: readonly EditCue[], duration = session.duration): EditorSession {
  const old = session.cues;
  const chapters = session.chapters.map((ch) => {
    const first = ch.startCue < cues.length && ch.startCue < ch.endCue ? ch.startCue : -1;
    const last = ch.endCue - 1;
    const ds = first >= 0 && old[first] ? cues[first]!.startTime - old[first].startTime : 0;
    const de = last >= first && first >= 0 && old[last] ? cues[last]!.endTime - old[last].endTime : 0;
    if (!ds && !de) return ch;
    return { ...ch, startTime: ms(ch.startTime + ds), endTime: ms(ch.endTime + de) };
  });
  return { ...session, cues, chapters, duration };
}
