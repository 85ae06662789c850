/**
 * Prose helpers for turning paragraphs into cues and for estimating how long
 * text takes to say.
 */

/** Words ending in a period that seldom end a sentence (lower case). */
const NON_FINAL = new Set(['e.g.', 'i.e.', 'etc.', 'vs.', 'cf.', 'mr.', 'mrs.', 'ms.', 'dr.', 'prof.', 'st.', 'inc.', 'ltd.', 'jr.', 'sr.']);

/**
 * Splits a paragraph into sentences: a run of `.`, `?`, `!` or `…` (and any
 * closing quote or bracket), whitespace, then an upper-case letter or digit
 * (possibly after an opening quote). Abbreviations and initials (`e.g.`,
 * `U.S.`) do not end a sentence. Each sentence is a trimmed slice of the input.
 */
export function splitSentences(paragraph: string): string[] {
  const out: string[] = [];
  const end = /[.?!…]+["'”’)\]]*(\s+)(?=["'“‘(\[]*[\p{Lu}\p{N}])/gu;
  let from = 0;
  for (let m; (m = end.exec(paragraph)); ) {
    const stop = m.index + m[0].length - m[1]!.length;
    const word = /\S+$/.exec(paragraph.slice(from, stop))?.[0] ?? '';
    const bare = word.replace(/^["'“‘(\[]+/, '').replace(/["'”’)\]]+$/, '');
    const numbered = /^no\.$/i.test(bare) && /^\s*\d/.test(paragraph.slice(stop)); // "No. 5"
    if (bare.endsWith('.') && (numbered || NON_FINAL.has(bare.toLowerCase()) || /^(\p{L}\.)+$/u.test(bare))) continue;
    out.push(paragraph.slice(from, stop).trim());
    from = m.index + m[0].length;
  }
  const rest = paragraph.slice(from).trim();
  if (rest) out.push(rest);
  return out;
}

/** Where a long sentence may be cut, best first. */
const CUT_POINTS = [/[,;:](?=\s)|\s[–—](?=\s)/g, /\s(?=(?:and|but|because|which|where|when|while|so|or|if|rather than|not)\s)/g, /\s/g];
const SHORTEST_PART = 30;

/**
 * Cuts a sentence longer than `max` characters at the clause boundary nearest
 * its middle (after punctuation, else before a conjunction, else at a space),
 * recursively, so captions stay readable. Parts shorter than 30 characters
 * are not produced.
 */
export function splitLongSentence(sentence: string, max = 150): string[] {
  if (sentence.length <= max) return [sentence];
  for (const pattern of CUT_POINTS) {
    let best = -1;
    for (const m of sentence.matchAll(pattern)) {
      const at = m.index + (m[0].trim() ? m[0].length : 0);
      if (at < SHORTEST_PART || sentence.length - at < SHORTEST_PART) continue;
      if (best < 0 || Math.abs(at - sentence.length / 2) < Math.abs(best - sentence.length / 2)) best = at;
    }
    if (best >= 0) {
      return [...splitLongSentence(sentence.slice(0, best).trim(), max), ...splitLongSentence(sentence.slice(best).trim(), max)];
    }
  }
  return [sentence];
}

/** Rough syllable count of one word (vowel groups, silent final e), at least 1. */
function syllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (!w) return 0;
  let n = (w.match(/[aeiouy]+/g) ?? []).length;
  if (w.length > 2 && /[^aeiouy]e$/.test(w) && !/[^aeiouy]le$/.test(w)) n--;
  return Math.max(1, n);
}

/** Digits are read out as words: roughly one syllable and a half each, with a floor. */
function numberSyllables(token: string): number {
  const digits = token.replace(/\D/g, '').length;
  return digits === 4 ? 4 : Math.max(1, Math.round(digits * 1.5));
}

/**
 * How long a text takes to say, in "syllable units": a syllable estimate per
 * word, numbers read out, and a little extra for the short pauses speakers
 * make at commas and other clause punctuation. Used only in ratios, so the
 * unit does not matter.
 */
export function speechWeight(text: string): number {
  let weight = 0;
  for (const token of text.split(/\s+/)) {
    if (!token) continue;
    if (/\d/.test(token)) weight += numberSyllables(token) + syllables(token.replace(/\d+/g, ''));
    else weight += token.split(/[-/]/).reduce((s, part) => s + syllables(part), 0);
    if (/[,;:–—]["'”’)]*$/.test(token)) weight += 0.5;
  }
  return weight;
}
