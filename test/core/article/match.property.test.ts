/**
 * Property tests: matching cues to generated articles, with cues cut from
 * the article, sentences added, paragraphs regrouped, labels, quotes and
 * case changed. `npm run fuzz` runs many more cases.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { alignWords, matchArticle, startArticleMatch, type AlignOptions, type ArticleCueInput, type TextSpan } from '../../../src/core/article/index.js';
import { linesAsBlocks, score } from './fixtures.js';

const RUNS = Number((globalThis as { __CUELINE_FUZZ_RUNS__?: number }).__CUELINE_FUZZ_RUNS__) || 150;

const word = fc.stringMatching(/^[a-z]{2,9}$/);
const sentence = fc.array(word, { minLength: 3, maxLength: 14 }).map((w) => w.join(' '));

interface Plan {
  cues: string[];
  /** Per cue: 0 keep, 1 cut from the article, 2 keep and add a sentence after, 3 keep, shouted and quoted. */
  fate: number[];
  /** Per cue: end the paragraph after it. */
  breaks: boolean[];
  extra: string;
  label: boolean;
}

const planOf = (max: number): fc.Arbitrary<Plan> => fc.integer({ min: 1, max }).chain((n) =>
  fc.record({
    cues: fc.array(sentence, { minLength: n, maxLength: n }),
    fate: fc.array(fc.constantFrom(0, 0, 0, 1, 2, 3), { minLength: n, maxLength: n }),
    breaks: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
    extra: sentence,
    label: fc.boolean(),
  }),
);
const plan = planOf(40);

/**
 * Alignment tunings that send inputs of a few hundred words down the paths a 20,000-cue
 * article takes (anchors, gaps split again, bands in chunks) instead of one exact table.
 */
const tuning: fc.Arbitrary<AlignOptions> = fc.record({
  dpCells: fc.constantFrom(16, 64, 400, 4000),
  levels: fc.integer({ min: 1, max: 4 }),
  band: fc.constantFrom(8, 16, 64),
  chunk: fc.constantFrom(16, 64, 4096),
});

/** Builds the article from a plan: its text, and where each cue truly is (null: cut). */
function build(p: Plan): { text: string; truth: (TextSpan | null)[]; cues: ArticleCueInput[] } {
  let text = p.label ? 'Speaker Name: ' : '';
  const truth: (TextSpan | null)[] = [];
  p.cues.forEach((c, k) => {
    const fate = p.fate[k]!;
    if (fate === 1) truth.push(null);
    else {
      const shown = fate === 3 ? `“${c.toUpperCase()}”` : `${c[0]!.toUpperCase()}${c.slice(1)}.`;
      truth.push({ start: text.length, end: text.length + shown.length });
      text += shown + ' ';
      // Added text in words no cue uses (digits make them unique).
      if (fate === 2) text += `${p.extra.replace(/ /g, '7 ')}9. `;
    }
    if (p.breaks[k]) text = text.trimEnd() + '\n';
  });
  const cues = p.cues.map((text, k) => ({ id: `c${k}`, text, startTime: k, endTime: k + 1 }));
  return { text: text.trimEnd(), truth, cues };
}

describe('core/article: matching properties', () => {
  it('GOOD: ranges lie inside one block, off labels, in cue order, never overlapping', () => {
    fc.assert(
      fc.property(plan, (p) => {
        const { text, cues } = build(p);
        const article = linesAsBlocks(text);
        const m = matchArticle(article, cues);
        let end = 0;
        for (const c of m.cues) {
          for (const r of c.ranges) {
            expect(r.start).to.be.at.least(end);
            expect(r.end).to.be.greaterThan(r.start);
            expect(article.blocks.some((b) => b.start <= r.start && r.end <= b.end)).to.equal(true);
            expect(m.labels.some((l) => r.start < l.end && l.start < r.end)).to.equal(false);
            end = r.end;
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('GOOD: every cue the article has is placed on it; every cue it cut is reported, none misplaced', () => {
    fc.assert(
      fc.property(plan, (p) => {
        const { text, truth, cues } = build(p);
        const m = matchArticle(linesAsBlocks(text), cues);
        const s = score(m, truth, 2);
        // A cut cue may share every word with a kept one (generated words repeat); it then has nowhere of its own to go.
        expect(s.missed, JSON.stringify(s)).to.equal(0);
        expect(s.wrong, JSON.stringify(s)).to.equal(0);
        const reported = new Set(m.unmatched.filter((u) => u.side === 'cue' && u.text === cues[u.cue]!.text).map((u) => u.cue));
        truth.forEach((t, k) => expect(reported.has(k)).to.equal(!t));
      }),
      { numRuns: RUNS },
    );
  });

  it('GOOD: unmatched passages are exact slices of the article, with their context', () => {
    fc.assert(
      fc.property(plan, (p) => {
        const { text, cues } = build(p);
        const m = matchArticle(linesAsBlocks(text), cues);
        for (const u of m.unmatched) {
          if (u.side === 'article') expect(text.slice(u.start, u.end)).to.equal(u.text);
          // Context comes with runs of white space (line breaks) as one space.
          expect(text.slice(0, u.start).replace(/\s+/g, ' ').endsWith(u.before)).to.equal(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('GOOD: at any alignment tuning (anchors, gaps, bands), generated edits never misplace a cue', () => {
    fc.assert(
      fc.property(planOf(120), tuning, (p, align) => {
        const { text, truth, cues } = build(p);
        const m = matchArticle(linesAsBlocks(text), cues, { align });
        const s = score(m, truth, 2);
        expect(s.wrong, `${JSON.stringify(align)}: ${JSON.stringify(s)}`).to.equal(0);
      }),
      { numRuns: RUNS },
    );
  });

  it('GOOD: matched in slices (stopped anywhere), the result is the one-call result', () => {
    fc.assert(
      fc.property(planOf(120), fc.array(fc.boolean(), { minLength: 1, maxLength: 64 }), (p, stops) => {
        const { text, cues } = build(p);
        const article = linesAsBlocks(text);
        const job = startArticleMatch(article, cues);
        let asked = 0;
        let slices = 0;
        while (!job.advance(() => stops[asked++ % stops.length]!)) slices++;
        expect(slices).to.be.at.most(asked);
        expect(job.result).to.deep.equal(matchArticle(article, cues));
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });

  it('GOOD: alignment pairs equal words, increasing on both sides; a copy with words inserted and deleted gets every kept word back', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2500 }),
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 2500 }),
        tuning,
        (n, edits, align) => {
          // Mostly distinct words (a large vocabulary), the way an article's trigrams are.
          const a = Int32Array.from({ length: n }, (_, i) => (i * 7919) % 100_003);
          const b: number[] = [];
          const kept: number[] = [];
          for (let i = 0; i < n; i++) {
            const e = edits[i % edits.length]!;
            if (e === 0) continue; // deleted
            if (e === 1) b.push(200_000 + i); // a word inserted before it
            kept.push(i);
            b.push(a[i]!);
          }
          const bb = Int32Array.from(b);
          const match = alignWords(a, bb, align);
          let last = -1;
          for (let i = 0; i < n; i++) {
            const j = match[i]!;
            if (j < 0) continue;
            expect(j).to.be.greaterThan(last);
            expect(bb[j]).to.equal(a[i]);
            last = j;
          }
          // Exact at the defaults; bounded bands may lose a few words (never pair wrongly).
          const found = kept.filter((i) => match[i]! >= 0).length;
          if (align.dpCells === 4000 && align.levels === 4) expect(found).to.equal(kept.length);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
