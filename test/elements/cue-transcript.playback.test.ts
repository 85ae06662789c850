import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, sendKeys, sendMouse } from '@web/test-runner-commands';
import { DOUBLE_CLICK_MS } from '../../src/controllers/press-activation.js';
import '../../src/elements/cue-transcript/define.js';
import type { CueTranscript } from '../../src/elements/cue-transcript/cue-transcript.js';
import {
  CLIP,
  TALK,
  TALK_CHAPTERS,
  activeCue,
  activeIndex,
  activeQuestion,
  click,
  cueEl,
  metadata,
  nextEvent,
  releaseMouse,
  rendered,
  scrollBox,
  seek,
  waitFor,
} from './cue-transcript-helpers.js';
import { settled, wheel } from './follow-helpers.js';

interface Page {
  video: HTMLVideoElement;
  el: CueTranscript;
}

async function page(style = 'max-height: 320px; font-size: 12px', attrs: Record<string, string> = {}): Promise<Page> {
  const root = await fixture<HTMLDivElement>(html`<div>
    <cue-transcript for="v" src=${TALK} chapters=${TALK_CHAPTERS} style=${style}></cue-transcript>
    <video id="v" src=${CLIP} muted preload="auto" playsinline width="80" height="45"></video>
  </div>`);
  const el = root.querySelector('cue-transcript')!;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  const video = root.querySelector('video')!;
  await rendered(el);
  await metadata(video);
  return { video, el };
}

/** Whether `item` is fully inside the box's visible area. */
function inView(box: HTMLElement, item: Element): boolean {
  const b = box.getBoundingClientRect();
  const r = item.getBoundingClientRect();
  return r.top >= b.top - 1 && r.bottom <= b.bottom + 1;
}

const frames = async (n: number): Promise<void> => {
  for (let i = 0; i < n; i++) await new Promise((r) => requestAnimationFrame(r));
};


afterEach(releaseMouse);

describe('<cue-transcript> with a playing <video>', () => {
  it('GOOD: is accessible while a cue is active', async () => {
    const { video, el } = await page();
    await seek(video, 4);
    await waitFor(() => activeIndex(el) === 2, 'cue 2 active');
    await expect(el).to.be.accessible();
  });

  const table: [time: number, cue: number, question: number, why: string][] = [
    [1, 0, -1, 'introduction, before the first question'],
    [1.95, -1, -1, 'a pause between cues'],
    [4, 2, 0, 'inside the first answer'],
    [5, 3, 0, "a cue's exact start"],
    [9, 5, 1, 'the second question as asked'],
    [18, 10, 2, 'the last cue'],
  ];
  for (const [time, cue, question, why] of table) {
    it(`GOOD: seeking to ${time} s highlights cue ${cue}, question ${question} (${why})`, async () => {
      const { video, el } = await page();
      await seek(video, time);
      await waitFor(() => activeIndex(el) === cue && activeQuestion(el) === question, `cue ${cue} at ${time} s`);
      expect(el.shadowRoot!.querySelectorAll('[aria-current="time"]')).to.have.length(cue >= 0 ? 1 : 0);
      if (cue >= 0) expect(activeCue(el)!.part.contains('active-cue')).to.equal(true);
      if (question >= 0) {
        const section = el.shadowRoot!.querySelector(`[data-q="${question}"]`)!;
        expect(section.part.contains('active-question')).to.equal(true);
        expect(section.querySelector('[part~="answer"]')!.part.contains('active-answer')).to.equal(true);
        // Not colour alone: the active answer has a bar, the active cue an underline.
        expect(getComputedStyle(section).borderInlineStartStyle).to.equal('solid');
      }
      if (cue >= 0) expect(getComputedStyle(activeCue(el)!).textDecorationLine).to.contain('underline');
    });
  }

  it('GOOD: inline timestamps mark the words already spoken', async () => {
    const { video, el } = await page();
    const spoken = (): string =>
      [...cueEl(el, 6).querySelectorAll('[part~="spoken"]')].map((s) => s.textContent).join('');
    await seek(video, 10.5);
    await waitFor(() => activeIndex(el) === 6, 'cue 6');
    expect(spoken()).to.equal('It feels ');
    await seek(video, 11.5);
    await waitFor(() => spoken() === 'It feels strict at first.', 'all spoken at 11.5 s');
    await seek(video, 9.7);
    await waitFor(() => spoken() === 'It ', 'only the lead-in at 9.7 s');
  });

  it('GOOD: during playback the highlight follows, frame-accurately, with cue-change events', async () => {
    const { video, el } = await page();
    await seek(video, 6.1);
    await waitFor(() => activeIndex(el) === 3, 'cue 3 before playing');
    const changes: { cue: number; question: number; time: number; media: number }[] = [];
    el.addEventListener('cue-change', (e) =>
      changes.push({ cue: e.detail.cueIndex, question: e.detail.questionIndex, time: e.detail.time, media: video.currentTime }),
    );
    await video.play();
    await waitFor(() => activeIndex(el) === 4, 'cue 4 while playing');
    video.pause();
    const change = changes.find((c) => c.cue === 4)!;
    expect(change.question).to.equal(0);
    expect(change.time).to.be.at.least(6.5 - 0.001);
    // Read per frame, not per timeupdate (which comes every 250 ms).
    expect(change.time - 6.5).to.be.below(0.2);
    expect(cueEl(el, 4).getAttribute('aria-current')).to.equal('time');
    expect(cueEl(el, 3).hasAttribute('aria-current')).to.equal(false);
  });

  it('GOOD: a real click on a cue seeks to its start and fires cue-activate', async () => {
    const { video, el } = await page();
    const activated = nextEvent(el, 'cue-activate');
    const box = scrollBox(el);
    box.scrollTop = cueEl(el, 8).offsetTop - 40;
    await waitFor(() => inView(box, cueEl(el, 8)), 'cue 8 visible');
    await click(cueEl(el, 8));
    const e = await activated;
    expect(e.detail.cueIndex).to.equal(8);
    expect(e.detail.time).to.equal(14);
    await waitFor(() => Math.abs(video.currentTime - 14) < 0.01, 'video at 14 s');
    expect(activeIndex(el)).to.equal(8);
    expect(activeQuestion(el)).to.equal(2);
    expect(video.paused).to.equal(true);
  });

  it("GOOD: a click on a question heading's text seeks to the question; while it is asked, the heading's cue is the one marked", async () => {
    const { video, el } = await page();
    const heading = el.shadowRoot!.querySelector<HTMLElement>('[data-q="1"] h3')!;
    const cue = heading.querySelector<HTMLElement>('[data-cue]')!;
    const box = scrollBox(el);
    box.scrollTop = heading.offsetTop - 20;
    await waitFor(() => inView(box, heading), 'heading visible');
    await click(cue);
    await waitFor(() => Math.abs(video.currentTime - 8) < 0.01, 'video at 8 s, the question');
    await waitFor(() => activeCue(el) === cue, "the heading's cue marked as spoken");
    expect(cue.part.contains('active-cue')).to.equal(true);
    expect(activeQuestion(el)).to.equal(1);
  });

  it('GOOD: Enter and Space on a cue seek (and Space does not scroll or play)', async () => {
    const { video, el } = await page();
    cueEl(el, 0).focus();
    for (let i = 0; i < 5; i++) await sendKeys({ press: 'ArrowDown' });
    expect(el.shadowRoot!.activeElement).to.equal(cueEl(el, 5));
    await sendKeys({ press: 'Enter' });
    await waitFor(() => Math.abs(video.currentTime - 8) < 0.01, 'video at 8 s');
    await waitFor(() => activeIndex(el) === 5, 'cue 5 after Enter');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: ' ' });
    await waitFor(() => Math.abs(video.currentTime - 9.6) < 0.01, 'video at 9.6 s');
    expect(video.paused).to.equal(true);
    expect(document.scrollingElement!.scrollTop).to.equal(0);
    // Seeking from the transcript resumes following.
    expect(el.following).to.equal(true);
  });

  it('BAD: selecting text in a cue to copy it does not seek', async () => {
    const { video, el } = await page();
    let activated = 0;
    el.addEventListener('cue-activate', () => activated++);
    const r = cueEl(el, 2).getClientRects()[0]!;
    const y = Math.round(r.top + r.height / 2);
    await sendMouse({ type: 'move', position: [Math.round(r.left + 2), y] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [Math.round(r.right - 2), y] });
    await sendMouse({ type: 'up' });
    await frames(2);
    const sel = (el.shadowRoot as ShadowRoot & { getSelection?(): Selection | null }).getSelection?.() ?? getSelection();
    expect(sel!.toString()).to.contain('rustup');
    expect(activated).to.equal(0);
    expect(video.currentTime).to.equal(0);
    getSelection()!.removeAllRanges();
  });
});

/** The text selected in the transcript (Chromium keeps it on the shadow root, Firefox on the document). */
const selectedText = (el: CueTranscript): string =>
  ((el.shadowRoot as ShadowRoot & { getSelection?(): Selection | null }).getSelection?.() ?? getSelection())?.toString() ?? '';

describe('<cue-transcript> selecting a passage', () => {
  it('BAD: nothing moves while the reader drags a selection; "Copy quote" appears once it ends, beside it', async () => {
    // Narrow, so a button added to the toolbar would wrap it.
    const { video, el } = await page('max-height: 320px; font-size: 12px; width: 360px');
    const box = scrollBox(el);
    const cue = cueEl(el, 3);
    const where = (): number[] => {
      const b = box.getBoundingClientRect();
      const c = cue.getBoundingClientRect();
      return [b.top, b.height, c.top, c.left, box.scrollTop];
    };
    const before = where();
    const button = (): HTMLElement | null => el.shadowRoot!.querySelector<HTMLElement>('[part~="copy-passage"]');
    let changes = 0;
    let pressed = false;
    const counted = (): void => void changes++;
    document.addEventListener('selectionchange', counted);
    try {
      const r = cue.getClientRects()[0]!;
      const y = Math.round(r.top + r.height / 2);
      await sendMouse({ type: 'move', position: [Math.round(r.left + 8), y] });
      await sendMouse({ type: 'down' });
      pressed = true;
      // A real drag: many small moves.
      for (let i = 1; i <= 6; i++) await sendMouse({ type: 'move', position: [Math.round(r.left + 8 + (i * r.width) / 12), y] });
      await waitFor(() => changes > 0 && selectedText(el).trim() !== '', 'the selection started');
      await frames(3);
      expect(where(), 'mid-drag').to.deep.equal(before);
      expect(button(), 'no button mid-drag').to.equal(null);
      for (let i = 7; i <= 12; i++) await sendMouse({ type: 'move', position: [Math.round(r.left + (i * (r.width - 4)) / 12), y] });
      await frames(3);
      expect(where(), 'further into the drag').to.deep.equal(before);
      await sendMouse({ type: 'up' });
      pressed = false;
      const shown = await waitFor(button, 'Copy quote shown once the drag ended');
      await frames(2);
      expect(where(), 'after the drag').to.deep.equal(before);
      expect(selectedText(el)).to.contain('write a small progra');
      // Beside the selection, not over it.
      const b = shown.getBoundingClientRect();
      expect(b.top >= r.bottom || b.bottom <= r.top, 'the button does not cover the selected line').to.equal(true);
      expect(video.currentTime).to.equal(0);
    } finally {
      if (pressed) await sendMouse({ type: 'up' });
      document.removeEventListener('selectionchange', counted);
      getSelection()!.removeAllRanges();
    }
  });
});

describe('<cue-transcript> double click', () => {
  it('BAD: a double click on a word selects it and never seeks, not even on its first click', async () => {
    const { video, el } = await page();
    let activated = 0;
    el.addEventListener('cue-activate', () => activated++);
    // The middle of "write" in cue 3, "Then write a small program."
    const text = document.createTreeWalker(cueEl(el, 3), NodeFilter.SHOW_TEXT).nextNode() as Text;
    const at = text.data.indexOf('write');
    const word = document.createRange();
    word.setStart(text, at);
    word.setEnd(text, at + 'write'.length);
    const r = word.getBoundingClientRect();
    await executeServerCommand('double-click', { position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)] });
    // Longer than a single click waits before it counts.
    await new Promise((done) => setTimeout(done, DOUBLE_CLICK_MS * 2));
    await frames(2);
    expect(selectedText(el).trim()).to.equal('write');
    expect(activated).to.equal(0);
    expect(video.currentTime).to.equal(0);
    getSelection()!.removeAllRanges();
  });

  it('GOOD: a single click still seeks, once it is clearly not a double click', async () => {
    const { video, el } = await page();
    await click(cueEl(el, 3));
    await waitFor(() => Math.abs(video.currentTime - 5) < 0.01, 'video at 5 s');
    expect(activeIndex(el)).to.equal(3);
  });
});

describe('<cue-transcript> follow', () => {
  it('GOOD: keeps the active cue in view by scrolling its own box, never the page', async () => {
    const { video, el } = await page('max-height: 100px; font-size: 12px');
    const box = scrollBox(el);
    await seek(video, 18);
    await waitFor(() => activeIndex(el) === 10, 'cue 10');
    await waitFor(() => inView(box, cueEl(el, 10)), 'cue 10 scrolled into view');
    expect(box.scrollTop).to.be.above(0);
    expect(document.scrollingElement!.scrollTop).to.equal(0);
  });

  it('GOOD: a wheel pauses following; the highlight still moves; "back to now" resumes', async () => {
    const { video, el } = await page('max-height: 100px; font-size: 12px');
    const box = scrollBox(el);
    const back = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="back-to-now"]')!;
    expect(back.hidden).to.equal(true);
    await seek(video, 18);
    await waitFor(() => inView(box, cueEl(el, 10)), 'cue 10 in view');
    await settled(box);
    box.dispatchEvent(new WheelEvent('wheel', { deltaY: -100, bubbles: true }));
    await el.updateComplete;
    expect(el.following).to.equal(false);
    expect(back.hidden).to.equal(false);
    expect(back.getBoundingClientRect().height).to.be.above(0);
    const top = box.scrollTop;
    await seek(video, 1);
    await waitFor(() => activeIndex(el) === 0, 'highlight moved to cue 0 while paused');
    await frames(3);
    // Still where the reader left it (give or take the last pixel of a smooth scroll), not back at cue 0.
    expect(box.scrollTop).to.be.closeTo(top, 2);
    await click(back);
    await waitFor(() => inView(box, cueEl(el, 0)), 'back to cue 0');
    expect(el.following).to.equal(true);
    expect(el.shadowRoot!.activeElement).to.equal(cueEl(el, 0));
    await el.updateComplete;
    expect(back.hidden).to.equal(true);
  });

  it('GOOD: the reader scrolling pauses following; seeking from the transcript resumes it', async () => {
    const { video, el } = await page('max-height: 100px; font-size: 12px');
    const box = scrollBox(el);
    await seek(video, 1);
    await waitFor(() => activeIndex(el) === 0, 'cue 0');
    await frames(3);
    // A real wheel, through the browser's input pipeline (a script setting scrollTop is not the reader).
    await wheel(box, 120);
    await waitFor(() => !el.following, 'paused by the wheel');
    await waitFor(() => box.scrollTop > 0, 'the wheel scrolled the box');
    await settled(box);
    const visible = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[data-cue]')].find((c) => inView(box, c))!;
    const index = Number(visible.dataset['cue']);
    await click(visible);
    await waitFor(() => el.following, 'following again after a click');
    await waitFor(() => activeIndex(el) === index, `cue ${index} active`);
    expect(video.currentTime).to.be.closeTo(el.loadedTranscript!.cues[index]!.startTime, 0.01);
  });

  it('GOOD: revealQuestion scrolls a question to the top of the box without seeking', async () => {
    const { video, el } = await page('max-height: 100px; font-size: 12px');
    const box = scrollBox(el);
    el.revealQuestion(2);
    const heading = el.shadowRoot!.querySelector('[data-q="2"]')!;
    await waitFor(() => Math.abs(heading.getBoundingClientRect().top - box.getBoundingClientRect().top) < 2, 'question 3 at the top');
    expect(video.currentTime).to.equal(0);
    expect(el.following).to.equal(true);
    expect(document.scrollingElement!.scrollTop).to.equal(0);
  });

  it('GOOD: no-follow never scrolls', async () => {
    const { video, el } = await page('max-height: 100px; font-size: 12px', { 'no-follow': '' });
    const box = scrollBox(el);
    await seek(video, 18);
    await waitFor(() => activeIndex(el) === 10, 'cue 10');
    await frames(5);
    expect(box.scrollTop).to.equal(0);
    expect(el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="back-to-now"]')!.hidden).to.equal(true);
  });
});
