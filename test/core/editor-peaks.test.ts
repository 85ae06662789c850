import { expect } from '@open-wc/testing';
import { buildPeakPyramid, computePeaks, PeakBuilder, peaksForRange } from '../../src/core/editor/index.js';

const ramp = (n: number): Float32Array => Float32Array.from({ length: n }, (_, i) => Math.sin(i / 7) * (i / n));

describe('editor peaks', () => {
  it('GOOD: computePeaks gives min/max pairs per block, the last block shorter', () => {
    const s = Float32Array.from([0.1, -0.5, 0.25, 0.9, -0.2, 0.3, 0.0]);
    expect(Array.from(computePeaks(s, 3))).to.deep.equal([-0.5, 0.25, -0.2, 0.9, 0, 0].map(Math.fround));
    expect(computePeaks(new Float32Array(0), 3)).to.have.length(0);
  });

  it('GOOD: streaming in odd chunk sizes gives the same pyramid as one push', () => {
    const s = ramp(10_007);
    const whole = buildPeakPyramid(s, 8000, 64);
    const b = new PeakBuilder({ sampleRate: 8000, samplesPerPeak: 64 });
    for (let i = 0; i < s.length; i += 333) b.push(s.subarray(i, i + 333));
    const streamed = b.finish();
    expect(streamed.length).to.equal(10_007);
    expect(streamed.levels.length).to.equal(whole.levels.length);
    streamed.levels.forEach((l, k) => expect(Array.from(l.data)).to.deep.equal(Array.from(whole.levels[k]!.data)));
  });

  it('GOOD: level 0 is computePeaks quantised; each level halves the count and keeps the extremes', () => {
    const s = ramp(4096 + 100);
    const p = buildPeakPyramid(s, 8000, 128);
    const exact = computePeaks(s, 128);
    expect(Array.from(p.levels[0]!.data)).to.deep.equal(Array.from(exact, (v) => Math.round(v * 127)));
    for (let k = 1; k < p.levels.length; k++) {
      const prev = p.levels[k - 1]!;
      const cur = p.levels[k]!;
      expect(cur.samplesPerPeak).to.equal(prev.samplesPerPeak * 2);
      expect(cur.data.length / 2).to.equal(Math.ceil(prev.data.length / 4));
      expect(Math.min(...cur.data)).to.equal(Math.min(...prev.data));
      expect(Math.max(...cur.data)).to.equal(Math.max(...prev.data));
    }
    expect(p.levels[p.levels.length - 1]!.data.length).to.equal(2);
  });

  it('GOOD: a one-hour recording streams through in about 2 bytes per peak', () => {
    const rate = 8000;
    const b = new PeakBuilder({ sampleRate: rate, samplesPerPeak: 256 });
    const second = Float32Array.from({ length: rate }, (_, i) => (i % 36 < 18 ? 0.5 : -0.5));
    for (let t = 0; t < 3600; t++) b.push(second);
    const p = b.finish();
    expect(p.length).to.equal(3600 * rate);
    expect(p.levels[0]!.data.length).to.equal(2 * Math.ceil((3600 * rate) / 256));
    const bytes = p.levels.reduce((sum, l) => sum + l.data.byteLength, 0);
    expect(bytes).to.be.below(2.01 * p.levels[0]!.data.byteLength);
    expect(p.levels[0]!.data[1]).to.equal(64); // 0.5 × 127, rounded
  });

  it('GOOD: peaksForRange draws loud and silent stretches where they are', () => {
    const rate = 1024;
    const s = new Float32Array(10 * rate);
    for (let i = 2 * rate; i < 4 * rate; i++) s[i] = i % 2 ? 0.8 : -0.8;
    const p = buildPeakPyramid(s, rate, 16);
    const cols = peaksForRange(p, 0, 10, 10);
    const maxes = Array.from({ length: 10 }, (_, c) => cols[2 * c + 1]!);
    expect(maxes.map((m) => (m > 0.5 ? 1 : 0))).to.deep.equal([0, 0, 1, 1, 0, 0, 0, 0, 0, 0]);
    const zoomed = peaksForRange(p, 2, 3, 4);
    expect(Array.from(zoomed).every((v) => Math.abs(v) > 0.7)).to.equal(true);
  });

  it('BAD: empty or inverted ranges give zeros, past the end gives zeros', () => {
    const p = buildPeakPyramid(ramp(1000), 1000, 16); // 1 s of audio
    expect(Array.from(peaksForRange(p, 5, 5, 3))).to.deep.equal([0, 0, 0, 0, 0, 0]);
    expect(peaksForRange(p, 0, 1, 0)).to.have.length(0);
    expect(Array.from(peaksForRange(p, 10, 20, 2))).to.deep.equal([0, 0, 0, 0]);
  });
});
