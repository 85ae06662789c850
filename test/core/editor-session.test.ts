import { expect } from '@open-wc/testing';
import {
  createSession,
  DEFAULT_SETTINGS,
  moveBoundary,
  plainText,
  sessionFromPlainText,
  sessionFromSRT,
  sessionFromWebVTT,
  sessionToWebVTT,
  setFixed,
  splitCue,
  type EditorSession,
} from '../../src/core/editor/index.js';

/** The session without import errors (derived, not exported). */
const comparable = (s: EditorSession): unknown => ({ ...s, errors: [] });

const RICH = `WEBVTT - A talk
Kind: captions

STYLE
::cue(v[voice="Ada"]) { color: gold }

REGION
id:bottom width:80% lines:2

NOTE first note
spans two lines

intro-1
00:00:01.000 --> 00:00:03.500 align:start region:bottom
<v Ada>Hello <i>there</i> &amp; welcome.

00:00:03.500 --> 00:00:06.000
Second cue, no id, same voice.

NOTE between cues

q01-p1-s1
00:00:07.000 --> 00:00:09.250 position:30%,line-left line:-2
<v.loud Bob>A question?
`;

const CHAPTERS = `WEBVTT

q01
00:00:07.000 --> 00:00:09.250
A question &lt;with&gt; markup
`;

describe('editor session: WebVTT', () => {
  it('GOOD: keeps ids, payloads, settings, speakers and blocks', () => {
    const s = sessionFromWebVTT(RICH, CHAPTERS);
    expect(s.errors).to.deep.equal([]);
    expect(s.cues.map((c) => c.id)).to.deep.equal(['intro-1', '', 'q01-p1-s1']);
    expect(s.cues.map((c) => c.speaker)).to.deep.equal(['Ada', 'Ada', 'Bob']);
    expect(s.cues[0]!.text).to.equal('<v Ada>Hello <i>there</i> &amp; welcome.');
    expect(s.cues[0]!.settings.align).to.equal('start');
    expect(s.cues[0]!.settings.region?.id).to.equal('bottom');
    expect(s.cues[2]!.settings.position).to.equal(30);
    expect(s.cues.every((c) => c.timed && !c.fixed)).to.equal(true);
    expect(s.doc.styles).to.have.length(1);
    expect(s.doc.regions.map((r) => r.id)).to.deep.equal(['bottom']);
    expect(s.doc.notes.map((n) => n.beforeCue)).to.deep.equal([0, 2]);
    expect(s.chapters).to.have.length(1);
    expect(s.chapters[0]).to.include({ id: 'q01', startCue: 2, endCue: 3, startTime: 7, endTime: 9.25 });
    expect(plainText(s.chapters[0]!.title)).to.equal('A question <with> markup');
    expect(s.duration).to.equal(9.25);
  });

  it('GOOD: an untouched session exports the blocks, cues and chapters it read', () => {
    const s = sessionFromWebVTT(RICH, CHAPTERS);
    const out = sessionToWebVTT(s);
    expect(out.transcript).to.contain('WEBVTT - A talk\nKind: captions');
    expect(out.transcript).to.contain('::cue(v[voice="Ada"]) { color: gold }');
    expect(out.transcript).to.contain('id:bottom');
    expect(out.transcript).to.contain('between cues');
    expect(out.transcript).to.contain('<v.loud Bob>A question?');
    expect(out.transcript).not.to.contain('cueline-editor');
    expect(comparable(sessionFromWebVTT(out.transcript, out.chapters))).to.deep.equal(comparable(s));
  });

  it('GOOD: an edited session reads back identical, anchors, untimed cues and duration included', () => {
    let s = sessionFromWebVTT(RICH, CHAPTERS);
    s = moveBoundary(s, 1, 3.2);
    s = splitCue(s, 2, 2);
    s = setFixed(s, [0, 1]);
    s = { ...s, duration: 60, cues: s.cues.map((c, i) => (i === 2 ? { ...c, timed: false } : c)) };
    const out = sessionToWebVTT(s);
    expect(out.transcript).to.contain('NOTE cueline-editor');
    expect(comparable(sessionFromWebVTT(out.transcript, out.chapters))).to.deep.equal(comparable(s));
    expect(sessionToWebVTT(s, { noEditorState: true }).transcript).not.to.contain('cueline-editor');
  });

  it('BAD: a broken file gives errors with line and column, not an exception', () => {
    const s = sessionFromWebVTT('WEBVTT\n\n00:00:01.000 --> nonsense\nText\n\n00:00:02.000 --> 00:00:03.000\nOk\n');
    expect(s.errors.length).to.be.greaterThan(0);
    expect(s.errors[0]!.line).to.equal(3);
    expect(s.errors[0]!.source).to.equal('transcript');
    expect(s.cues.map((c) => plainText(c.text))).to.deep.equal(['Ok']);
  });

  it('BAD: not WebVTT at all is a fatal error and an empty session', () => {
    const s = sessionFromWebVTT('hello');
    expect(s.errors.some((e) => e.fatal)).to.equal(true);
    expect(s.cues).to.deep.equal([]);
  });
});

describe('editor session: SRT', () => {
  const SRT = `1
00:00:01,000 --> 00:00:02,500
Ada Lovelace: Hello <i>there</i> & you.

2
00:00:02,500 --> 00:00:04,000
{\\an8}<font color="red">Still</font> me.

3
00:00:05,000 --> 00:00:06,000
Bob: Second
line.
`;

  it('GOOD: times, speaker labels as voices, markup converted', () => {
    const s = sessionFromSRT(SRT);
    expect(s.errors).to.deep.equal([]);
    expect(s.cues.map((c) => [c.id, c.startTime, c.endTime])).to.deep.equal([['1', 1, 2.5], ['2', 2.5, 4], ['3', 5, 6]]);
    expect(s.cues[0]!.text).to.equal('<v Ada Lovelace>Hello <i>there</i> &amp; you.');
    expect(s.cues[1]!.text).to.equal('Still me.');
    expect(s.cues.map((c) => c.speaker)).to.deep.equal(['Ada Lovelace', 'Ada Lovelace', 'Bob']);
    expect(s.cues[2]!.text).to.equal('<v Bob>Second\nline.');
    expect(s.cues[0]!.settings).to.deep.equal(DEFAULT_SETTINGS);
  });

  it('GOOD: CRLF, a BOM and a period before milliseconds', () => {
    const s = sessionFromSRT('\uFEFF1\r\n00:00:01.5 --> 00:00:02.000\r\nHi\r\n');
    expect(s.errors).to.deep.equal([]);
    expect(s.cues.map((c) => [c.startTime, c.endTime])).to.deep.equal([[1.5, 2]]);
  });

  const bad: [string, string, string, number, number][] = [
    ['a bad timing line', '1\n00:00:01,000 -> 00:00:02,000\nText\n\n2\n00:00:03,000 --> 00:00:04,000\nOk\n', 'bad-timestamp', 2, 1],
    ['a missing number', '00:00:01,000 --> 00:00:02,000\nText\n', 'missing-srt-index', 1, 1],
    ['a bad number', 'one\n00:00:01,000 --> 00:00:02,000\nText\n', 'bad-srt-index', 1, 1],
    ['an empty cue', '1\n00:00:01,000 --> 00:00:02,000\n\n2\n00:00:03,000 --> 00:00:04,000\nOk\n', 'empty-cue', 1, 1],
  ];
  for (const [what, text, code, line, column] of bad) {
    it(`BAD: ${what} is reported at line ${line}`, () => {
      const s = sessionFromSRT(text);
      const e = s.errors.find((x) => x.code === code);
      expect(e, JSON.stringify(s.errors)).to.exist;
      expect([e!.line, e!.column]).to.deep.equal([line, column]);
    });
  }
});

describe('editor session: plain text', () => {
  const TEXT = `A Talk About Things
Subtitle of the talk
Ada Lovelace has been computing since 1843. She joined us to talk.
Q. What is an engine? Why does it matter?
Ada Lovelace: An engine computes. It is general, e.g. for music too.
It weaves patterns.
A member of the audience asked: Can it think?
Ada Lovelace: No. It has no pretensions to originate anything.
Ada Lovelace is the author of the Notes.
`;

  it('GOOD: intro, questions as chapters, turns, paragraphs and a closing line', () => {
    const s = sessionFromPlainText(TEXT);
    expect(s.errors).to.deep.equal([]);
    const rows = s.cues.map((c) => [c.id, c.speaker, plainText(c.text)]);
    expect(rows).to.deep.equal([
      ['intro-p1-s1', 'Host', 'A Talk About Things'],
      ['intro-p2-s1', 'Host', 'Subtitle of the talk'],
      ['intro-p3-s1', 'Host', 'Ada Lovelace has been computing since 1843.'],
      ['intro-p3-s2', 'Host', 'She joined us to talk.'],
      ['q01-p1-s1', 'Interviewer', 'What is an engine?'],
      ['q01-p1-s2', 'Interviewer', 'Why does it matter?'],
      ['q01-p2-s1', 'Ada Lovelace', 'An engine computes.'],
      ['q01-p2-s2', 'Ada Lovelace', 'It is general, e.g. for music too.'],
      ['q01-p3-s1', 'Ada Lovelace', 'It weaves patterns.'],
      ['q02-p1-s1', 'Audience member', 'Can it think?'],
      ['q02-p2-s1', 'Ada Lovelace', 'No.'],
      ['q02-p2-s2', 'Ada Lovelace', 'It has no pretensions to originate anything.'],
      ['outro-p1-s1', 'Host', 'Ada Lovelace is the author of the Notes.'],
    ]);
    expect(s.chapters.map((c) => [c.id, plainText(c.title), c.startCue, c.endCue])).to.deep.equal([
      ['q01', 'What is an engine? Why does it matter?', 4, 9],
      ['q02', 'Can it think?', 9, 12],
    ]);
    expect(s.doc.header).to.equal('- A Talk About Things');
  });

  it('GOOD: untimed cues get provisional, ordered, non-overlapping times over the duration', () => {
    const s = sessionFromPlainText(TEXT, { duration: 60 });
    expect(s.duration).to.equal(60);
    expect(s.cues.every((c) => !c.timed && !c.fixed)).to.equal(true);
    for (let i = 0; i < s.cues.length; i++) {
      const c = s.cues[i]!;
      expect(c.endTime, c.id).to.be.greaterThan(c.startTime);
      if (i > 0) expect(c.startTime, c.id).to.be.at.least(s.cues[i - 1]!.endTime);
    }
    expect(s.cues[s.cues.length - 1]!.endTime).to.be.at.most(60);
    // Longer text, longer cue.
    const len = (i: number): number => s.cues[i]!.endTime - s.cues[i]!.startTime;
    expect(len(11)).to.be.greaterThan(len(10));
    expect(s.chapters[0]!.startTime).to.equal(s.cues[4]!.startTime);
    expect(s.chapters[0]!.endTime).to.equal(s.chapters[1]!.startTime);
  });

  it('GOOD: a long sentence is cut at a clause, and markup characters are escaped', () => {
    const long = `Q. Why?\nAda Lovelace: ${'This sentence goes on and on about engines, '.repeat(3)}and it ends here <really>.`;
    const s = sessionFromPlainText(long);
    const parts = s.cues.filter((c) => c.id.startsWith('q01-p2'));
    expect(parts.length).to.be.greaterThan(1);
    expect(parts.every((c) => plainText(c.text).length <= 150)).to.equal(true);
    expect(parts.map((c) => plainText(c.text)).join(' ')).to.contain('ends here <really>.');
    expect(parts[parts.length - 1]!.text).to.contain('&lt;really&gt;');
  });

  it('GOOD: exporting and importing an untimed session gives it back', () => {
    const s = sessionFromPlainText(TEXT);
    const out = sessionToWebVTT(s);
    expect(comparable(sessionFromWebVTT(out.transcript, out.chapters))).to.deep.equal(comparable(s));
  });

  it('BAD: empty text is a fatal error, not an exception', () => {
    const s = sessionFromPlainText('  \n\n');
    expect(s.cues).to.deep.equal([]);
    expect(s.errors.map((e) => [e.code, e.fatal])).to.deep.equal([['empty-input', true]]);
  });

  it('GOOD: createSession derives speakers and the duration', () => {
    const s = createSession({
      cues: [
        { id: 'a', startTime: 0, endTime: 1, text: '<v X>a', speaker: '', fixed: false, timed: true, settings: DEFAULT_SETTINGS },
        { id: 'b', startTime: 1, endTime: 2.5, text: 'b', speaker: '', fixed: false, timed: true, settings: DEFAULT_SETTINGS },
      ],
    });
    expect(s.cues.map((c) => c.speaker)).to.deep.equal(['X', 'X']);
    expect(s.duration).to.equal(2.5);
  });
});
