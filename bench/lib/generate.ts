/**
 * Deterministic synthetic sessions for scale benchmarks: an interview of
 * `cueCount` sentence cues in the seed's conventions (voices, `qNN-pP-sS` ids,
 * one chapter per question).
 */

const WORDS =
  'rust memory safety ownership borrow checker concurrency latency compiler cargo binary docker container service team production adoption language performance threads async runtime deploy pipeline review crème brûlée naïve café'.split(
    ' ',
  );

/** A small linear congruential generator so every run generates the same text. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const ts = (t: number): string => {
  const ms = Math.round(t * 1000);
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor(ms / 60_000) % 60;
  const s = Math.floor(ms / 1000) % 60;
  const f = ms % 1000;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}.${String(f).padStart(3, '0')}`;
};

export interface GeneratedSession {
  transcript: string;
  chapters: string;
  duration: number;
}

export function generateSession(cueCount: number, seed = 1): GeneratedSession {
  const rand = rng(seed);
  const out: string[] = ['WEBVTT', ''];
  const chapters: string[] = ['WEBVTT', ''];
  const perQuestion = Math.max(4, Math.round(Math.sqrt(cueCount) * 2));
  let t = 1;
  let q = 0;
  let qStart = 0;
  let p = 1;
  let s = 1;
  for (let i = 0; i < cueCount; i++) {
    const newQuestion = i % perQuestion === 0;
    if (newQuestion) {
      if (q > 0) chapters.push(`q${String(q).padStart(2, '0')}`, `${ts(qStart)} --> ${ts(t)}`, `Question ${q} about ${WORDS[q % WORDS.length]}?`, '');
      q++;
      qStart = t;
      p = 1;
      s = 1;
    } else if (i % perQuestion === 1 || rand() < 0.15) {
      p++;
      s = 1;
    }
    const speaker = newQuestion ? 'Interviewer' : 'Francesco Ciulla';
    const n = 6 + Math.floor(rand() * 14);
    const words: string[] = [];
    for (let w = 0; w < n; w++) words.push(WORDS[Math.floor(rand() * WORDS.length)]!);
    const text = words.join(' ');
    const dur = 0.3 * n;
    out.push(`q${String(q).padStart(2, '0')}-p${p}-s${s}`, `${ts(t)} --> ${ts(t + dur)}`, `<v ${speaker}>${text[0]!.toUpperCase()}${text.slice(1)}${newQuestion ? '?' : '.'}`, '');
    t += dur + 0.35;
    s++;
  }
  chapters.push(`q${String(q).padStart(2, '0')}`, `${ts(qStart)} --> ${ts(t)}`, `Question ${q} about ${WORDS[q % WORDS.length]}?`, '');
  return { transcript: out.join('\n'), chapters: chapters.join('\n'), duration: t };
}
