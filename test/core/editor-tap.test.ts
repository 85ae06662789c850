import { expect } from '@open-wc/testing';
import {
  checkSession,
  createSession,
  DEFAULT_SETTINGS,
  MIN_CUE_LENGTH,
  planTap,
  tapBoundary,
  tapWindow,
  TAP_MAX_WINDOW,
  TAP_MIN_WINDOW,
  type EditCue,
  type EditorSession,
} from '../../src/core/editor/index.js';

/**
 * Cues at 10-s spacing from 0 to 120 s, touching, in two chapters (q01: cues
 * 0-5, q02: cues 6-11). Like the seed: boundary 0 far from where playback is.
 */
function session(timed = true): EditorSession {
  const cues: EditCue[] = Array.from({ length: 12 }, (_, i) => ({
    id: `c${i}`, startTime: i * 10, endTime: (i + 1) * 10, text: `Cue ${i}.`, speaker: '', fixed: false, timed, settings: DEFAULT_SETTINGS,
  }));
  return createSession({
    cues,
    chapters: [
      { id: 'q01', title: 'One', startCue: 0, endCue: 6, startTime: 0, endTime: 60, settings: DEFAULT_SETTINGS },
      { id: 'q02', title: 'Two', startCue: 6, endCue: 12, startTime: 60, endTime: 120, settings: DEFAULT_SETTINGS },
    ],
    duration: 125,
  });
}

const times = (s: EditorSession): number[][] => s.cues.map((c) => [c.startTime, c.endTime]);

describe('editor tap: planTap picks the boundary playback is crossing', () => {
  const table: [string, number, number, ReadonlySet<number>, number | null][] = [
    // [case, play position, reaction, synced, boundary expected (null: refused)]
    ['GOOD: boundary 0 selected elsewhere does not matter: a tap at 1:58 sets the boundary at 2:00 (12)', 118.25, 0.25, new Set(), 12],
    ['GOOD: a late tap, after the boundary, takes it', 61.5, 0.25, new Set(), 6],
    ['GOOD: an early tap, before the boundary, takes it', 59.2, 0.25, new Set(), 6],
    ['GOOD: the reaction allowance is taken off first', 65.2, 0.25, new Set(), null],
    ['GOOD: a boundary set in this pass is passed over; the next one is too far', 61, 0, new Set([6]), null],
    ['GOOD: ... but a tap nearer the next boundary walks forward to it', 67, 0, new Set([6]), 7],
    ['BAD: a tap in the middle of a cue is refused', 45, 0, new Set(), null],
    ['BAD: ... and so is one 4.5 s in (windows stay under half the cue)', 44.5, 0, new Set(), null],
    ['BAD: a tap 4.5 s from a boundary is refused (windows stop at 4 s)', 55.5, 0, new Set(), null],
  ];
  for (const [name, time, reaction, synced, want] of table) {
    it(name, () => {
      const plan = planTap(session(), time, { reactionTime: reaction, synced });
      if (want === null) {
        expect(plan.ok, JSON.stringify(plan)).to.equal(false);
        if (!plan.ok) expect(plan.reason).to.equal('none-near');
      } else {
        expect(plan.ok, JSON.stringify(plan)).to.equal(true);
        if (plan.ok) {
          expect(plan.boundary).to.equal(want);
          expect(plan.time).to.be.closeTo(time - reaction, 1e-9);
        }
      }
    });
  }

  it('GOOD: the window follows the spacing of neighbouring boundaries, within [0.75 s, 4 s]', () => {
    const s = session();
    expect(tapWindow(s, 6)).to.equal(TAP_MAX_WINDOW); // 10 s apart: 4.5 s capped to 4 s
    const tight: EditorSession = { ...s, cues: s.cues.map((c, i) => (i === 5 ? { ...c, startTime: 58.5 } : i === 4 ? { ...c, endTime: 58.5 } : c)) };
    expect(tapWindow(tight, 6)).to.equal(TAP_MIN_WINDOW); // 1.5 s from boundary 5: 0.675 s, raised to 0.75 s
    const mid: EditorSession = { ...s, cues: s.cues.map((c, i) => (i === 5 ? { ...c, startTime: 57 } : i === 4 ? { ...c, endTime: 57 } : c)) };
    expect(tapWindow(mid, 6)).to.be.closeTo(1.35, 1e-9); // 3 s from boundary 5
  });

  it('GOOD: estimated (untimed) boundaries take a tap from further away', () => {
    const plan = planTap(session(false), 66, { synced: new Set([6]) });
    expect(plan.ok && plan.boundary).to.equal(7);
    expect(planTap(session(false), 45, {}).ok).to.equal(true);
  });

  it('BAD: no session or no cues: refused', () => {
    expect(planTap(null, 3).ok).to.equal(false);
    expect(planTap(createSession({ cues: [] }), 3).ok).to.equal(false);
  });
});

describe('editor tap: tapBoundary moves one boundary, never the others', () => {
  it('GOOD: sets the boundary, both touching sides; every other cue is untouched; cue before is anchored', () => {
    const s = session();
    const next = tapBoundary(s, 6, 61.2);
    expect(next.cues[5]!.endTime).to.equal(61.2);
    expect(next.cues[6]!.startTime).to.equal(61.2);
    expect(next.cues[5]!.fixed).to.equal(true);
    times(next).forEach((t, i) => {
      if (i !== 5 && i !== 6) expect(t, `cue ${i}`).to.deep.equal(times(s)[i]);
    });
    expect(next.chapters[0]!.endTime).to.equal(61.2);
    expect(next.chapters[1]!.startTime).to.equal(61.2);
    expect(next.chapters[0]!.endTime).to.be.at.most(next.chapters[1]!.startTime);
  });

  it('BAD: a time past the next cue is clamped to its end, not pushed: no overlap, order kept, chapters do not overlap', () => {
    const s = session();
    const next = tapBoundary(s, 0, 118);
    expect(next.cues[0]!.startTime).to.equal(10 - MIN_CUE_LENGTH);
    times(next).slice(1).forEach((t, i) => expect(t).to.deep.equal(times(s)[i + 1]));
    expect(checkSession(next).filter((p) => p.kind === 'overlap' || p.kind === 'order')).to.have.length(0);
    expect(next.chapters[0]!.endTime).to.be.at.most(next.chapters[1]!.startTime);
  });

  it('GOOD: with ripple, every later cue shifts by the same amount', () => {
    const s = session();
    const next = tapBoundary(s, 6, 61, { ripple: true });
    expect(next.cues[6]!.startTime).to.equal(61);
    expect(next.cues[11]!.endTime).to.equal(121);
    expect(next.cues[5]!.endTime).to.equal(61);
    expect(next.cues[4]!.endTime).to.equal(50);
  });

  it('GOOD: a pause before the cue stays a pause when the tap is inside it', () => {
    const s = session();
    const gap: EditorSession = { ...s, cues: s.cues.map((c, i) => (i === 5 ? { ...c, endTime: 57 } : c)) };
    const next = tapBoundary(gap, 6, 59);
    expect(next.cues[5]!.endTime).to.equal(57);
    expect(next.cues[6]!.startTime).to.equal(59);
    const earlier = tapBoundary(gap, 6, 56);
    expect(earlier.cues[5]!.endTime, 'an overlap is cut').to.equal(56);
  });

  it('BAD: the last boundary, a boundary out of range, or no change: the same session back', () => {
    const s = session();
    expect(tapBoundary(s, 12, 119).cues[11]!.endTime).to.equal(119);
    expect(tapBoundary(s, 13, 50)).to.equal(s);
    expect(tapBoundary(s, -1, 50)).to.equal(s);
    const once = tapBoundary(s, 6, 61);
    expect(tapBoundary(once, 6, 61)).to.equal(once);
  });
});
