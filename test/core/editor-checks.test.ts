import { expect } from '@open-wc/testing';
import {
  applyFix,
  checkSession,
  createSession,
  DEFAULT_SETTINGS,
  plainText,
  type EditorSession,
  type ProblemKind,
  type SpeechMap,
} from '../../src/core/editor/index.js';

function session(rows: [number, number][], timed = true): EditorSession {
  return createSession({
    cues: rows.map(([startTime, endTime], i) => ({
      id: `c${i}`, startTime, endTime, text: `<v S>Cue ${i}.`, speaker: '', fixed: false, timed, settings: DEFAULT_SETTINGS,
    })),
    chapters: [{ id: 'q01', title: 'Q', startCue: 1, endCue: rows.length, startTime: rows[1]?.[0] ?? 0, endTime: 99, settings: DEFAULT_SETTINGS }],
    duration: 100,
  });
}

const kinds = (s: EditorSession, speech?: SpeechMap): [ProblemKind, number][] => checkSession(s, speech).map((p) => [p.kind, p.cueIndex]);

describe('editor checks', () => {
  it('GOOD: a clean session has no problems', () => {
    expect(checkSession(session([[0, 2], [2, 4], [4.5, 6]]))).to.deep.equal([]);
  });

  const cases: [string, [number, number][], [ProblemKind, number][], [number, number][] | null][] = [
    ['BAD: overlap, fixed by ending the earlier cue', [[0, 3], [2, 4]], [['overlap', 1]], [[0, 2], [2, 4]]],
    ['BAD: overlap of a cue starting with its predecessor, fixed by sharing', [[1, 3], [1.01, 4]], [['overlap', 1]], [[1, 2.5], [2.5, 4]]],
    ['BAD: zero length, fixed up to the next cue', [[0, 2], [2, 2], [2.5, 4]], [['zero-length', 1]], [[0, 2], [2, 2.5], [2.5, 4]]],
    ['BAD: negative length, fixed by swapping', [[0, 2], [4, 3], [5, 6]], [['negative-length', 1]], [[0, 2], [3, 4], [5, 6]]],
    ['BAD: long gap, no fix', [[0, 2], [8, 9]], [['long-gap', 1]], null],
    ['BAD: out of order, fixed by sorting', [[0, 2], [5, 6], [3, 4]], [['order', 2]], [[0, 2], [3, 4], [5, 6]]],
  ];
  for (const [name, rows, expected, fixed] of cases) {
    it(name, () => {
      const s = session(rows);
      const problems = checkSession(s);
      expect(problems.map((p) => [p.kind, p.cueIndex])).to.deep.equal(expected);
      expect(problems[0]!.message).to.be.a('string').and.not.equal('');
      expect(problems[0]!.time).to.be.a('number');
      if (!fixed) {
        expect(problems[0]!.fix).to.equal(undefined);
        return;
      }
      const after = applyFix(s, problems[0]!.fix!);
      expect(after.cues.map((c) => [c.startTime, c.endTime])).to.deep.equal(fixed);
      expect(checkSession(after).filter((p) => p.kind === expected[0]![0])).to.deep.equal([]);
    });
  }

  it('GOOD: sorting carries chapters and speakers along', () => {
    const s = createSession({
      cues: [
        { id: 'a', startTime: 0, endTime: 1, text: '<v A>a', speaker: '', fixed: false, timed: true, settings: DEFAULT_SETTINGS },
        { id: 'c', startTime: 5, endTime: 6, text: '<v B>c', speaker: '', fixed: false, timed: true, settings: DEFAULT_SETTINGS },
        { id: 'b', startTime: 2, endTime: 3, text: 'b', speaker: '', fixed: false, timed: true, settings: DEFAULT_SETTINGS },
      ],
      chapters: [{ id: 'q', title: 'Q', startCue: 1, endCue: 2, startTime: 5, endTime: 6, settings: DEFAULT_SETTINGS }],
    });
    const fix = checkSession(s).find((p) => p.kind === 'order')!.fix!;
    const sorted = applyFix(s, fix);
    expect(sorted.cues.map((c) => [c.id, c.speaker])).to.deep.equal([['a', 'A'], ['b', 'A'], ['c', 'B']]);
    expect(sorted.chapters[0]).to.include({ startCue: 2, endCue: 3 });
  });

  const speech: SpeechMap = { duration: 10, pauses: [{ start: 0, end: 0.5, depth: 1 }, { start: 2.2, end: 2.6, depth: 1 }, { start: 4, end: 4.3, depth: 1 }, { start: 6, end: 10, depth: 1 }] };

  it('GOOD: boundaries in pauses are not inside speech', () => {
    expect(kinds(session([[0.5, 2.2], [2.6, 4], [4.3, 6]]), speech)).to.deep.equal([]);
  });

  it('BAD: a boundary inside speech, fixed by moving both sides into the nearest pause', () => {
    const s = session([[0.5, 1.8], [1.8, 4], [4.3, 6]]);
    const problems = checkSession(s, speech);
    expect(problems.map((p) => [p.kind, p.cueIndex, p.time])).to.deep.equal([['inside-speech', 1, 1.8]]);
    const after = applyFix(s, problems[0]!.fix!);
    expect(after.cues.map((c) => [c.startTime, c.endTime])).to.deep.equal([[0.5, 2.2], [2.6, 4], [4.3, 6]]);
    expect(checkSession(after, speech)).to.deep.equal([]);
  });

  it('BAD: a boundary far from any pause is reported without a fix', () => {
    const s = session([[0.5, 1.2], [1.2, 4], [4.3, 6]]);
    const p = checkSession(s, { duration: 10, pauses: [{ start: 4, end: 4.3, depth: 1 }] }, { searchPause: 0.5 });
    expect(p.filter((x) => x.cueIndex === 1).map((x) => [x.kind, x.fix])).to.deep.equal([['inside-speech', undefined]]);
  });

  it('GOOD: untimed cues are not checked against speech', () => {
    expect(kinds(session([[0.5, 1.8], [1.8, 4], [4.3, 6]], false), speech)).to.deep.equal([]);
  });

  it('GOOD: fixes keep cue text and retime chapters', () => {
    const s = session([[0, 3], [2, 4]]);
    const after = applyFix(s, checkSession(s)[0]!.fix!);
    expect(after.cues.map((c) => plainText(c.text))).to.deep.equal(['Cue 0.', 'Cue 1.']);
    expect(after.chapters[0]!.startTime).to.equal(2);
  });
});
