// Sentence splitting for English prose, plus a splitter that cuts an overly
// long sentence into caption-sized parts at clause boundaries.
//
// Every returned string is a verbatim slice of the input (trimmed), so cue
// text always equals the source text.

// Words ending in a period that rarely end a sentence. Lower-cased, with dots.
const ABBREVIATIONS = new Set([
  'e.g.', 'i.e.', 'cf.', 'vs.', 'etc.', 'approx.', 'mr.', 'mrs.', 'ms.', 'dr.', 'prof.', 'st.',
  'no.', 'fig.', 'inc.', 'ltd.', 'jr.', 'sr.',
]);
// Characters that may close a sentence after its terminal punctuation.
const CLOSERS = `"'”’)]`;
// Characters that may open the next sentence before its first letter.
const OPENERS = `"'“‘([`;

/**
 * Splits a paragraph into sentences. A boundary is `.`, `?` or `!` (plus any
 * closing quotes or brackets), then whitespace, then something that can start
 * a sentence. Periods inside tokens (`Node.js`, `2.5`) are never followed by
 * whitespace, so they never split; abbreviations and initialisms (`e.g.`,
 * `U.K.`) are skipped.
 * @param {string} paragraph
 * @returns {string[]}
 */
export function splitSentences(paragraph) {
  const sentences = [];
  let start = 0;
  const boundary = /[.?!…]+/g;
  for (let match; (match = boundary.exec(paragraph)); ) {
    let end = match.index + match[0].length;
    while (end < paragraph.length && CLOSERS.includes(paragraph.charAt(end))) end++;
    const rest = paragraph.slice(end);
    const gap = /^\s+/.exec(rest);
    if (!gap) continue;
    const next = rest.slice(gap[0].length);
    if (!startsSentence(next)) continue;
    if (match[0] === '.' && isAbbreviation(paragraph.slice(start, match.index + 1))) continue;
    sentences.push(paragraph.slice(start, end).trim());
    start = end + gap[0].length;
    boundary.lastIndex = start;
  }
  const tail = paragraph.slice(start).trim();
  if (tail) sentences.push(tail);
  return sentences;
}

/** @param {string} text */
function startsSentence(text) {
  let i = 0;
  while (i < text.length && OPENERS.includes(text.charAt(i))) i++;
  return /^[\p{Lu}\p{N}]/u.test(text.slice(i));
}

/** @param {string} before text of the sentence so far, ending at the period */
function isAbbreviation(before) {
  const word = (/\S+$/.exec(before)?.[0] ?? '').replace(/^[("'“‘[]+/, '');
  if (ABBREVIATIONS.has(word.toLowerCase())) return true;
  // Initialisms and initials: `U.K.`, `U.S.`, `J.`
  return /^(\p{L}\.)+$/u.test(word);
}

// Preferred cut points, best first: after clause punctuation, then before a
// conjunction or relative word, then any space.
const CUTS = [
  /[,;:](?=\s)|\s[–—](?=\s)/g,
  /\s(?=(?:and|but|because|which|where|when|while|so|or|if|rather than|not)\s)/g,
  /\s/g,
];
const MIN_PART = 30;

/**
 * Splits a sentence longer than `max` characters into parts of at most `max`
 * where possible, cutting at the most balanced clause boundary.
 * @param {string} sentence
 * @param {number} [max]
 * @returns {string[]}
 */
export function splitLongSentence(sentence, max = 150) {
  if (sentence.length <= max) return [sentence];
  for (const cut of CUTS) {
    const at = bestCut(sentence, cut);
    if (at === undefined) continue;
    const head = sentence.slice(0, at).trim();
    const tail = sentence.slice(at).trim();
    return [...splitLongSentence(head, max), ...splitLongSentence(tail, max)];
  }
  return [sentence];
}

/** Index after the cut closest to the middle, leaving both parts >= MIN_PART. */
function bestCut(/** @type {string} */ sentence, /** @type {RegExp} */ pattern) {
  let best;
  for (const match of sentence.matchAll(pattern)) {
    const at = /** @type {number} */ (match.index) + (match[0].trim() ? match[0].length : 0);
    if (at < MIN_PART || sentence.length - at < MIN_PART) continue;
    if (best === undefined || Math.abs(at - sentence.length / 2) < Math.abs(best - sentence.length / 2)) best = at;
  }
  return best;
}
