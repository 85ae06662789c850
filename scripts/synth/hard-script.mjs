// The script of the hard session (`npm run synth -- hard`): what is spoken,
// by whom, and how it differs from the text an editor is given.
//
// Each paragraph is a list of sentences; a sentence is a string whose
// commas become pauses of 300-600 ms. Marks:
//   { unspoken: '…' }  a sentence in the text that is never spoken;
//   { unscripted: '…' } a sentence spoken that the text leaves out;
//   '{um}' inside a sentence: a filler spoken there, not in the text.

export const TITLE = 'Growing Software Like a Garden';
export const GUEST = 'Maya Lindqvist';

/**
 * @typedef {string | { unspoken: string } | { unscripted: string }} Sentence
 * @typedef {{ speaker: 'Host' | 'Interviewer' | 'Guest', sentences: Sentence[] }} Paragraph
 */

/** @type {Paragraph[]} */
export const PARAGRAPHS = [
  { speaker: 'Host', sentences: [TITLE] },
  { speaker: 'Host', sentences: [`A conversation with ${GUEST}`] },
  {
    speaker: 'Host',
    sentences: [
      'Welcome back to the show, where we talk with people who build things slowly and carefully.',
      'Our guest today spent ten years as a gardener before she wrote her first program.',
      'She now leads a small team that maintains a library used by thousands of projects.',
    ],
  },
  { speaker: 'Interviewer', sentences: ['Maya, how did you go from planting trees to writing code?'] },
  {
    speaker: 'Guest',
    sentences: [
      'It was an accident, really.',
      'I kept a notebook of every plant in the nursery, {um} and one winter the notebook became a spreadsheet.',
      'The spreadsheet grew too large, so a friend showed me how to write a small script.',
      { unscripted: 'I still have that script somewhere, printed on yellow paper.' },
      'After that, I could not stop.',
      'Every evening, after work, I read about databases and tried things on an old laptop.',
    ],
  },
  { speaker: 'Interviewer', sentences: ['What did gardening teach you that programming courses did not?'] },
  {
    speaker: 'Guest',
    sentences: [
      'Patience, mostly.',
      'A garden does not care about your deadline, and neither does a large codebase.',
      'You prune a little, you watch what happens, and you come back next season.',
      { unspoken: 'I learned to measure the soil before adding anything to it.' },
      'I also learned that most problems start at the roots, {uh} long before you see them in the leaves.',
    ],
  },
  {
    speaker: 'Guest',
    sentences: [
      'When a test fails in our project, the cause is often three releases old.',
      'So we keep careful notes, the way I kept notes about frost and rain.',
    ],
  },
  { speaker: 'Interviewer', sentences: ['How does your team decide what to remove?'] },
  {
    speaker: 'Guest',
    sentences: [
      'We look at what people actually use.',
      '{you know} If a feature has not been touched in two years, we ask on the forum before we remove it.',
      'Sometimes one person answers, and their story changes our mind.',
      'Removing code is like removing a tree, because you cannot put it back the next morning.',
      'We mark it as deprecated for a whole year, and we write a short guide for moving away from it.',
    ],
  },
  { speaker: 'Interviewer', sentences: ['Do you miss working outside?'] },
  {
    speaker: 'Guest',
    sentences: [
      'Every single day.',
      'I still grow tomatoes on the balcony, and my colleagues get the extra ones in August.',
      'On quiet afternoons, {um} I take the laptop to the park and review pull requests under a tree.',
      'It is slower, but the reviews are kinder.',
    ],
  },
  { speaker: 'Interviewer', sentences: ['What would you tell someone who wants to change careers the way you did?'] },
  {
    speaker: 'Guest',
    sentences: [
      'Start with a problem you already have.',
      'Nobody learns a language by reading the grammar, and nobody learns to program by watching videos.',
      'Write something small and useful, then show it to a friend.',
      'Be patient with yourself, because the first year is the hardest part.',
    ],
  },
  {
    speaker: 'Host',
    sentences: [
      `That was ${GUEST}, who maintains open source software and still grows tomatoes.`,
      'Thank you for listening, and see you next week.',
    ],
  },
];

/** Festival voice and settings per speaker. */
export const VOICES = Object.freeze({
  Host: { voice: 'cmu_us_slt_arctic_hts', rate: 1.0 },
  Interviewer: { voice: 'cmu_us_slt_arctic_hts', rate: 0.92 },
  Guest: { voice: 'kal_diphone', rate: 1.0 },
});

/** Spoken fillers. */
export const FILLERS = Object.freeze({ um: 'Um.', uh: 'Uh.', 'you know': 'You know.' });

/** Name in the text form (`Name: ` prefix) of each speaker. */
export const NAMES = Object.freeze({ Host: 'Host', Interviewer: 'Interviewer', Guest: GUEST });
