import { escapeCueText, joinVoice } from './cue-text.js';
import { createSession, DEFAULT_SETTINGS, emptyDocument, ms, type EditChapter, type EditCue, type EditorSession, type ImportError } from './session.js';
import { cueWeights, DEFAULT_PAUSES, gapKinds, NOMINAL_RATE, spreadTimes } from './spread.js';
import { splitLongSentence, splitSentences } from './text.js';

/**
 * Plain-text import in the form of the seed transcripts:
 *
 * ```text
 * Title line
 * Introduction paragraphs…
 * Q. A question from the interviewer?
 * Guest Name: The answer, first paragraph.
 * Further paragraphs of the same answer.
 * A member of the audience asked: A question from the floor?
 * Guest Name: …
 * Guest Name is the author of … (a closing line about a speaker)
 * ```
 *
 * Each line is a paragraph; each question starts a chapter; each sentence
 * (long ones cut at a clause) becomes an untimed cue with an id
 * `<section>-p<paragraph>-s<n>` (`intro-p3-s2`, `q04-p1-s1`, `outro-p1-s1`).
 */

/** Options for `sessionFromPlainText`. */
export interface PlainTextOptions {
  /** Seconds to spread the provisional times over; default an estimate from the text at a usual speaking rate. */
  duration?: number;
  /** Speaker of the title, introduction and closing lines. Default 'Host'. */
  hostName?: string;
  /** Speaker of `Q.` questions. Default 'Interviewer'. */
  interviewerName?: string;
  /** Speaker of questions from the floor. Default 'Audience member'. */
  audienceName?: string;
  /** Longest cue in characters before a sentence is cut at a clause. Default 150. */
  maxCueLength?: number;
}

const QUESTION = /^Q[.:]\s+/;
const ASKED = /^(.{1,60}?)\s+asked:\s+/i;
/** `Name: ` with a capitalised name of one to four words. */
const TURN = /^(\p{Lu}[\p{L}'’.-]*(?: \p{Lu}?[\p{L}'’.-]+){0,3}):\s+/u;

interface Paragraph {
  section: string;
  speaker: string;
  text: string;
  /** Line of the input, 1-based. */
  line: number;
}

function paragraphsOf(text: string, o: Required<Omit<PlainTextOptions, 'duration'>>): { paragraphs: Paragraph[]; title: string } {
  const lines = text.split(/\r\n|\r|\n/).map((l, i) => ({ text: l.trim(), line: i + 1 })).filter((l) => l.text);
  const paragraphs: Paragraph[] = [];
  const known = new Set<string>();
  let section = 'intro';
  let speaker = o.hostName;
  let questions = 0;
  lines.forEach(({ text: line, line: at }, index) => {
    const asked = ASKED.exec(line);
    const turn = TURN.exec(line);
    if (QUESTION.test(line) || asked) {
      section = `q${String(++questions).padStart(2, '0')}`;
      speaker = asked ? (/audience/i.test(asked[1]!) ? o.audienceName : asked[1]!) : o.interviewerName;
      paragraphs.push({ section, speaker, text: line.replace(asked ? ASKED : QUESTION, ''), line: at });
    } else if (turn && !/asked$/i.test(turn[1]!)) {
      speaker = turn[1]!;
      known.add(speaker);
      paragraphs.push({ section, speaker, text: line.slice(turn[0].length), line: at });
    } else if (index === lines.length - 1 && questions > 0 && [...known].some((k) => line.startsWith(`${k} `))) {
      // A closing line about a speaker ("Name is the author of …") is the host's.
      paragraphs.push({ section: 'outro', speaker: o.hostName, text: line, line: at });
    } else {
      paragraphs.push({ section, speaker, text: line, line: at });
    }
  });
  return { paragraphs, title: lines[0]?.text ?? '' };
}

/**
 * Opens a plain-text transcript (see the module comment for the form) as an
 * untimed session: questions become chapters, every cue is `timed: false`
 * with provisional times spread by text length so the timeline can show it.
 */
export function sessionFromPlainText(text: string, options: PlainTextOptions = {}): EditorSession {
  const o = {
    hostName: options.hostName ?? 'Host',
    interviewerName: options.interviewerName ?? 'Interviewer',
    audienceName: options.audienceName ?? 'Audience member',
    maxCueLength: options.maxCueLength ?? 150,
  };
  const { paragraphs, title } = paragraphsOf(text, o);
  const errors: ImportError[] = [];
  if (!paragraphs.length) errors.push({ code: 'empty-input', message: 'The text has no lines.', source: 'transcript', line: 1, column: 1, fatal: true });

  const cues: EditCue[] = [];
  const firstCue = new Map<string, number>();
  const questionText = new Map<string, string>();
  let p = 0;
  paragraphs.forEach((para, k) => {
    p = k > 0 && paragraphs[k - 1]!.section === para.section ? p + 1 : 1;
    if (!firstCue.has(para.section)) firstCue.set(para.section, cues.length);
    if (p === 1 && para.section.startsWith('q')) questionText.set(para.section, para.text);
    let s = 0;
    for (const sentence of splitSentences(para.text)) {
      for (const part of splitLongSentence(sentence, o.maxCueLength)) {
        const id = `${para.section}-p${p}-s${++s}`;
        cues.push({ id, startTime: 0, endTime: 0, text: joinVoice(para.speaker, escapeCueText(part)), speaker: para.speaker, fixed: false, timed: false, settings: DEFAULT_SETTINGS });
      }
    }
  });

  const sections = [...firstCue.keys()];
  const chapters: EditChapter[] = sections.flatMap((section, k) => {
    if (!section.startsWith('q')) return [];
    const startCue = firstCue.get(section)!;
    const endCue = k + 1 < sections.length ? firstCue.get(sections[k + 1]!)! : cues.length;
    return [{ id: section, title: escapeCueText(questionText.get(section) ?? ''), startCue, endCue, startTime: 0, endTime: 0, settings: DEFAULT_SETTINGS }];
  });

  const draft = createSession({
    cues,
    chapters,
    doc: emptyDocument(title ? `- ${title}` : ''),
    chaptersDoc: chapters.length ? emptyDocument(title ? `- ${title}: chapters` : '') : null,
    errors,
  });
  const kinds = gapKinds(draft);
  const estimate =
    cueWeights(cues).reduce((s, w) => s + w / NOMINAL_RATE, 0) + kinds.reduce((s, kind) => s + DEFAULT_PAUSES[kind], 0);
  const duration = ms(options.duration ?? estimate);
  const { starts, ends } = spreadTimes(draft, { duration, anchors: cues.map(() => false) });
  const timedCues = draft.cues.map((c, i) => ({ ...c, startTime: ms(starts[i]!), endTime: ms(ends[i]!) }));
  const timedChapters = chapters.map((ch, k) => {
    const next = chapters[k + 1];
    const startTime = timedCues[ch.startCue]?.startTime ?? 0;
    const endTime = next ? (timedCues[next.startCue]?.startTime ?? startTime) : (timedCues[ch.endCue - 1]?.endTime ?? startTime);
    return { ...ch, startTime, endTime };
  });
  return { ...draft, cues: timedCues, chapters: timedChapters, duration };
}
