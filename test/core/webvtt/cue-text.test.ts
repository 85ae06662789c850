import { expect } from '@open-wc/testing';
import { parseCueText, cueTextToPlain, cueVoice, cueTimedOffsets } from '../../../src/core/webvtt/index.js';
import type { CueElementName, CueNode } from '../../../src/core/webvtt/index.js';
import { describe, it } from './bdd.js';

const t = (value: string): CueNode => ({ type: 'text', value });
const ts = (time: number): CueNode => ({ type: 'timestamp', time });
const el = (type: CueElementName, children: CueNode[], classes: string[] = [], annotation = ''): CueNode => ({
  type,
  classes,
  annotation,
  children,
});

describe('parseCueText: tokenizer states and tree', () => {
  const CASES: [string, string, CueNode[]][] = [
    ['GOOD: plain text', 'hello world', [t('hello world')]],
    ['GOOD: empty text', '', []],
    ['GOOD: line breaks are text', 'a\nb', [t('a\nb')]],
    ['GOOD: italic, bold, underline', '<i>i</i><b>b</b><u>u</u>', [el('i', [t('i')]), el('b', [t('b')]), el('u', [t('u')])]],
    ['GOOD: class span with classes', '<c.a.b>x</c>', [el('c', [t('x')], ['a', 'b'])]],
    ['GOOD: empty classes are dropped', '<c..a.>x</c>', [el('c', [t('x')], ['a'])]],
    ['GOOD: classes on i', '<i.loud>x</i>', [el('i', [t('x')], ['loud'])]],
    ['GOOD: class characters are literal (& and <)', '<c.a&amp;<b>x', [el('c', [t('x')], ['a&amp;<b'])]],
    ['GOOD: nesting', '<b><i>x</i></b>', [el('b', [el('i', [t('x')])])]],
    ['GOOD: unclosed tags close at the end', '<b>x<i>y', [el('b', [t('x'), el('i', [t('y')])])]],
    ['GOOD: voice with name', '<v Roger Bingham>hi', [el('v', [t('hi')], [], 'Roger Bingham')]],
    ['GOOD: voice name whitespace is normalized', '<v \t Roger \f\n  Bingham \t>hi</v>', [el('v', [t('hi')], [], 'Roger Bingham')]],
    ['GOOD: voice with classes', '<v.first.loud Esme>x</v>', [el('v', [t('x')], ['first', 'loud'], 'Esme')]],
    ['GOOD: voice without name', '<v>x</v>', [el('v', [t('x')])]],
    ['GOOD: voice name with character references', '<v A&amp;B &lt;&gt;>x', [el('v', [t('x')], [], 'A&B <>')]],
    ['GOOD: "&>" in an annotation keeps the ampersand', '<v A&>x', [el('v', [t('x')], [], 'A&')]],
    ['GOOD: voice after LF in tag name', '<v\nBob>x', [el('v', [t('x')], [], 'Bob')]],
    ['GOOD: class then LF then annotation', '<v.a\nBob>x', [el('v', [t('x')], ['a'], 'Bob')]],
    ['GOOD: annotation ignored on other tags', '<b loud>x</b>', [el('b', [t('x')])]],
    ['GOOD: lang span', '<lang en-GB>colour</lang>', [el('lang', [t('colour')], [], 'en-GB')]],
    ['GOOD: lang without tag', '<lang>x</lang>', [el('lang', [t('x')])]],
    ['GOOD: nested lang', '<lang fr>a<lang en>b</lang>c</lang>', [el('lang', [t('a'), el('lang', [t('b')], [], 'en'), t('c')], [], 'fr')]],
    ['GOOD: ruby with rt', '<ruby>漢<rt>kan</rt>字<rt>ji</rt></ruby>', [el('ruby', [t('漢'), el('rt', [t('kan')]), t('字'), el('rt', [t('ji')])])]],
    ['GOOD: </ruby> closes an open rt', '<ruby>a<rt>b</ruby>c', [el('ruby', [t('a'), el('rt', [t('b')])]), t('c')]],
    ['GOOD: rt outside ruby is ignored', '<rt>x</rt>', [t('x')]],
    ['GOOD: rt inside ruby>b is ignored', '<ruby><b>a<rt>x</rt></b></ruby>', [el('ruby', [el('b', [t('a'), t('x')])])]],
    ['GOOD: mismatched end tag is ignored', '<b>a</i>b</b>c', [el('b', [t('a'), t('b')]), t('c')]],
    ['GOOD: end tag for an outer element is ignored', '<i><b>a</i>b', [el('i', [el('b', [t('a'), t('b')])])]],
    ['GOOD: end tag with nothing open is ignored', '</b>x', [t('x')]],
    ['GOOD: unknown tags are ignored', '<span>a</span><font color=red>b', [t('a'), t('b')]],
    ['GOOD: tag names are case-sensitive', '<B>a</B>', [t('a')]],
    ['GOOD: empty tag <> is ignored', 'a<>b', [t('a'), t('b')]],
    ['GOOD: "< b>" is an empty tag name with annotation, ignored', 'a< b>c', [t('a'), t('c')]],
    ['GOOD: "<.a>" is an empty tag name with a class, ignored', '<.a>x', [t('x')]],
    ['GOOD: end tag with spaces does not match', '<b>x</b >y', [el('b', [t('x'), t('y')])]],
    ['GOOD: "<" at the end is an empty tag', 'a<', [t('a')]],
    ['GOOD: unterminated tag swallows the rest', 'a<b x', [t('a'), el('b', [])]],
    ['GOOD: unterminated end tag', '<b>a</b', [el('b', [t('a')])]],
    ['GOOD: inline timestamps', 'a<00:00:01.500>b<01:02.003>c', [t('a'), ts(1.5), t('b'), ts(62.003), t('c')]],
    ['GOOD: timestamp inside an element', '<c>a<00:01.000>b</c>', [el('c', [t('a'), ts(1), t('b')])]],
    ['GOOD: bad timestamps are ignored', 'a<00:01>b<00:01.000x>c<1:00.000>d', [t('a'), t('b'), t('c'), t('d')]],
    ['GOOD: timestamp with trailing space is ignored', '<00:01.000 >x', [t('x')]],
    ['GOOD: unterminated timestamp at the end', 'x<00:01.000', [t('x'), ts(1)]],
    ['GOOD: every tag kind at once', '<v Bob><c.x><i><b><u><lang de><ruby>a<rt>b</rt></ruby></lang></u></b></i></c></v>', [
      el('v', [el('c', [el('i', [el('b', [el('u', [el('lang', [el('ruby', [t('a'), el('rt', [t('b')])])], [], 'de')])])])], ['x'])], [], 'Bob'),
    ]],
  ];
  for (const [name, input, expected] of CASES) {
    it(name, () => {
      expect(parseCueText(input)).to.deep.equal(expected);
    });
  }

  it('BAD: non-string input gives no nodes', () => {
    expect(parseCueText(undefined as unknown as string)).to.deep.equal([]);
  });

  it('GOOD: 50,000 unclosed tags and stray brackets parse without blowing up', () => {
    const nodes = parseCueText('<b>'.repeat(50_000) + 'x' + '<'.repeat(1000) + '&'.repeat(1000));
    let depth = 0;
    let node: CueNode | undefined = nodes[0];
    while (node && node.type === 'b') {
      depth++;
      node = node.children[0];
    }
    expect(depth).to.equal(50_000);
  });
});

describe('parseCueText: character references', () => {
  const CASES: [string, string, string][] = [
    ['GOOD: the six WebVTT escapes', '&amp;&lt;&gt;&lrm;&rlm;&nbsp;', '&<>\u200E\u200F\u00A0'],
    ['GOOD: decimal', '&#65;&#233;&#128512;', 'Aé😀'],
    ['GOOD: hexadecimal, both cases of x', '&#x41;&#X42;&#x1F600;&#xe9;', 'AB😀é'],
    ['GOOD: numeric without semicolon', '&#65x', 'Ax'],
    ['GOOD: leading zeros', '&#0065;', 'A'],
    ['GOOD: NULL becomes U+FFFD', '&#0;', '\uFFFD'],
    ['GOOD: surrogates become U+FFFD', '&#xD800;', '\uFFFD'],
    ['GOOD: beyond U+10FFFF becomes U+FFFD', '&#x110000;&#99999999999999;', '\uFFFD\uFFFD'],
    ['GOOD: C1 controls map to Windows-1252', '&#128;&#x99;&#x9F;&#x81;', '€™Ÿ\u0081'],
    ['GOOD: common named references', '&quot;&apos;&copy;&reg;&trade;&hellip;&mdash;&ndash;&eacute;&euro;&hearts;', '"\'©®™…—–é€♥'],
    ['GOOD: HTML5 values for lang/rang', '&lang;&rang;', '\u27E8\u27E9'],
    ['GOOD: legacy reference without semicolon', '&amp &lt3 &copy2024', '& <3 ©2024'],
    ['GOOD: longest legacy prefix (&notit;)', '&notit; &notin;', '¬it; ∉'],
    ['GOOD: names are case-sensitive', '&AMP;&Amp;', '&&Amp;'],
    ['GOOD: unknown named reference stays text', '&bogus; &check;', '&bogus; &check;'],
    ['GOOD: non-legacy name needs its semicolon', '&hellip x', '&hellip x'],
    ['GOOD: bare ampersands', 'a & b && c &', 'a & b && c &'],
    ['GOOD: "&#" without digits stays text', '&#; &#x; &#xg;', '&#; &#x; &#xg;'],
    ['GOOD: a decoded < is text, not a tag', '&lt;b&gt;x', '<b>x'],
    ['GOOD: ampersand before a tag', 'a&<b>c</b>', 'a&c'],
  ];
  for (const [name, input, plain] of CASES) {
    it(name, () => {
      expect(cueTextToPlain(parseCueText(input))).to.equal(plain);
    });
  }
});

describe('cue text helpers', () => {
  it('GOOD: cueTextToPlain concatenates text in document order', () => {
    expect(cueTextToPlain(parseCueText('<v Bob>Hi <b>there</b>, <ruby>漢<rt>kan</rt></ruby>!'))).to.equal('Hi there, 漢kan!');
  });

  it('GOOD: cueTextToPlain can leave out ruby text', () => {
    expect(cueTextToPlain(parseCueText('<ruby>漢<rt>kan</rt></ruby>字'), { skipRubyText: true })).to.equal('漢字');
  });

  const VOICES: [string, string, string][] = [
    ['GOOD: first voice', '<v Ann>a</v><v Bob>b</v>', 'Ann'],
    ['GOOD: nested voice', '<i><c>x<v  Dr.  Who >y</v></c></i>', 'Dr. Who'],
    ['GOOD: no voice', '<b>x</b>', ''],
    ['GOOD: voice without name is empty', '<v>x', ''],
    ['GOOD: voice with classes', '<v.loud Mary>x', 'Mary'],
  ];
  for (const [name, input, voice] of VOICES) {
    it(name, () => {
      expect(cueVoice(parseCueText(input))).to.equal(voice);
    });
  }

  it('GOOD: cueTimedOffsets gives timestamps with plain-text offsets', () => {
    const nodes = parseCueText('<v Bob>Never <00:00:01.000>drink <b>liquid</b> <00:00:02.500>nitrogen.<00:00:03.000>');
    const plain = cueTextToPlain(nodes);
    expect(plain).to.equal('Never drink liquid nitrogen.');
    const offsets = cueTimedOffsets(nodes);
    expect(offsets).to.deep.equal([
      { time: 1, offset: 6 },
      { time: 2.5, offset: 19 },
      { time: 3, offset: 28 },
    ]);
    expect(plain.slice(offsets[1]?.offset)).to.equal('nitrogen.');
  });

  it('GOOD: cueTimedOffsets counts decoded references and skips ruby text when asked', () => {
    const nodes = parseCueText('&amp;<ruby>a<rt>bb</rt></ruby><00:01.000>c');
    expect(cueTimedOffsets(nodes)).to.deep.equal([{ time: 1, offset: 4 }]);
    expect(cueTimedOffsets(nodes, { skipRubyText: true })).to.deep.equal([{ time: 1, offset: 2 }]);
  });
});
