/**
 * What playing a long transcript costs the browser, asserted through its
 * structure (a test cannot count style recalculations; bench/playback
 * measures them): far stretches of a 20,000-cue transcript are kept out of
 * style, layout and paint in a few large blocks, not one box per section,
 * and find-in-page still finds a word in the farthest; and no rule of the
 * transcript's styles makes a highlight change restyle more than the
 * elements it touches.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/cue-transcript/define.js';
import type { CueTranscript } from '../../src/elements/cue-transcript/cue-transcript.js';
import { buildTranscript, type CueLike, type Transcript } from '../../src/core/transcript/index.js';
import { waitFor } from './cue-transcript-helpers.js';

const CUES = 20000;
/** A word found nowhere else, in a cue near the end. */
const FAR_WORD = 'quixotically';
const FAR_CUE = CUES - 40;

/** 20,000 cues in 200 questions of 100, paragraphs of 10, 0.1 s each. */
function session(): Transcript {
  const cues: CueLike[] = [];
  const chapters: CueLike[] = [];
  for (let q = 0; q < CUES / 100; q++) {
    chapters.push({ id: `q${q + 1}`, startTime: q * 10, endTime: q * 10 + 10, text: `Question ${q + 1}?` });
    for (let i = 0; i < 100; i++) {
      const n = q * 100 + i;
      const t = n * 0.1;
      const who = i === 0 ? 'Interviewer' : 'Guest';
      const words = n === FAR_CUE ? `Said ${FAR_WORD} at last.` : `Sentence ${q} ${i} about memory and ownership.`;
      cues.push({ id: `q${q + 1}-p${1 + Math.floor(i / 10)}-s${i}`, startTime: t, endTime: t + 0.09, text: `<v ${who}>${words}` });
    }
  }
  return buildTranscript(cues, chapters);
}

/** Whether `el` is rendered, or skipped by an ancestor's `content-visibility: auto`; null where the browser cannot tell. */
function rendered(el: Element): boolean | null {
  const check = (el as Element & { checkVisibility?: (o: object) => boolean }).checkVisibility;
  return check ? check.call(el, { contentVisibilityAuto: true }) : null;
}

describe('<cue-transcript> structure of a long transcript', () => {
  it('GOOD: 20,000 cues: far stretches are skipped in a few large blocks (not one box per section), and find-in-page finds a word in the farthest', async function () {
    this.timeout(120000);
    const t = session();
    const el = await fixture<CueTranscript>(html`<cue-transcript style="max-height: 300px"></cue-transcript>`);
    el.transcript = t;
    await el.updateComplete;
    const root = el.shadowRoot!;
    expect(root.querySelectorAll('[data-cue]').length, 'every cue in the DOM').to.equal(CUES);
    const body = root.querySelector('.body')!;
    const blocks = [...body.children];
    const sections = root.querySelectorAll('section').length;
    expect(sections, 'sections').to.equal(t.questions.length);
    // The browser tracks one box per block for content-visibility, a few dozen whatever the number of sections.
    expect(blocks.length, 'top-level boxes').to.be.at.most(Math.ceil(CUES / 1000) + 1);
    expect(blocks.length, 'fewer boxes than sections').to.be.below(sections / 4);
    for (const b of blocks) expect(getComputedStyle(b).contentVisibility, 'each block').to.equal('auto');
    // Let the browser decide what is on screen.
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const first = root.querySelector('[data-cue="0"]')!;
    const far = root.querySelector(`[data-cue="${FAR_CUE}"]`)!;
    const farBlock = blocks.find((b) => b.contains(far))!;
    expect(farBlock, 'the far cue is in a block').to.exist;
    if (rendered(first) !== null) {
      await waitFor(() => rendered(first), 'the first cue is rendered');
      expect(rendered(far), 'the far cue is skipped').to.equal(false);
      const laidOut = blocks.filter((b) => rendered(b.querySelector('[data-cue]')!)).length;
      expect(laidOut, 'blocks rendered while the top is shown').to.be.at.most(3);
    }
    // Find-in-page (window.find searches as Ctrl+F does) reaches the skipped block's text.
    const find = (window as Window & { find?: (s: string) => boolean }).find;
    expect(find, 'window.find').to.be.a('function');
    expect(find!.call(window, FAR_WORD), `find-in-page finds "${FAR_WORD}"`).to.equal(true);
    const sel = (root as ShadowRoot & { getSelection?(): Selection | null }).getSelection?.() ?? document.getSelection();
    const node = sel?.anchorNode ?? null;
    expect(node && far.contains(node), 'the match is in the far cue').to.equal(true);
    document.getSelection()?.removeAllRanges();
  });
});

/** The compound selectors of a selector, split at combinators outside brackets and parentheses. */
function compounds(selector: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of selector.trim()) {
    if (ch === '(' || ch === '[') depth++;
    if (ch === ')' || ch === ']') depth--;
    if (depth === 0 && (ch === ' ' || ch === '>' || ch === '+' || ch === '~')) {
      if (cur.trim()) out.push(cur.trim());
      cur = '';
      continue;
    }
    cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

/** The selectors of a list, split at commas outside parentheses. */
function selectors(list: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of list) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

function styleRules(rules: CSSRuleList, out: CSSStyleRule[] = []): CSSStyleRule[] {
  for (const r of rules) {
    if (r instanceof CSSStyleRule) out.push(r);
    if ('cssRules' in r && (r as CSSGroupingRule).cssRules) styleRules((r as CSSGroupingRule).cssRules, out);
  }
  return out;
}

describe('<cue-transcript> styles a highlight change cannot spread', () => {
  it('GOOD: no rule looks inside an element by its part, so moving active-question, active-answer or active-paragraph restyles only that element', async () => {
    const el = await fixture<CueTranscript>(html`<cue-transcript></cue-transcript>`);
    const root = el.shadowRoot!;
    const sheets = root.adoptedStyleSheets.length ? root.adoptedStyleSheets : [...root.querySelectorAll('style')].map((s) => s.sheet!);
    const rules = sheets.flatMap((s) => styleRules(s.cssRules));
    expect(rules.length, 'rules read').to.be.above(50);
    const offending = rules
      .flatMap((r) => selectors(r.selectorText))
      .filter((sel) => compounds(sel).slice(0, -1).some((c) => /\[part/.test(c)));
    expect(offending, 'selectors with [part] left of a combinator').to.deep.equal([]);
  });
});
