import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/cue-article/define.js';
import '../../src/elements/cue-search-strip/define.js';
import type { CueArticle } from '../../src/elements/cue-article/cue-article.js';
import type { CueSearchStrip } from '../../src/elements/cue-search-strip/cue-search-strip.js';
import type { CueSearchDetail } from '../../src/controllers/transcript/transcript-search.js';
import { DEMO_CHAPTERS, DEMO_MEDIA, DEMO_VTT, metadata, seek, waitFor } from './cue-transcript-helpers.js';
import { articleInto, highlighted, loaded } from './cue-article-helpers.js';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** A key pressed with a modifier held, as a keyboard does it. */
async function chord(modifier: 'Shift' | 'Alt', key: string): Promise<void> {
  await sendKeys({ down: modifier });
  await sendKeys({ press: key });
  await sendKeys({ up: modifier });
}

interface Page {
  root: HTMLElement;
  video: HTMLVideoElement;
  article: CueArticle;
  strip: CueSearchStrip;
  markup: string;
}

/** The demo recording, the published article in `<cue-article>`, and a search strip bound to the article. */
async function page(): Promise<Page> {
  const root = await fixture<HTMLElement>(html`<div>
    <video id="v" muted preload="auto" src=${DEMO_MEDIA}></video>
    <cue-search-strip transcript="article" style="width: 400px"></cue-search-strip>
    <button id="before">before</button>
  </div>`);
  const article = document.createElement('cue-article');
  article.id = 'article';
  await articleInto(article);
  const markup = article.innerHTML;
  article.setAttribute('for', 'v');
  article.setAttribute('chapters', DEMO_CHAPTERS);
  article.setAttribute('src', DEMO_VTT);
  root.append(article);
  await loaded(article);
  return { root, video: root.querySelector('video')!, article, strip: root.querySelector('cue-search-strip')!, markup };
}

const part = <T extends HTMLElement = HTMLElement>(a: CueArticle, name: string): T => a.shadowRoot!.querySelector<T>(`[part~="${name}"]`)!;
const count = (a: CueArticle): string => part(a, 'search-count').textContent!.trim();
const inView = (r: DOMRect): boolean => r.top >= 0 && r.bottom <= innerHeight;
const currentRange = (): Range => [...CSS.highlights.get('cue-search-current')!][0] as Range;

/** Every occurrence of `word` in the article's text, case ignored. */
function occurrences(a: HTMLElement, word: string): number {
  return (a.textContent!.match(new RegExp(word, 'gi')) ?? []).length;
}

/** Keyboard only: from the button before the article, Tab to it, `/` to its search field. */
async function toSearch(article: CueArticle): Promise<void> {
  document.querySelector<HTMLButtonElement>('#before')!.focus();
  await sendKeys({ press: 'Tab' });
  expect(document.activeElement).to.equal(article);
  await sendKeys({ press: '/' });
  await waitFor(() => article.shadowRoot!.activeElement === part(article, 'search-input'), 'search field focused');
}

describe('<cue-article> search', () => {
  afterEach(() => scrollTo({ top: 0, behavior: 'instant' }));

  it('GOOD: is accessible with the search bar, and the field is a labelled search landmark', async () => {
    const { article } = await page();
    await expect(article).to.be.accessible();
    expect(part(article, 'search').getAttribute('role')).to.equal('search');
    expect(part<HTMLInputElement>(article, 'search-input').type).to.equal('search');
  });

  it('GOOD: keyboard only: matches in the article\'s own text are highlighted in place; Enter / Shift+Enter step, scrolling each into view; the text never changes', async () => {
    const { article, video, markup } = await page();
    await metadata(video);
    const text = article.textContent;
    await toSearch(article);
    await sendKeys({ type: 'docker' });
    const n = occurrences(article, 'docker');
    expect(n).to.be.greaterThan(5);
    await waitFor(() => count(article) === `1 of ${n}`, `count "1 of ${n}" (is "${count(article)}")`);
    const all = highlighted('cue-search');
    expect(all).to.have.length(n);
    expect(all.every((t) => t.toLowerCase() === 'docker')).to.equal(true);
    expect(highlighted('cue-search-current')).to.have.length(1);
    // The first match is the one in the introduction ("a Docker Captain").
    expect(currentRange().startContainer.parentElement!.textContent).to.contain('Docker Captain since 2021');
    const seen: string[] = [currentRange().startContainer.parentElement!.textContent!];
    // Step to a match far down the page: it is scrolled into view, under the sticky search bar, and nothing seeks.
    const t0 = video.currentTime;
    for (let i = 1; i < n - 1; i++) {
      await sendKeys({ press: 'Enter' });
      await waitFor(() => count(article) === `${i + 1} of ${n}`, `step ${i + 1}`);
    }
    await waitFor(() => inView(currentRange().getBoundingClientRect()), 'current match in view', 8000);
    expect(scrollY).to.be.greaterThan(500);
    const bar = part(article, 'toolbar').getBoundingClientRect();
    expect(currentRange().getBoundingClientRect().top).to.be.greaterThan(bar.bottom);
    expect(bar.top).to.be.at.least(-1);
    seen.push(currentRange().toString());
    expect(video.currentTime).to.equal(t0);
    await chord('Shift', 'Enter');
    await waitFor(() => count(article) === `${n - 2} of ${n}`, 'Shift+Enter back one');
    // Wrapping: on past the last to the first.
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Enter' });
    await waitFor(() => count(article) === `${n} of ${n}`, 'the last');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => count(article) === `1 of ${n}`, 'wrapped to the first');
    await waitFor(() => inView(currentRange().getBoundingClientRect()), 'first match in view again', 8000);
    // Typing in the field never seeks, Space included; the text and markup are as published.
    await sendKeys({ type: ' captain' });
    await waitFor(() => count(article) === `1 of ${occurrences(article, 'docker captain')}`, 'narrowed');
    expect(video.currentTime).to.equal(t0);
    expect(article.textContent).to.equal(text);
    expect(article.innerHTML.replace(/ aria-current="true"/g, '')).to.equal(markup);
    // Escape clears every mark.
    await sendKeys({ press: 'Escape' });
    await waitFor(() => highlighted('cue-search').length === 0 && highlighted('cue-search-current').length === 0, 'marks cleared');
    expect(part<HTMLInputElement>(article, 'search-input').value).to.equal('');
  });

  it('GOOD: the count is announced politely once per query, never per keystroke nor per cue while the media plays', async () => {
    const { article, video } = await page();
    await metadata(video);
    const status = part(article, 'search-status');
    expect(status.getAttribute('aria-live')).to.equal('polite');
    const said: string[] = [];
    const watch = new MutationObserver(() => {
      const t = status.textContent!.trim();
      if (t && said[said.length - 1] !== t) said.push(t);
    });
    watch.observe(status, { childList: true, subtree: true, characterData: true });
    await toSearch(article);
    await sendKeys({ type: 'rust' });
    const n = occurrences(article, 'rust');
    await waitFor(() => said.length > 0, 'announced', 5000);
    await waitFor(() => said[said.length - 1] === `${n} matches`, 'the query\'s count announced', 5000);
    await sleep(800);
    // Once per query: the count of what was typed, once (on a loaded machine a pause between keys may announce a prefix's too).
    const final = [...said];
    expect(final[final.length - 1]).to.equal(`${n} matches`);
    expect(final.filter((t) => t === `${n} matches`)).to.have.length(1);
    expect(final.length).to.be.at.most('rust'.length);
    // Playing through several cues announces nothing more.
    await seek(video, 60);
    await video.play();
    const k = article.activeCueIndex;
    await waitFor(() => article.activeCueIndex > k + 1, 'two cues on', 20000);
    video.pause();
    expect(said).to.deep.equal(final);
    watch.disconnect();
  });

  it('GOOD: Alt+Enter plays from the current match; the search strip shows the matches along the recording', async () => {
    const { article, video, strip } = await page();
    await metadata(video);
    let last: CueSearchDetail | null = null;
    article.addEventListener('cue-search', (e) => (last = e.detail));
    await toSearch(article);
    await sendKeys({ type: 'borrow checker' });
    await waitFor(() => count(article) === '1 of 2', 'two matches');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => count(article) === '2 of 2', 'second match');
    const detail = last! as CueSearchDetail;
    expect(detail.hits).to.have.length(2);
    expect(detail.current).to.equal(1);
    const hit = detail.hits[1]!;
    const cue = article.loadedTranscript!.cues[hit.cueIndex]!;
    // The hit's cue is the one whose text holds the current match.
    const r = currentRange();
    expect(article.cueRanges(hit.cueIndex).some((c) => c.compareBoundaryPoints(Range.START_TO_START, r) <= 0 && c.compareBoundaryPoints(Range.END_TO_END, r) >= 0)).to.equal(true);
    expect(hit.time).to.equal(cue.startTime);
    await strip.updateComplete;
    await waitFor(() => strip.shadowRoot!.querySelectorAll('[part~="tick"]').length === 2, 'two ticks');
    expect(strip.shadowRoot!.querySelectorAll('[part~="current-tick"]')).to.have.length(1);
    await chord('Alt', 'Enter');
    await waitFor(() => !video.paused && video.currentTime >= cue.startTime - 0.05 && video.currentTime < cue.endTime + 1, 'playing from the match', 10000);
    video.pause();
    await waitFor(() => article.activeCueIndex === hit.cueIndex, 'the match\'s cue is spoken');
  });

  it('GOOD: without the Highlight API, matches are boxes drawn over the text in the shadow root; the article is untouched', async () => {
    const saved = Object.getOwnPropertyDescriptor(window, 'Highlight')!;
    delete (window as { Highlight?: unknown }).Highlight;
    try {
      const { article, markup } = await page();
      const text = article.textContent;
      const input = part<HTMLInputElement>(article, 'search-input');
      input.focus();
      await sendKeys({ type: 'docker' });
      const n = occurrences(article, 'docker');
      await waitFor(() => count(article) === `1 of ${n}`, 'count');
      const current = article.shadowRoot!.querySelectorAll<HTMLElement>('[part~="search-current"]');
      expect(current.length).to.be.at.least(1);
      expect(article.shadowRoot!.querySelectorAll('[part~="search-match"]').length).to.be.at.least(n - 1);
      // The current box lies over the word "Docker" of the introduction.
      const r = current[0]!.getBoundingClientRect();
      const hit = document.elementsFromPoint(r.left + r.width / 2, r.top + r.height / 2).find((e) => e.localName === 'p');
      expect(hit?.textContent).to.contain('Docker Captain');
      expect(getComputedStyle(current[0]!).backgroundColor).to.not.equal('rgba(0, 0, 0, 0)');
      expect(article.textContent).to.equal(text);
      expect(article.innerHTML.replace(/ aria-current="true"/g, '')).to.equal(markup);
      await sendKeys({ press: 'Escape' });
      await waitFor(() => !article.shadowRoot!.querySelector('[part~="search-current"]'), 'boxes cleared');
    } finally {
      Object.defineProperty(window, 'Highlight', saved);
    }
  });
});
