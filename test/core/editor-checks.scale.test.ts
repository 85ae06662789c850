import { expect } from '@open-wc/testing';
import { chapterRanges, checkSession, createSession, DEFAULT_SETTINGS, ms, orderedPauses, type Pause, type SpeechMap } from '../../src/core/editor/index.js';

/** Deterministic numbers for generated cases. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** The lookups as they were before they searched (every pause per boundary): the oracle. */
function nearestLinear(pauses: readonly Pause[], time: number, reach: number): Pause | null {
  let best: Pause | null = null;
  let bestD = reach;
  for (const p of pauses) {
    const d = time < p.start ? p.start - time : time > p.end ? time - p.end : 0;
    if (d <= bestD) [best, bestD] = [p, d];
  }
  return best;
}
const insideLinear = (pauses: readonly Pause[], t: number, tol: number): boolean => pauses.some((p) => t >= p.start - 2 * tol && t <= p.end + tol);

/** A session of `n` cues with gaps and overlaps, and ordered pauses near the boundaries. */
function generated(n: number, seed: number): { session: ReturnType<typeof createSession>; speech: SpeechMap } {
  const r = rng(seed);
  const cues = [];
  const pauses: Pause[] = [];
  let t = 0;
  for (let i = 0; i < n; i++) {
    const start = ms(t + (r() - 0.3) * 0.4);
    const end = ms(start + 0.3 + r() * 3);
    cues.push({ id: `c${i}`, startTime: Math.max(0, start), endTime: end, text: 'x', speaker: '', fixed: false, timed: r() > 0.05, settings: DEFAULT_SETTINGS });
    const pStart = end + (r() - 0.5) * 0.3;
    const last = pauses.at(-1);
    if (r() < 0.8 && (!last || pStart > last.end)) pauses.push({ start: pStart, end: pStart + r() * 0.6, depth: r() });
    t = end;
  }
  return { session: createSession({ cues, duration: t + 10 }), speech: { duration: t + 10, pauses } };
}

describe('editor checks at scale', () => {
  it('GOOD: the searching lookups give what a scan of every pause gives, on 400 generated boundaries x 20 sessions', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const { speech } = generated(400, seed);
      const r = rng(seed * 7);
      for (let k = 0; k < 400; k++) {
        const time = r() * speech.duration;
        // checkSession reports one problem per boundary inside speech, with its fix from the nearest pause:
        // check the same through a session of one boundary at `time`.
        const s = createSession({
          cues: [
            { id: 'a', startTime: 0, endTime: time, text: 'a', speaker: '', fixed: false, timed: true, settings: DEFAULT_SETTINGS },
            { id: 'b', startTime: time, endTime: speech.duration, text: 'b', speaker: '', fixed: false, timed: true, settings: DEFAULT_SETTINGS },
          ],
        });
        const got = checkSession(s, speech, { longGap: Infinity }).filter((p) => p.kind === 'inside-speech' && p.time === time);
        const inside = insideLinear(speech.pauses, time, 0.045);
        expect(got.length, `boundary at ${time}`).to.equal(inside ? 0 : 1);
        if (!inside) {
          const p = nearestLinear(speech.pauses, time, 1);
          const fix = got[0]!.fix;
          if (!p) expect(fix).to.equal(undefined);
          else if (fix?.type === 'retime') {
            const into = fix.changes.map((c) => (c.cueIndex === 0 ? c.endTime : c.startTime));
            expect(into, `fix into the pause at ${p.start}`).to.deep.equal(fix.changes.map((c) => (c.cueIndex === 0 ? ms(p.start) : ms(p.end))));
          }
        }
      }
    }
  });

  it('GOOD: 70,000 cues with a speech map: every kind found, in cue order, with no stack overflow', () => {
    const { session, speech } = generated(70_000, 3);
    const problems = checkSession(session, speech);
    expect(problems.length).to.be.greaterThan(1000);
    for (let k = 1; k < problems.length; k++) expect(problems[k]!.cueIndex >= problems[k - 1]!.cueIndex).to.equal(true);
    expect([...new Set(problems.map((p) => p.kind))]).to.include.members(['overlap', 'inside-speech']);
  });

  it('GOOD: pauses out of order or overlapping are sorted and merged; ordered ones are kept as they are', () => {
    const ordered = [{ start: 1, end: 2, depth: 0.5 }, { start: 3, end: 4, depth: 0.5 }];
    expect(orderedPauses(ordered)).to.equal(ordered);
    expect(orderedPauses([{ start: 3, end: 4, depth: 0.2 }, { start: 1, end: 2, depth: 0.5 }, { start: 1.5, end: 2.5, depth: 0.9 }])).to.deep.equal([
      { start: 1, end: 2.5, depth: 0.9 },
      { start: 3, end: 4, depth: 0.2 },
    ]);
  });

  it('GOOD: chapter ranges by binary search match a scan, also for cues out of order', () => {
    const r = rng(11);
    for (let k = 0; k < 50; k++) {
      const cues = Array.from({ length: 60 }, (_, i) => ({ startTime: ms(i * 2 + (r() < 0.1 ? -r() * 20 : 0)) }));
      const chapters = Array.from({ length: 6 }, (_, i) => ({ startTime: i * 20 + r() * 3, endTime: i * 20 + 20 }));
      const scan = chapters.map(({ startTime, endTime }): [number, number] => {
        let first = cues.findIndex((c) => c.startTime >= startTime - 0.0005);
        if (first < 0) first = cues.length;
        let last = first;
        while (last < cues.length && cues[last]!.startTime < endTime - 0.0005) last++;
        return [first, last];
      });
      expect(chapterRanges(cues, chapters)).to.deep.equal(scan);
    }
  });
});
