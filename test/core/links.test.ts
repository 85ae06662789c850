import { expect } from '@open-wc/testing';
import {
  formatQuote,
  momentFragment,
  parseFragment,
  questionFragment,
  withFragment,
} from '../../src/core/links.js';
import { buildTranscript } from '../../src/core/transcript/index.js';

const t = buildTranscript(
  [
    { id: 'q01-p1-s1', startTime: 10, endTime: 12, text: '<v Interviewer>What is flat latency?' },
    { id: 'q01-p2-s1', startTime: 13, endTime: 20, text: '<v Francesco Ciulla>No pauses.' },
    { id: 'q02-p1-s1', startTime: 100, endTime: 102, text: '<v Interviewer>Why Rust?' },
    { id: 'q02-p2-s1', startTime: 103, endTime: 200, text: '<v Francesco Ciulla>Because.' },
  ],
  [
    { id: 'q01', startTime: 10, endTime: 100, text: 'What is flat latency?' },
    { id: 'q02', startTime: 100, endTime: 200, text: 'Why Rust?' },
  ],
);

describe('parseFragment', () => {
  const cases: [string, { time: number | null; question: number | null } | null][] = [
    ['#t=95', { time: 95, question: null }],
    ['#t=1:35', { time: 95, question: null }],
    ['#t=00:01:35.000', { time: 95, question: null }],
    ['t=npt:95.5', { time: 95.5, question: null }],
    ['#q=2', { time: 100, question: 1 }],
    ['#q=what-is-flat-latency', { time: 10, question: 0 }],
    ['#what-is-flat-latency', { time: 10, question: 0 }],
    ['#q=why-rust&t=150', { time: 150, question: 1 }],
    ['#Q01', null],
    ['#q=q01', { time: 10, question: 0 }],
    ['#q=0', null],
    ['#q=3', null],
    ['#q=no-such-slug', null],
    ['#t=abc', null],
    ['#t=%ZZ', null],
    ['', null],
    ['#', null],
  ];
  for (const [hash, expected] of cases) {
    it(`${expected ? 'GOOD' : 'BAD'}: ${JSON.stringify(hash)}`, () => {
      expect(parseFragment(hash, t)).to.deep.equal(expected);
    });
  }
});

describe('link building', () => {
  it('GOOD: a moment link round-trips through parseFragment', () => {
    const f = momentFragment(95.34);
    expect(f).to.equal('#t=95.3');
    expect(parseFragment(f, t)).to.deep.equal({ time: 95.3, question: null });
  });
  it('GOOD: question links use slugs', () => {
    expect(questionFragment(t, 1)).to.equal('#q=why-rust');
    expect(questionFragment(t, 5)).to.equal('');
  });
  it('GOOD: withFragment replaces any existing fragment', () => {
    expect(withFragment('https://x.test/a?b=1#old', '#t=5')).to.equal('https://x.test/a?b=1#t=5');
    expect(withFragment('https://x.test/a', '#t=5')).to.equal('https://x.test/a#t=5');
  });
  it('GOOD: a quote carries the words, speaker, time and link', () => {
    expect(formatQuote('  No   pauses. ', 'Francesco Ciulla', 75, 'https://x.test/#t=75')).to.equal(
      '“No pauses.”\n— Francesco Ciulla, at 1:15\nhttps://x.test/#t=75',
    );
  });
});
