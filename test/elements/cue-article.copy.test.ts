/** "Copy quote with link" over `<cue-article>`'s own text: the mouse and the keyboard path, and the link landing. */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../src/elements/cue-article/define.js';
import type { CueArticle } from '../../src/elements/cue-article/cue-article.js';
import type { CueCopyDetail } from '../../src/elements/cue-chapters/events.js';
import { formatTime } from '../../src/core/time.js';
import { DEMO_CHAPTERS, DEMO_MEDIA, DEMO_VTT, metadata, seek, waitFor } from './cue-transcript-helpers.js';
import { articleInto, loaded, textRect } from './cue-article-helpers.js';

async function page(): Promise<{ article: CueArticle; video: HTMLVideoElement }> {
  const root = await fixture<HTMLElement>(html`<div>
    <video id="v" muted preload="auto" src=${DEMO_MEDIA}></video>
    <button id="before">before</button>
  </div>`);
  const article = document.createElement('cue-article');
  await articleInto(article);
  article.setAttribute('for', 'v');
  article.setAttribute('chapters', DEMO_CHAPTERS);
  article.setAttribute('src', DEMO_VTT);
  root.append(article);
  await loaded(article);
  const video = root.querySelector('video')!;
  await metadata(video);
  return { article, video };
}

const button = (a: CueArticle): HTMLButtonElement | null => a.shadowRoot!.querySelector<HTMLButtonElement>('[part~="copy-passage"]');
const nextCopy = (a: CueArticle): Promise<CueCopyDetail> =>
  new Promise((r) => a.addEventListener('cue-copy', (e) => r((e as CustomEvent<CueCopyDetail>).detail), { once: true }));
const base = (): string => location.href.split('#')[0]!;
const tenths = (s: number): number => Math.round(s * 10) / 10;

/** The demo article page in a frame, opened at `hash`. */
async function openDemo(hash: string): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.style.setProperty('width', '1280px');
  frame.style.setProperty('height', '800px');
  frame.src = `/demo/index.html${hash}`;
  document.body.append(frame);
  return frame;
}

describe('<cue-article> copy quote with link', () => {
  afterEach(() => {
    document.getSelection()!.removeAllRanges();
    scrollTo({ top: 0, behavior: 'instant' });
  });

  it('GOOD: words selected with the mouse are copied as a quote with who said them, when, and a #t= link to their start; the link lands there', async () => {
    const { article, video } = await page();
    const k = article.loadedTranscript!.cues.findIndex((c) => c.id === 'q03-p2-s1');
    const cue = article.loadedTranscript!.cues[k]!;
    const t0 = video.currentTime;
    // A real drag over "deliberately provocative" (inside cue q03-p2-s1).
    let r = textRect(article, 'deliberately provocative');
    if (r.top < 80 || r.bottom > innerHeight - 80) {
      scrollTo({ top: scrollY + r.top - innerHeight / 3, behavior: 'instant' });
      await new Promise((res) => requestAnimationFrame(res));
      r = textRect(article, 'deliberately provocative');
    }
    const y = Math.round(r.top + r.height / 2);
    await sendMouse({ type: 'move', position: [Math.round(r.left + 1), y] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [Math.round(r.left + r.width / 2), y] });
    // No button while the reader is still selecting.
    expect(button(article)).to.equal(null);
    await sendMouse({ type: 'move', position: [Math.round(r.right - 1), y] });
    await sendMouse({ type: 'up' });
    const selected = document.getSelection()!.toString().trim();
    expect(selected.length).to.be.greaterThan(10);
    expect('deliberately provocative').to.contain(selected);
    const b = await waitFor(() => button(article), 'copy quote button');
    // Beside the selection, not over it.
    const br = b.getBoundingClientRect();
    expect(br.top).to.be.at.least(r.bottom - 1);
    const copied = nextCopy(article);
    await sendMouse({ type: 'click', position: [Math.round(br.left + br.width / 2), Math.round(br.top + br.height / 2)] });
    const d = await copied;
    expect(d.kind).to.equal('passage');
    expect(d.url).to.equal(`${base()}#t=${tenths(cue.startTime)}`);
    expect(d.text).to.equal(`“${selected}”\n— Francesco Ciulla, at ${formatTime(cue.startTime)}\n${d.url}`);
    // Selecting and copying never seeks.
    expect(video.currentTime).to.equal(t0);
    expect(article.shadowRoot!.querySelector('[part~="copy-status"]')!.textContent).to.contain('copied');
    // The link, opened on the article page, plays from that sentence in the article.
    const frame = await openDemo(new URL(d.url).hash);
    try {
      const doc = (): Document => frame.contentDocument!;
      const a = await waitFor(() => doc().querySelector<CueArticle>('cue-article')?.loadedTranscript && doc().querySelector<CueArticle>('cue-article'), 'demo article', 30000);
      const v = doc().querySelector('video')!;
      await waitFor(() => Math.abs(v.currentTime - tenths(cue.startTime)) < 0.3, 'the link lands at the quote', 20000);
      await waitFor(() => a.activeCueIndex === k, 'the quoted sentence is the one highlighted', 10000);
    } finally {
      frame.remove();
    }
  });

  it('GOOD: keyboard only: Shift+arrows on the text select sentences, Tab reaches "Copy quote with link", Enter copies', async () => {
    const { article, video } = await page();
    const t = article.loadedTranscript!;
    const k = t.cues.findIndex((c) => c.id === 'q02-p2-s3');
    await seek(video, t.cues[k]!.startTime + 0.2);
    await waitFor(() => article.activeCueIndex === k, 'cue spoken');
    document.querySelector<HTMLButtonElement>('#before')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement).to.equal(article);
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ up: 'Shift' });
    const expected = `${t.cues[k]!.plainText.trim()} ${t.cues[k + 1]!.plainText.trim()}`;
    await waitFor(() => document.getSelection()!.toString().replace(/\s+/g, ' ').trim() === expected, 'two sentences selected');
    await waitFor(() => button(article), 'copy quote button');
    await sendKeys({ press: 'Tab' });
    expect(article.shadowRoot!.activeElement).to.equal(button(article));
    const copied = nextCopy(article);
    await sendKeys({ press: 'Enter' });
    const d = await copied;
    expect(d.url).to.equal(`${base()}#t=${tenths(t.cues[k]!.startTime)}`);
    expect(d.text).to.equal(`“${expected}”\n— ${t.cues[k]!.speaker}, at ${formatTime(t.cues[k]!.startTime)}\n${d.url}`);
  });
});
