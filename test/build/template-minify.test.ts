import { expect } from '@open-wc/testing';
import type { CSSResult } from 'lit';
import { minifyCss, minifyHtml } from '../../build/template-minify.js';
import { styles as menuStyles } from '../../src/elements/cue-chapters-menu/cue-chapters-menu.styles.js';
import { questionStyles, styles as chapterStyles } from '../../src/elements/cue-chapters/cue-chapters.styles.js';
import { styles as editorListStyles } from '../../src/elements/cue-editor-list/cue-editor-list.styles.js';
import { styles as timelineStyles } from '../../src/elements/cue-editor-timeline/cue-editor-timeline.styles.js';
import { styles as editorStyles } from '../../src/elements/cue-editor/cue-editor.styles.js';
import { styles as playerStyles } from '../../src/elements/cue-player/cue-player.styles.js';
import { CueSearchStrip } from '../../src/elements/cue-search-strip/cue-search-strip.js';
import { styles as transcriptStyles } from '../../src/elements/cue-transcript/cue-transcript.styles.js';
import { searchStyles } from '../../src/elements/cue-transcript/search.styles.js';

/**
 * The rules a browser reads from `text`, serialized (its own normal form). A value that holds `var()`, and a custom
 * property's, is kept as the tokens written, where a space beside a comma or before `)` means nothing once the
 * variables are substituted: those two are normalized here, nothing else.
 */
function rules(text: string): string[] {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(text);
  const out: string[] = [];
  const walk = (list: CSSRuleList): void => {
    for (const r of list) {
      out.push(r.cssText.replace(/\s*,\s*/g, ',').replace(/\s+\)/g, ')'));
      if ('cssRules' in r) walk((r as CSSGroupingRule).cssRules);
    }
  };
  walk(sheet.cssRules);
  return out;
}

describe('minifyCss (the CDN build shrinks Lit css`` templates)', () => {
  const cases: [string, string[], string[]][] = [
    ['GOOD: comments and blank lines go, one space stays between words', ['\n  :host {\n    /* why */\n    display: block;\n    margin: 0 auto;\n  }\n'], [':host{display:block;margin:0 auto}']],
    ['GOOD: selector lists and child combinators close up (a space before ":" stays, as in a selector)', ['a ,\n b > c  { color : red ; }'], ['a,b>c{color :red}']],
    ['GOOD: a space before ":" is a descendant selector and stays', ['a :hover { x: 1 }'], ['a :hover{x:1}']],
    ['GOOD: "and (" is not "and(": the space before "(" stays', ['@media screen and (min-width: 40em) { a { x: 1 } }'], ['@media screen and (min-width:40em){a{x:1}}']],
    ['GOOD: calc keeps the spaces around + and -', ['a { width: calc(100% - 2 * var(--x, 1px)) }'], ['a{width:calc(100% - 2 * var(--x,1px))}']],
    ['GOOD: quoted text is left as written', [`a { content: '  a ,  b ;  ' }`], [`a{content:'  a ,  b ;  '}`]],
    ['GOOD: a space next to an expression stays, a space after ":" before it goes', ['a { color: ', ' ; margin: ', ' 1px }'], ['a{color:', ';margin:', ' 1px}']],
    ['GOOD: a quote around an expression is carried to the next part', ['a { content: "  ', '  " ;  }'], ['a{content:"  ', '  "}']],
    ['BAD: a backslash before a space (an escape) leaves the template as it is', ['.a\\ b  { x: 1 }'], ['.a\\ b  { x: 1 }']],
    ['BAD: an unterminated comment leaves the template as it is', ['a { x: 1 } /* open'], ['a { x: 1 } /* open']],
  ];
  for (const [name, input, expected] of cases) it(name, () => expect(minifyCss(input)).to.deep.equal(expected));

  // Every stylesheet of the elements, minified, reads as the same rules in this browser.
  const sheets: [string, CSSResult][] = [
    ['cue-transcript', transcriptStyles],
    ['cue-transcript search', searchStyles],
    ['cue-player', playerStyles],
    ['cue-chapters questions', questionStyles],
    ['cue-chapters', chapterStyles],
    ['cue-chapters-menu', menuStyles],
    ['cue-search-strip', CueSearchStrip.styles as CSSResult],
    ['cue-editor', editorStyles],
    ['cue-editor-list', editorListStyles],
    ['cue-editor-timeline', timelineStyles],
  ];
  for (const [name, sheet] of sheets) {
    it(`GOOD: ${name}'s styles mean the same minified, and are smaller`, () => {
      const text = sheet.cssText;
      const [min] = minifyCss([text]);
      expect(rules(min!)).to.deep.equal(rules(text));
      expect(rules(text).length).to.be.greaterThan(3);
      expect(min!.length).to.be.lessThan(text.length * 0.85);
    });
  }
});

describe('minifyHtml (the CDN build shrinks Lit html`` templates)', () => {
  const cases: [string, string[], string[]][] = [
    ['GOOD: a run of blanks holding a line break becomes one space', ['\n  <p part="a">\n    Hello\n    world\n  </p>\n'], [' <p part="a"> Hello world </p> ']],
    ['GOOD: attributes on their own lines close up to one space', ['<input\n  type="search"\n  .value=', '\n  @input=', '\n/>'], ['<input type="search" .value=', ' @input=', ' />']],
    ['GOOD: blanks without a line break are kept', ['<b>a</b>  <i>b</i>'], ['<b>a</b>  <i>b</i>']],
    ['GOOD: a quoted value is left as written, across an expression too', ['<a title="one\n  two ', '\n three">x\n y</a>'], ['<a title="one\n  two ', '\n three">x y</a>']],
    ['GOOD: comments are left as written', ['<!-- a\n  b -->\n<p></p>'], ['<!-- a\n  b --> <p></p>']],
    ['BAD: a template with <pre> is left as it is', ['<pre>\n  a\n</pre>'], ['<pre>\n  a\n</pre>']],
    ['BAD: a template with <textarea> is left as it is', ['<textarea>\n a</textarea>'], ['<textarea>\n a</textarea>']],
    ['BAD: a tag left open at the end leaves the template as it is', ['<a\n  href=', ''], ['<a\n  href=', '']],
  ];
  for (const [name, input, expected] of cases) it(name, () => expect(minifyHtml(input)).to.deep.equal(expected));

  it('GOOD: the page renders the same text and the same elements', () => {
    const source = '\n  <section part="question">\n    <h3>\n      <span part="number">1</span>\n      Why Rust?\n    </h3>\n    <p title="a\n b">It is <b>fast</b>\n      and safe.</p>\n  </section>\n';
    const render = (markup: string): HTMLElement => {
      const div = document.createElement('div');
      const t = document.createElement('template');
      t.innerHTML = markup;
      div.append(t.content);
      document.body.append(div);
      return div;
    };
    const a = render(source);
    const b = render(minifyHtml([source])[0]!);
    try {
      expect(b.innerText).to.equal(a.innerText);
      expect(b.querySelector('p')!.title).to.equal('a\n b');
      expect([...b.querySelectorAll('*')].map((e) => e.localName)).to.deep.equal([...a.querySelectorAll('*')].map((e) => e.localName));
    } finally {
      a.remove();
      b.remove();
    }
  });
});
