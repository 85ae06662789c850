import { expect } from '@open-wc/testing';
import {
  createSession,
  DEFAULT_SETTINGS,
  MIN_CUE_LENGTH,
  mergeCues,
  moveBoundary,
  moveCue,
  nudge,
  NUDGE_STEPS,
  plainText,
  removeCue,
  retitleChapter,
  setCueText,
  setFixed,
  setSpeaker,
  splitCue,
  tapSync,
  type EditCue,
  type EditorSession,
} from '../../src/core/editor/index.js';

/** Cues from [start, end, text] rows; chapter q01 holds cues 2.. */
function session(rows: [number, number, string][], duration = 20): EditorSession {
  const cues: EditCue[] = rows.map(([startTime, endTime, text], i) => ({
    id: `c${i}`, startTime, endTime, text, speaker: '', fixed: false, timed: true, settings: DEFAULT_SETTINGS,
  }));
  const last = rows[rows.length - 1]![1];
  return createSession({
    cues,
    chapters: [{ id: 'q01', title: 'Why?', startCue: 2, endCue: rows.length, startTime: rows[2]?.[0] ?? 0, endTime: last, settings: DEFAULT_SETTINGS }],
    duration,
  });
}

/** Touching cues 0-2, 2-4, 4-6; a gap before 7-9. */
const base = (): EditorSession =>
  session([
    [0, 2, '<v Ada>One two.'],
    [2, 4, 'Three four.'],
    [4, 6, '<v Bob>Five six.'],
    [7, 9, 'Seven <i>eight</i> nine.'],
  ]);

const times = (s: EditorSession): number[][] => s.cues.map((c) => [c.startTime, c.endTime]);

describe('editor ops: moveBoundary / nudge / moveCue', () => {
  const cases: [string, (s: EditorSession) => EditorSession, number[][]][] = [
    ['GOOD: linked boundary moves both sides', (s) => moveBoundary(s, 1, 2.5), [[0, 2.5], [2.5, 4], [4, 6], [7, 9]]],
    ['GOOD: unlinked start side opens a gap', (s) => moveBoundary(s, 1, 2.5, { linked: false }), [[0, 2], [2.5, 4], [4, 6], [7, 9]]],
    ['GOOD: unlinked end side opens a gap', (s) => moveBoundary(s, 1, 1.5, { linked: false, side: 'end' }), [[0, 1.5], [2, 4], [4, 6], [7, 9]]],
    ['GOOD: ripple shifts every later cue', (s) => moveBoundary(s, 1, 2.5, { ripple: true }), [[0, 2.5], [2.5, 4.5], [4.5, 6.5], [7.5, 9.5]]],
    ['GOOD: boundary 0 is the first start', (s) => moveBoundary(s, 0, 0.5), [[0.5, 2], [2, 4], [4, 6], [7, 9]]],
    ['GOOD: the last boundary is the last end', (s) => moveBoundary(s, 4, 10), [[0, 2], [2, 4], [4, 6], [7, 10]]],
    ['GOOD: a start across a gap is not linked: it stops at the previous end', (s) => moveBoundary(s, 3, 5), [[0, 2], [2, 4], [4, 6], [6, 9]]],
    ['BAD: a linked move clamps at the minimum cue length', (s) => moveBoundary(s, 1, 9), [[0, 2], [2, 4], [4, 6], [7, 9]].map((r, i) => (i === 0 ? [0, 4 - MIN_CUE_LENGTH] : i === 1 ? [4 - MIN_CUE_LENGTH, 4] : r))],
    ['BAD: an unlinked move never overlaps the neighbour', (s) => moveBoundary(s, 2, 1, { linked: false }), [[0, 2], [2, 4], [4, 6], [7, 9]]],
    ['BAD: times clamp to 0', (s) => moveBoundary(s, 0, -3), [[0, 2], [2, 4], [4, 6], [7, 9]]],
    ['BAD: times clamp to the duration', (s) => moveBoundary(s, 4, 99), [[0, 2], [2, 4], [4, 6], [7, 20]]],
    ['BAD: ripple stops when the last cue reaches the duration', (s) => moveBoundary(s, 1, 30, { ripple: true }), [[0, 13], [13, 15], [15, 17], [18, 20]]],
    ['GOOD: nudge by 100 ms', (s) => nudge(s, 2, NUDGE_STEPS[1]), [[0, 2], [2, 4.1], [4.1, 6], [7, 9]]],
    ['GOOD: nudge by -10 ms', (s) => nudge(s, 2, -NUDGE_STEPS[0]), [[0, 2], [2, 3.99], [3.99, 6], [7, 9]]],
    ['GOOD: dragging a cue stretches touching neighbours', (s) => moveCue(s, 1, 2.5), [[0, 2.5], [2.5, 4.5], [4.5, 6], [7, 9]]],
    ['GOOD: an unlinked cue drag stops at its neighbours', (s) => moveCue(s, 1, 2.5, { linked: false }), [[0, 2], [2, 4], [4, 6], [7, 9]]],
    ['GOOD: an unlinked cue drag moves into a gap', (s) => moveCue(s, 2, 4.8, { linked: false }), [[0, 2], [2, 4], [4.8, 6.8], [7, 9]]],
    ['GOOD: a rippled cue drag moves the rest too', (s) => moveCue(s, 2, 5, { ripple: true }), [[0, 2], [2, 5], [5, 7], [8, 10]]],
    ['BAD: a cue drag stops short of squeezing a neighbour below the minimum', (s) => moveCue(s, 2, 0), [[0, 2], [2, 2 + MIN_CUE_LENGTH], [2 + MIN_CUE_LENGTH, 4 + MIN_CUE_LENGTH], [7, 9]]],
  ];
  for (const [name, op, expected] of cases) {
    it(name, () => {
      const s = base();
      const next = op(s);
      expect(times(next)).to.deep.equal(expected);
      expect(times(s)).to.deep.equal([[0, 2], [2, 4], [4, 6], [7, 9]], 'input untouched');
    });
  }

  it('GOOD: a move that changes nothing returns the same session', () => {
    const s = base();
    expect(moveBoundary(s, 1, 2)).to.equal(s);
    expect(moveBoundary(s, 9, 2)).to.equal(s);
    expect(moveCue(s, 9, 2)).to.equal(s);
  });

  it('GOOD: chapters follow their first and last cue', () => {
    const s = moveBoundary(moveBoundary(base(), 2, 4.5), 4, 9.5);
    expect([s.chapters[0]!.startTime, s.chapters[0]!.endTime]).to.deep.equal([4.5, 9.5]);
  });

  it('GOOD: moved cues become timed', () => {
    const s = { ...base(), cues: base().cues.map((c) => ({ ...c, timed: false })) };
    expect(moveBoundary(s, 1, 2.5).cues.map((c) => c.timed)).to.deep.equal([true, true, false, false]);
  });
});

describe('editor ops: tapSync', () => {
  it('GOOD: ends the cue and starts the next at time minus the reaction time, anchoring it', () => {
    const s = tapSync(base(), 0, 2.6, 0.2);
    expect(times(s).slice(0, 2)).to.deep.equal([[0, 2.4], [2.4, 4]]);
    expect(s.cues[0]!.fixed).to.equal(true);
    expect(s.cues[1]!.fixed).to.equal(false);
  });

  it('GOOD: index -1 starts the first cue', () => {
    const s = tapSync(base(), -1, 1.25, 0.25);
    expect(s.cues[0]!.startTime).to.equal(1);
    expect(s.cues[0]!.fixed).to.equal(false);
  });

  it('GOOD: a tap past the next cue pushes later cues along, keeping their lengths', () => {
    const s = tapSync(base(), 0, 5.25, 0.25);
    expect(times(s)).to.deep.equal([[0, 5], [5, 7], [7, 9], [9, 11]]);
  });

  it('GOOD: a sequence of taps times an untimed run', () => {
    let s: EditorSession = { ...base(), cues: base().cues.map((c) => ({ ...c, timed: false })) };
    for (const [i, t] of [[-1, 0.3], [0, 1.8], [1, 3.3], [2, 5.1], [3, 8.0]] as const) s = tapSync(s, i, t, 0.3);
    expect(times(s)).to.deep.equal([[0, 1.5], [1.5, 3], [3, 4.8], [4.8, 7.7]]);
    expect(s.cues.every((c) => c.fixed && c.timed)).to.equal(true);
  });

  it('BAD: a tap before the cue started is clamped to the minimum length', () => {
    const s = tapSync(base(), 1, 1, 0.25);
    expect(s.cues[1]!.endTime).to.equal(2 + MIN_CUE_LENGTH);
  });

  it('BAD: an index out of range changes nothing', () => {
    const s = base();
    expect(tapSync(s, 7, 3)).to.equal(s);
    expect(tapSync(s, -2, 3)).to.equal(s);
  });
});

describe('editor ops: text and structure', () => {
  it('GOOD: split at a caret offset, reopening open markup and keeping notes and chapters in place', () => {
    const s0 = base();
    const s = splitCue({ ...s0, doc: { ...s0.doc, notes: [{ text: 'n', beforeCue: 3 }] } }, 3, 'Seven ei'.length);
    expect(s.cues.map((c) => c.text)).to.deep.equal(['<v Ada>One two.', 'Three four.', '<v Bob>Five six.', 'Seven <i>ei', '<i>ght</i> nine.']);
    expect(s.cues[4]!.id).to.equal('c3-2');
    expect(s.cues[3]!.endTime).to.equal(s.cues[4]!.startTime);
    expect(s.cues[3]!.endTime).to.be.within(7.5, 8.2);
    expect(s.cues[4]!.speaker).to.equal('Bob');
    expect(s.chapters[0]).to.include({ startCue: 2, endCue: 5 });
    expect(s.doc.notes[0]!.beforeCue).to.equal(3);
  });

  it('GOOD: split keeps the voice in both halves, at a given time', () => {
    const s = splitCue(base(), 0, 4, 0.7);
    expect(s.cues.slice(0, 2).map((c) => [c.text, c.startTime, c.endTime, c.speaker])).to.deep.equal([
      ['<v Ada>One', 0, 0.7, 'Ada'],
      ['<v Ada>two.', 0.7, 2, 'Ada'],
    ]);
  });

  it('BAD: split at either end, or out of range, changes nothing', () => {
    const s = base();
    expect(splitCue(s, 0, 0)).to.equal(s);
    expect(splitCue(s, 0, 8)).to.equal(s);
    expect(splitCue(s, 9, 2)).to.equal(s);
  });

  it('GOOD: merge joins text and spans, dropping the repeated voice', () => {
    const s0 = session([[0, 2, '<v Ada>One.'], [2.2, 4, '<v Ada>Two.'], [4, 6, '<v Bob>Q?'], [6, 8, 'A.']]);
    const s = mergeCues(s0, 0);
    expect(s.cues.map((c) => [c.text, c.startTime, c.endTime])).to.deep.equal([
      ['<v Ada>One. Two.', 0, 4],
      ['<v Bob>Q?', 4, 6],
      ['A.', 6, 8],
    ]);
    expect(s.chapters[0]).to.include({ startCue: 1, endCue: 3 });
  });

  it('BAD: merge across speakers or a chapter start is refused', () => {
    const s = base();
    expect(mergeCues(s, 1)).to.equal(s, 'chapter q01 starts at cue 2');
    const t = session([[0, 1, '<v A>x'], [1, 2, '<v B>y'], [2, 3, 'z']]);
    expect(mergeCues(t, 0)).to.equal(t);
    expect(mergeCues(t, 2)).to.equal(t);
  });

  it('GOOD: remove a cue; chapters shrink', () => {
    const s = removeCue(base(), 2);
    expect(s.cues.map((c) => c.id)).to.deep.equal(['c0', 'c1', 'c3']);
    expect(s.chapters[0]).to.include({ startCue: 2, endCue: 3 });
    expect(s.cues[2]!.speaker).to.equal('Ada');
  });

  it('GOOD: setCueText keeps the voice unless the text brings its own', () => {
    const s = setCueText(base(), 0, 'Uno dos.');
    expect(s.cues[0]!.text).to.equal('<v Ada>Uno dos.');
    const t = setCueText(base(), 0, '<v Cy>Hi.');
    expect(t.cues.map((c) => c.speaker)).to.deep.equal(['Cy', 'Cy', 'Bob', 'Bob']);
    expect(setCueText(s, 0, 'Uno dos.')).to.equal(s);
  });

  it('GOOD: setSpeaker for a turn changes the cues that follow without a voice', () => {
    const s = setSpeaker(base(), 0, 'Cy');
    expect(s.cues.map((c) => c.speaker)).to.deep.equal(['Cy', 'Cy', 'Bob', 'Bob']);
    expect(plainText(s.cues[0]!.text)).to.equal('One two.');
  });

  it('GOOD: setSpeaker for one cue pins the next to the old speaker', () => {
    const s = setSpeaker(base(), 0, 'Cy', { scope: 'cue' });
    expect(s.cues.map((c) => c.speaker)).to.deep.equal(['Cy', 'Ada', 'Bob', 'Bob']);
    expect(s.cues[1]!.text).to.equal('<v Ada>Three four.');
  });

  it('GOOD: retitle a chapter from plain text', () => {
    const s = retitleChapter(base(), 0, 'Why <this>?');
    expect(s.chapters[0]!.title).to.equal('Why &lt;this&gt;?');
    expect(retitleChapter(s, 0, 'Why <this>?')).to.equal(s);
    expect(retitleChapter(s, 5, 'x')).to.equal(s);
  });

  it('GOOD: setFixed marks anchors and releases them', () => {
    const s = setFixed(base(), [1, 2]);
    expect(s.cues.map((c) => c.fixed)).to.deep.equal([false, true, true, false]);
    expect(setFixed(s, 1, false).cues.map((c) => c.fixed)).to.deep.equal([false, false, true, false]);
    expect(setFixed(s, [1, 2])).to.equal(s);
  });
});
