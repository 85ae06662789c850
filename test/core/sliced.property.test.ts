/**
 * Property tests: the work a long transcript's load does in slices (parse,
 * model, search index) gives exactly what the one-call versions give, however
 * it is cut into slices.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { parseWebVTT, startWebVTTParse, startWebVTTParseParts } from '../../src/core/webvtt/index.js';
import { buildTranscript, startTranscriptBuild } from '../../src/core/transcript/index.js';
import { createSearchIndex, foldText, searchTranscript, startSearchIndex } from '../../src/core/search.js';

const RUNS = Number((globalThis as { __CUELINE_FUZZ_RUNS__?: number }).__CUELINE_FUZZ_RUNS__) || 300;
const opts = { numRuns: RUNS };

/** A `stop()` that says "pause" where the generated pattern says so: slice boundaries anywhere. */
function stopper(pattern: boolean[]): () => boolean {
  let k = 0;
  return () => pattern.length > 0 && pattern[k++ % pattern.length]!;
}

/** Runs resumable work to the end, counting the slices it took. */
function drive(advance: (stop: () => boolean) => boolean, stop: () => boolean): number {
  let slices = 1;
  while (!advance(stop)) {
    slices++;
    if (slices > 1e6) throw new Error('never finishes');
  }
  return slices;
}

const timestamp = fc
  .tuple(fc.nat({ max: 2 }), fc.nat({ max: 59 }), fc.nat({ max: 59 }), fc.nat({ max: 999 }))
  .map(([h, m, s, f]) => `${h ? `${h}:` : ''}${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}.${String(f).padStart(3, '0')}`);

const text = fc
  .array(fc.constantFrom('a', 'B', ' ', 'é', 'ﬁ', 'İ', 'e\u0301', '?', '<v Ann>', '<v Bob>', '</v>', '<i>', '</i>', '&amp;', '<00:00:01.500>', '\u0000', '😀'), { maxLength: 12 })
  .map((parts) => parts.join('').replace(/^\s*$/, 'x'));

const block = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.option(fc.constantFrom('q1-p1-s1', 'q1-p2-s1', 'q2-p1-s1', 'id', '7'), { nil: undefined }), timestamp, timestamp, fc.constantFrom('', ' align:start', ' line:0 bad'), text).map(([id, a, b, settings, t]) => `${id ? id + '\n' : ''}${a} --> ${b}${settings}\n${t}`) },
  { weight: 1, arbitrary: fc.constantFrom('NOTE a note', 'STYLE\n::cue { color: red }', 'REGION\nid:r1 width:40%', 'junk line', '00:01.000 --> nope', 'a\n00:01.000 --> 00:02.000\nb\n00:03.000 --> 00:04.000') },
);

/** A WebVTT file of generated blocks, with LF, CRLF or CR line ends, sometimes a BOM or a broken signature. */
const vttFile = fc
  .tuple(fc.constantFrom('WEBVTT', 'WEBVTT header', '\uFEFFWEBVTT', 'WEBVTTx'), fc.array(block, { maxLength: 30 }), fc.constantFrom('\n', '\r\n', '\r'), fc.constantFrom('\n\n', '\n\n\n', '\n'))
  .map(([sig, blocks, eol, sep]) => `${sig}\n\n${blocks.join(sep)}\n`.replace(/\n/g, eol));

const pattern = fc.array(fc.boolean(), { maxLength: 8 });

describe('property: sliced work equals the one-call version', () => {
  it('GOOD: parsing in slices cut anywhere gives the document parseWebVTT gives', () => {
    fc.assert(
      fc.property(fc.oneof(vttFile, fc.string({ maxLength: 200 }).map((s) => `WEBVTT\n\n${s}`)), pattern, fc.integer({ min: 2, max: 64 }), fc.boolean(), (input, cuts, pieceSize, bomRemoved) => {
        const whole = parseWebVTT(input, { bomRemoved });
        const parse = startWebVTTParse(input, { bomRemoved, pieceSize, blocksPerCheck: 1 });
        drive((stop) => parse.advance(stop), stopper(cuts));
        expect(parse.done).to.equal(true);
        expect(parse.document).to.deep.equal(whole);
      }),
      opts,
    );
  });

  it('GOOD: parsing a file given in parts (cut at blank lines, or anywhere) gives the document parseWebVTT gives', () => {
    fc.assert(
      fc.property(vttFile, fc.array(fc.nat(), { maxLength: 6 }), fc.boolean(), pattern, fc.boolean(), (input, picks, anywhere, cuts, bomRemoved) => {
        // Where a block may end: after "\n\n" or "\n\r\n"; elsewhere the parts are joined first.
        const ends: number[] = [];
        for (let i = 1; i < input.length; i++) if (input[i] === '\n' && (input[i - 1] === '\n' || input.slice(i - 2, i) === '\n\r')) ends.push(i + 1);
        const at = anywhere ? picks.map((n) => n % (input.length + 1)) : ends.length ? picks.map((n) => ends[n % ends.length]!) : [];
        const bounds = [...new Set([0, ...at, input.length])].sort((a, b) => a - b);
        const parts = bounds.slice(1).map((end, k) => input.slice(bounds[k], end));
        const parse = startWebVTTParseParts(parts, { bomRemoved, blocksPerCheck: 1 });
        drive((stop) => parse.advance(stop), stopper(cuts));
        expect(parse.done).to.equal(true);
        expect(parse.document).to.deep.equal(parseWebVTT(input, { bomRemoved }));
      }),
      opts,
    );
  });

  it('GOOD: a parse that pauses after every block and piece still ends with every cue', () => {
    const cues = Array.from({ length: 500 }, (_, i) => `${i}\n00:00:${String(i % 60).padStart(2, '0')}.000 --> 00:01:00.000\ncue ${i}`);
    const input = `WEBVTT\r\n\r\n${cues.join('\r\n\r\n')}`;
    const parse = startWebVTTParse(input, { pieceSize: 100, blocksPerCheck: 1 });
    const slices = drive((stop) => parse.advance(stop), () => true);
    // One slice per piece of normalizing and per block: it really paused.
    expect(slices).to.be.greaterThan(500);
    expect(parse.document).to.deep.equal(parseWebVTT(input));
    expect(parse.document.cues.length).to.equal(500);
  });

  it('GOOD: building the model in slices cut anywhere gives the model buildTranscript gives', () => {
    fc.assert(
      fc.property(vttFile, fc.option(vttFile, { nil: null }), pattern, (input, chapters, cuts) => {
        const cues = parseWebVTT(input).cues;
        const chapterCues = chapters === null ? null : parseWebVTT(chapters).cues;
        const whole = buildTranscript(cues, chapterCues);
        const build = startTranscriptBuild(cues, chapterCues);
        expect(build.transcript).to.equal(null);
        drive((stop) => build.advance(stop), stopper(cuts));
        expect(build.transcript).to.deep.equal(whole);
      }),
      opts,
    );
  });

  it('GOOD: a model of 2,000 cues built one pause at a time is the same model', () => {
    const cues = Array.from({ length: 2000 }, (_, i) => ({ id: `q${1 + (i >> 7)}-p${1 + (i >> 4)}-s${i}`, startTime: i, endTime: i + 0.9, text: `<v ${i % 300 < 3 ? 'Ann' : 'Bob'}>Words ${i}${i % 300 === 0 ? '?' : '.'}` }));
    const build = startTranscriptBuild(cues);
    const slices = drive((stop) => build.advance(stop), () => true);
    expect(slices).to.be.greaterThan(2000 / 256);
    expect(build.transcript).to.deep.equal(buildTranscript(cues));
  });

  it('GOOD: the search index built in slices cut anywhere is the index createSearchIndex builds, and the one the per-character fold gives', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(text, fc.string({ maxLength: 20 }), fc.string({ unit: 'grapheme', maxLength: 10 })), { maxLength: 1500 }), pattern, (texts, cuts) => {
        const whole = createSearchIndex(texts);
        const build = startSearchIndex(texts);
        drive((stop) => build.advance(stop), stopper(cuts));
        expect(build.index).to.deep.equal(whole);
        expect(whole).to.deep.equal(referenceIndex(texts));
        for (const q of ['e', 'fi', 'i', 'a b']) expect(searchTranscript(build.index!, q)).to.deep.equal(searchTranscript(whole, q));
      }),
      { numRuns: Math.max(30, RUNS / 10) },
    );
  });
});

/** The index as the search module built it before folding was made fast: each code point folded on its own. */
function referenceIndex(texts: readonly string[]): ReturnType<typeof createSearchIndex> {
  const parts: string[] = [];
  const cueStarts = new Uint32Array(texts.length);
  const maps: (Uint32Array | null)[] = [];
  let offset = 0;
  texts.forEach((t, i) => {
    let out = '';
    let map: Uint32Array | null = null;
    if (/^[\x00-\x7f]*$/.test(t)) out = t.toLowerCase();
    else {
      const m: number[] = [];
      let shifted = false;
      for (let k = 0; k < t.length; ) {
        const ch = String.fromCodePoint(t.codePointAt(k)!);
        const f = ch.length === 1 && ch.charCodeAt(0) < 0x80 ? ch.toLowerCase() : foldText(ch);
        if (f.length !== ch.length) shifted = true;
        for (let j = 0; j < f.length; j++) m.push(k);
        out += f;
        k += ch.length;
      }
      m.push(t.length);
      if (shifted) map = Uint32Array.from(m);
    }
    cueStarts[i] = offset;
    parts.push(out);
    maps.push(map);
    offset += out.length + 1;
  });
  return { folded: parts.join('\n'), cueStarts, maps };
}
