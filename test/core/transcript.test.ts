import { expect } from '@open-wc/testing';
import {
  activeCueIndex,
  askedAsTitled,
  buildTranscript,
  cueIndexAtOrBefore,
  questionIndexAt,
  slugify,
  type CueLike,
} from '../../src/core/transcript/index.js';

const cue = (id: string, startTime: number, endTime: number, text: string): CueLike => ({ id, startTime, endTime, text });

/** Interview fixture: intro, two questions, outro; ids carry paragraph marks. */
const interview: CueLike[] = [
  cue('intro-p1-s1', 0, 2, '<v Host>Welcome to the show.'),
  cue('q01-p1-s1', 3, 5, '<v Interviewer>What is Rust?'),
  cue('q01-p2-s1', 6, 8, '<v Francesco Ciulla>A language.'),
  cue('q01-p2-s2', 8.3, 10, '<v Francesco Ciulla>A fast one.'),
  cue('q01-p3-s1', 11, 13, '<v Francesco Ciulla>Second paragraph.'),
  cue('q02-p1-s1', 14, 16, '<v Interviewer>Why &amp; how?'),
  cue('q02-p2-s1', 17, 19, '<v Francesco Ciulla>Because.'),
  cue('outro-p1-s1', 20, 22, '<v Host>Goodbye.'),
];
const chapters: CueLike[] = [cue('q01', 3, 14, 'What is Rust?'), cue('q02', 14, 20, 'Why &amp; how?')];

describe('buildTranscript', () => {
  const t = buildTranscript(interview, chapters);

  it('GOOD: questions come from chapters, in order, with decoded titles and slugs', () => {
    expect(t.questions.map((q) => [q.number, q.id, q.title, q.slug])).to.deep.equal([
      [1, 'q01', 'What is Rust?', 'what-is-rust'],
      [2, 'q02', 'Why & how?', 'why-how'],
    ]);
  });

  it('GOOD: paragraphs follow the id marks and the speaker changes', () => {
    expect(t.paragraphs.map((p) => [p.question, p.speaker, p.cueStart, p.cueEnd])).to.deep.equal([
      [-1, 'Host', 0, 1],
      [0, 'Interviewer', 1, 2],
      [0, 'Francesco Ciulla', 2, 4],
      [0, 'Francesco Ciulla', 4, 5],
      [1, 'Interviewer', 5, 6],
      [1, 'Francesco Ciulla', 6, 7],
      [-1, 'Host', 7, 8],
    ]);
  });

  it('GOOD: each question knows its asker and where its answer starts', () => {
    expect(t.questions.map((q) => [q.paragraphStart, q.answerStart, q.paragraphEnd, q.asker])).to.deep.equal([
      [1, 2, 4, 'Interviewer'],
      [4, 5, 6, 'Interviewer'],
    ]);
  });

  it('GOOD: speakers in order of appearance; cues carry plain text', () => {
    expect(t.speakers).to.deep.equal(['Host', 'Interviewer', 'Francesco Ciulla']);
    expect(t.cues[5]!.plainText).to.equal('Why & how?');
  });

  const active: [string, number, number][] = [
    ['GOOD: before everything', -1, -1],
    ['GOOD: first cue start is inclusive', 0, 0],
    ['GOOD: end is exclusive (gap)', 2, -1],
    ['GOOD: inside a cue', 7.5, 2],
    ['GOOD: in the gap between sentences', 8.1, -1],
    ['GOOD: next sentence', 8.3, 3],
    ['GOOD: last cue', 21.9, 7],
    ['GOOD: after everything', 30, -1],
  ];
  for (const [name, time, expected] of active) {
    it(`${name}: activeCueIndex(${time}) = ${expected}`, () => {
      expect(activeCueIndex(t, time)).to.equal(expected);
    });
  }

  const questionAt: [number, number][] = [
    [0, -1],
    [3, 0],
    [13.99, 0],
    [14, 1],
    [19.99, 1],
    [20, -1],
  ];
  for (const [time, expected] of questionAt) {
    it(`GOOD: questionIndexAt(${time}) = ${expected}`, () => {
      expect(questionIndexAt(t, time)).to.equal(expected);
    });
  }

  it('GOOD: cueIndexAtOrBefore holds the last started cue through gaps', () => {
    expect(cueIndexAtOrBefore(t, 8.1)).to.equal(2);
    expect(cueIndexAtOrBefore(t, -1)).to.equal(-1);
  });

  it('GOOD: overlapping cues: the latest started one that still runs', () => {
    const o = buildTranscript([cue('a', 0, 10, 'long'), cue('b', 2, 3, 'short')]);
    expect([1, 2.5, 5].map((x) => activeCueIndex(o, x))).to.deep.equal([0, 1, 0]);
  });

  it('GOOD: unsorted input is sorted by start time', () => {
    const o = buildTranscript([cue('b', 5, 6, 'B'), cue('a', 1, 2, 'A')]);
    expect(o.cues.map((c) => c.id)).to.deep.equal(['a', 'b']);
  });
});

describe('buildTranscript without marks or chapters', () => {
  const plain = [
    cue('', 0, 2, '<v Ann>How does it work?'),
    cue('', 2.5, 4, '<v Bob>Like this.'),
    cue('', 4.2, 6, 'And like that.'),
    cue('', 9, 11, 'After a long pause.'),
    cue('', 12, 13, '<v Ann>And then?'),
    cue('', 13.5, 15, '<v Bob>Then <00:00:14.000>it <00:00:14.500>ends.'),
  ];
  const t = buildTranscript(plain);

  it('GOOD: questions are derived from turns that ask, by someone other than the main speaker', () => {
    expect(t.questions.map((q) => [q.title, q.startTime, q.endTime, q.slug])).to.deep.equal([
      ['How does it work?', 0, 12, 'how-does-it-work'],
      ['And then?', 12, 15, 'and-then'],
    ]);
  });

  it('GOOD: voiceless cues inherit the speaker; a long silence starts a paragraph; timed cues stand alone', () => {
    expect(t.cues.map((c) => c.speaker)).to.deep.equal(['Ann', 'Bob', 'Bob', 'Bob', 'Ann', 'Bob']);
    expect(t.paragraphs.map((p) => [p.cueStart, p.cueEnd])).to.deep.equal([
      [0, 1],
      [1, 3],
      [3, 4],
      [4, 5],
      [5, 6],
    ]);
  });

  it('GOOD: inline timestamps become offsets into the plain text', () => {
    const c = t.cues[5]!;
    expect(c.plainText).to.equal('Then it ends.');
    expect(c.timed).to.deep.equal([
      { time: 14, offset: 5 },
      { time: 14.5, offset: 8 },
    ]);
  });

  it('GOOD: a single-speaker talk has no questions', () => {
    expect(buildTranscript([cue('', 0, 1, 'Hello.'), cue('', 1, 2, 'World?')]).questions).to.deep.equal([]);
  });

  it('GOOD: empty input', () => {
    const e = buildTranscript([]);
    expect([e.cues.length, e.questions.length, e.duration, activeCueIndex(e, 1)]).to.deep.equal([0, 0, 0, -1]);
  });
});

describe('slugify', () => {
  const cases: [string, string][] = [
    ['What does Rust adoption actually look like?', 'what-does-rust-adoption-actually-look-like'],
    ['Google’s Android team', 'googles-android-team'],
    ['Crème brûlée & CI/CD', 'creme-brulee-ci-cd'],
    ['???', 'question'],
  ];
  for (const [input, expected] of cases) {
    it(`GOOD: ${JSON.stringify(input)} -> ${expected}`, () => expect(slugify(input)).to.equal(expected));
  }
  it('GOOD: long titles are cut at a word boundary', () => {
    const s = slugify('one two three four five six seven eight nine ten eleven twelve thirteen fourteen');
    expect(s.length).to.be.at.most(60);
    expect(s.endsWith('-')).to.equal(false);
  });
});

describe('askedAsTitled', () => {
  const asked = (title: string, ...said: string[]): boolean => {
    const cues = said.map((text, i) => cue(`q01-p1-s${i + 1}`, i, i + 0.9, `<v Interviewer>${text}`));
    cues.push(cue('q01-p2-s1', 5, 6, '<v Guest>An answer.'));
    return askedAsTitled(buildTranscript(cues, [cue('q01', 0, 6, title)]), 0);
  };
  const cases: [string, boolean, string, ...string[]][] = [
    ['GOOD: the title is the question as asked', true, 'What is Rust?', 'What is Rust?'],
    ['GOOD: case, punctuation and entities aside', true, 'why &amp; how', 'Why &amp; how?'],
    ['GOOD: the title is the question after a preamble', true, 'What is Rust?', 'Some context first.', 'What is Rust?'],
    ["BAD: an editor's own wording", false, 'Rust in one word', 'What is Rust?'],
    ['BAD: only part of a word matches', false, 'Rus', 'What is Rust?'],
    ['BAD: an empty title', false, '', 'What is Rust?'],
  ];
  for (const [name, expected, title, ...said] of cases) it(name, () => expect(asked(title, ...said)).to.equal(expected));

  it('BAD: a question whose asking is not in the transcript', () => {
    const t = buildTranscript([cue('q01-p1-s1', 0, 1, '<v Guest>An answer.')], [cue('q01', 0, 2, 'What is Rust?')]);
    expect(askedAsTitled(t, 0)).to.equal(false);
    expect(askedAsTitled(t, 5)).to.equal(false);
  });
});
