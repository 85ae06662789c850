/**
 * Property tests: the core under generated and hostile input. Each property
 * runs a few hundred generated cases in `npm test`; `npm run fuzz` runs many
 * more (the count comes from FUZZ_RUNS through the test page).
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  MAX_HOURS,
  MAX_KEPT_ERRORS,
  MAX_TIMESTAMP,
  formatTimestamp,
  parseCueText,
  parseTimestamp,
  parseWebVTT,
  serializeWebVTT,
} from '../../src/core/webvtt/index.js';
import { buildTranscript } from '../../src/core/transcript/index.js';
import { parseFragment } from '../../src/core/links.js';
import { sessionFromSRT, sessionFromWebVTT, sessionToWebVTT, sortCues } from '../../src/core/editor/index.js';

const RUNS = Number((globalThis as { __CUELINE_FUZZ_RUNS__?: number }).__CUELINE_FUZZ_RUNS__) || 300;
const opts = { numRuns: RUNS };

/** Cues and their times, as compared across a round trip. */
const shape = (text: string): [string, number, number, string][] =>
  parseWebVTT(text).cues.map((c) => [c.id, c.startTime, c.endTime, c.text]);

/** A timestamp as text, with hours from 0 to absurd. */
const timestampText = fc
  .tuple(
    fc.oneof(fc.constant(''), fc.nat({ max: 99 }).map((h) => `${String(h).padStart(2, '0')}:`), fc.bigInt({ min: 0n, max: 10n ** 30n }).map((h) => `${h}:`)),
    fc.nat({ max: 59 }),
    fc.nat({ max: 59 }),
    fc.nat({ max: 999 }),
  )
  .map(([h, m, s, f]) => `${h}${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}.${String(f).padStart(3, '0')}`);

/** Cue payload text from a small, markup-heavy alphabet. */
const payload = fc
  .array(fc.constantFrom('a', 'b', ' ', '<', '>', '/', '&', ';', 'amp', 'lt', 'i', 'v', '.', 'c', '\u202e', '\u00e9', '<i>', '</i>', '<v Ann>', '&amp;', '-', '<00:00:01.000>'), {
    maxLength: 40,
  })
  .map((parts) => parts.join('').replace(/-->/g, '- ->').replace(/^\s*$/, 'x'));

const cueBlock = fc.tuple(fc.option(fc.constantFrom('q01-p1-s1', 'id', 'NOTEx', '1'), { nil: undefined }), timestampText, timestampText, payload).map(
  ([id, a, b, text]) => `${id ? id + '\n' : ''}${a} --> ${b}\n${text.replace(/\n\n+/g, '\n')}`,
);

const vttFile = fc.array(cueBlock, { maxLength: 12 }).map((blocks) => `WEBVTT\n\n${blocks.join('\n\n')}\n`);

describe('property: WebVTT parser and serializer', () => {
  it('GOOD: never throws, and every error names a line and column inside the file', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), vttFile, fc.string({ unit: 'binary', maxLength: 200 }).map((s) => 'WEBVTT\n\n' + s)), (text) => {
        const doc = parseWebVTT(text);
        const lines = text.split(/\r\n|\r|\n/).length;
        for (const e of doc.errors) {
          expect(e.line).to.be.within(1, lines);
          expect(e.column).to.be.at.least(1);
        }
        expect(doc.errorCount ?? doc.errors.length).to.be.at.least(doc.errors.length);
      }),
      opts,
    );
  });

  it('GOOD: parse, serialize, parse gives the same cues (round trip), whatever the hours', () => {
    fc.assert(
      fc.property(vttFile, (text) => {
        const first = parseWebVTT(text);
        const again = serializeWebVTT(first);
        expect(shape(again)).to.deep.equal(first.cues.map((c) => [c.id, c.startTime, c.endTime, c.text]));
        // What was written is itself error-free on the timing lines.
        expect(parseWebVTT(again).errors.filter((e) => e.code === 'bad-timestamp')).to.deep.equal([]);
      }),
      opts,
    );
  });

  it('GOOD: every time up to MAX_TIMESTAMP formats to a timestamp that parses back to the same millisecond', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: MAX_TIMESTAMP, noNaN: true }), (t) => {
        const back = parseTimestamp(formatTimestamp(t));
        expect(back).to.not.equal(null);
        expect(Math.abs(back! - Math.round(t * 1000) / 1000)).to.be.below(1e-6 * Math.max(1, t));
      }),
      opts,
    );
  });

  it('BAD: hours past MAX_HOURS are an error naming line and column, and the cue is skipped', () => {
    const doc = parseWebVTT('WEBVTT\n\n1111111111111111111111111:00:00.000 --> 1111111111111111111111111:00:01.000\nx\n');
    expect(doc.cues).to.have.length(0);
    expect(doc.errors.map((e) => [e.code, e.line, e.column])).to.deep.equal([['bad-timestamp', 3, 1]]);
    expect(doc.errors[0]!.message).to.contain(`at most ${MAX_HOURS}`);
    expect(formatTimestamp(1e30)).to.equal(formatTimestamp(MAX_TIMESTAMP));
    expect(parseTimestamp(formatTimestamp(Infinity))).to.equal(Math.round(MAX_TIMESTAMP * 1000) / 1000);
  });

  it('BAD: SRT hours past MAX_HOURS are an error with line and column, never a time that cannot be written', () => {
    const s = sessionFromSRT('1\n00:00:01,000 --> 00:00:02,000\nok\n\n2\n99999999999999:00:00,000 --> 99999999999999:00:01,000\nhuge\n');
    expect(s.cues.map((c) => c.text)).to.deep.equal(['ok']);
    expect(s.errors.map((e) => [e.code, e.line, e.column])).to.deep.equal([['bad-timestamp', 6, 1]]);
  });

  it('GOOD: 1 MB of arrows: the error count is exact, only the first errors are kept', () => {
    const n = 1 << 17;
    const doc = parseWebVTT('WEBVTT\n\n' + '-->\n'.repeat(n));
    expect(doc.errorCount).to.be.at.least(n);
    expect(doc.errors.length).to.equal(MAX_KEPT_ERRORS);
  });

  it('BAD: a BOM left after decoding is content (bomRemoved), so the signature fails; a line: number too large for a double is ignored', () => {
    expect(shape('\uFEFFWEBVTT\n\n00:01.000 --> 00:02.000\nx')).to.deep.equal([['', 1, 2, 'x']]);
    expect(parseWebVTT('\uFEFFWEBVTT\n\n00:01.000 --> 00:02.000\nx', { bomRemoved: true }).errors.map((e) => e.code)).to.deep.equal(['bad-signature']);
    expect(parseWebVTT('WEBVTT\n\n00:01.000 --> 00:02.000\nx', { bomRemoved: true }).cues).to.have.length(1);
    const doc = parseWebVTT(`WEBVTT\n\n00:01.000 --> 00:02.000 line:${'9'.repeat(400)}\nx`);
    expect(doc.cues[0]!.line).to.equal('auto');
    expect(doc.errors.map((e) => e.code)).to.deep.equal(['bad-setting']);
  });
});

describe('property: deep nesting and data-sized input', () => {
  it('GOOD: a million nested tags build into a transcript without overflowing the stack', () => {
    const depth = 1_000_000;
    const text = '<i>'.repeat(depth) + 'deep' + '</i>'.repeat(depth);
    const t = buildTranscript([{ id: 'a', startTime: 0, endTime: 1, text }], null);
    expect(t.cues[0]!.plainText).to.equal('deep');
    expect(parseCueText(text).length).to.equal(1);
  });

  it('GOOD: a session of 150,000 cues is created, sorted and exported without a spread overflowing', () => {
    const cues = Array.from({ length: 150_000 }, (_, i) => ({ startTime: i, endTime: i + 0.5 }));
    const s = sessionFromWebVTT('WEBVTT\n\n' + cues.map((c) => `${formatTimestamp(c.startTime)} --> ${formatTimestamp(c.endTime)}\nx`).join('\n\n'), null);
    expect(s.cues).to.have.length(150_000);
    expect(s.duration).to.equal(149_999.5);
    const swapped = { ...s, cues: [s.cues[1]!, s.cues[0]!, ...s.cues.slice(2)] };
    expect(sortCues(swapped).cues[0]!.startTime).to.equal(0);
    expect(sessionToWebVTT(s).transcript.length).to.be.greaterThan(150_000 * 20);
  });
});

describe('property: deep links', () => {
  const t = buildTranscript(
    [{ id: 'q01-p1-s1', startTime: 10, endTime: 12, text: '<v Interviewer>What is 100% Rust?' }],
    [{ id: 'q01', startTime: 10, endTime: 100, text: 'What is 100% Rust?' }],
  );

  it('BAD: malformed percent escapes never throw and name nothing', () => {
    for (const hash of ['#q=%', '#q=%25E0', '#q=%E0', '#%', '#t=%', '#q=%%%&t=%G1']) {
      expect(() => parseFragment(hash, t), hash).to.not.throw();
    }
    expect(parseFragment('#q=%', t)).to.equal(null);
    expect(parseFragment('#q=%25E0', t)).to.equal(null);
  });

  it('GOOD: any fragment at all parses without throwing', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('%', '2', '5', 'E', '0', 'q', 't', '=', '&', '#', ':', '.', '1', 'a', '-') , maxLength: 30 }), (hash) => {
        const r = parseFragment(hash, t);
        if (r) expect(r.time === null || Number.isFinite(r.time)).to.equal(true);
      }),
      opts,
    );
  });
});

describe('conformance: named character references', () => {
  it('GOOD: the whole HTML table loads on demand; until then names beyond HTML 4 stay text', async () => {
    const { needsFullCharRefTable, loadFullCharRefTable, cueTextToPlain } = await import('../../src/core/webvtt/index.js');
    expect(needsFullCharRefTable('a &amp; b')).to.equal(false);
    const text = '&ClockwiseContourIntegral; &nsubE; &amp;';
    if (needsFullCharRefTable(text)) {
      expect(cueTextToPlain(parseCueText(text))).to.equal(text.replace('&amp;', '&'));
    }
    await loadFullCharRefTable();
    expect(cueTextToPlain(parseCueText(text))).to.equal('\u2232 \u2AC5\u0338 &');
    expect(cueTextToPlain(parseCueText('&nosuchname; &amp'))).to.equal('&nosuchname; &');
  });
});
