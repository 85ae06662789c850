import { expect } from '@open-wc/testing';
import { formatTime, formatTimeLong, parseTimeParam } from '../../src/core/time.js';

describe('time', () => {
  const fmt: [number, string, string][] = [
    [0, '0:00', '0 seconds'],
    [65.4, '1:05', '1 minute 5 seconds'],
    [3725, '1:02:05', '1 hour 2 minutes 5 seconds'],
    [-3, '0:00', '0 seconds'],
    [NaN, '0:00', '0 seconds'],
  ];
  for (const [s, short, long] of fmt) {
    it(`GOOD: ${s} -> ${short} / ${long}`, () => {
      expect(formatTime(s)).to.equal(short);
      expect(formatTimeLong(s)).to.equal(long);
    });
  }

  const params: [string, number | null][] = [
    ['95', 95],
    ['95.5', 95.5],
    ['1:35', 95],
    ['00:01:35.000', 95],
    ['npt:1:35', 95],
    ['95,120', 95],
    ['1:02:03', 3723],
    ['', null],
    ['abc', null],
    ['1:75', null],
    ['-5', null],
  ];
  for (const [v, expected] of params) {
    it(`${expected === null ? 'BAD' : 'GOOD'}: parseTimeParam(${JSON.stringify(v)}) = ${expected}`, () => {
      expect(parseTimeParam(v)).to.equal(expected);
    });
  }
});
