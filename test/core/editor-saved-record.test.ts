import { expect } from '@open-wc/testing';
import { savedRecordProblem, sessionFromWebVTT, sessionProblem } from '../../src/core/editor/index.js';

const VTT = 'WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\n<v Host>Hello\n\n2\n00:00:02.000 --> 00:00:04.000\n<v Guest>Hi\n';
const CH = 'WEBVTT\n\nq01\n00:00:01.000 --> 00:00:04.000\nFirst question\n';
const session = sessionFromWebVTT(VTT, CH);
// What the store gives back: a structured clone, not the same objects.
const good = structuredClone({ session, savedAt: 1700000000000, unexported: true, name: 'talk.vtt', media: { kind: 'url', url: '/talk.mp4' } });
const withSession = (patch: Record<string, unknown>): unknown => ({ ...good, session: { ...good.session, ...patch } });

describe('saved editor records', () => {
  it('GOOD: a record as the editor writes it, read back, passes (also with a local file, no media, a history)', () => {
    expect(savedRecordProblem(good)).to.equal(null);
    expect(savedRecordProblem({ ...good, media: { kind: 'file', name: 'a.mp4' } })).to.equal(null);
    expect(savedRecordProblem({ ...good, media: null, history: { v: 1, past: [], future: [] } })).to.equal(null);
    expect(sessionProblem(structuredClone(sessionFromWebVTT(VTT)))).to.equal(null);
  });

  const bad: [string, unknown, RegExp][] = [
    ['nothing', null, /not an object/],
    ['a string', 'corrupt', /not an object/],
    ['an array', [good], /not an object/],
    ['an empty object', {}, /session is missing/],
    ['no cues', withSession({ cues: undefined }), /cues are missing/],
    ['cues as an object', withSession({ cues: { 0: good.session.cues[0] } }), /cues are missing/],
    ['a cue with a numeric text', withSession({ cues: [good.session.cues[0], { ...good.session.cues[1], text: 42 }] }), /cue 2 is malformed/],
    ['a cue with a NaN start', withSession({ cues: [{ ...good.session.cues[0], startTime: Number.NaN }] }), /cue 1 is malformed/],
    ['a null cue', withSession({ cues: [null] }), /cue 1 is malformed/],
    ['a question past the cues', withSession({ chapters: [{ ...good.session.chapters[0], endCue: 9 }] }), /question 1 is malformed/],
    ['no doc', withSession({ doc: undefined }), /transcript document/],
    ['a negative duration', withSession({ duration: -1 }), /duration/],
    ['savedAt as a string', { ...good, savedAt: 'yesterday' }, /save time/],
    ['no name', { ...good, name: undefined }, /file name/],
    ['an unknown media kind', { ...good, media: { kind: 'ftp', url: 'x' } }, /recording reference/],
  ];
  for (const [what, record, reason] of bad) {
    it(`BAD: ${what} is rejected with a reason`, () => {
      expect(savedRecordProblem(record)).to.match(reason);
    });
  }
});
