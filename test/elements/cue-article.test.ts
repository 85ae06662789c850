import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../src/elements/cue-article/define.js';
import type { CueArticle } from '../../src/elements/cue-article/cue-article.js';
import type { CueArticleLoadDetail } from '../../src/elements/cue-article/events.js';
import { DOUBLE_CLICK_MS } from '../../src/controllers/press-activation.js';
import { buildTranscript } from '../../src/core/transcript/index.js';
import { parseWebVTT } from '../../src/core/webvtt/index.js';
import { DEMO_CHAPTERS, DEMO_MEDIA, DEMO_VTT, metadata, seek, waitFor } from './cue-transcript-helpers.js';
import { wheel } from './follow-helpers.js';
import { articleInto, clickText, highlighted, loaded, textRect } from './cue-article-helpers.js';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

interface Page {
  root: HTMLElement;
  video: HTMLVideoElement;
  article: CueArticle;
  load: Promise<CustomEvent<CueArticleLoadDetail>>;
}

/** The demo recording and the published article wrapped in `<cue-article>`, built as a page would have it. */
async function page(attrs = ''): Promise<Page> {
  const root = await fixture<HTMLElement>(html`<div>
    <video id="v" muted preload="auto" src=${DEMO_MEDIA}></video>
    <p id="before">Above the article.</p>
  </div>`);
  const article = document.createElement('cue-article');
  await articleInto(article);
  for (const a of attrs.split(' ').filter(Boolean)) article.setAttribute(a, '');
  article.setAttribute('for', 'v');
  article.setAttribute('chapters', DEMO_CHAPTERS);
  const load = new Promise<CustomEvent<CueArticleLoadDetail>>((r) => article.addEventListener('cue-load', r as EventListener, { once: true }));
  article.setAttribute('src', DEMO_VTT);
  root.append(article);
  await loaded(article);
  return { root, video: root.querySelector('video')!, article, load };
}

const cueText = (a: CueArticle, id: string): string => a.loadedTranscript!.cues.find((c) => c.id === id)!.plainText.trim();
const cueByIdx = (a: CueArticle, id: string): number => a.loadedTranscript!.cues.findIndex((c) => c.id === id);

describe('<cue-article>', () => {
  afterEach(() => scrollTo({ top: 0, behavior: 'instant' }));

  it('GOOD: is accessible, and the article reads as published', async () => {
    const { article } = await page();
    await expect(article).to.be.accessible();
    expect(article.querySelector('p')!.textContent).to.equal('On adoption strategy, flat latency, and the year he stopped hedging on Rust for production');
  });

  it('GOOD: cue-load reports every cue matched, and the one passage no cue says', async () => {
    const { article, load } = await page();
    const e = await load;
    expect(e.detail.matchedCues).to.equal(e.detail.transcript.cues.length);
    expect(e.detail.unmatched.map((u) => [u.side, u.text])).to.deep.equal([['article', 'You can read or watch the full conversation here:']]);
    expect(article.unmatchedPassages()).to.deep.equal(e.detail.unmatched);
  });

  it('GOOD: a seek of the real media highlights the cue said there, and marks its question current', async () => {
    const { article, video } = await page();
    const k = cueByIdx(article, 'q02-p2-s3');
    const cue = article.loadedTranscript!.cues[k]!;
    await seek(video, (cue.startTime + cue.endTime) / 2);
    await waitFor(() => article.activeCueIndex === k, 'cue active');
    expect(highlighted('cue-active')).to.deep.equal([cueText(article, 'q02-p2-s3')]);
    const current = article.querySelectorAll('[aria-current]');
    expect(current.length).to.equal(1);
    expect(current[0]!.textContent!.startsWith('Q. Amazon and other large organizations')).to.equal(true);
    // Playing on moves the highlight with the media.
    await video.play();
    await waitFor(() => article.activeCueIndex > k, 'next cue while playing', 15000);
    video.pause();
    expect(highlighted('cue-active')).to.deep.equal([article.loadedTranscript!.cues[article.activeCueIndex]!.plainText.trim()]);
  });

  it('GOOD: a click on a word seeks to its cue; a link stays a link; a selection never seeks', async () => {
    const { article, video } = await page();
    const k = cueByIdx(article, 'q03-p2-s1');
    await clickText(article, 'deliberately provocative');
    await waitFor(() => Math.abs(video.currentTime - article.loadedTranscript!.cues[k]!.startTime) < 0.01, 'seeked to the cue');
    expect(article.activeCueIndex).to.equal(k);
    // A link inside the article.
    const a = document.createElement('a');
    a.href = '#linked';
    a.textContent = 'Rust Nation UK';
    const p = [...article.querySelectorAll('p')].find((x) => x.textContent!.includes('Rust Nation UK'))!;
    const t0 = video.currentTime;
    const before = article.textContent;
    // (Built the way a publisher would have it: the link's words are the article's.)
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    const n = walker.nextNode() as Text;
    const at = n.data.indexOf('Rust Nation UK');
    const rest = n.splitText(at);
    rest.data = rest.data.slice('Rust Nation UK'.length);
    p.insertBefore(a, rest);
    expect(article.textContent).to.equal(before);
    await clickText(a, 'Nation');
    await sleep(DOUBLE_CLICK_MS + 200);
    expect(video.currentTime).to.equal(t0);
    expect(location.hash).to.equal('#linked');
    history.replaceState(null, '', location.pathname + location.search);
    // A drag that selects words.
    await clickText(article, 'Fighting the borrow checker');
    await sleep(DOUBLE_CLICK_MS + 200);
    const seekedTo = video.currentTime;
    // A drag over another cue's words.
    const r = textRect(article, 'The more experience you have');
    await sendMouse({ type: 'move', position: [Math.round(r.left + 2), Math.round(r.top + r.height / 2)] });
    await sendMouse({ type: 'down' });
    // To the line below, wherever the words wrap.
    const end = [Math.round(Math.max(10, r.left - 200)), Math.round(r.top + r.height * 1.5)] as [number, number];
    await sendMouse({ type: 'move', position: [Math.round((r.left + end[0]) / 2), Math.round(r.top + r.height)] });
    await sendMouse({ type: 'move', position: end });
    await sendMouse({ type: 'up' });
    await sleep(DOUBLE_CLICK_MS + 200);
    expect(document.getSelection()!.toString().length).to.be.greaterThan(5);
    expect(video.currentTime).to.equal(seekedTo);
    document.getSelection()!.removeAllRanges();
  });

  it('GOOD: keyboard: one tab stop, arrows move cue by cue with a focus ring over the text, Enter seeks', async () => {
    const { root, article, video } = await page();
    const b = document.createElement('button');
    b.textContent = 'before';
    root.querySelector('#before')!.append(b);
    b.focus();
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement).to.equal(article);
    const ring = article.shadowRoot!.querySelector<HTMLElement>('[part~="focus-layer"]')!;
    await waitFor(() => !ring.hidden, 'focus ring shown');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    // Cue 0 is the title; two steps on is the third cue.
    const third = article.cueRanges(2)[0]!.getBoundingClientRect();
    const rr = ring.getBoundingClientRect();
    expect(Math.abs(rr.top - third.top)).to.be.lessThan(2);
    expect(Math.abs(rr.left - third.left)).to.be.lessThan(2);
    expect(getComputedStyle(ring.firstElementChild!).outlineStyle).to.equal('solid');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => Math.abs(video.currentTime - article.loadedTranscript!.cues[2]!.startTime) < 0.01, 'Enter seeked');
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: ' ' });
    await waitFor(() => Math.abs(video.currentTime - article.loadedTranscript!.cues[1]!.startTime) < 0.01, 'Space seeked');
    // One tab stop for the text: the next Tabs go to the toolbar (the search field; its buttons wait for a query;
    // the follow-along switch), the one after leaves the article.
    const after = document.createElement('button');
    after.textContent = 'after';
    root.append(after);
    await sendKeys({ press: 'Tab' });
    expect(article.shadowRoot!.activeElement).to.equal(article.shadowRoot!.querySelector('[part~="search-input"]'));
    expect(ring.hidden, 'no ring while typing in the search field').to.equal(true);
    // Back to the text, and on again.
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(document.activeElement).to.equal(article);
    expect(article.shadowRoot!.activeElement).to.equal(null);
    expect(ring.hidden, 'the ring back on the text').to.equal(false);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(article.shadowRoot!.activeElement).to.equal(article.shadowRoot!.querySelector('[part~="follow-switch"]'));
    // Space on the switch toggles it, and never seeks (a key on the toolbar is not a key on the text).
    const t1 = video.currentTime;
    await sendKeys({ press: ' ' });
    await waitFor(() => article.follow, 'switched on');
    await sleep(300);
    expect(video.currentTime).to.equal(t1);
    await sendKeys({ press: ' ' });
    await waitFor(() => !article.follow, 'switched off');
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement).to.equal(after);
    expect(ring.hidden).to.equal(true);
  });

  it('GOOD: follow is off by default: playing far down the article leaves the page where the reader has it', async () => {
    const { article, video } = await page();
    const k = cueByIdx(article, 'q10-p2-s1');
    await seek(video, article.loadedTranscript!.cues[k]!.startTime + 0.1);
    await waitFor(() => article.activeCueIndex === k, 'cue active');
    await sleep(300);
    expect(scrollY).to.equal(0);
  });

  it('GOOD: follow on (switch): the spoken cue is scrolled into view; a wheel pauses it; back to now resumes', async () => {
    const { article, video } = await page();
    const toggle = article.shadowRoot!.querySelector<HTMLInputElement>('[part~="follow-switch"]')!;
    toggle.click();
    await article.updateComplete;
    expect(article.follow).to.equal(true);
    expect(article.hasAttribute('follow')).to.equal(true);
    const k = cueByIdx(article, 'q10-p2-s1');
    await seek(video, article.loadedTranscript!.cues[k]!.startTime + 0.1);
    const inView = (): boolean => {
      const r = article.cueRanges(k)[0]!.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    };
    await waitFor(inView, 'spoken cue in view', 8000);
    await wheel(article, -600);
    await waitFor(() => !article.following, 'following paused');
    const back = article.shadowRoot!.querySelector<HTMLButtonElement>('[part~="back-to-now"]')!;
    await waitFor(() => !back.hidden && back.getBoundingClientRect().height > 0, 'back to now shown');
    const k2 = cueByIdx(article, 'q12-p2-s1');
    await seek(video, article.loadedTranscript!.cues[k2]!.startTime + 0.1);
    await sleep(400);
    const r2 = article.cueRanges(k2)[0]!.getBoundingClientRect();
    expect(r2.top >= 0 && r2.bottom <= innerHeight).to.equal(false);
    back.click();
    await waitFor(() => {
      const r = article.cueRanges(k2)[0]!.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    }, 'back to now', 8000);
    expect(article.following).to.equal(true);
    // And the switch off again: nothing moves.
    toggle.click();
    expect(article.follow).to.equal(false);
    // Let the smooth scroll back to now end first.
    let last = -1;
    let still = 0;
    await waitFor(() => {
      still = scrollY === last ? still + 1 : 0;
      last = scrollY;
      return still > 10;
    }, 'page still');
    const y = scrollY;
    await seek(video, article.loadedTranscript!.cues[5]!.startTime + 0.1);
    await sleep(400);
    expect(scrollY).to.equal(y);
  });

  it('GOOD: word times: a click on a word seeks to that word, and the word is highlighted as it is said', async () => {
    const vtt = 'WEBVTT\n\na\n00:00:10.000 --> 00:00:14.000\nRust is <00:00:11.000>fast <00:00:12.000>and <00:00:13.000>safe.\n';
    const t = buildTranscript(parseWebVTT(vtt).cues);
    const root = await fixture<HTMLElement>(html`<div>
      <video id="w" muted preload="auto" src=${DEMO_MEDIA}></video>
      <cue-article for="w"><p>Francesco Ciulla: Rust is “fast” and safe.</p></cue-article>
    </div>`);
    const article = root.querySelector('cue-article')!;
    const video = root.querySelector('video')!;
    article.transcript = t;
    await loaded(article);
    await metadata(video);
    await clickText(article, 'and');
    await waitFor(() => Math.abs(video.currentTime - 12) < 0.01, 'seeked to the word');
    await waitFor(() => highlighted('cue-word').join() === 'and', 'word highlighted');
    await seek(video, 13.5);
    await waitFor(() => highlighted('cue-word').join() === 'safe.', 'next word highlighted');
    expect(highlighted('cue-active')).to.deep.equal(['Rust is “fast” and safe.']);
    // A click on the label seeks nowhere.
    const t0 = video.currentTime;
    await clickText(article, 'Ciulla');
    await sleep(DOUBLE_CLICK_MS + 200);
    expect(video.currentTime).to.equal(t0);
  });

  it('GOOD: the article is never rewritten: its markup is the same while bound and after disconnect', async () => {
    const host = await fixture<HTMLElement>(html`<div><video id="v2" muted preload="auto" src=${DEMO_MEDIA}></video></div>`);
    const article = document.createElement('cue-article');
    await articleInto(article);
    const markup = article.innerHTML;
    const text = article.textContent;
    article.setAttribute('for', 'v2');
    article.setAttribute('src', DEMO_VTT);
    host.append(article);
    await loaded(article);
    const video = host.querySelector('video')!;
    await seek(video, 75);
    await waitFor(() => article.activeCueIndex >= 0, 'a cue active');
    expect(article.textContent).to.equal(text);
    // While bound: the same markup but for aria-current on the question playing.
    expect(article.innerHTML.replace(' aria-current="true"', '')).to.equal(markup);
    article.remove();
    expect(article.innerHTML).to.equal(markup);
    expect(article.hasAttribute('tabindex')).to.equal(false);
    expect(highlighted('cue-active')).to.deep.equal([]);
    expect(document.adoptedStyleSheets.length).to.equal(0);
  });
});
