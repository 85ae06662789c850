import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/cue-transcript/define.js';
import '../../src/elements/cue-search-strip/define.js';
import type { CueTranscript } from '../../src/elements/cue-transcript/cue-transcript.js';
import type { CueSearchStrip } from '../../src/elements/cue-search-strip/cue-search-strip.js';
import { CURRENT_HIGHLIGHT, MATCH_HIGHLIGHT } from '../../src/dom/search-highlights.js';
import { CLIP, TALK, TALK_CHAPTERS, click, cueEl, metadata, nextEvent, openPage, releaseMouse, rendered, seek, waitFor } from './cue-chapters-helpers.js';

/** The fixture clip and its transcript (three questions), with a search strip bound to it. */
async function setup(height = 140): Promise<{ el: CueTranscript; video: HTMLVideoElement; strip: CueSearchStrip }> {
  const wrap = await fixture<HTMLDivElement>(html`<div></div>`);
  wrap.innerHTML = `<video id="v" src="${CLIP}" preload="auto" muted></video>
    <cue-search-strip transcript="t" style="width:400px"></cue-search-strip>
    <cue-transcript id="t" for="v" src="${TALK}" chapters="${TALK_CHAPTERS}" style="height:${height}px"></cue-transcript>`;
  const el = wrap.querySelector('cue-transcript')!;
  const video = wrap.querySelector('video')!;
  await Promise.all([rendered(el), metadata(video)]);
  return { el, video, strip: wrap.querySelector('cue-search-strip')! };
}

const q = <E extends Element = HTMLElement>(el: CueTranscript, part: string): E => el.shadowRoot!.querySelector<E>(`[part~="${part}"]`)!;
const count = (el: CueTranscript): string => q(el, 'search-count').textContent!.trim();
const rangeText = (r: AbstractRange): string => {
  const live = document.createRange();
  live.setStart(r.startContainer, r.startOffset);
  live.setEnd(r.endContainer, r.endOffset);
  return live.toString();
};
/** Texts of the painted matches of this transcript (Highlight API, else marks). */
const painted = (el: CueTranscript, name = MATCH_HIGHLIGHT): string[] => {
  if ('highlights' in CSS) return [...(CSS.highlights.get(name) ?? [])].filter((r) => el.shadowRoot!.contains(r.startContainer)).map(rangeText);
  const sel = name === MATCH_HIGHLIGHT ? 'mark' : 'mark[part~="search-current"]';
  return [...el.shadowRoot!.querySelectorAll(sel)].map((m) => m.textContent!);
};

async function type(el: CueTranscript, text: string): Promise<void> {
  q<HTMLInputElement>(el, 'search-input').focus();
  await sendKeys({ type: text });
  await el.updateComplete;
}

describe('<cue-transcript> search', () => {
  afterEach(releaseMouse);

  it('GOOD: is accessible with the search bar', async () => {
    const { el } = await setup();
    await expect(el).to.be.accessible();
    const input = q<HTMLInputElement>(el, 'search-input');
    expect(input.type).to.equal('search');
    expect(input.getAttribute('aria-label')).to.equal('Search the transcript');
  });

  it('GOOD: results as you type, ignoring case; every match painted, the current one distinct', async () => {
    // Tall enough to show every cue: matches are painted in and near the view.
    const { el } = await setup(700);
    await type(el, 'it');
    // "It feels strict at first." "It becomes a friend…" "…stays text." "Then write…": case-insensitive.
    expect(count(el)).to.match(/^1 of \d+$/);
    const n = Number(count(el).split(' of ')[1]);
    expect(painted(el)).to.have.length(n);
    expect(painted(el).every((t) => t.toLowerCase() === 'it')).to.equal(true);
    expect(painted(el, CURRENT_HIGHLIGHT)).to.have.length(1);
    expect(n).to.equal(4); // "with", "write", "It", "It"
    await type(el, 'e');
    expect(count(el)).to.equal('1 of 1'); // "write"
    expect(painted(el)).to.deep.equal(['ite']);
  });

  it('GOOD: ignores diacritics', async () => {
    const { el } = await setup();
    // The transcript says "tokio"; "tökio" must find it.
    await type(el, 'TÖKIO');
    expect(count(el)).to.equal('1 of 1');
    expect(painted(el)).to.deep.equal(['tokio']);
  });

  it('GOOD: Enter / Shift+Enter and the buttons move between results without seeking; follow pauses', async () => {
    const { el, video } = await setup();
    await seek(video, 1);
    await type(el, 'it');
    const total = Number(count(el).split(' of ')[1]);
    expect(total).to.be.greaterThan(2);
    await sendKeys({ press: 'Enter' });
    expect(count(el)).to.equal(`2 of ${total}`);
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ up: 'Shift' });
    await el.updateComplete;
    expect(count(el)).to.equal(`1 of ${total}`);
    await click(q(el, 'search-previous'));
    await el.updateComplete;
    expect(count(el)).to.equal(`${total} of ${total}`);
    // The last match, scrolled to in a short view, is painted as the current one.
    expect(painted(el, CURRENT_HIGHLIGHT)).to.deep.equal(['It']);
    await click(q(el, 'search-next'));
    await el.updateComplete;
    expect(count(el)).to.equal(`1 of ${total}`);
    expect(video.currentTime).to.equal(1);
    expect(video.paused).to.equal(true);
    expect(el.following).to.equal(false);
  });

  it('GOOD: finds a question in its heading (shown once), and Play from here plays from it', async () => {
    const { el, video } = await setup(700);
    await type(el, 'borrow checker');
    // Once: the heading carries the question, no paragraph repeats it.
    expect(count(el)).to.equal('1 of 1');
    expect(painted(el, CURRENT_HIGHLIGHT)).to.deep.equal(['borrow checker']);
    const current = 'highlights' in CSS ? [...CSS.highlights.get(CURRENT_HIGHLIGHT)!][0]!.startContainer : el.shadowRoot!.querySelector('mark[part~="search-current"]')!;
    const node = current instanceof Element ? current : current.parentElement!;
    expect(node.closest('h3')).to.equal(el.shadowRoot!.querySelector('[data-q="1"] h3'));
    await click(q(el, 'search-play'));
    await waitFor(() => !video.paused && video.currentTime >= 7.99, 'playing from the question');
    video.pause();
  });

  it('GOOD: the current result is scrolled into view', async () => {
    const { el } = await setup();
    await type(el, 'stays text');
    const box = q(el, 'scroll-box').getBoundingClientRect();
    const last = cueEl(el, 10).getBoundingClientRect();
    await waitFor(() => {
      const r = cueEl(el, 10).getBoundingClientRect();
      return r.top >= box.top && r.bottom <= box.bottom;
    }, `last cue in view (was at ${last.top})`);
  });

  it('GOOD: Play from here (and Alt+Enter) seeks to the result and plays', async () => {
    const { el, video } = await setup();
    await type(el, 'tokio');
    await sendKeys({ down: 'Alt' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ up: 'Alt' });
    await waitFor(() => !video.paused, 'playing');
    video.pause();
    expect(video.currentTime).to.be.within(15.6, 16.6);
    await seek(video, 0);
    await click(q(el, 'search-play'));
    await waitFor(() => !video.paused, 'playing again');
    video.pause();
    expect(video.currentTime).to.be.within(15.6, 16.6);
  });

  it('GOOD: Escape clears the query, the marks and the count, and follow resumes', async () => {
    const { el } = await setup();
    await type(el, 'it');
    expect(painted(el).length).to.be.greaterThan(0);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(q<HTMLInputElement>(el, 'search-input').value).to.equal('');
    expect(count(el)).to.equal('');
    expect(painted(el)).to.have.length(0);
    expect(el.following).to.equal(true);
  });

  it('GOOD: "/" and Ctrl+F in the transcript focus the search field', async () => {
    const { el } = await setup();
    cueEl(el, 0).focus();
    await sendKeys({ press: '/' });
    expect(el.shadowRoot!.activeElement).to.equal(q(el, 'search-input'));
    expect(q<HTMLInputElement>(el, 'search-input').value).to.equal('');
    cueEl(el, 0).focus();
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'f' });
    await sendKeys({ up: 'Control' });
    expect(el.shadowRoot!.activeElement).to.equal(q(el, 'search-input'));
  });

  it('GOOD: the count is announced politely once typing settles', async () => {
    const { el } = await setup();
    await type(el, 'rust');
    const status = q(el, 'search-status');
    expect(status.getAttribute('aria-live')).to.equal('polite');
    await waitFor(() => status.textContent!.trim() === '2 matches', 'announced');
    await type(el, 'up');
    await waitFor(() => status.textContent!.trim() === '1 match', 'announced again');
  });

  it('GOOD: the search strip shows where matches fall in time, the current one distinct', async () => {
    const { el, strip } = await setup();
    await type(el, 'it');
    await strip.updateComplete;
    const ticks = [...strip.shadowRoot!.querySelectorAll<HTMLElement>('[part~="tick"]')];
    const total = Number(count(el).split(' of ')[1]);
    expect(ticks).to.have.length(total);
    expect(strip.shadowRoot!.querySelectorAll('[part~="current-tick"]')).to.have.length(1);
    expect(strip.shadowRoot!.querySelector('[part~="strip"]')!.getAttribute('aria-label')).to.equal(`${total} matches along the recording`);
    const duration = el.loadedTranscript!.duration;
    const lefts = ticks.map((t) => parseFloat(t.style.left));
    expect(lefts[0]).to.be.closeTo((el.loadedTranscript!.cues.find((c) => /it/i.test(c.plainText))!.startTime / duration) * 100, 0.5);
  });

  it('GOOD: a selected passage is copied as a quote with its time and a link that lands there', async () => {
    const { el } = await setup();
    const text = document.createTreeWalker(cueEl(el, 3), NodeFilter.SHOW_TEXT).nextNode() as Text;
    const sel = document.getSelection()!;
    sel.setBaseAndExtent(text, 0, text, text.data.length);
    const button = await waitFor(() => el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="copy-passage"]'), 'copy quote button');
    const copied = nextEvent(el, 'cue-copy');
    button.click();
    const e = await copied;
    expect(e.detail.kind).to.equal('passage');
    expect(e.detail.text).to.equal(`“Then write a small program.”\n— Francesco Ciulla, at 0:05\n${location.href.split('#')[0]}#t=5`);
    sel.removeAllRanges();
    const frame = await openPage(`/test/fixtures/player.html${new URL(e.detail.url).hash}`, (w) => (w.document.querySelector('video')?.readyState ?? 0) >= 1);
    const video = frame.contentDocument!.querySelector('video')!;
    await waitFor(() => Math.abs(video.currentTime - 5) < 0.05, 'the link lands at 0:05');
    frame.remove();
  });

  it('BAD: a query with no match says so and paints nothing', async () => {
    const { el } = await setup();
    await type(el, 'zzzz');
    expect(count(el)).to.equal('No matches');
    expect(painted(el)).to.have.length(0);
    expect(q<HTMLButtonElement>(el, 'search-next').disabled).to.equal(true);
  });
});
