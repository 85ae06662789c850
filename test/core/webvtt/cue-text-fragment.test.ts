// Tests src/dom/cue-text-fragment.ts. It lives under test/core/ so that the
// WebVTT suite (`--files 'test/core/**/*.test.ts'`) checks it against the
// browser's own VTTCue in the same run.
import { expect } from '@open-wc/testing';
import { cueTextToFragment } from '../../../src/dom/cue-text-fragment.js';
import { describe, it } from './bdd.js';

/** A structural dump: node types, names, namespaces, sorted attributes, text data. */
function dump(node: Node): string {
  const out: string[] = [];
  node.childNodes.forEach((child) => {
    if (child.nodeType === Node.TEXT_NODE) {
      out.push(`#text${JSON.stringify((child as Text).data)}`);
    } else if (child.nodeType === Node.PROCESSING_INSTRUCTION_NODE) {
      const pi = child as ProcessingInstruction;
      out.push(`?${pi.target}(${pi.data})`);
    } else if (child.nodeType === Node.ELEMENT_NODE) {
      const element = child as Element;
      const attrs = [...element.attributes].map((a) => `${a.name}=${JSON.stringify(a.value)}`).sort();
      const ns = element.namespaceURI === 'http://www.w3.org/1999/xhtml' ? '' : `{${element.namespaceURI}}`;
      out.push(`<${ns}${element.localName}${attrs.length ? ' ' + attrs.join(' ') : ''}>[${dump(element)}]`);
    } else {
      out.push(`#node${child.nodeType}`);
    }
  });
  return out.join(',');
}

const isFirefox = navigator.userAgent.includes('Firefox');
const browser = isFirefox ? 'firefox' : 'chromium';

/**
 * [cue text, expected dump per spec, browsers that deviate from the spec here (with why)].
 * Expected dumps are the spec's DOM construction rules applied to the spec's parse.
 */
const CASES: [string, string, Partial<Record<'chromium' | 'firefox', string>>?][] = [
  ['plain text', '#text"plain text"'],
  ['two\nlines', '#text"two\\nlines"'],
  ['<i>i</i> <b>b</b> <u>u</u>', '<i>[#text"i"],#text" ",<b>[#text"b"],#text" ",<u>[#text"u"]'],
  ['<c.yellow.bg_blue>x</c>', '<span class="yellow bg_blue">[#text"x"]'],
  ['<c>x</c>', '<span>[#text"x"]'],
  ['<v Roger Bingham>We are in New York City', '<span title="Roger Bingham">[#text"We are in New York City"]'],
  ['<v.first.loud Esme>It\'s a blue apple tree!</v>', '<span class="first loud" title="Esme">[#text"It\'s a blue apple tree!"]'],
  ['<v>no name</v>', '<span title="">[#text"no name"]'],
  ['<v   Dr.    Who  >x', '<span title="Dr. Who">[#text"x"]', {
    chromium: 'keeps the annotation whitespace as written',
    firefox: 'trims the annotation but does not collapse inner whitespace',
  }],
  ['<lang en-GB>colour</lang>', '<span lang="en-GB">[#text"colour"]'],
  ['<i.foreignphrase><lang en>playground</lang></i>', '<i class="foreignphrase">[<span lang="en">[#text"playground"]]'],
  ['<ruby>漢<rt>kan</rt>字<rt>ji</rt></ruby>', '<ruby>[#text"漢",<rt>[#text"kan"],#text"字",<rt>[#text"ji"]]'],
  ['<ruby>a<rt>b</ruby>c', '<ruby>[#text"a",<rt>[#text"b"]],#text"c"'],
  ['<rt>orphan</rt>', '#text"orphan"'],
  ['<b>bold <i>both</b> italic?</i>', '<b>[#text"bold ",<i>[#text"both",#text" italic?"]]'],
  ['<span>unknown</span> <font>tags</font>', '#text"unknown",#text" ",#text"tags"'],
  ['a<>b', '#text"a",#text"b"', { firefox: 'drops the text after an empty tag' }],
  ['Never <00:00:01.000>drink <00:02.500>liquid', '#text"Never ",?timestamp(00:00:01.000),#text"drink ",?timestamp(00:00:02.500),#text"liquid"'],
  ['<c>a<12:34:56.789>b</c>', '<span>[#text"a",?timestamp(12:34:56.789),#text"b"]'],
  ['bad<00:01>stamps<00:61.000>', '#text"bad",#text"stamps"'],
  ['&amp; &lt; &gt; &lrm; &rlm; &nbsp;', '#text"& < > \u200E \u200F \u00A0"'],
  ['a & b &c', '#text"a & b &c"'],
  ['&#65;&#x42;', '#text"AB"'],
  ['&eacute;&copy;&hellip;', '#text"é©…"'],
  ['&amp &lt3', '#text"& <3"'],
  ['<v A&amp;B>x', '<span title="A&B">[#text"x"]', { firefox: 'does not decode character references in annotations' }],
  ['<c.a.b foo>x</c>', '<span class="a b">[#text"x"]'],
  ['<b>unclosed <i>tags', '<b>[#text"unclosed ",<i>[#text"tags"]]'],
  ['x</b>y', '#text"x",#text"y"'],
  ['<v Bob><c.x><i><b><u><lang de><ruby>a<rt>b</rt></ruby></lang></u></b></i></c></v>', '<span title="Bob">[<span class="x">[<i>[<b>[<u>[<span lang="de">[<ruby>[#text"a",<rt>[#text"b"]]]]]]]]'],
];

describe('cueTextToFragment', () => {
  for (const [text, expected, deviations] of CASES) {
    const deviation = deviations?.[browser];
    it(`GOOD: ${JSON.stringify(text)} builds the spec's DOM${deviation ? ` (${browser} deviates: ${deviation})` : ''}`, () => {
      const ours = cueTextToFragment(text, document);
      expect(ours).to.be.instanceOf(DocumentFragment);
      expect(dump(ours)).to.equal(expected);
      const theirs = new VTTCue(0, 1, text).getCueAsHTML();
      if (deviation) {
        // Marked case: the browser disagrees with the spec (and with the other browser); we follow the spec.
        expect(dump(theirs)).not.to.equal(expected);
      } else {
        expect(dump(ours)).to.equal(dump(theirs));
      }
    });
  }

  it('GOOD: nodes belong to the given document and elements are HTML', () => {
    const other = document.implementation.createHTMLDocument('x');
    const fragment = cueTextToFragment('<b>x</b><00:01.000>', other);
    expect(fragment.ownerDocument).to.equal(other);
    expect(fragment.firstChild?.ownerDocument).to.equal(other);
    expect((fragment.firstChild as Element).localName).to.equal('b');
    expect(fragment.lastChild?.nodeType).to.equal(Node.PROCESSING_INSTRUCTION_NODE);
    expect((fragment.firstChild as Element).namespaceURI).to.equal('http://www.w3.org/1999/xhtml');
  });

  it('GOOD: markup-like text stays text (no HTML parsing)', () => {
    const fragment = cueTextToFragment('&lt;img src=x onerror=alert(1)&gt;', document);
    expect(fragment.childNodes.length).to.equal(1);
    expect(fragment.firstChild?.nodeType).to.equal(Node.TEXT_NODE);
    expect(fragment.textContent).to.equal('<img src=x onerror=alert(1)>');
  });
});
