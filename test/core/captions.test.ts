import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { alignSequences, describeProblem, readCaptions, refineWithPauses, transferTiming, wordKeys, type TimedWord } from '../../src/core/captions/index.js';
import { wordTimesOf } from '../../src/core/align/index.js';
import { plainText, sessionFromPlainText, sessionFromWebVTT } from '../../src/core/editor/index.js';

/** Timing transfer: the captions readers, the word keys, the sequence alignment and the transfer itself. */

const RUNS = Number((globalThis as { FUZZ_RUNS?: number }).FUZZ_RUNS ?? 200);

const YOUTUBE = `WEBVTT
Kind: captions
Language: en

00:00:01.000 --> 00:00:03.000 align:start position:0%
 
it<00:00:01.400><c> was</c><00:00:01.700><c> an</c><00:00:01.900><c> accident</c>

00:00:03.000 --> 00:00:03.010 align:start position:0%
it was an accident
 

00:00:03.010 --> 00:00:05.000 align:start position:0%
it was an accident
really<00:00:03.600><c> [Music]</c>
`;

const WHISPER = JSON.stringify({
  segments: [
    { start: 1, end: 2.5, text: ' It was an accident, really.', words: [{ word: ' It', start: 1, end: 1.2 }, { word: ' was', start: 1.2, end: 1.5 }, { word: ' an', start: 1.5, end: 1.6 }, { word: ' accident,', start: 1.6, end: 2.1 }, { word: ' really.', start: 2.2, end: 2.5 }] },
    // WhisperX leaves numbers it could not align without times.
    { start: 3, end: 4, text: ' 10 years', words: [{ word: '10' }, { word: 'years', start: 3.5, end: 4 }] },
  ],
});

const GENTLE = JSON.stringify({
  transcript: 'It was an accident.',
  words: [
    { alignedWord: 'it', case: 'success', start: 1, end: 1.2, word: 'It' },
    { case: 'not-found-in-audio', word: 'was' },
    { alignedWord: 'an', case: 'success', start: 1.6, end: 1.7, word: 'an' },
    { alignedWord: 'accident', case: 'success', start: 1.7, end: 2.2, word: 'accident' },
  ],
});

const SRT = `1
00:00:01,000 --> 00:00:03,000
Maya: It was an accident,

2
00:00:03,000 --> 00:00:04,000
really.
`;

describe('captions readers', () => {
  it('GOOD: YouTube auto captions: word timestamps, rolling lines read once, [Music] dropped', () => {
    const c = readCaptions(YOUTUBE);
    expect(c.format).to.equal('youtube-vtt');
    expect(c.problems).to.deep.equal([]);
    expect(c.words.map((w) => w.text)).to.deep.equal(['it', 'was', 'an', 'accident', 'really']);
    expect(c.words.map((w) => w.start)).to.deep.equal([1, 1.4, 1.7, 1.9, 3.01]);
    expect(c.words[3]!.end).to.equal(3);
  });

  it('GOOD: Whisper / WhisperX JSON: word times, an untimed word spread over its gap', () => {
    const c = readCaptions(WHISPER, 'talk.json');
    expect(c.format).to.equal('whisper');
    expect(c.words.map((w) => w.text)).to.deep.equal(['It', 'was', 'an', 'accident,', 'really.', '10', 'years']);
    expect(c.words[4]).to.deep.equal({ text: 'really.', start: 2.2, end: 2.5, estimated: false });
    expect(c.words[5]!.start).to.equal(3);
    expect(c.words[5]!.end).to.be.at.most(3.5);
    expect(c.words[5]!.estimated).to.equal(true);
  });

  it('GOOD: Gentle JSON: a not-found word between its neighbours', () => {
    const c = readCaptions(GENTLE);
    expect(c.format).to.equal('gentle');
    expect(c.words.map((w) => [w.text, w.start, w.end])).to.deep.equal([['It', 1, 1.2], ['was', 1.2, 1.6], ['an', 1.6, 1.7], ['accident', 1.7, 2.2]]);
  });

  it('GOOD: SRT with cue times only: words spread by length, speaker label dropped', () => {
    const c = readCaptions(SRT, 'zoom.srt');
    expect(c.format).to.equal('srt');
    expect(c.words.map((w) => w.text)).to.deep.equal(['It', 'was', 'an', 'accident,', 'really.']);
    expect(c.words[0]!.start).to.equal(1);
    expect(c.words[3]!.end).to.be.closeTo(3, 1e-9);
    expect(c.words[1]!.end - c.words[1]!.start).to.be.lessThan(c.words[3]!.end - c.words[3]!.start);
  });

  const bad: [string, string, string, string?][] = [
    ['a VTT timing with a bad end', 'WEBVTT\n\n00:00:01.000 --> 00:00:0x.000\nhello\n', 'line 3, column 18: Expected an end time'],
    ['a VTT file without its header', 'WEBVTX\n\n00:00:01.000 --> 00:00:02.000\nhello\n', 'line 1, column 1: A WebVTT file starts with "WEBVTT"', 'talk.vtt'],
    ['an SRT block with no timing', '1\nhello there\n', 'line 1, column 1: Expected a cue timing line'],
    ['a Whisper word with a string time', '{"segments":[{"start":0,"end":1,"words":[{"word":"hi","start":"0.5","end":1}]}]}', '$.segments[0].words[0].start: Expected a time in seconds'],
    ['Whisper segments that are not an array', '{"segments":{"start":0}}', '$.segments: Expected an array of segments'],
    ['JSON that does not parse', '{\n "segments": [,]\n}', 'line 2, column 15'],
    ['JSON of no known shape', '{"results":[]}', '$: Expected "segments"'],
  ];
  for (const [what, text, message, name] of bad) {
    it(`BAD: ${what} is named with where it is`, () => {
      const c = readCaptions(text, name);
      const described = c.problems.map(describeProblem);
      expect(described.some((d) => d.startsWith(message)), described.join(' | ')).to.equal(true);
    });
  }
});

describe('word keys and sequence alignment', () => {
  const keys: [string, string[]][] = [
    ['Don’t', ["don't"]],
    ['“Really?”', ['really']],
    ['10', ['ten']],
    ['2,000', ['two', 'thousand']],
    ['well-known', ['well', 'known']],
    ['—', []],
    ['ＦＵＬＬ', ['full']],
  ];
  for (const [word, want] of keys) it(`GOOD: ${word} → ${want.join(' ') || '(no key)'}`, () => expect(wordKeys(word)).to.deep.equal(want));

  it('GOOD: pairs matches and substitutions, leaves insertions and deletions unpaired', () => {
    const a = 'so it was an um accident really'.split(' ');
    const b = 'it was a happy accident really'.split(' ');
    const r = alignSequences(a, b);
    expect(Array.from(r.toA)).to.deep.equal([1, 2, 3, 4, 5, 6]);
    expect(Array.from(r.exact)).to.deep.equal([1, 1, 0, 0, 1, 1]);
    const ins = alignSequences('it was accident'.split(' '), 'it was an accident'.split(' '));
    expect(Array.from(ins.toA)).to.deep.equal([0, 1, -1, 2]);
  });

  it('GOOD: a repeated word of speech the text lacks stays with that speech', () => {
    const a = 'write a small script I still have that script somewhere after that'.split(' ');
    const b = 'write a small script after that'.split(' ');
    expect(Array.from(alignSequences(a, b).toA)).to.deep.equal([0, 1, 2, 3, 10, 11]);
  });

  it('GOOD: of pairings with as many edits, the one with more exact matches wins', () => {
    // "tree" and "it" are not unique, so no anchor pairs them: the edit-distance step decides.
    const a = 'a tree and requests the tree um it it is'.split(' ');
    const b = 'a tree and requests under a tree it is'.split(' ');
    const r = alignSequences(a, b);
    expect(r.toA[6], '"tree" with "tree"').to.equal(5);
    expect(Array.from(r.exact).reduce((s, x) => s + x, 0)).to.equal(7);
  });

  it('GOOD: long inputs align in a band (no quadratic table) and keep every match', () => {
    const words = Array.from({ length: 30000 }, (_, k) => `w${k % 997}`);
    const r = alignSequences(words, words, { maxCells: 4e6 });
    let same = 0;
    r.toA.forEach((v, k) => void (v === k && same++));
    expect(same).to.equal(words.length);
  });
});

/** A session and perfect captions of it: every word timed from `times`. */
function perfect(sentences: string[][], gaps: number[], lengths: number[]): { text: string; words: TimedWord[]; truth: { start: number; end: number }[][] } {
  let t = 0.5;
  let k = 0;
  const words: TimedWord[] = [];
  const truth = sentences.map((s, si) => {
    if (si > 0) t += gaps[si % gaps.length]!;
    return s.map((w) => {
      const d = lengths[k++ % lengths.length]!;
      const tw = { text: w, start: Math.round(t * 1000) / 1000, end: Math.round((t + d) * 1000) / 1000, estimated: false };
      words.push(tw);
      t = tw.end;
      return { start: tw.start, end: tw.end };
    });
  });
  return { text: sentences.map((s) => `${s.join(' ')}.`).join('\n'), words, truth };
}

describe('timing transfer', () => {
  it('GOOD: an edited transcript takes the captions’ times; an added word fits between its neighbours; a filler is absorbed', () => {
    const session = sessionFromPlainText('It was an accident, really.\nI kept a small notebook.');
    const caps = readCaptions(JSON.stringify({ segments: [{ start: 1, end: 6, words: [
      { word: 'It', start: 1, end: 1.2 }, { word: 'was', start: 1.2, end: 1.5 }, { word: 'an', start: 1.5, end: 1.6 }, { word: 'accident', start: 1.6, end: 2.1 }, { word: 'really', start: 2.2, end: 2.6 },
      { word: 'um', start: 3, end: 3.4 }, { word: 'I', start: 3.6, end: 3.7 }, { word: 'kept', start: 3.7, end: 4 }, { word: 'a', start: 4, end: 4.05 }, { word: 'notebook', start: 4.6, end: 5.2 },
    ] }] }));
    const r = transferTiming(session, caps.words);
    const [a, b] = r.session.cues;
    expect([a!.startTime, a!.endTime, b!.startTime, b!.endTime]).to.deep.equal([1, 2.6, 3.6, 5.2]);
    expect(plainText(b!.text)).to.equal('I kept a small notebook.');
    const small = r.words[1]![3]!;
    expect(small.start).to.be.at.least(4.05);
    expect(small.end).to.be.at.most(4.6);
    expect(wordTimesOf(b!.text, b!.startTime)).to.deep.equal([3.6, 3.7, 4, small.start, 4.6]);
    expect(r.review).to.deep.equal([]);
    expect(r.engine).to.equal('transfer');
  });

  it('GOOD: a sentence never spoken is flagged and kept in the gap, not stretched over its neighbours', () => {
    const session = sessionFromPlainText('It was an accident.\nNobody ever said these words aloud.\nI kept a notebook.');
    const caps = readCaptions(SRT.replace('really.', 'I kept a notebook.'));
    const r = transferTiming(session, caps.words);
    expect(r.unspoken).to.deep.equal([1]);
    expect(r.review).to.include.members([1, 2]);
    const [a, gone, c] = r.session.cues;
    expect(gone!.startTime).to.be.at.least(a!.endTime);
    expect(gone!.endTime).to.be.at.most(c!.startTime);
  });

  it('GOOD: a sentence with few matched words is flagged for review', () => {
    const session = sessionFromPlainText('It was an accident.\nThe cat sat on a warm mat today.');
    const caps = readCaptions(JSON.stringify({ segments: [{ start: 0, end: 4, words: [
      { word: 'It', start: 0, end: 0.2 }, { word: 'was', start: 0.2, end: 0.4 }, { word: 'an', start: 0.4, end: 0.5 }, { word: 'accident', start: 0.5, end: 1 },
      { word: 'the', start: 1.5, end: 1.6 }, { word: 'hat', start: 1.6, end: 1.9 }, { word: 'that', start: 1.9, end: 2.1 }, { word: 'honor', start: 2.1, end: 2.5 }, { word: 'swarm', start: 2.5, end: 3 }, { word: 'mat', start: 3, end: 3.3 },
    ] }] }));
    const r = transferTiming(session, caps.words);
    expect(r.lowMatch).to.deep.equal([1]);
    expect(r.review).to.include(2);
  });

  it('GOOD: cues the editor fixed keep their times', () => {
    const vtt = 'WEBVTT\n\nc1\n00:00:00.000 --> 00:00:01.000\nIt was an accident.\n\nc2\n00:00:01.000 --> 00:00:02.000\nI kept a notebook.\n';
    const fixed = { ...sessionFromWebVTT(vtt) };
    const cues = fixed.cues.map((c, k) => (k === 1 ? { ...c, fixed: true } : c));
    const caps = readCaptions(SRT.replace('really.', 'I kept a notebook.'));
    const r = transferTiming({ ...fixed, cues }, caps.words);
    expect([r.session.cues[1]!.startTime, r.session.cues[1]!.endTime]).to.deep.equal([1, 2]);
    expect(r.session.cues[0]!.endTime).to.be.at.most(1);
  });

  it('GOOD: a recognized word the text lacks, touching a sentence’s last word, stays in that sentence (real word ends only)', () => {
    const session = sessionFromPlainText('A conversation with Maya.\nWelcome back.');
    // The recognizer split "Maya" and heard one more word in its second half, then a pause.
    const words: TimedWord[] = [
      ['A', 1, 1.1], ['conversation', 1.1, 1.8], ['with', 1.8, 2], ['Maya', 2, 2.3], ['the', 2.3, 2.6], ['Welcome', 3.2, 3.6], ['back', 3.6, 3.9],
    ].map(([text, start, end]) => ({ text: text as string, start: start as number, end: end as number, estimated: false }));
    expect(transferTiming(session, words).session.cues[0]!.endTime).to.equal(2.6);
    // A pause between them: the extra word is not the sentence's.
    const apart = words.map((w) => (w.text === 'the' ? { ...w, start: 2.5, end: 2.8 } : w));
    expect(transferTiming(session, apart).session.cues[0]!.endTime).to.equal(2.3);
    // Captions whose words last until the next one starts (YouTube's) touch everywhere: not taken in.
    expect(transferTiming(session, words, { wordEnds: false }).session.cues[0]!.endTime).to.equal(2.3);
  });

  it('BAD: captions of another recording are refused, saying why', () => {
    const session = sessionFromPlainText('It was an accident, really.');
    const caps = readCaptions(JSON.stringify({ segments: [{ start: 0, end: 1, words: [{ word: 'completely', start: 0, end: 0.5 }, { word: 'different', start: 0.5, end: 1 }] }] }));
    expect(() => transferTiming(session, caps.words)).to.throw(/almost no words in common/);
  });

  it('GOOD: pause refinement pulls an edge that lies deep in a pause back to it, and leaves one at speech alone', () => {
    const session = sessionFromPlainText('It was an accident.\nI kept a notebook.');
    const caps = readCaptions(YOUTUBE.replace('really', 'I kept a notebook'));
    const r = transferTiming(session, caps.words);
    expect(r.session.cues[0]!.endTime).to.equal(3);
    const refined = refineWithPauses(r, [{ start: 2.4, end: 3.0, depth: 1 }]);
    expect(refined.session.cues[0]!.endTime).to.equal(2.4);
    expect(refined.session.cues[1]!.startTime).to.equal(r.session.cues[1]!.startTime);
    const near = refineWithPauses(r, [{ start: 2.95, end: 3.0, depth: 1 }]);
    expect(near.session.cues[0]!.endTime).to.equal(3);
  });

  it('PROPERTY: from perfect captions of the text, every sentence and word gets its times back exactly', () => {
    const word = fc.constantFrom('garden', 'code', 'tree', 'a', 'the', 'notebook', 'winter', 'slowly', 'ten', 'don’t');
    fc.assert(
      fc.property(
        fc.array(fc.array(word, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.integer({ min: 0, max: 900 }).map((x) => x / 1000), { minLength: 1, maxLength: 5 }),
        fc.array(fc.integer({ min: 20, max: 800 }).map((x) => x / 1000), { minLength: 1, maxLength: 5 }),
        (sentences, gaps, lengths) => {
          const p = perfect(sentences, gaps, lengths);
          const r = transferTiming(sessionFromPlainText(p.text), p.words);
          r.session.cues.forEach((c, k) => {
            const t = p.truth[k]!;
            expect(c.startTime).to.equal(t[0]!.start);
            expect(c.endTime).to.equal(t[t.length - 1]!.end);
            expect(r.words[k]!.map((w) => [w.start, w.end])).to.deep.equal(t.map((w) => [w.start, w.end]));
          });
          expect(r.review).to.deep.equal([]);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('PROPERTY: times always run forward, whatever the edits and the captions’ errors', () => {
    const word = fc.constantFrom('garden', 'code', 'tree', 'a', 'the', 'notebook', 'winter', '10', 'um', 'x');
    fc.assert(
      fc.property(
        fc.array(fc.array(word, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 10 }),
        fc.array(fc.tuple(word, fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 600 })), { minLength: 3, maxLength: 60 }),
        (sentences, asr) => {
          const session = sessionFromPlainText(sentences.map((s) => `${s.join(' ')}.`).join('\n'));
          let t = 0;
          const words: TimedWord[] = asr.map(([w, gap, len]) => {
            const start = t + gap / 1000;
            t = start + len / 1000;
            return { text: w, start, end: t, estimated: false };
          });
          let r;
          try {
            r = transferTiming(session, words);
          } catch (e) {
            expect((e as Error).name).to.equal('TransferError');
            return;
          }
          let last = 0;
          r.session.cues.forEach((c, k) => {
            expect(c.startTime).to.be.at.least(last);
            expect(c.endTime).to.be.at.least(c.startTime);
            last = c.endTime;
            let w0 = c.startTime;
            for (const w of r.words[k]!) {
              expect(w.start).to.be.at.least(w0 - 0.0011);
              expect(w.end).to.be.at.least(w.start);
              w0 = w.start;
            }
            const stamps = wordTimesOf(c.text, c.startTime);
            for (let q = 1; q < stamps.length; q++) expect(stamps[q]!).to.be.at.least(stamps[q - 1]!);
          });
        },
      ),
      { numRuns: RUNS },
    );
  });
});
