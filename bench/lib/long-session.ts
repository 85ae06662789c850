/**
 * The long interview of issue 9's figure: `n` cues of about 150 bytes
 * (343,000 cues: 50 MB), voices, `qN-pP-sS` ids, a question every `every` cues.
 * The same text as test/elements/cue-transcript.huge.test.ts generates.
 */
const WORDS =
  'rust memory safety ownership borrow checker concurrency latency compiler cargo binary team production language performance threads async crème brûlée naïve café'.split(
    ' ',
  );

const ts = (ms: number): string => {
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor(ms / 60_000) % 60;
  const s = Math.floor(ms / 1000) % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}.${String(ms % 1000).padStart(3, '0')}`;
};

export function longSession(n: number, every = 1000): string {
  const out = ['WEBVTT', ''];
  let seed = 7;
  const rand = (): number => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  for (let i = 0; i < n; i++) {
    const q = Math.floor(i / every) + 1;
    const asking = i % every === 0;
    const words: string[] = [];
    for (let w = 0; w < 12; w++) words.push(WORDS[Math.floor(rand() * WORDS.length)]!);
    out.push(
      `q${q}-p${1 + Math.floor((i % every) / 8)}-s${i}`,
      `${ts(i * 1000)} --> ${ts(i * 1000 + 900)}`,
      `<v ${asking ? 'Interviewer' : 'Francesco Ciulla'}>${words.join(' ')} ${i}${asking ? '?' : '.'}`,
      '',
    );
  }
  return out.join('\n');
}
