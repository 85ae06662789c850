import { expect } from '@open-wc/testing';
import {
  align,
  AlignAbortError,
  applyFix,
  checkSession,
  moveBoundary,
  cueWeights,
  detectPauses,
  gapKinds,
  NOMINAL_RATE,
  sessionFromPlainText,
  setFixed,
  snapToPauses,
  spreadByText,
  type EditorSession,
  type GapKind,
  type Pause,
} from '../../src/core/editor/index.js';

const RATE = 8000;

/** Deterministic noise, so a failure reproduces. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * A speech-like burst: a 150-300 Hz tone whose loudness rises and falls with
 * ~5 "syllables" a second and dips (never to silence) between them.
 */
function burst(out: Float32Array, from: number, to: number, amplitude: number, rnd: () => number): void {
  const f = 150 + 150 * rnd();
  const a = Math.floor(from * RATE);
  const b = Math.floor(to * RATE);
  for (let i = a; i < b && i < out.length; i++) {
    const t = (i - a) / RATE;
    const syllable = 0.35 + 0.65 * Math.abs(Math.sin(Math.PI * 5 * t));
    const edge = Math.min(1, t / 0.02, (b - i) / RATE / 0.02);
    out[i] = out[i]! + amplitude * syllable * edge * Math.sin(2 * Math.PI * f * t);
  }
}

function addNoise(out: Float32Array, from: number, to: number, level: number, rnd: () => number): void {
  for (let i = Math.floor(from * RATE); i < Math.floor(to * RATE) && i < out.length; i++) out[i] = out[i]! + level * (rnd() * 2 - 1);
}

const near = (a: number, b: number, tol: number): boolean => Math.abs(a - b) <= tol;

describe('editor pauses', () => {
  /** Bursts of 0.6-1 s with gaps of 0.3-0.8 s; noise at -60 dB for 20 s, then at -30 dB. */
  function twoRooms(): { samples: Float32Array; gaps: [number, number][] } {
    const rnd = random(7);
    const samples = new Float32Array(40 * RATE);
    const gaps: [number, number][] = [];
    let t = 0.5;
    while (t < 39) {
      const len = 0.6 + 0.4 * rnd();
      burst(samples, t, t + len, 0.5, rnd);
      const gap = 0.3 + 0.5 * rnd();
      if (t + len + gap < 39.5) gaps.push([t + len, t + len + gap]);
      t += len + gap;
    }
    addNoise(samples, 0, 20, 0.0017, rnd); // uniform noise: rms ≈ 0.001, -60 dB
    addNoise(samples, 20, 40, 0.055, rnd); // rms ≈ 0.03, -30 dB
    return { samples, gaps };
  }

  /** Pauses of `gaps` found within 40 ms at both ends. */
  function found(pauses: Pause[], gaps: [number, number][]): [number, number][] {
    return gaps.filter(([a, b]) => pauses.some((p) => p.start < b && p.end > a && near(p.start, a, 0.04) && near(p.end, b, 0.04) && p.depth >= 0 && p.depth <= 1));
  }

  it('GOOD: the noise floor adapts: pauses are found in the quiet and in the noisy stretch', () => {
    const { samples, gaps } = twoRooms();
    const pauses = detectPauses(samples, RATE);
    // Judge each room away from the step, where the window sees one room only.
    const quiet = gaps.filter(([a]) => a < 16);
    const noisy = gaps.filter(([a]) => a > 24);
    expect(quiet.length).to.be.greaterThan(5);
    expect(noisy.length).to.be.greaterThan(5);
    expect(found(pauses, quiet)).to.deep.equal(quiet);
    expect(found(pauses, noisy)).to.deep.equal(noisy);
    // Nothing found inside the bursts.
    expect(pauses.filter((p) => !gaps.some(([a, b]) => p.start < b + 0.05 && p.end > a - 0.05) && p.start > 0.2 && p.end < 39.5)).to.deep.equal([]);
  });

  it('GOOD: noise rising steadily from -70 dB to -25 dB: every pause is found', () => {
    const rnd = random(21);
    const samples = new Float32Array(40 * RATE);
    const gaps: [number, number][] = [];
    for (let t = 0.5; t < 38.5; t += 1.5) {
      burst(samples, t, t + 1, 0.5, rnd);
      gaps.push([t + 1, t + 1.5]);
    }
    gaps.pop();
    for (let i = 0; i < samples.length; i++) samples[i] = samples[i]! + 10 ** ((-70 + (45 * i) / samples.length) / 20) * 1.7 * (rnd() * 2 - 1);
    expect(found(detectPauses(samples, RATE), gaps)).to.deep.equal(gaps);
  });

  it('BAD: a floor measured over the whole recording (not adapting) misses the noisy stretch', () => {
    const { samples, gaps } = twoRooms();
    const pauses = detectPauses(samples, RATE, { window: 1000 });
    const noisy = gaps.filter(([a]) => a > 24);
    expect(found(pauses, noisy).length).to.be.below(noisy.length / 2);
  });

  it('BAD: steady noise, however loud, is one pause and no speech', () => {
    const rnd = random(5);
    const samples = new Float32Array(10 * RATE);
    addNoise(samples, 0, 10, 0.2, rnd);
    const pauses = detectPauses(samples, RATE);
    expect(pauses.map((p) => [p.start, near(p.end, 10, 0.011)])).to.deep.equal([[0, true]]);
  });

  const shortGaps: [string, number, boolean][] = [
    ['GOOD: a 200 ms gap is a pause', 0.2, true],
    ['BAD: a 40 ms gap (a stop consonant) is not', 0.04, false],
  ];
  for (const [name, gap, expected] of shortGaps) {
    it(name, () => {
      const rnd = random(3);
      const s = new Float32Array(4 * RATE);
      burst(s, 0.2, 1.8, 0.4, rnd);
      burst(s, 1.8 + gap, 3.8, 0.4, rnd);
      addNoise(s, 0, 4, 0.003, rnd);
      const inner = detectPauses(s, RATE).filter((p) => p.start > 0.5 && p.end < 3.5);
      expect(inner.length).to.equal(expected ? 1 : 0);
    });
  }
});

describe('editor snapToPauses', () => {
  const pauses: Pause[] = [
    { start: 1.0, end: 1.4, depth: 1 },
    { start: 3.0, end: 3.3, depth: 1 },
    { start: 3.6, end: 3.9, depth: 1 },
    { start: 8.0, end: 8.5, depth: 1 },
  ];

  it('GOOD: each boundary takes the nearest pause: end at its start, start at its end', () => {
    const r = snapToPauses([{ time: 1.3, uncertainty: 0.3 }, { time: 8.1, uncertainty: 0.3 }], pauses);
    expect(r.map((b) => [b.end, b.start, b.pause])).to.deep.equal([[1.0, 1.4, 0], [8.0, 8.5, 3]]);
    expect(r.every((b) => b.confidence > 0.8)).to.equal(true);
  });

  it('GOOD: order is kept: two boundaries near one pause do not share it', () => {
    const r = snapToPauses([{ time: 3.2, uncertainty: 0.5 }, { time: 3.3, uncertainty: 0.5 }], pauses);
    expect(r.map((b) => b.pause)).to.deep.equal([1, 2]);
  });

  it('BAD: with no pause in reach the boundary stays, with low confidence', () => {
    const [b] = snapToPauses([{ time: 6, uncertainty: 0.2 }], pauses);
    expect([b!.end, b!.start, b!.pause]).to.deep.equal([6, 6, -1]);
    expect(b!.confidence).to.be.below(0.5);
  });

  it('BAD: between two equally near pauses the confidence drops', () => {
    const [sure] = snapToPauses([{ time: 1.2, uncertainty: 0.5 }], pauses);
    const [torn] = snapToPauses([{ time: 3.45, uncertainty: 0.5 }], pauses);
    expect(torn!.confidence).to.be.below(sure!.confidence);
    expect(torn!.confidence).to.be.below(0.6);
  });
});

const TEXT = `A Short Talk
Q. Why do engines matter so much to everyone here?
Ada Lovelace: They compute. They weave patterns, like a loom weaves flowers and leaves.
Numbers are only the beginning of what they can do for us.
A member of the audience asked: Can it think for itself?
Ada Lovelace: No. It has no pretensions to originate anything at all.
It can do whatever we know how to order it to perform, and nothing more.
`;

/** Renders a session as speech-like bursts: lengths from text weight ±20%, pauses by gap kind ±30%. Returns the true times. */
function render(session: EditorSession, seed: number): { samples: Float32Array; starts: number[]; ends: number[] } {
  const rnd = random(seed);
  const kinds = gapKinds(session);
  const weights = cueWeights(session.cues);
  const pause: Record<GapKind, number> = { edge: 0.6, clause: 0.2, sentence: 0.35, paragraph: 0.8, speaker: 1.2 };
  const rates: Record<string, number> = {};
  const starts: number[] = [];
  const ends: number[] = [];
  let t = 0;
  session.cues.forEach((c, i) => {
    rates[c.speaker] ??= NOMINAL_RATE * (0.85 + 0.3 * rnd());
    t += pause[kinds[i]!] * (0.7 + 0.6 * rnd());
    starts.push(t);
    t += (weights[i]! / rates[c.speaker]!) * (0.8 + 0.4 * rnd());
    ends.push(t);
  });
  const samples = new Float32Array(Math.ceil((t + 1) * RATE));
  session.cues.forEach((_, i) => burst(samples, starts[i]!, ends[i]!, 0.3 + 0.3 * rnd(), rnd));
  addNoise(samples, 0, t + 1, 0.004, rnd);
  return { samples, starts, ends };
}

function errors(s: EditorSession, truth: { starts: number[]; ends: number[] }): number[] {
  return s.cues.flatMap((c, i) => [Math.abs(c.startTime - truth.starts[i]!), Math.abs(c.endTime - truth.ends[i]!)]).sort((a, b) => a - b);
}

describe('editor spreadByText', () => {
  it('GOOD: free cues share the time by text weight; anchors keep theirs', () => {
    const s0 = sessionFromPlainText(TEXT, { duration: 40 });
    const anchored = setFixed({ ...s0, cues: s0.cues.map((c, i) => (i === 3 ? { ...c, startTime: 20, endTime: 24 } : c)) }, 3);
    const s = spreadByText(anchored, { duration: 40 });
    expect([s.cues[3]!.startTime, s.cues[3]!.endTime]).to.deep.equal([20, 24]);
    expect(s.cues[2]!.endTime).to.be.below(20);
    expect(s.cues[4]!.startTime).to.be.above(24);
    expect(s.cues[s.cues.length - 1]!.endTime).to.be.below(40);
    for (let i = 1; i < s.cues.length; i++) expect(s.cues[i]!.startTime).to.be.at.least(s.cues[i - 1]!.endTime);
    // A change of speaker leaves a longer pause than one between sentences.
    const kinds = gapKinds(s);
    const gap = (i: number): number => s.cues[i]!.startTime - s.cues[i - 1]!.endTime;
    const speaker = kinds.findIndex((k, i) => k === 'speaker' && i > 4);
    const sentence = kinds.findIndex((k, i) => k === 'sentence' && i > 4);
    expect(gap(speaker)).to.be.above(gap(sentence));
  });
});

describe('editor align', () => {
  it('GOOD: from untimed text, every boundary lands within 60 ms of the truth', async () => {
    const s = sessionFromPlainText(TEXT);
    const truth = render(s, 11);
    const spreadOnly = await align(s, { samples: truth.samples, sampleRate: RATE }, { snap: false });
    const r = await align(s, { samples: truth.samples, sampleRate: RATE });
    const e = errors(r.session, truth);
    const before = errors(spreadOnly.session, truth);
    expect(e[Math.floor(e.length / 2)], 'median').to.be.below(0.03);
    expect(e[e.length - 1], `max; errors ${e.map((x) => x.toFixed(3))}`).to.be.below(0.06);
    expect(e[Math.floor(e.length / 2)]).to.be.below(before[Math.floor(before.length / 2)]!);
    expect(r.session.cues.every((c) => c.timed)).to.equal(true);
    expect(r.boundaries).to.have.length(s.cues.length + 1);
    expect(r.boundaries.every((b) => b.confidence >= 0 && b.confidence <= 1)).to.equal(true);
    expect(r.session.chapters[0]!.startTime).to.equal(r.session.cues[r.session.chapters[0]!.startCue]!.startTime);
  });

  it('GOOD: different seeds, more noise: still within 80 ms at p90', async () => {
    for (const seed of [1, 2, 3]) {
      const s = sessionFromPlainText(TEXT);
      const truth = render(s, seed);
      const rnd = random(seed + 100);
      addNoise(truth.samples, 0, truth.samples.length / RATE, 0.02, rnd);
      const e = errors((await align(s, { samples: truth.samples, sampleRate: RATE })).session, truth);
      expect(e[Math.floor(e.length * 0.9)], `seed ${seed}`).to.be.below(0.08);
    }
  });

  it('GOOD: fixed cues are anchors and keep their times exactly', async () => {
    const s0 = sessionFromPlainText(TEXT);
    const truth = render(s0, 5);
    const anchored = setFixed({ ...s0, cues: s0.cues.map((c, i) => (i === 4 ? { ...c, startTime: truth.starts[4]!, endTime: truth.ends[4]! } : c)) }, 4);
    const r = await align(anchored, { samples: truth.samples, sampleRate: RATE });
    expect(r.session.cues[4]).to.equal(anchored.cues[4]);
    expect(r.boundaries[4]!.confidence).to.equal(1);
    expect(errors(r.session, truth)[Math.floor(s0.cues.length)]!).to.be.below(0.03);
  });

  it('GOOD: a boundary with no pause in the audio is listed for review', async () => {
    const s = sessionFromPlainText(TEXT);
    const truth = render(s, 9);
    // Fill the pause between cues 5 and 6 with sound.
    burst(truth.samples, truth.ends[5]! - 0.05, truth.starts[6]! + 0.05, 0.4, random(1));
    const r = await align(s, { samples: truth.samples, sampleRate: RATE });
    expect(r.review).to.include(6);
  });

  it('GOOD: an aligned session passes the checks against its own speech map; a nudged boundary fails and is fixed', async () => {
    const s = sessionFromPlainText(TEXT);
    const truth = render(s, 12);
    const r = await align(s, { samples: truth.samples, sampleRate: RATE });
    expect(checkSession(r.session, r.speech)).to.deep.equal([]);
    const inSpeech = moveBoundary(r.session, 3, r.session.cues[3]!.startTime + 0.3, { linked: false });
    const problems = checkSession(inSpeech, r.speech);
    expect(problems.map((p) => [p.kind, p.cueIndex])).to.deep.equal([['inside-speech', 3]]);
    expect(checkSession(applyFix(inSpeech, problems[0]!.fix!), r.speech)).to.deep.equal([]);
  });

  it('GOOD: progress runs from 0 to 1 in order', async () => {
    const s = sessionFromPlainText(TEXT);
    const { samples } = render(s, 4);
    const seen: number[] = [];
    const phases: string[] = [];
    await align(s, { samples, sampleRate: RATE }, { onProgress: (f, phase) => (seen.push(f), phases.push(phase)) });
    expect(seen[0]).to.equal(0);
    expect(seen[seen.length - 1]).to.equal(1);
    expect(phases[phases.length - 1]).to.equal('done');
    for (let i = 1; i < seen.length; i++) expect(seen[i]).to.be.at.least(seen[i - 1]!);
  });

  it('BAD: a cancelled alignment rejects with AbortError and changes nothing', async () => {
    const s = sessionFromPlainText(TEXT);
    const { samples } = render(s, 4);
    const signal = { aborted: false };
    const run = align(s, { samples, sampleRate: RATE }, { signal, onProgress: (f) => (f > 0 ? (signal.aborted = true) : undefined) });
    let error: unknown = null;
    try {
      await run;
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(AlignAbortError);
    expect((error as Error).name).to.equal('AbortError');
    expect(s.cues.every((c) => !c.timed)).to.equal(true);
  });
});
