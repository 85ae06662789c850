import { expect } from '@open-wc/testing';
import { parseWebVTT, serializeWebVTT, parseCueText } from '../../../src/core/webvtt/index.js';
import type { WebVTTDocument } from '../../../src/core/webvtt/index.js';
import { describe, it } from './bdd.js';

function withoutErrors(doc: WebVTTDocument): Omit<WebVTTDocument, 'errors' | 'errorCount'> {
  const { errors: _errors, errorCount: _count, ...rest } = doc;
  return rest;
}

/** parse → serialize → parse, asserting the two parses are equal (errors aside). */
function roundTrip(text: string): { first: WebVTTDocument; second: WebVTTDocument; written: string } {
  const first = parseWebVTT(text);
  const written = serializeWebVTT(first);
  const second = parseWebVTT(written);
  expect(withoutErrors(second)).to.deep.equal(withoutErrors(first), written);
  return { first, second, written };
}

const FULL = `WEBVTT - Interview
Kind: captions
Language: en

NOTE Produced by hand.
Two lines.

REGION
id:fred width:40% lines:3 regionanchor:0%,100% viewportanchor:10%,90% scroll:up

REGION
id:bill width:40.25% lines:007 regionanchor:100%,100% viewportanchor:90%,90%

STYLE
::cue { color: papayawhip; }
::cue(v[voice="Esme"]) { color: cyan }

NOTE between styles

STYLE
::cue(b) { color: peachpuff; }

intro
00:00:00.000 --> 00:00:02.000 region:fred align:left
<v.first.loud Esme>It's a <b>blue</b> apple tree!

00:02.000 --> 00:04.000 vertical:rl line:-1,end position:10%,line-left size:35.5% align:right
<v Mary>No way! &amp; &lt;&gt; &nbsp;&lrm;&rlm;

NOTE in the middle

crédit de transcription
00:04.000 --> 00:06.000 line:50%,center position:100%,center align:start
<v Esme>Hee!</v> <i>laughter</i> <ruby>漢<rt>kan</rt></ruby> <lang en-GB>colour</lang>
Karaoke: <00:00:04.500>one <00:00:05.000>two <c.yellow.bg_blue>three</c>

1:00:06.000 --> 1:00:08.000 line:0 position:0%,line-right size:0% align:end region:bill
last

NOTE at the end
`;

describe('serializeWebVTT', () => {
  it('GOOD: a file using every feature survives parse → serialize → parse', () => {
    const { first, written } = roundTrip(FULL);
    expect(first.errors).to.deep.equal([]);
    expect(first.cues.length).to.equal(4);
    expect(first.regions.length).to.equal(2);
    expect(first.styles.length).to.equal(2);
    expect(first.notes.map((n) => n.beforeCue)).to.deep.equal([0, 0, 2, 4]);
    expect(first.cues[0]?.region?.id).to.equal('fred');
    expect(first.cues[3]?.region?.id).to.equal('bill');
    // Cue text (voices, timestamps, references) is written as it was.
    expect(parseCueText(parseWebVTT(written).cues[2]?.text ?? '')).to.deep.equal(parseCueText(first.cues[2]?.text ?? ''));
  });

  it('GOOD: writes hh:mm:ss.ttt timings, ids, only non-default settings, blocks in order', () => {
    const doc = parseWebVTT(
      'WEBVTT\n\nREGION\nid:r\n\nSTYLE\na{}\n\nNOTE n\n\nx\n00:01.000 --> 00:02.500 align:center size:100% line:2 region:r\nhi\n\n00:03.000 --> 01:00:04.000 position:50%,center\n\nNOTE end',
    );
    expect(serializeWebVTT(doc)).to.equal(
      'WEBVTT\n\nREGION\nid:r\n\nSTYLE\na{}\n\nNOTE n\n\nx\n00:00:01.000 --> 00:00:02.500 line:2 region:r\nhi\n\n00:00:03.000 --> 01:00:04.000 position:50%,center\n\nNOTE end\n',
    );
  });

  it('GOOD: an empty document is just the signature', () => {
    expect(serializeWebVTT(parseWebVTT('WEBVTT'))).to.equal('WEBVTT\n');
  });

  it('GOOD: a region with only defaults is still written as a region', () => {
    const { first } = roundTrip('WEBVTT\n\nREGION\nscroll:none\n\n00:01.000 --> 00:02.000\nx');
    expect(first.regions.length).to.equal(1);
  });

  const ROUND_TRIPS: [string, string][] = [
    ['GOOD: header on the signature line only', 'WEBVTT title\n\n00:01.000 --> 00:02.000\nx'],
    ['GOOD: header lines only', 'WEBVTT\nKind: captions\n\n00:01.000 --> 00:02.000\nx'],
    ['GOOD: header with leading spaces', 'WEBVTT   spaced\n\n00:01.000 --> 00:02.000\nx'],
    ['GOOD: NOTE forms', 'WEBVTT\n\nNOTE\n\nNOTE \nx\n\nNOTE\ty\n\nNOTE\nz\n\n00:01.000 --> 00:02.000\nx\n\nNOTE last'],
    ['GOOD: ids that look like keywords', 'WEBVTT\n\nNOTE\n00:01.000 --> 00:02.000\nx\n\nSTYLE\n00:01.000 --> 00:02.000\ny\n\nREGION\n00:01.000 --> 00:02.000\nz'],
    ['GOOD: cue with empty text', 'WEBVTT\n\n00:01.000 --> 00:02.000\n\n00:03.000 --> 00:04.000\nx'],
    ['GOOD: settings with decimals and negative zero', 'WEBVTT\n\n00:01.000 --> 00:02.000 line:-0 position:0.001% size:99.999%\nx'],
    ['GOOD: region kept although line came first (spec step order)', 'WEBVTT\n\nREGION\nid:r\n\n00:01.000 --> 00:02.000 line:0 region:r\nx'],
    ['GOOD: duplicate region ids: the last wins both times', 'WEBVTT\n\nREGION\nid:r\n\nREGION\nid:r lines:9\n\n00:01.000 --> 00:02.000 region:r\nx'],
    ['GOOD: huge hours and line numbers', 'WEBVTT\n\n123456:00:00.000 --> 123456:00:01.999 line:1000000000000000000000000\nx'],
    ['GOOD: tiny percentages', 'WEBVTT\n\n00:01.000 --> 00:02.000 position:0.0000001% size:0.00000000000000000001%\nx'],
    ['GOOD: CRLF input', 'WEBVTT\r\n\r\nid\r\n00:01.000 --> 00:02.000\r\na\r\nb\r\n'],
  ];
  for (const [name, text] of ROUND_TRIPS) {
    it(name, () => {
      roundTrip(text);
    });
  }

  it('GOOD: round-trips the committed session timings', async () => {
    for (const path of ['/timings/try-rust-with-francesco-ciulla.vtt', '/timings/try-rust-with-francesco-ciulla.chapters.vtt']) {
      const response = await fetch(path);
      expect(response.ok).to.equal(true, path);
      const { first } = roundTrip(await response.text());
      expect(first.cues.length).to.be.greaterThan(0);
    }
  });

  it('GOOD: parse(serialize(parse(x))) equals parse(x) for random inputs', () => {
    const alphabet = ['\n', '\n\n', '-->', ' ', '\t', ':', '.', '%', ',', '00:01.000', '1:00:02.500', ' --> ', 'NOTE', 'NOTE ', 'STYLE\n', 'REGION\n', 'id:r ', 'region:r ', 'line:', 'position:', 'size:', 'align:end ', 'vertical:rl ', '5', '50%', 'x', '<v Bob>', '&amp;'];
    let seed = 11;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let run = 0; run < 300; run++) {
      let text = 'WEBVTT\n\n';
      const parts = random(80);
      for (let p = 0; p < parts; p++) text += alphabet[random(alphabet.length)];
      roundTrip(text);
    }
  });
});
