// Turns the parsed interview into a list of cues, and lays their synthesized
// audio end to end with pauses, counting in samples.

import { splitLongSentence, splitSentences } from './sentences.mjs';

/** Pauses in milliseconds. */
export const PAUSES = Object.freeze({
  leadIn: 500,
  // Between the parts of one long sentence that was cut at a clause boundary.
  clause: 200,
  sentence: 350,
  paragraph: 800,
  // A change of speaker, or the start of a new section (question, outro).
  speaker: 1200,
  tail: 1000,
});

const MAX_CUE_CHARS = 150;

/**
 * @typedef {object} CuePlan
 * @property {string} id          e.g. `q03-p2-s4`
 * @property {string} section     `intro`, `q01`..`q17`, `outro`
 * @property {number} paragraph   1-based within the section
 * @property {number} sentence    1-based source sentence within the paragraph
 * @property {number} part        1-based part of that sentence (1 unless it was cut)
 * @property {number} parts       how many parts the sentence was cut into
 * @property {string} speaker
 * @property {string} text        verbatim source text
 */

/**
 * @param {import('./parse.mjs').Interview} interview
 * @returns {CuePlan[]}
 */
export function planCues(interview) {
  /** @type {CuePlan[]} */
  const cues = [];
  for (const section of interview.sections) {
    section.paragraphs.forEach(({ speaker, text }, p) => {
      let n = 0;
      splitSentences(text).forEach((sentence, s) => {
        const parts = splitLongSentence(sentence, MAX_CUE_CHARS);
        parts.forEach((part, k) => {
          n++;
          cues.push({
            id: `${section.key}-p${p + 1}-s${n}`,
            section: section.key,
            paragraph: p + 1,
            sentence: s + 1,
            part: k + 1,
            parts: parts.length,
            speaker,
            text: part,
          });
        });
      });
    });
  }
  return cues;
}

/** @param {CuePlan} prev @param {CuePlan} cue */
function pauseBetween(prev, cue) {
  if (prev.section !== cue.section || prev.speaker !== cue.speaker) return PAUSES.speaker;
  if (prev.paragraph !== cue.paragraph) return PAUSES.paragraph;
  if (prev.sentence !== cue.sentence) return PAUSES.sentence;
  return PAUSES.clause;
}

/**
 * Places each cue's audio after the previous one plus a pause of digital
 * silence. Start and end are sample indices into the returned mix.
 * @param {CuePlan[]} cues
 * @param {Int16Array[]} audio one entry per cue
 * @param {number} sampleRate
 * @returns {{ placed: (CuePlan & { startSample: number, endSample: number })[], mix: Int16Array }}
 */
export function layout(cues, audio, sampleRate) {
  const ms = (/** @type {number} */ n) => Math.round((n * sampleRate) / 1000);
  let cursor = ms(PAUSES.leadIn);
  const placed = cues.map((cue, i) => {
    const prev = cues[i - 1];
    if (prev) cursor += ms(pauseBetween(prev, cue));
    const startSample = cursor;
    cursor += /** @type {Int16Array} */ (audio[i]).length;
    return { ...cue, startSample, endSample: cursor };
  });
  const mix = new Int16Array(cursor + ms(PAUSES.tail));
  placed.forEach((cue, i) => mix.set(/** @type {Int16Array} */ (audio[i]), cue.startSample));
  return { placed, mix };
}
