import { expect } from '@open-wc/testing';
import { parseWebVTT, parseTimestamp, formatTimestamp, parsePercentage } from '../../../src/core/webvtt/index.js';
import type { WebVTTCue, WebVTTDocument } from '../../../src/core/webvtt/index.js';
import { describe, it } from './bdd.js';

/** id, start, end, text of each cue. */
function cues(doc: WebVTTDocument): [string, number, number, string][] {
  return doc.cues.map((c) => [c.id, c.startTime, c.endTime, c.text]);
}

/** code@line:column of each error, fatal ones marked with "!". */
function errors(doc: WebVTTDocument): string[] {
  return doc.errors.map((e) => `${e.fatal ? '!' : ''}${e.code}@${e.line}:${e.column}`);
}

const V = 'WEBVTT\n\n';
const C = '00:01.000 --> 00:02.000';

describe('parseWebVTT: file structure', () => {
  const GOOD: [string, string, [string, number, number, string][], Partial<WebVTTDocument>?][] = [
    ['GOOD: minimal cue', `${V}${C}\nhello`, [['', 1, 2, 'hello']]],
    ['GOOD: signature alone', 'WEBVTT', []],
    ['GOOD: signature then LF only', 'WEBVTT\n', []],
    ['GOOD: signature + space + text is header', 'WEBVTT my title\n\n' + C + '\nx', [['', 1, 2, 'x']], { header: 'my title' }],
    ['GOOD: signature + tab', 'WEBVTT\tt\n\n' + C + '\nx', [['', 1, 2, 'x']], { header: 't' }],
    ['GOOD: header lines kept', 'WEBVTT\nKind: captions\nLanguage: en\n\n' + C + '\nx', [['', 1, 2, 'x']], { header: '\nKind: captions\nLanguage: en' }],
    ['GOOD: BOM skipped', '\uFEFF' + V + C + '\nx', [['', 1, 2, 'x']]],
    ['GOOD: CRLF line endings', 'WEBVTT\r\n\r\nid\r\n' + C + '\r\na\r\nb\r\n', [['id', 1, 2, 'a\nb']]],
    ['GOOD: CR line endings', 'WEBVTT\r\r' + C + '\ra\rb', [['', 1, 2, 'a\nb']]],
    ['GOOD: mixed line endings', 'WEBVTT\n\r\n' + C + '\r\na\rb\nc', [['', 1, 2, 'a\nb\nc']]],
    ['GOOD: NULL becomes U+FFFD', `${V}${C}\na\0b`, [['', 1, 2, 'a\uFFFDb']]],
    ['GOOD: cue identifier', `${V}intro 1\n${C}\nx`, [['intro 1', 1, 2, 'x']]],
    ['GOOD: several blank lines between cues', `${V}${C}\na\n\n\n\n${C}\nb\n\n`, [['', 1, 2, 'a'], ['', 1, 2, 'b']]],
    ['GOOD: empty cue text', `${V}${C}\n\n${C}\nb`, [['', 1, 2, ''], ['', 1, 2, 'b']]],
    ['GOOD: multi-line cue text', `${V}${C}\none\ntwo\nthree`, [['', 1, 2, 'one\ntwo\nthree']]],
    ['GOOD: timing line with no spaces around the arrow', `${V}00:01.000-->00:02.000\nx`, [['', 1, 2, 'x']]],
    ['GOOD: timing line with tabs and form feeds', `${V}\t00:01.000\t-->\f00:02.000\t\nx`, [['', 1, 2, 'x']]],
    ['GOOD: an id of "NOTE" before a timing line is a cue id', `${V}NOTE\n${C}\nx`, [['NOTE', 1, 2, 'x']]],
    ['GOOD: an id of "STYLE" before a timing line is a cue id', `${V}STYLE\n${C}\nx`, [['STYLE', 1, 2, 'x']]],
    ['GOOD: cue text may contain NOTE, STYLE, arrows-free markup', `${V}${C}\nNOTE this\n<b>STYLE</b>`, [['', 1, 2, 'NOTE this\n<b>STYLE</b>']]],
    ['GOOD: trailing text without newline', `${V}${C}\nend`, [['', 1, 2, 'end']]],
    ['GOOD: unicode cue text', `${V}${C}\nçé 漢字 🎬`, [['', 1, 2, 'çé 漢字 🎬']]],
  ];
  for (const [name, input, expected, more] of GOOD) {
    it(name, () => {
      const doc = parseWebVTT(input);
      expect(cues(doc)).to.deep.equal(expected);
      expect(doc.errors).to.deep.equal([]);
      for (const [key, value] of Object.entries(more ?? {})) expect(doc[key as keyof WebVTTDocument]).to.deep.equal(value);
    });
  }

  const BAD: [string, string, string[], [string, number, number, string][]][] = [
    ['BAD: empty input', '', ['!bad-signature@1:1'], []],
    ['BAD: too short', 'WEBVT', ['!bad-signature@1:1'], []],
    ['BAD: lower-case signature', 'webvtt\n\n' + C + '\nx', ['!bad-signature@1:1'], []],
    ['BAD: WEBVTTX', 'WEBVTTX\n\n' + C + '\nx', ['!bad-signature@1:7'], []],
    ['BAD: WEBVTT followed by form feed', 'WEBVTT\f\n\n' + C + '\nx', ['!bad-signature@1:7'], []],
    ['BAD: leading blank line', '\nWEBVTT\n\n' + C + '\nx', ['!bad-signature@1:1'], []],
    ['BAD: two BOMs (text read without decoding: the first is skipped, the second is content)', '\uFEFF\uFEFFWEBVTT\n\n' + C + '\nx', ['!bad-signature@1:1'], []],
    ['BAD: cue right after the header line (header ends at the arrow line)', 'WEBVTT\n' + C + '\nx', ['missing-blank-line@2:11'], [['', 1, 2, 'x']]],
    ['BAD: header line then cue without blank line', 'WEBVTT\nKind: x\n' + C + '\nx', ['missing-blank-line@3:11'], [['', 1, 2, 'x']]],
    ['BAD: an id line right after the signature is header', 'WEBVTT\nid\n' + C + '\nx', ['missing-blank-line@3:11'], [['', 1, 2, 'x']]],
    ['BAD: a "-->" line ends the cue text', `${V}${C}\na\n00:03.000 --> 00:04.000\nb`, ['missing-blank-line@5:11'], [['', 1, 2, 'a'], ['', 3, 4, 'b']]],
    ['BAD: two timing lines in a row: second is the next cue', `${V}${C}\n00:03.000 --> 00:04.000\nb`, ['missing-blank-line@4:11'], [['', 1, 2, ''], ['', 3, 4, 'b']]],
    ['BAD: two id lines: block is junk', `${V}a\nb\n${C}\nx`, ['missing-blank-line@5:11', 'bad-block@3:1'], [['', 1, 2, 'x']]],
    ['BAD: text without timings', `${V}just text\n\n${C}\nx`, ['bad-block@3:1'], [['', 1, 2, 'x']]],
    ['BAD: id containing "-->" is a broken timing line', `${V}a-->b\n${C}\nx`, ['bad-timestamp@3:1', 'missing-blank-line@4:11'], [['', 1, 2, 'x']]],
    ['BAD: NOTE containing "-->" on its first line', `${V}NOTE a --> b\n\n${C}\nx`, ['bad-timestamp@3:1'], [['', 1, 2, 'x']]],
    ['BAD: end before start is kept, with an error', `${V}00:02.000 --> 00:01.000\nx`, ['bad-timing@3:1'], [['', 2, 1, 'x']]],
    ['BAD: equal start and end', `${V}00:01.000 --> 00:01.000\nx`, ['bad-timing@3:1'], [['', 1, 1, 'x']]],
  ];
  for (const [name, input, expectedErrors, expectedCues] of BAD) {
    it(name, () => {
      const doc = parseWebVTT(input);
      expect(errors(doc)).to.deep.equal(expectedErrors);
      expect(cues(doc)).to.deep.equal(expectedCues);
    });
  }

  it('BAD: a fatal signature error leaves everything else empty', () => {
    const doc = parseWebVTT('WEBVTTX\n\nREGION\nid:a\n\n' + C + '\nx');
    expect(doc).to.deep.include({ header: '', cues: [], regions: [], styles: [], notes: [] });
    expect(doc.errors[0]?.message).to.contain('WEBVTT');
  });

  it('BAD: non-string input gives a fatal error instead of throwing', () => {
    const doc = parseWebVTT(42 as unknown as string);
    expect(errors(doc)).to.deep.equal(['!bad-input@1:1']);
  });
});

describe('parseWebVTT: NOTE, STYLE and REGION blocks', () => {
  it('GOOD: NOTE blocks are kept with their position', () => {
    const doc = parseWebVTT(`WEBVTT\n\nNOTE\n\nNOTE one\ntwo\n\nNOTE\tx\n\n${C}\na\n\nNOTE\nafter\n\n${C}\nb\n\nNOTE end`);
    expect(doc.notes).to.deep.equal([
      { text: '', beforeCue: 0 },
      { text: 'one\ntwo', beforeCue: 0 },
      { text: 'x', beforeCue: 0 },
      { text: 'after', beforeCue: 1, newline: true },
      { text: 'end', beforeCue: 2 },
    ]);
    expect(doc.errors).to.deep.equal([]);
    expect(doc.cues.length).to.equal(2);
  });

  it('BAD: NOTEX is not a comment', () => {
    const doc = parseWebVTT(`${V}NOTEX\n\n${C}\nx`);
    expect(doc.notes).to.deep.equal([]);
    expect(errors(doc)).to.deep.equal(['bad-block@3:1']);
  });

  it('BAD: a "-->" line inside a NOTE ends it and starts a cue', () => {
    const doc = parseWebVTT(`${V}NOTE a\nb\n${C}\nx`);
    expect(doc.notes).to.deep.equal([{ text: 'a\nb', beforeCue: 0 }]);
    expect(cues(doc)).to.deep.equal([['', 1, 2, 'x']]);
    expect(errors(doc)).to.deep.equal(['missing-blank-line@5:11']);
  });

  it('GOOD: STYLE blocks before the first cue, interleaved with NOTE', () => {
    const doc = parseWebVTT(`${V}STYLE\n::cue { color: red }\n::cue(b) { color: lime }\n\nNOTE c\n\nSTYLE  \n::cue(i) {}\n\n${C}\nx`);
    expect(doc.styles).to.deep.equal([{ text: '::cue { color: red }\n::cue(b) { color: lime }' }, { text: '::cue(i) {}' }]);
    expect(doc.notes).to.deep.equal([{ text: 'c', beforeCue: 0 }]);
    expect(doc.errors).to.deep.equal([]);
  });

  const BAD: [string, string, string[], number, number][] = [
    ['BAD: STYLE after the first cue is ignored', `${V}${C}\nx\n\nSTYLE\n::cue {}`, ['style-after-cue@6:1'], 0, 0],
    ['BAD: REGION after the first cue is ignored', `${V}${C}\nx\n\nREGION\nid:r`, ['region-after-cue@6:1'], 0, 0],
    ['BAD: STYLEX is not a style block', `${V}STYLEX\n::cue {}\n\n${C}\nx`, ['bad-block@3:1'], 0, 0],
    ['BAD: STYLE with no lines is nothing', `${V}STYLE\n\n${C}\nx`, ['bad-block@3:1'], 0, 0],
    ['BAD: "-->" inside a STYLE ends it', `${V}STYLE\na {}\nb --> c\n\n${C}\nx`, ['missing-blank-line@5:3', 'bad-timestamp@5:1'], 1, 0],
    ['GOOD: REGION block', `${V}REGION\nid:r\n\n${C}\nx`, [], 0, 1],
    ['BAD: REGIONS is not a region block', `${V}REGIONS\nid:r\n\n${C}\nx`, ['bad-block@3:1'], 0, 0],
  ];
  for (const [name, input, expectedErrors, styles, regions] of BAD) {
    it(name, () => {
      const doc = parseWebVTT(input);
      expect(errors(doc)).to.deep.equal(expectedErrors);
      expect(doc.styles.length).to.equal(styles);
      expect(doc.regions.length).to.equal(regions);
    });
  }

  it('GOOD: region settings over several lines, defaults elsewhere', () => {
    const doc = parseWebVTT(`${V}REGION\nid:fred width:40.5%\nlines:3 regionanchor:0%,100%\n viewportanchor:10%,90% scroll:up\n\nREGION\nid:bill\n\n${C}\nx`);
    expect(doc.regions).to.deep.equal([
      { id: 'fred', width: 40.5, lines: 3, regionAnchorX: 0, regionAnchorY: 100, viewportAnchorX: 10, viewportAnchorY: 90, scroll: 'up' },
      { id: 'bill', width: 100, lines: 3, regionAnchorX: 0, regionAnchorY: 100, viewportAnchorX: 0, viewportAnchorY: 100, scroll: '' },
    ]);
    expect(doc.errors).to.deep.equal([]);
  });

  const REGION_BAD: [string, string, string][] = [
    ['BAD: region setting without colon', 'foo', 'bad-region-setting@4:1'],
    ['BAD: region setting with empty value', 'width:', 'bad-region-setting@4:1'],
    ['BAD: region setting with empty name', ':40%', 'bad-region-setting@4:1'],
    ['BAD: unknown region setting', 'height:3 id:r', 'bad-region-setting@4:1'],
    ['BAD: width over 100%', 'id:r width:101%', 'bad-region-setting@4:6'],
    ['BAD: width without %', 'id:r width:40', 'bad-region-setting@4:6'],
    ['BAD: width with a sign', 'id:r width:-4%', 'bad-region-setting@4:6'],
    ['BAD: lines with a fraction', 'id:r lines:2.5', 'bad-region-setting@4:6'],
    ['BAD: lines negative', 'id:r lines:-1', 'bad-region-setting@4:6'],
    ['BAD: regionanchor without comma', 'id:r regionanchor:10%', 'bad-region-setting@4:6'],
    ['BAD: regionanchor not percentages', 'id:r regionanchor:10,20', 'bad-region-setting@4:6'],
    ['BAD: viewportanchor over 100%', 'id:r viewportanchor:10%,120%', 'bad-region-setting@4:6'],
    ['BAD: scroll value other than up', 'id:r scroll:down', 'bad-region-setting@4:6'],
    ['BAD: ID is case-sensitive', 'ID:r', 'bad-region-setting@4:1'],
  ];
  for (const [name, settings, error] of REGION_BAD) {
    it(name, () => {
      const doc = parseWebVTT(`${V}REGION\n${settings}\n\n${C}\nx`);
      expect(errors(doc)).to.deep.equal([error]);
      const region = doc.regions[0];
      expect(region?.width).to.equal(100);
      expect(region?.lines).to.equal(3);
      expect(region?.scroll).to.equal('');
    });
  }

  it('GOOD: the last setting of a kind wins; lines with many digits', () => {
    const doc = parseWebVTT(`${V}REGION\nid:a id:b lines:007 width:0% width:100.000%\n\n${C}\nx`);
    expect(doc.regions[0]).to.deep.include({ id: 'b', lines: 7, width: 100 });
  });
});

describe('parseWebVTT: timestamps', () => {
  const GOOD: [string, string, number][] = [
    ['GOOD: mm:ss.ttt', '01:02.003', 62.003],
    ['GOOD: hh:mm:ss.ttt', '01:02:03.004', 3723.004],
    ['GOOD: one-digit hours', '1:02:03.004', 3723.004],
    ['GOOD: three-digit hours', '100:00:00.000', 360000],
    ['GOOD: first unit over 59 is hours', '60:00:00.000', 216000],
    ['GOOD: zero', '00:00.000', 0],
    ['GOOD: maximum minutes and seconds', '59:59.999', 3599.999],
  ];
  for (const [name, text, seconds] of GOOD) {
    it(name, () => {
      expect(parseTimestamp(text)).to.equal(seconds);
      const doc = parseWebVTT(`${V}${text} --> 999:00:00.000\nx`);
      expect(doc.cues[0]?.startTime).to.equal(seconds);
      expect(doc.errors).to.deep.equal([]);
    });
  }

  const BAD: [string, string, number][] = [
    ['BAD: missing fraction', '00:01', 6],
    ['BAD: two fraction digits', '00:01.00', 7],
    ['BAD: four fraction digits', '00:01.0000', 7],
    ['BAD: comma as decimal separator', '00:01,000', 6],
    ['BAD: one-digit first unit is hours, then needs seconds', '0:01.000', 5],
    ['BAD: one-digit seconds', '00:1.000', 4],
    ['BAD: three-digit seconds', '00:001.000', 4],
    ['BAD: seconds 60', '00:60.000', 10],
    ['BAD: minutes 60 with hours', '00:60:00.000', 13],
    ['BAD: first unit over 59 needs seconds', '60:00.000', 6],
    ['BAD: three-digit first unit is hours and needs seconds', '000:00.000', 7],
    ['BAD: leading sign', '-00:01.000', 1],
    ['BAD: letters', 'aa:bb.ccc', 1],
    ['BAD: missing minutes', ':01.000', 1],
    ['BAD: full-width digits', '０0:01.000', 1],
  ];
  for (const [name, text, column] of BAD) {
    it(name, () => {
      expect(parseTimestamp(text)).to.equal(null);
      const doc = parseWebVTT(`${V}${text} --> 00:59:00.000\nx`);
      expect(cues(doc)).to.deep.equal([]);
      expect(errors(doc)).to.deep.equal([`bad-timestamp@3:${column}`]);
      expect(doc.errors[0]?.message).to.contain('start timestamp');
    });
  }

  const LINE_BAD: [string, string, string][] = [
    ['BAD: end timestamp malformed', '00:01.000 --> 00:02', 'bad-timestamp@3:20'],
    ['BAD: end timestamp missing', '00:01.000 -->', 'bad-timestamp@3:14'],
    ['BAD: no space needed, but text before the arrow', '00:01.000 x --> 00:02.000', 'bad-arrow@3:11'],
    ['BAD: arrow with a space inside', '00:01.000 -- > 00:02.000 -->', 'bad-arrow@3:11'],
    ['BAD: no-break space before the arrow', '00:01.000\u00A0--> 00:02.000', 'bad-arrow@3:10'],
    ['BAD: timestamp glued to setting-like text', '00:01.000 --> 00:02.000x', 'bad-setting@3:24'],
  ];
  for (const [name, line, error] of LINE_BAD) {
    it(name, () => {
      const doc = parseWebVTT(`${V}${line}\nx`);
      expect(errors(doc)).to.deep.equal([error]);
    });
  }

  it('GOOD: a cue after a skipped cue still parses', () => {
    const doc = parseWebVTT(`${V}00:01 --> 00:02.000\nskipped\n\n${C}\nkept`);
    expect(cues(doc)).to.deep.equal([['', 1, 2, 'kept']]);
  });

  it('GOOD: formatTimestamp writes hh:mm:ss.ttt and rounds to the millisecond', () => {
    expect(formatTimestamp(0)).to.equal('00:00:00.000');
    expect(formatTimestamp(62.5)).to.equal('00:01:02.500');
    expect(formatTimestamp(3723.0045)).to.equal('01:02:03.005');
    expect(formatTimestamp(360000)).to.equal('100:00:00.000');
    expect(formatTimestamp(0.001)).to.equal('00:00:00.001');
    expect(formatTimestamp(-1)).to.equal('00:00:00.000');
    expect(formatTimestamp(Number.NaN)).to.equal('00:00:00.000');
  });
});

/** The first cue of a file whose timing line ends with `settings`. */
function cueWith(settings: string, header = ''): { cue: WebVTTCue | undefined; errors: string[] } {
  const doc = parseWebVTT(`WEBVTT\n\n${header}${C} ${settings}\nx`);
  return { cue: doc.cues[0], errors: errors(doc) };
}

describe('parseWebVTT: cue settings', () => {
  it('GOOD: defaults', () => {
    expect(cueWith('').cue).to.deep.equal({
      id: '', startTime: 1, endTime: 2, text: 'x', region: null, vertical: '', snapToLines: true, line: 'auto',
      lineAlign: 'start', position: 'auto', positionAlign: 'auto', size: 100, align: 'center', pauseOnExit: false,
    });
  });

  const GOOD: [string, string, Partial<WebVTTCue>][] = [
    ['GOOD: vertical:rl', 'vertical:rl', { vertical: 'rl' }],
    ['GOOD: vertical:lr', 'vertical:lr', { vertical: 'lr' }],
    ['GOOD: line number', 'line:0', { line: 0, snapToLines: true, lineAlign: 'start' }],
    ['GOOD: negative line number', 'line:-1', { line: -1, snapToLines: true }],
    ['GOOD: decimal line number', 'line:1.5', { line: 1.5 }],
    ['GOOD: -0 is 0', 'line:-0', { line: 0 }],
    ['GOOD: line percentage sets snapToLines false', 'line:50%', { line: 50, snapToLines: false }],
    ['GOOD: line percentage with decimals', 'line:33.25%', { line: 33.25, snapToLines: false }],
    ['GOOD: line,start', 'line:5,start', { line: 5, lineAlign: 'start' }],
    ['GOOD: line,center', 'line:5%,center', { line: 5, lineAlign: 'center', snapToLines: false }],
    ['GOOD: line,end', 'line:-2,end', { line: -2, lineAlign: 'end' }],
    ['GOOD: position', 'position:10%', { position: 10, positionAlign: 'auto' }],
    ['GOOD: position,line-left', 'position:0%,line-left', { position: 0, positionAlign: 'line-left' }],
    ['GOOD: position,center', 'position:100%,center', { position: 100, positionAlign: 'center' }],
    ['GOOD: position,line-right', 'position:2.5%,line-right', { position: 2.5, positionAlign: 'line-right' }],
    ['GOOD: size', 'size:50%', { size: 50 }],
    ['GOOD: size 0%', 'size:0%', { size: 0 }],
    ['GOOD: align:start', 'align:start', { align: 'start' }],
    ['GOOD: align:center', 'align:center', { align: 'center' }],
    ['GOOD: align:end', 'align:end', { align: 'end' }],
    ['GOOD: align:left', 'align:left', { align: 'left' }],
    ['GOOD: align:right', 'align:right', { align: 'right' }],
    ['GOOD: several settings separated by tabs', 'align:end\tsize:10%\t line:1', { align: 'end', size: 10, line: 1 }],
  ];
  for (const [name, settings, fields] of GOOD) {
    it(name, () => {
      const { cue, errors: errs } = cueWith(settings);
      expect(errs).to.deep.equal([]);
      expect(cue).to.deep.include(fields);
    });
  }

  // Column 25 is the first setting: the timing line is "00:01.000 --> 00:02.000 " (24 characters).
  const BAD: [string, string, string[], Partial<WebVTTCue>][] = [
    ['BAD: no colon', 'vertical', ['bad-setting@3:25'], { vertical: '' }],
    ['BAD: empty value', 'size:', ['bad-setting@3:25'], { size: 100 }],
    ['BAD: empty name', ':50%', ['bad-setting@3:25'], {}],
    ['BAD: unknown setting', 'foo:bar', ['bad-setting@3:25'], {}],
    ['BAD: setting names are case-sensitive', 'Align:end', ['bad-setting@3:25'], { align: 'center' }],
    ['BAD: space around colon', 'align : end', ['bad-setting@3:25', 'bad-setting@3:31', 'bad-setting@3:33'], { align: 'center' }],
    ['BAD: vertical value', 'vertical:tb', ['bad-setting@3:25'], { vertical: '' }],
    ['BAD: line without digits', 'line:auto', ['bad-setting@3:25'], { line: 'auto' }],
    ['BAD: line with letters', 'line:1a', ['bad-setting@3:25'], { line: 'auto' }],
    ['BAD: line with inner minus', 'line:1-2', ['bad-setting@3:25'], { line: 'auto' }],
    ['BAD: line with two dots', 'line:1.2.3', ['bad-setting@3:25'], { line: 'auto' }],
    ['BAD: line ending with a dot', 'line:1.', ['bad-setting@3:25'], { line: 'auto' }],
    ['BAD: line starting with a dot', 'line:.5', ['bad-setting@3:25'], { line: 'auto' }],
    ['BAD: line with plus sign', 'line:+1', ['bad-setting@3:25'], { line: 'auto' }],
    ['BAD: line percentage over 100', 'line:101%', ['bad-setting@3:25'], { line: 'auto', snapToLines: true }],
    ['BAD: negative line percentage', 'line:-1%', ['bad-setting@3:25'], { line: 'auto' }],
    ['BAD: line alignment unknown', 'line:1,middle', ['bad-setting@3:25'], { line: 'auto', lineAlign: 'start' }],
    ['BAD: line alignment empty', 'line:1,', ['bad-setting@3:25'], { line: 'auto' }],
    ['BAD: position without %', 'position:50', ['bad-setting@3:25'], { position: 'auto' }],
    ['BAD: position over 100%', 'position:100.1%', ['bad-setting@3:25'], { position: 'auto' }],
    ['BAD: position alignment start (old syntax)', 'position:50%,start', ['bad-setting@3:25'], { position: 'auto', positionAlign: 'auto' }],
    ['BAD: size over 100%', 'size:120%', ['bad-setting@3:25'], { size: 100 }],
    ['BAD: size without %', 'size:50', ['bad-setting@3:25'], { size: 100 }],
    ['BAD: size with exponent', 'size:1e1%', ['bad-setting@3:25'], { size: 100 }],
    ['BAD: align value', 'align:middle', ['bad-setting@3:25'], { align: 'center' }],
    ['BAD: repeated setting: last valid one wins', 'align:start align:end', ['bad-setting@3:37'], { align: 'end' }],
    ['BAD: error column of a later setting', 'align:end size:200%', ['bad-setting@3:35'], { align: 'end', size: 100 }],
  ];
  for (const [name, settings, expected, fields] of BAD) {
    it(name, () => {
      const { cue, errors: errs } = cueWith(settings);
      expect(errs).to.deep.equal(expected);
      expect(cue).to.deep.include(fields);
    });
  }

  const R = 'REGION\nid:r\n\nREGION\nid:s width:50%\n\nREGION\nid:r lines:5\n\n';
  it('GOOD: region:id takes the last region with that id', () => {
    const doc = parseWebVTT(`${V}${R}${C} region:r\nx\n\n${C} region:s\ny`);
    expect(doc.cues[0]?.region).to.equal(doc.regions[2]);
    expect(doc.cues[1]?.region).to.equal(doc.regions[1]);
    expect(doc.errors).to.deep.equal([]);
  });

  const REGION_CASES: [string, string, string | null, string[]][] = [
    ['BAD: unknown region id', 'region:nope', null, ['bad-setting@12:25']],
    ['BAD: region ids are case-sensitive', 'region:R', null, ['bad-setting@12:25']],
    ['BAD: a repeated region setting: the later one wins', 'region:nope region:s', 's', ['bad-setting@12:25', 'bad-setting@12:37']],
    ['BAD: vertical after region drops it', 'region:r vertical:rl', null, ['bad-setting@12:34']],
    ['BAD: line after region drops it', 'region:r line:0', null, ['bad-setting@12:34']],
    ['BAD: size after region drops it', 'region:r size:50%', null, ['bad-setting@12:34']],
    ['GOOD: size:100% keeps the region', 'region:r size:100%', 'r', []],
    ['GOOD: position and align keep the region', 'region:r position:10% align:start', 'r', []],
    ['GOOD: invalid vertical value keeps the region', 'region:r vertical:x', 'r', ['bad-setting@12:34']],
    // The spec drops the region only when vertical/line/size come after it.
    ['GOOD: region after line is kept (spec step order)', 'line:0 region:r', 'r', []],
  ];
  for (const [name, settings, regionId, expected] of REGION_CASES) {
    it(name, () => {
      const doc = parseWebVTT(`${V}${R}${C} ${settings}\nx`);
      expect(doc.cues[0]?.region?.id ?? null).to.equal(regionId);
      expect(errors(doc)).to.deep.equal(expected);
    });
  }

  it('GOOD: parsePercentage follows the WebVTT percentage syntax', () => {
    const s = '50% 0% 100% 99.5% 007% 101% 50 -1% .5% 5.% 1e2% %';
    const words = s.split(' ');
    const values = words.map((w) => parsePercentage(w, 0, w.length));
    expect(values.slice(0, 5)).to.deep.equal([50, 0, 100, 99.5, 7]);
    expect(values.slice(5).every(Number.isNaN)).to.equal(true);
  });
});

describe('parseWebVTT: robustness', () => {
  it('GOOD: never throws on random or hostile input, and always returns arrays', () => {
    const alphabet = ['WEBVTT', '\n', '\r', '\r\n', '\0', '-->', ' ', '\t', ':', '.', '%', ',', '0', '1', '5', '9', 'NOTE', 'STYLE', 'REGION', 'id:', 'region:', 'line:', 'a', '\uFEFF', '<', '>', '&'];
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let run = 0; run < 400; run++) {
      let text = run % 2 ? 'WEBVTT\n\n' : '';
      const parts = random(60);
      for (let p = 0; p < parts; p++) text += alphabet[random(alphabet.length)];
      const doc = parseWebVTT(text);
      expect(Array.isArray(doc.cues) && Array.isArray(doc.errors)).to.equal(true);
      for (const e of doc.errors) expect(e.line >= 1 && e.column >= 1).to.equal(true, JSON.stringify(e));
    }
  });

  it('GOOD: a 100,000-line cue and 10,000 unterminated tags parse completely', () => {
    const lines = new Array(100_000).fill('line').join('\n');
    const doc = parseWebVTT(`${V}${C}\n${lines}\n\n${C}\n${'<'.repeat(10_000)}`);
    expect(doc.cues.length).to.equal(2);
    expect(doc.cues[0]?.text.length).to.equal(100_000 * 5 - 1);
  });

  it('GOOD: error lines count through CRLF files', () => {
    const doc = parseWebVTT('WEBVTT\r\n\r\n00:01.000 --> 00:02.000 bogus\r\nx\r\n\r\n00:01 --> 00:02.000\r\ny');
    expect(errors(doc)).to.deep.equal(['bad-setting@3:25', 'bad-timestamp@6:6']);
  });
});
