import { expect, fixture, html } from '@open-wc/testing';
import { createSearchIndex, searchTranscript } from '../../src/core/search.js';
import { CURRENT_HIGHLIGHT, MATCH_HIGHLIGHT, SearchHighlights, supportsHighlights } from '../../src/dom/search-highlights.js';

/** Cue elements as a transcript renders them: text split across inline markup, a line break inside one cue. */
async function cues(): Promise<{ els: HTMLElement[]; texts: string[] }> {
  const root = await fixture<HTMLDivElement>(html`<div>
    <span data-cue="0">Un <i>café</i> crème, s'il vous plaît.</span>
    <span data-cue="1">Cafe
      au lait</span>
    <span data-cue="2"><b>CAF</b>É noir.</span>
  </div>`);
  const els = [...root.querySelectorAll<HTMLElement>('[data-cue]')];
  // The model's plain text: line breaks (with the blanks around them) become one space, ends trimmed.
  const texts = ['Un café crème, s\'il vous plaît.', 'Cafe au lait', 'CAFÉ noir.'];
  return { els, texts };
}

const rangeText = (r: AbstractRange): string => {
  const live = document.createRange();
  live.setStart(r.startContainer, r.startOffset);
  live.setEnd(r.endContainer, r.endOffset);
  return live.toString();
};

describe('SearchHighlights', () => {
  it('GOOD: the Highlight API paints every match and the current one distinct', async function () {
    if (!supportsHighlights()) this.skip();
    const { els, texts } = await cues();
    const matches = searchTranscript(createSearchIndex(texts), 'cafe');
    expect(matches).to.have.length(3);
    const h = new SearchHighlights();
    expect(h.mode).to.equal('highlight-api');
    h.paint(els, matches, 1);
    const all = [...CSS.highlights.get(MATCH_HIGHLIGHT)!].map(rangeText);
    expect(all).to.deep.equal(['café', 'Cafe', 'CAFÉ']);
    expect([...CSS.highlights.get(CURRENT_HIGHLIGHT)!].map(rangeText)).to.deep.equal(['Cafe']);
    h.setCurrent(els, matches, 2);
    expect([...CSS.highlights.get(CURRENT_HIGHLIGHT)!].map(rangeText)).to.deep.equal(['CAFÉ']);
    h.clear();
    expect(CSS.highlights.get(MATCH_HIGHLIGHT)!.size).to.equal(0);
    expect(CSS.highlights.get(CURRENT_HIGHLIGHT)!.size).to.equal(0);
  });

  it('GOOD: the <mark> fallback wraps matches across markup and line breaks, and restores the text', async () => {
    const { els, texts } = await cues();
    const before = els.map((e) => e.innerHTML);
    const matches = searchTranscript(createSearchIndex(texts), 'cafe au');
    const h = new SearchHighlights(true);
    expect(h.mode).to.equal('mark');
    h.paint(els, matches, 0);
    const marks = [...els[1]!.querySelectorAll('mark')];
    // The match spans a line break: one mark, holding the raw text.
    expect(marks.map((m) => m.textContent!.replace(/\s+/g, ' '))).to.deep.equal(['Cafe au']);
    expect(marks[0]!.part.contains('search-current')).to.equal(true);
    h.clear();
    expect(els.map((e) => e.innerHTML)).to.deep.equal(before);

    const split = searchTranscript(createSearchIndex(texts), 'café');
    h.paint(els, split, 2);
    // "CAF" in <b>, "É" after it: two marks for one match, both current.
    expect([...els[2]!.querySelectorAll('mark')].map((m) => m.textContent)).to.deep.equal(['CAF', 'É']);
    expect(h.currentMarks.map((m) => m.textContent)).to.deep.equal(['CAF', 'É']);
    expect(els[2]!.querySelector('b mark')).to.not.equal(null);
    h.clear();
    expect(els.map((e) => e.innerHTML)).to.deep.equal(before);
  });

  it('BAD: markup-like text in a match stays text', async () => {
    const root = await fixture<HTMLDivElement>(html`<div><span data-cue="0">&lt;img src=x onerror=alert(1)&gt; here</span></div>`);
    const els = [...root.querySelectorAll<HTMLElement>('[data-cue]')];
    const matches = searchTranscript(createSearchIndex(['<img src=x onerror=alert(1)> here']), '<img');
    const h = new SearchHighlights(true);
    h.paint(els, matches, 0);
    expect(root.querySelector('img')).to.equal(null);
    expect(root.querySelector('mark')!.textContent).to.equal('<img');
    h.clear();
  });
});
