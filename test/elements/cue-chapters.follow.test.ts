import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import 'media-chrome';
import '../../src/elements/cue-transcript/define.js';
import '../../src/elements/cue-chapters/define.js';
import type { CueChapters } from '../../src/elements/cue-chapters/cue-chapters.js';
import type { CueTranscript } from '../../src/elements/cue-transcript/cue-transcript.js';
import {
  DEMO_CHAPTERS,
  DEMO_MEDIA,
  DEMO_VTT,
  currentEntry,
  listed,
  metadata,
  part,
  playUntil,
  questionLinks,
  releaseMouse,
  rendered,
  seek,
  waitFor,
} from './cue-chapters-helpers.js';
import { frames, inside, settled, viewport, wheel, where } from './follow-helpers.js';

interface Setup {
  video: HTMLVideoElement;
  nav: CueChapters;
  list: HTMLElement;
  transcript: CueTranscript;
}

/** Where the page is scrolled to in these tests: the page must stay there. */
const PAGE_Y = 30;

/**
 * The demo's arrangement: the question list under the player, bounded (22rem, as the demo has it), with a
 * tall page around it, scrolled a little, and the list running below the window's bottom edge, so that a
 * `scrollIntoView` of an entry would scroll the page.
 */
async function setup(): Promise<Setup> {
  const root = await fixture<HTMLDivElement>(html`<div style="width: 420px">
    <media-controller id="cmc" style="display: block; width: 420px; height: 236px">
      <video id="cv" slot="media" src=${DEMO_MEDIA} muted preload="auto" playsinline></video>
    </media-controller>
    <div style="height: 240px"></div>
    <cue-chapters for="cv" mediacontroller="cmc" transcript="ct" chapters=${DEMO_CHAPTERS} style="--cue-max-height: 22rem"></cue-chapters>
    <cue-transcript id="ct" for="cv" mediacontroller="cmc" src=${DEMO_VTT} chapters=${DEMO_CHAPTERS} style="height: 300px"></cue-transcript>
    <div style="height: 1500px"></div>
  </div>`);
  const video = root.querySelector('video')!;
  const nav = root.querySelector('cue-chapters')!;
  const transcript = root.querySelector('cue-transcript')!;
  await Promise.all([listed(nav), rendered(transcript), metadata(video)]);
  window.scrollTo(0, PAGE_Y);
  await frames(2);
  return { video, nav, list: part(nav, 'list'), transcript };
}

const entry = (nav: CueChapters, i: number): HTMLElement => questionLinks(nav)[i]!;

describe('<cue-chapters> keeps the question playing in view inside its own box', () => {
  afterEach(async () => {
    await releaseMouse();
    window.scrollTo(0, 0);
  });

  it('GOOD: is bounded and scrolls (the demo at 22rem)', async () => {
    const { list } = await setup();
    expect(list.scrollHeight).to.be.above(list.clientHeight);
    expect(getComputedStyle(list).overflowY).to.equal('auto');
  });

  it('GOOD: seeking to 10:37 shows question 8 inside the list, and the page does not scroll', async () => {
    const { video, nav, list } = await setup();
    expect(inside(list, entry(nav, 7)), 'question 8 starts out of the list\'s view').to.equal(false);
    await seek(video, 637);
    await waitFor(() => currentEntry(nav) === 7, 'question 8 playing');
    await waitFor(() => inside(list, entry(nav, 7)), `question 8 in the list's view (${where(list, entry(nav, 7))})`);
    expect(list.scrollTop).to.be.above(0);
    expect(window.scrollY).to.equal(PAGE_Y);
    // Still the same once all scrolling is over.
    await settled(list);
    expect(inside(list, entry(nav, 7)), where(list, entry(nav, 7))).to.equal(true);
    expect(window.scrollY).to.equal(PAGE_Y);
  });

  it('GOOD: playing across into question 12 brings it into the list, smoothly, and the page does not scroll', async () => {
    const { video, nav, list } = await setup();
    const start = nav.shadowRoot!.querySelectorAll('time')[11]!.getAttribute('datetime')!;
    const boundary = Number(/PT([\d.]+)S/.exec(start)![1]);
    await seek(video, boundary - 20);
    await waitFor(() => currentEntry(nav) === 10 && inside(list, entry(nav, 10)), 'question 11 in view');
    await settled(list);
    // A script (not the reader) puts question 12 just under the list's bottom edge.
    list.scrollTop += entry(nav, 11).getBoundingClientRect().top - viewport(list).bottom + 8;
    await frames(2);
    expect(inside(list, entry(nav, 11)), where(list, entry(nav, 11))).to.equal(false);
    const top = list.scrollTop;
    await playUntil(video, boundary - 0.4, () => currentEntry(nav) === 11 && inside(list, entry(nav, 11)), 10000);
    expect(list.scrollTop).to.be.above(top);
    expect(window.scrollY).to.equal(PAGE_Y);
  });

  it('BAD: a real wheel on the list pauses its following; choosing a question (Shift+N) resumes it', async () => {
    const { video, nav, list } = await setup();
    await seek(video, 637);
    await waitFor(() => inside(list, entry(nav, 7)), 'question 8 in view');
    await settled(list);
    await wheel(list, -150);
    await frames(3);
    await settled(list);
    const top = list.scrollTop;
    // The question playing changes: the list stays where the reader put it.
    await seek(video, 1200);
    await waitFor(() => currentEntry(nav) === 15, 'question 16 playing');
    await frames(10);
    expect(list.scrollTop).to.equal(top);
    expect(inside(list, entry(nav, 15))).to.equal(false);
    // Shift+N, from the list (where a reader would press it).
    entry(nav, 15).focus({ preventScroll: true });
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'N' });
    await sendKeys({ up: 'Shift' });
    await waitFor(() => currentEntry(nav) === 16, 'question 17 playing');
    await waitFor(() => inside(list, entry(nav, 16)), `question 17 in view again (${where(list, entry(nav, 16))})`);
    expect(window.scrollY).to.equal(PAGE_Y);
  });

  it('GOOD: arrows move through the list and show the question focused, inside the list only', async () => {
    const { nav, list } = await setup();
    entry(nav, 0).focus({ preventScroll: true });
    for (let i = 0; i < 9; i++) await sendKeys({ press: 'ArrowDown' });
    expect(nav.shadowRoot!.activeElement).to.equal(entry(nav, 9));
    await waitFor(() => inside(list, entry(nav, 9)), `question 10 in view (${where(list, entry(nav, 9))})`);
    expect(window.scrollY).to.equal(PAGE_Y);
  });
});
