import { expect } from '@open-wc/testing';
import {
  isHeard,
  listenedBetween,
  nextQuestionIndex,
  previousQuestionIndex,
  questionAtOrBefore,
  questionProgress,
} from '../../src/core/navigation.js';
import { buildTranscript } from '../../src/core/transcript/index.js';

// Chapters only: the navigator's model when it has no transcript.
const t = buildTranscript(
  [],
  [
    { id: 'q01', startTime: 10, endTime: 60, text: 'First?' },
    { id: 'q02', startTime: 60, endTime: 64, text: 'Short?' },
    { id: 'q03', startTime: 70, endTime: 100, text: 'Last?' },
  ],
);

describe('question navigation', () => {
  const at: [number, number][] = [
    [0, -1],
    [9.8, 0], // within AT_START of the start counts as at it
    [30, 0],
    [60, 1],
    [65, 1], // in the gap after q02: still the last started
    [120, 2],
  ];
  for (const [time, expected] of at) {
    it(`GOOD: questionAtOrBefore(${time}) = ${expected}`, () => expect(questionAtOrBefore(t, time)).to.equal(expected));
  }

  const next: [number, number][] = [
    [0, 0],
    [10, 1],
    [59.7, 1],
    [59.9, 2], // about to start q02: next is q03
    [60, 2],
    [99, -1],
  ];
  for (const [time, expected] of next) {
    it(`GOOD: next from ${time} is ${expected}`, () => expect(nextQuestionIndex(t, time)).to.equal(expected));
  }

  const previous: [number, number][] = [
    [0, -1],
    [10, 0], // at the first question's start: stays there
    [12, 0],
    [20, 0], // more than 3 s in: restart the current one
    [61, 0], // just started q02: go back to q01
    [63.5, 1],
    [70.1, 1],
  ];
  for (const [time, expected] of previous) {
    it(`GOOD: previous from ${time} is ${expected}`, () => expect(previousQuestionIndex(t, time)).to.equal(expected));
  }

  it('GOOD: progress is the fraction of the question played, clamped', () => {
    const q = t.questions[0]!;
    expect(questionProgress(q, 10)).to.equal(0);
    expect(questionProgress(q, 35)).to.equal(0.5);
    expect(questionProgress(q, 5)).to.equal(0);
    expect(questionProgress(q, 80)).to.equal(1);
  });

  it('GOOD: listening counts small forward steps only', () => {
    expect(listenedBetween(10, 10.016)).to.be.closeTo(0.016, 1e-9);
    expect(listenedBetween(10, 10)).to.equal(0);
    // BAD: a seek forward or back is not listening.
    expect(listenedBetween(10, 40)).to.equal(0);
    expect(listenedBetween(40, 10)).to.equal(0);
    // At 4x, timeupdate's quarter seconds cover a second of media and more: still listening, not a seek.
    expect(listenedBetween(10, 11.2, 4)).to.be.closeTo(1.2, 1e-9);
    expect(listenedBetween(10, 11.2, 1)).to.equal(0);
    expect(listenedBetween(10, 20, 4)).to.equal(0);
    expect(listenedBetween(10, 10.5, 0.5)).to.be.closeTo(0.5, 1e-9);
  });

  it('GOOD: a question is heard after 10 s, or half of a shorter one', () => {
    expect(isHeard(t.questions[0]!, 9.9)).to.equal(false);
    expect(isHeard(t.questions[0]!, 10)).to.equal(true);
    expect(isHeard(t.questions[1]!, 2)).to.equal(true);
    expect(isHeard(t.questions[1]!, 1.9)).to.equal(false);
    expect(isHeard(t.questions[1]!, 0)).to.equal(false);
  });
});
