/**
 * Word keys for comparing a recognizer's words with an edited transcript's:
 * lower case, compatibility forms folded (NFKC), typographic quotes and
 * apostrophes made plain, punctuation dropped, hyphenated words split, and
 * numbers read out as words ("10" and "ten" are the same word, "2,000" and
 * "two thousand" the same two words). One written word gives zero or more keys.
 */

const ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const SCALES: [number, string][] = [
  [1e9, 'billion'],
  [1e6, 'million'],
  [1e3, 'thousand'],
];

function under1000(n: number, out: string[]): void {
  if (n >= 100) {
    out.push(ONES[Math.floor(n / 100)]!, 'hundred');
    n %= 100;
    if (n === 0) return;
  }
  if (n < 20) out.push(ONES[n]!);
  else {
    out.push(TENS[Math.floor(n / 10)]!);
    if (n % 10) out.push(ONES[n % 10]!);
  }
}

/** An integer as English words ("1905" → nineteen hundred five is not tried: "one thousand nine hundred five"). */
export function numberWords(n: number): string[] {
  if (!Number.isSafeInteger(n) || n < 0 || n >= 1e12) return [String(n)];
  if (n === 0) return ['zero'];
  const out: string[] = [];
  let rest = n;
  for (const [size, name] of SCALES) {
    if (rest >= size) {
      under1000(Math.floor(rest / size), out);
      out.push(name);
      rest %= size;
    }
  }
  if (rest) under1000(rest, out);
  return out;
}

/** The keys of one written word (a whitespace-separated token). */
export function wordKeys(token: string): string[] {
  const plain = token
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘‛ʼ`´]/g, "'")
    .replace(/[“”„‟«»]/g, '"')
    .replace(/[‐‑‒–—]/g, '-');
  const keys: string[] = [];
  for (const part of plain.split(/[-/]+/)) {
    // Thousands separators inside a number ("2,000"), then the rest of the punctuation.
    const p = part.replace(/(\d),(?=\d{3}\b)/g, '$1').replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    if (!p) continue;
    if (/^\d+$/.test(p) && p.length <= 12) {
      keys.push(...numberWords(Number(p)));
      continue;
    }
    // Inside a word only letters, digits and apostrophes count ("don't" stays one key; "e.g." becomes "eg").
    const k = p.replace(/[^\p{L}\p{N}']/gu, '');
    if (k) keys.push(k);
  }
  return keys;
}
