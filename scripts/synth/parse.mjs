// Parses the seed interview text into sections of speaker-tagged paragraphs.
//
// Layout of the source: a title line, a subtitle line, introduction
// paragraphs, then questions (`Q. ...` or `A member of the audience asked:
// ...`), each followed by a `Francesco Ciulla: ...` answer whose further
// paragraphs carry no prefix, and a closing line about the guest.

export const SPEAKERS = Object.freeze({
  host: 'Host',
  interviewer: 'Interviewer',
  audience: 'Audience member',
  guest: 'Francesco Ciulla',
});

const QUESTION_PREFIX = 'Q. ';
const AUDIENCE_PREFIX = 'A member of the audience asked: ';
const ANSWER_PREFIX = `${SPEAKERS.guest}: `;
const CLOSING_PATTERN = /^Francesco Ciulla is the author of /;
// Refers to a link that a listener cannot follow.
const SKIPPED_LINES = new Set(['You can read or watch the full conversation here:']);

/**
 * @typedef {{ speaker: string, text: string }} Paragraph
 * @typedef {{ key: string, number?: number, question?: string, paragraphs: Paragraph[] }} Section
 * @typedef {{ title: string, subtitle: string, sections: Section[] }} Interview
 */

/**
 * @param {string} source the whole text file
 * @returns {Interview}
 */
export function parseInterview(source) {
  const lines = source.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
  const closing = lines.at(-1);
  if (lines.length < 4 || !closing || !CLOSING_PATTERN.test(closing)) {
    throw new Error('source: expected a title, a subtitle, a body and a closing line');
  }
  const [title, subtitle] = /** @type {[string, string]} */ (lines);
  const intro = { key: 'intro', paragraphs: [title, subtitle].map((text) => host(text)) };
  /** @type {Section[]} */
  const questions = [];

  for (const [index, line] of lines.slice(2, -1).entries()) {
    const where = `source line ${index + 3}`;
    if (SKIPPED_LINES.has(line)) continue;
    const question = questionOf(line);
    if (question) {
      const number = questions.length + 1;
      const key = `q${String(number).padStart(2, '0')}`;
      questions.push({ key, number, question: question.text, paragraphs: [question] });
    } else if (line.startsWith(ANSWER_PREFIX)) {
      const current = questions.at(-1);
      if (!current) throw new Error(`${where}: answer before the first question`);
      current.paragraphs.push({ speaker: SPEAKERS.guest, text: line.slice(ANSWER_PREFIX.length) });
    } else if (questions.length === 0) {
      intro.paragraphs.push(host(line));
    } else {
      const current = /** @type {Section} */ (questions.at(-1));
      if (current.paragraphs.length < 2) throw new Error(`${where}: text between a question and its answer`);
      current.paragraphs.push({ speaker: SPEAKERS.guest, text: line });
    }
  }

  for (const q of questions) {
    if (q.paragraphs.length < 2) throw new Error(`${q.key}: question without an answer`);
  }
  const outro = { key: 'outro', paragraphs: [host(closing)] };
  return { title, subtitle, sections: [intro, ...questions, outro] };
}

/** @param {string} line @returns {Paragraph | undefined} */
function questionOf(line) {
  if (line.startsWith(QUESTION_PREFIX)) {
    return { speaker: SPEAKERS.interviewer, text: line.slice(QUESTION_PREFIX.length) };
  }
  if (line.startsWith(AUDIENCE_PREFIX)) {
    return { speaker: SPEAKERS.audience, text: line.slice(AUDIENCE_PREFIX.length) };
  }
  return undefined;
}

/** @param {string} text @returns {Paragraph} */
function host(text) {
  return { speaker: SPEAKERS.host, text };
}
