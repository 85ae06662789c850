import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys, sendMouse } from '@web/test-runner-commands';
import 'media-chrome';
import '../../src/elements/cue-transcript/define.js';
import '../../src/elements/cue-chapters/define.js';
import type { CueChapters } from '../../src/elements/cue-chapters/cue-chapters.js';
import type { CueTranscript } from '../../src/elements/cue-transcript/cue-transcript.js';
import { currentEntry, listed, part, questionLinks } from './cue-chapters-helpers.js';
import { DEMO_CHAPTERS, DEMO_MEDIA, DEMO_VTT, activeCue, click, cueEl, metadata, releaseMouse, rendered, scrollBox, waitFor } from './cue-transcript-helpers.js';
import { inside, sleep, viewport, wheel, where } from './follow-helpers.js';

/** Playback rate: fast enough to cross several automatic scrolls in a few seconds of real time. */
const RATE = 4;
/** Sampling period, ms. */
const PERIOD = 500;
/**
 * Consecutive samples an item may be out of view while a smooth scroll of
 * ours brings it in (a cue just changed, a seek): 4 samples, 1.5-2 s.
 */
const GRACE = 4;

interface Player {
  video: HTMLVideoElement;
  transcript: CueTranscript;
  nav: CueChapters;
}

/** The demo page's arrangement, smaller: a media-chrome player, the question list beside it, the transcript. */
async function player(): Promise<Player> {
  const root = await fixture<HTMLDivElement>(html`<div style="display: flex; gap: 8px; align-items: flex-start; font-size: 13px">
    <div style="flex: none; width: 300px">
      <media-controller id="fmc" style="display: block; width: 300px; height: 169px">
        <video id="fv" slot="media" src=${DEMO_MEDIA} muted preload="auto" playsinline></video>
      </media-controller>
      <cue-chapters
        id="fnav"
        for="fv"
        mediacontroller="fmc"
        transcript="ft"
        chapters=${DEMO_CHAPTERS}
        deep-links
        style="--cue-max-height: 220px"
      ></cue-chapters>
    </div>
    <cue-transcript
      id="ft"
      for="fv"
      mediacontroller="fmc"
      src=${DEMO_VTT}
      chapters=${DEMO_CHAPTERS}
      style="flex: none; width: 320px; height: 200px"
    ></cue-transcript>
  </div>`);
  const video = root.querySelector('video')!;
  const transcript = root.querySelector('cue-transcript')!;
  const nav = root.querySelector('cue-chapters')!;
  await Promise.all([rendered(transcript), listed(nav), metadata(video)]);
  return { video, transcript, nav };
}

/** Between cues: the cue spoken last, which is what the transcript keeps in view. */
function lastStarted(t: CueTranscript, time: number): number {
  const cues = t.loadedTranscript!.cues;
  let i = 0;
  while (i + 1 < cues.length && cues[i + 1]!.startTime <= time) i++;
  return i;
}

const backToNow = (t: CueTranscript): HTMLButtonElement => part<HTMLButtonElement>(t, 'back-to-now');
const list = (nav: CueChapters): HTMLElement => part(nav, 'list');

/**
 * Every PERIOD ms: following is on and "Back to now" hidden; the cue playing
 * is inside the transcript's visible box and the question playing inside
 * the list's (each may be out for GRACE samples while a smooth scroll brings
 * it in); the page never scrolls. Counts the automatic scrolls it saw.
 */
class Sampler {
  readonly failures: string[] = [];
  samples = 0;
  scrolls = 0;
  /** Set while the test has deliberately paused following. */
  paused = false;
  #timer = 0;
  #out = { cue: 0, question: 0 };
  readonly #p: Player;

  constructor(p: Player) {
    this.#p = p;
  }

  start(): void {
    this.#timer = window.setInterval(() => this.#sample(), PERIOD);
    // A scroll of the transcript's box after a quiet spell starts another automatic scroll.
    let last = 0;
    scrollBox(this.#p.transcript).addEventListener('scroll', () => {
      const now = performance.now();
      if (now - last > 300 && !this.paused) this.scrolls++;
      last = now;
    });
  }

  stop(): void {
    clearInterval(this.#timer);
  }

  /** Forgets out-of-view streaks (after a deliberate jump). */
  reset(): void {
    this.#out = { cue: 0, question: 0 };
  }

  #fail(what: string): void {
    if (this.failures.length < 8) this.failures.push(`${(this.#p.video.currentTime).toFixed(1)} s: ${what}`);
  }

  #sample(): void {
    const { video, transcript, nav } = this.#p;
    this.samples++;
    const box = scrollBox(transcript);
    if (window.scrollY !== 0) this.#fail(`the page scrolled to ${window.scrollY}`);
    if (this.paused) return;
    if (!transcript.following) this.#fail('following turned off');
    if (!backToNow(transcript).hidden) this.#fail('"Back to now" shown');
    const cue = activeCue(transcript) ?? cueEl(transcript, lastStarted(transcript, video.currentTime));
    this.#out.cue = cue && inside(box, cue) ? 0 : this.#out.cue + 1;
    if (this.#out.cue === GRACE) this.#fail(`cue ${(cue as HTMLElement | null)?.dataset['cue']} out of view: ${where(box, cue)}`);
    const q = currentEntry(nav);
    const entry = q >= 0 ? questionLinks(nav)[q]! : null;
    this.#out.question = !entry || inside(list(nav), entry) ? 0 : this.#out.question + 1;
    if (this.#out.question === GRACE) this.#fail(`question ${q + 1} out of the list's view: ${where(list(nav), entry)}`);
  }
}

/**
 * Samples while `seconds` of the recording play (about a quarter of that in real time at 4x, longer
 * on a loaded machine), then checks nothing failed and that following had to scroll at least `scrolls` times.
 */
async function playFor(s: Sampler, video: HTMLVideoElement, seconds: number, scrolls: number, phase: string): Promise<void> {
  const until = video.currentTime + seconds;
  const before = s.scrolls;
  await waitFor(() => video.currentTime >= until || s.failures.length, `${phase}: ${seconds} s played`, 60000);
  expect(s.failures, `${phase}: ${s.failures.join('; ')}`).to.deep.equal([]);
  expect(s.scrolls - before, `${phase}: automatic scrolls`).to.be.at.least(scrolls);
}

describe('<cue-transcript> following real playback', () => {
  afterEach(async () => {
    await releaseMouse();
    if (location.hash) history.replaceState(null, '', location.pathname + location.search);
  });

  it('GOOD: over a minute of the recording at 4x, with seeks, a question click, Shift+N, a hash change and "Back to now", the cue playing stays in view and following stays on', async function () {
    this.timeout(150000);
    const p = await player();
    const { video, transcript, nav } = p;
    const box = scrollBox(transcript);
    const s = new Sampler(p);
    video.playbackRate = RATE;
    await video.play();
    video.playbackRate = RATE;
    s.start();
    try {
      // 1. From 0:00 with no input: several automatic scrolls.
      await playFor(s, video, 60, 3, 'playing from 0:00');

      // 2. A seek, as the seek bar does.
      video.currentTime = 300;
      await playFor(s, video, 30, 2, 'after a seek to 5:00');

      // 3. A real click on a question in the list (one that is in the list's view).
      const current = currentEntry(nav);
      // The first line of a later question that the list shows (entries are several lines tall).
      const v = viewport(list(nav));
      const links = questionLinks(nav);
      const index = links.findIndex((a, i) => i > current && a.getBoundingClientRect().top + 12 > v.top && a.getBoundingClientRect().top + 14 < v.bottom);
      expect(index, `a question after ${current + 1} in the list's view: ${links.map((a) => where(list(nav), a)).join(' | ')}`).to.be.above(current);
      const r = links[index]!.getBoundingClientRect();
      await sendMouse({ type: 'click', position: [Math.round(r.left + 60), Math.round(r.top + 12)] });
      await waitFor(() => currentEntry(nav) === index, `question ${index + 1} playing after the click`);
      await playFor(s, video, 30, 2, `after clicking question ${index + 1}`);

      // 4. Shift+N, from the list where the click left focus.
      const from = currentEntry(nav);
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'N' });
      await sendKeys({ up: 'Shift' });
      await waitFor(() => currentEntry(nav) === from + 1, 'the next question after Shift+N');
      await playFor(s, video, 30, 2, 'after Shift+N');

      // 5. The reader wheels away; "Back to now" brings following back, and it stays on.
      s.paused = true;
      await wheel(box, -400);
      await waitFor(() => !transcript.following, 'a real wheel pauses following');
      await transcript.updateComplete;
      expect(backToNow(transcript).hidden).to.equal(false);
      await sleep(1500);
      await click(backToNow(transcript));
      await waitFor(() => transcript.following, '"Back to now" resumes following');
      s.reset();
      s.paused = false;
      await playFor(s, video, 30, 2, 'after "Back to now"');

      // 6. A hash change names a question (the list reads deep links).
      location.hash = '#q=14';
      await waitFor(() => currentEntry(nav) === 13, 'question 14 after the hash change');
      await playFor(s, video, 30, 2, 'after a hash change to question 14');
    } finally {
      s.stop();
      video.pause();
    }
    expect(s.samples).to.be.at.least(60);
    expect(window.scrollY).to.equal(0);
  });

  it('GOOD: with prefers-reduced-motion (following jumps), the same holds across playback, a seek and Shift+N', async function () {
    this.timeout(90000);
    // Firefox's driver cannot emulate reduced motion (and its default is no-preference).
    if (navigator.userAgent.includes('Firefox') && !matchMedia('(prefers-reduced-motion: reduce)').matches) this.skip();
    await emulateMedia({ reducedMotion: 'reduce' });
    const p = await player();
    const { video, nav } = p;
    const s = new Sampler(p);
    try {
      video.playbackRate = RATE;
      await video.play();
      video.playbackRate = RATE;
      s.start();
      await playFor(s, video, 45, 2, 'reduced motion, playing from 0:00');
      video.currentTime = 700;
      await playFor(s, video, 25, 1, 'reduced motion, after a seek');
      // Shift+N from the question playing in the list (in view, so focusing it moves nothing).
      const current = currentEntry(nav);
      questionLinks(nav)[current]!.focus({ preventScroll: true });
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'N' });
      await sendKeys({ up: 'Shift' });
      await waitFor(() => currentEntry(nav) === current + 1, 'the next question after Shift+N');
      await playFor(s, video, 25, 1, 'reduced motion, after Shift+N');
    } finally {
      s.stop();
      video.pause();
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });
});
