/**
 * Matching a timed transcript to an article's text (`matchArticle`): the seed
 * session against its published article, and a 20,000-cue session (the seed's
 * cues repeated, each numbered so it has a place of its own) against an
 * article made from it with one cue in 23 cut and a sentence added to one
 * paragraph in 5. Run: `npm run bench -- article-match`.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { matchArticle, type ArticleCueInput, type TextSpan } from '../src/core/article/index.js';
import { buildTranscript } from '../src/core/transcript/index.js';
import { parseWebVTT } from '../src/core/webvtt/index.js';

// Bundled into .cache/bench by bench/run.mjs, which runs from the repository's root.
const root = process.cwd();

function lines(text: string): { text: string; blocks: TextSpan[] } {
  const blocks: TextSpan[] = [];
  let p = 0;
  for (const l of text.split('\n')) {
    if (l.trim()) blocks.push({ start: p, end: p + l.length });
    p += l.length + 1;
  }
  return { text, blocks };
}

function time(run: () => unknown, n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    run();
    out.push(performance.now() - t0);
  }
  return out.sort((a, b) => a - b);
}

const q = (xs: number[], p: number): string => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))]!.toFixed(1);

export default async (): Promise<string> => {
  const vtt = readFileSync(resolve(root, 'timings/try-rust-with-francesco-ciulla.vtt'), 'utf8');
  const seed = readFileSync(resolve(root, 'timings/source/try-rust-with-francesco-ciulla.txt'), 'utf8');
  const cues: ArticleCueInput[] = buildTranscript(parseWebVTT(vtt).cues).cues.map((c) => ({ id: c.id, text: c.plainText, startTime: c.startTime, endTime: c.endTime }));
  const seedArticle = lines(seed);
  const seedTimes = time(() => matchArticle(seedArticle, cues), 20);

  const big: ArticleCueInput[] = [];
  let text = '';
  let paragraph = 0;
  for (let r = 0; big.length < 20000; r++) {
    for (const c of cues) {
      if (big.length >= 20000) break;
      const k = big.length;
      const said = `${c.text.trim()} (part ${k})`;
      big.push({ ...c, id: `${c.id}-${r}`, text: said, startTime: k * 5, endTime: k * 5 + 4 });
      if (k % 23 !== 11) text += said + ' ';
      if (k % 12 === 11) {
        if (paragraph++ % 5 === 0) text += `An editor added this remark number ${k}. `;
        text = text.trimEnd() + '\n';
      }
    }
  }
  const bigArticle = lines(text);
  let placed = 0;
  const bigTimes = time(() => {
    placed = matchArticle(bigArticle, big).cues.filter((c) => c.ranges.length).length;
  }, 5);
  const heap = process.memoryUsage().heapUsed / 1e6;
  return [
    '| case | cues | article words | runs | median ms | p90 ms |',
    '|---|---|---|---|---|---|',
    `| seed | ${cues.length} | ${seed.split(/\s+/).length} | 20 | ${q(seedTimes, 0.5)} | ${q(seedTimes, 0.9)} |`,
    `| 20,000 cues, 1 in 23 cut, remarks added | ${big.length} | ${text.split(/\s+/).length} | 5 | ${q(bigTimes, 0.5)} | ${q(bigTimes, 0.9)} |`,
    '',
    `20,000-cue case: ${placed} cues placed (expected ${big.length - Math.floor((big.length + 11) / 23)}); heap after: ${heap.toFixed(0)} MB.`,
  ].join('\n');
};
