import { parseCueText } from '../webvtt/cue-text.js';
import type { CueNode } from '../webvtt/types.js';
import { slugify } from './slug.js';
import type {
  CueLike,
  TimedOffset,
  Transcript,
  TranscriptCue,
  TranscriptParagraph,
  TranscriptQuestion,
} from './types.js';

/** Options for `buildTranscript`. */
export interface BuildTranscriptOptions {
  /**
   * Seconds of silence that start a new paragraph in files whose cue ids carry
   * no paragraph marks (`…-p2-…`). Default 2.
   */
  paragraphGap?: number;
}

/** Matches the paragraph part of a cue id such as `q03-p2-s4`: the id up to and including `p2`. */
const PARAGRAPH_ID = /^(.*?(?:^|[-_.:])p\d+)(?=[-_.:]|$)/i;

interface Flat {
  plainText: string;
  voice: string;
  timed: TimedOffset[];
}

/** Text content with line breaks as spaces, the first voice, and where inline timestamps fall. */
function flatten(nodes: readonly CueNode[]): Flat {
  const out: Flat = { plainText: '', voice: '', timed: [] };
  // An explicit stack, not recursion: cue text can nest arbitrarily deep.
  const stack: { list: readonly CueNode[]; i: number }[] = [{ list: nodes, i: 0 }];
  while (stack.length) {
    const top = stack[stack.length - 1]!;
    const node = top.list[top.i++];
    if (!node) {
      stack.pop();
    } else if (node.type === 'text') {
      const v = node.value;
      out.plainText += v.includes('\n') || v.includes('\r') ? v.replace(/[ \t]*[\r\n]+[ \t]*/g, ' ') : v;
    } else if (node.type === 'timestamp') {
      out.timed.push({ time: node.time, offset: out.plainText.length });
    } else {
      if (node.type === 'v' && !out.voice) out.voice = node.annotation.trim();
      stack.push({ list: node.children, i: 0 });
    }
  }
  // Trim, keeping timestamp offsets pointing at the same characters.
  const lead = out.plainText.length - out.plainText.trimStart().length;
  out.plainText = out.plainText.trim();
  if (lead) for (const t of out.timed) t.offset = Math.max(0, t.offset - lead);
  for (const t of out.timed) t.offset = Math.min(t.offset, out.plainText.length);
  return out;
}

/** The cues sorted by start (stable), yielding every {@link BUILD_STEP} cues while it checks and copies. */
function* byStart<T extends CueLike>(list: readonly T[]): Generator<void, T[], void> {
  const copy: T[] = [];
  let sorted = true;
  for (let i = 0; i < list.length; i++) {
    if (i % BUILD_STEP === BUILD_STEP - 1) yield;
    const c = list[i]!;
    if (i > 0 && !(list[i - 1]!.startTime <= c.startTime)) sorted = false;
    copy.push(c);
  }
  if (sorted) return copy;
  return copy
    .map((c, i) => [c, i] as const)
    .sort((a, b) => a[0].startTime - b[0].startTime || a[1] - b[1])
    .map(([c]) => c);
}

/** Chapter titles may carry markup or character references: take the text content. */
function chapterTitle(text: string): string {
  return flatten(parseCueText(text)).plainText;
}

interface QuestionSpan {
  id: string;
  title: string;
  startTime: number;
  endTime: number;
}

/**
 * Questions when the file has no chapters: each turn by someone other than
 * the main speaker that asks something (has a `?`) starts a question, which
 * runs to the next one.
 */
function* deriveQuestions(cues: readonly TranscriptCue[]): Generator<void, QuestionSpan[], void> {
  const weight = new Map<string, number>();
  let last = 0;
  for (const c of cues) {
    if (c.index % BUILD_STEP === BUILD_STEP - 1) yield;
    if (c.speaker) weight.set(c.speaker, (weight.get(c.speaker) ?? 0) + c.plainText.length);
    last = Math.max(last, c.endTime);
  }
  let main = '';
  for (const [s, w] of weight) if (w > (weight.get(main) ?? -1)) main = s;
  const spans: QuestionSpan[] = [];
  let i = 0;
  let step = 0;
  while (i < cues.length) {
    const speaker = cues[i]!.speaker;
    // Only a turn that can be a question has its text joined (the main speaker's turns can be thousands of cues).
    const asks = !!speaker && speaker !== main;
    let text = '';
    let j = i;
    for (; j < cues.length && cues[j]!.speaker === speaker; j++) {
      if (++step % BUILD_STEP === 0) yield;
      if (asks) text += (text ? ' ' : '') + cues[j]!.plainText;
    }
    if (asks && text.includes('?')) {
      spans.push({ id: '', title: text, startTime: cues[i]!.startTime, endTime: Infinity });
    }
    i = j;
  }
  spans.forEach((s, k) => (s.endTime = spans[k + 1]?.startTime ?? last));
  return spans;
}

/**
 * Builds the session model from transcript cues and optional chapters.
 *
 * Paragraphs: a new one starts where the speaker changes, where a question
 * starts, and, when cue ids carry paragraph marks (`q03-p2-s4`), where the
 * mark changes. Without marks, a cue with inline timestamps is a paragraph of
 * its own, and a silence of `paragraphGap` seconds starts a new one.
 */
export function buildTranscript(
  cueList: readonly CueLike[],
  chapterList?: readonly CueLike[] | null,
  options: BuildTranscriptOptions = {},
): Transcript {
  const steps = buildSteps(cueList, chapterList, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * A build that runs a piece at a time (see {@link startTranscriptBuild}):
 * each `advance(stop)` goes on until the model is built or `stop()` says to
 * pause, so a caller can hand the event loop back between pieces.
 */
export interface TranscriptBuild {
  /** The model, once built; null before. */
  readonly transcript: Transcript | null;
  /**
   * Builds on until done (returns true) or until `stop()` returns true
   * (returns false; call again to go on). `stop` is asked every
   * {@link BUILD_STEP} cues or so; `null` builds to the end.
   */
  advance(stop: (() => boolean) | null): boolean;
}

/** Cues (or paragraphs, questions) handled between two questions to `stop()`. */
export const BUILD_STEP = 256;

/** Starts an incremental {@link buildTranscript}: the same model, built in pieces. Nothing is built until `advance`. */
export function startTranscriptBuild(
  cueList: readonly CueLike[],
  chapterList?: readonly CueLike[] | null,
  options: BuildTranscriptOptions = {},
): TranscriptBuild {
  const steps = buildSteps(cueList, chapterList, options);
  let transcript: Transcript | null = null;
  return {
    get transcript() {
      return transcript;
    },
    advance(stop) {
      while (!transcript) {
        const step = steps.next();
        if (step.done) transcript = step.value;
        else if (stop?.()) return false;
      }
      return true;
    },
  };
}

/** `buildTranscript` as a generator that yields every {@link BUILD_STEP} items of its longer loops. */
function* buildSteps(
  cueList: readonly CueLike[],
  chapterList: readonly CueLike[] | null | undefined,
  options: BuildTranscriptOptions,
): Generator<void, Transcript, void> {
  const gap = options.paragraphGap ?? 2;
  const sorted = yield* byStart(cueList);
  const marked = sorted.some((c) => PARAGRAPH_ID.test(c.id));
  yield;

  const cues: TranscriptCue[] = [];
  let speaker = '';
  for (const c of sorted) {
    if (cues.length % BUILD_STEP === BUILD_STEP - 1) yield;
    const nodes = parseCueText(c.text);
    const flat = flatten(nodes);
    if (flat.voice) speaker = flat.voice;
    cues.push({
      index: cues.length,
      id: c.id,
      startTime: c.startTime,
      endTime: c.endTime,
      text: c.text,
      nodes,
      plainText: flat.plainText,
      speaker,
      timed: flat.timed,
      paragraph: 0,
      question: -1,
    });
  }

  const spans: QuestionSpan[] = chapterList?.length
    ? (yield* byStart(chapterList)).map((ch) => ({
        id: ch.id,
        title: chapterTitle(ch.text),
        startTime: ch.startTime,
        endTime: ch.endTime,
      }))
    : yield* deriveQuestions(cues);
  yield;

  // Questions by cue start (two pointers: both lists are sorted).
  let q = -1;
  for (const cue of cues) {
    if (cue.index % BUILD_STEP === BUILD_STEP - 1) yield;
    while (q + 1 < spans.length && spans[q + 1]!.startTime <= cue.startTime + 1e-6) q++;
    cue.question = q >= 0 && cue.startTime < spans[q]!.endTime ? q : -1;
  }

  const paragraphs: TranscriptParagraph[] = [];
  let prevKey: string | null = null;
  for (const cue of cues) {
    if (cue.index % BUILD_STEP === BUILD_STEP - 1) yield;
    const prev = cues[cue.index - 1];
    const key = marked ? (PARAGRAPH_ID.exec(cue.id)?.[1] ?? cue.id) : null;
    const startsParagraph =
      !prev ||
      cue.speaker !== prev.speaker ||
      cue.question !== prev.question ||
      (marked
        ? key !== prevKey
        : cue.timed.length > 0 || prev.timed.length > 0 || cue.startTime - prev.endTime >= gap);
    prevKey = key;
    if (startsParagraph) {
      paragraphs.push({
        index: paragraphs.length,
        question: cue.question,
        speaker: cue.speaker,
        cueStart: cue.index,
        cueEnd: cue.index + 1,
        startTime: cue.startTime,
        endTime: cue.endTime,
      });
    } else {
      const p = paragraphs[paragraphs.length - 1]!;
      p.cueEnd = cue.index + 1;
      p.endTime = Math.max(p.endTime, cue.endTime);
    }
    cue.paragraph = paragraphs.length - 1;
  }

  yield;
  const used = new Map<string, number>();
  let pi = 0;
  const questions: TranscriptQuestion[] = spans.map((span, index) => {
    while (pi < paragraphs.length && paragraphs[pi]!.question < index) pi++;
    const paragraphStart = pi;
    while (pi < paragraphs.length && paragraphs[pi]!.question === index) pi++;
    const paragraphEnd = pi;
    const first = paragraphs[paragraphStart];
    let answerStart = paragraphStart;
    if (first && paragraphEnd > paragraphStart) {
      while (answerStart < paragraphEnd && paragraphs[answerStart]!.speaker === first.speaker) answerStart++;
      if (answerStart === paragraphEnd) answerStart = paragraphStart;
    }
    let slug = slugify(span.title);
    const n = (used.get(slug) ?? 0) + 1;
    used.set(slug, n);
    if (n > 1) slug = `${slug}-${n}`;
    return {
      index,
      number: index + 1,
      id: span.id || `q${index + 1}`,
      slug,
      title: span.title,
      startTime: span.startTime,
      endTime: span.endTime,
      paragraphStart,
      paragraphEnd,
      answerStart,
      asker: answerStart > paragraphStart ? first!.speaker : '',
    };
  });

  yield;
  const seen = new Set<string>();
  const starts = new Float64Array(cues.length);
  const ends = new Float64Array(cues.length);
  const maxEnds = new Float64Array(cues.length);
  let running = -Infinity;
  for (const c of cues) {
    if (c.index % BUILD_STEP === BUILD_STEP - 1) yield;
    if (c.speaker) seen.add(c.speaker);
    starts[c.index] = c.startTime;
    ends[c.index] = c.endTime;
    running = Math.max(running, c.endTime);
    maxEnds[c.index] = running;
  }
  const speakers = [...seen];
  const questionStarts = Float64Array.from(questions, (x) => x.startTime);
  const lastChapter = questions.reduce((m, x) => Math.max(m, x.endTime), 0);
  return {
    cues,
    paragraphs,
    questions,
    speakers,
    starts,
    ends,
    maxEnds,
    questionStarts,
    duration: Math.max(cues.length ? running : 0, lastChapter),
  };
}
