/**
 * The transcript wakes only when something can change: on real media playing
 * through cue and word boundaries (test/fixtures/words.vtt on clip.mp4), the
 * highlight lands on each boundary, in order and never early; after seeks,
 * rate changes and pauses it is right; between boundaries none of our frame
 * callbacks run. Speed is the bench's (bench/playback); these assert what is
 * highlighted, with loose tolerances for a loaded machine.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, sendKeys, sendMouse } from '@web/test-runner-commands';
import { DOUBLE_CLICK_MS } from '../../src/controllers/press-activation.js';
import 'media-chrome';
import '../../src/elements/cue-transcript/define.js';
import '../../src/elements/cue-chapters/define.js';
import type { CueTranscript } from '../../src/elements/cue-transcript/cue-transcript.js';
import * as clock from '../../src/controllers/media-clock.js';
import { activeCueIndex, type Transcript } from '../../src/core/transcript/index.js';
import { CLIP, cueEl, metadata, nextEvent, releaseMouse, rendered, seek, waitFor } from './cue-transcript-helpers.js';

const WORDS = '/test/fixtures/words.vtt';
const SLACK = 0.001;
/** Loose bound on how late a change may come on a loaded machine (the bench measures the real figure). */
const LATE = 0.35;

interface State {
  cue: number;
  spoken: number;
}

async function page(): Promise<{ video: HTMLVideoElement; el: CueTranscript; t: Transcript }> {
  const root = await fixture<HTMLDivElement>(html`<div>
    <cue-transcript for="v" src=${WORDS} style="max-height: 320px; font-size: 12px"></cue-transcript>
    <video id="v" src=${CLIP} muted preload="auto" playsinline width="80" height="45"></video>
  </div>`);
  const el = root.querySelector('cue-transcript')!;
  const video = root.querySelector('video')!;
  await rendered(el);
  await metadata(video);
  return { video, el, t: el.loadedTranscript! };
}

/** What should be marked at `time`: the cue, and how many of its word segments are spoken. */
function expected(t: Transcript, time: number): State {
  const cue = activeCueIndex(t, time + SLACK);
  const timed = t.cues[cue]?.timed ?? [];
  return { cue, spoken: cue < 0 ? 0 : 1 + timed.filter((w) => w.time <= time + SLACK).length };
}

/** What is marked: the aria-current cue, and how many distinct word segments in it are spoken. */
function shown(el: CueTranscript): State {
  const cue = el.shadowRoot!.querySelector<HTMLElement>('[aria-current="time"]');
  if (!cue) return { cue: -1, spoken: 0 };
  const segs = new Set([...cue.querySelectorAll<HTMLElement>('[part~="spoken"]')].map((s) => s.dataset['seg']));
  return { cue: Number(cue.dataset['cue']), spoken: cue.querySelector('[data-seg]') ? segs.size : 1 };
}

const same = (a: State, b: State): boolean => a.cue === b.cue && a.spoken === b.spoken;
const key = (s: State): string => `${s.cue}:${s.spoken}`;

/** The boundaries in (from, to] with the state each one starts. */
function boundaries(t: Transcript, from: number, to: number): { at: number; state: State }[] {
  const times = new Set<number>();
  for (const c of t.cues) {
    times.add(c.startTime).add(c.endTime);
    for (const w of c.timed) times.add(w.time);
  }
  return [...times]
    .filter((x) => x > from && x <= to)
    .sort((a, b) => a - b)
    .map((at) => ({ at, state: expected(t, at) }));
}

/** Records every change of what is marked, with the media time it happened at. */
function record(el: CueTranscript, video: HTMLVideoElement): { at: number; state: State }[] {
  const out: { at: number; state: State }[] = [];
  const observer = new MutationObserver(() => {
    const state = shown(el);
    const last = out[out.length - 1];
    if (!last || !same(last.state, state)) out.push({ at: video.currentTime, state });
  });
  observer.observe(el.shadowRoot!, { subtree: true, attributes: true, attributeFilter: ['aria-current', 'part'] });
  return out;
}

/** The clock's own count of its frame and timer callbacks (read loosely, so this file also runs against a clock without it). */
const stats = (): { frames: number; timers: number } => (clock as { clockStats?: { frames: number; timers: number } }).clockStats ?? { frames: 0, timers: 0 };

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Waits, on timers (no frame callbacks of the test's own), until `check` holds. */
async function until(check: () => boolean, message: string, ms = 15000): Promise<void> {
  const end = performance.now() + ms;
  while (!check()) {
    if (performance.now() > end) throw new Error(`Timed out waiting for: ${message}`);
    await sleep(10);
  }
}

/** Checks the marks against playback: every change is to the state of a boundary crossed, in order, none early, none missed. */
function checkChanges(t: Transcript, changes: { at: number; state: State }[], from: number, to: number): void {
  const want = boundaries(t, from, to).filter((b, i, all) => i === 0 || !same(b.state, all[i - 1]!.state));
  expect(changes.map((c) => key(c.state)), 'the states, in order').to.deep.equal(want.map((b) => key(b.state)));
  changes.forEach((c, i) => {
    const b = want[i]!;
    expect(c.at, `change to ${key(c.state)} not before its boundary ${b.at}`).to.be.at.least(b.at - SLACK - 0.0005);
    expect(c.at - b.at, `change to ${key(c.state)} within ${LATE} s`).to.be.below(LATE);
  });
}

describe('<cue-transcript> wakes at boundaries only', () => {
  it('GOOD: playing through cues and words, each change lands on its boundary, in order, never early', async () => {
    const { video, el, t } = await page();
    await seek(video, 0.9);
    await until(() => same(shown(el), expected(t, 0.9)), 'nothing marked at 0.9 s');
    const changes = record(el, video);
    await video.play();
    await until(() => video.currentTime >= 6.7, 'played to 6.7 s');
    video.pause();
    const end = video.currentTime;
    await sleep(50);
    checkChanges(t, changes, 0.9, end);
  });

  it('GOOD: at double and half speed the words still land on their boundaries', async () => {
    const { video, el, t } = await page();
    await seek(video, 0.9);
    const changes = record(el, video);
    video.playbackRate = 2;
    await video.play();
    await until(() => video.currentTime >= 3.2, 'played to 3.2 s at 2x');
    video.playbackRate = 0.5;
    const slowFrom = video.currentTime;
    await until(() => video.currentTime >= 4.5, 'played to 4.5 s at 0.5x');
    video.pause();
    await sleep(50);
    checkChanges(t, changes, 0.9, video.currentTime);
    expect(slowFrom).to.be.below(3.7);
  });

  it('GOOD: after ten seeks while playing, a pause and a seek while paused, the right cue and words are marked', async () => {
    const { video, el, t } = await page();
    await seek(video, 1);
    await video.play();
    const targets = [14.5, 3.2, 7.9, 1.6, 13.9, 4.29, 9.95, 2.05, 15.5, 6.2];
    for (const target of targets) {
      const seeked = new Promise((r) => video.addEventListener('seeked', r, { once: true }));
      video.currentTime = target;
      await seeked;
      // Playing on from the seek, past the next boundary if one is near: the plan was made again.
      const next = boundaries(t, target, 20)[0]?.at ?? 20;
      const goal = Math.min(next + 0.1, target + 0.4);
      await until(() => video.currentTime >= goal, `played to ${goal.toFixed(2)} s after seeking to ${target}`);
      const now = video.currentTime;
      const state = shown(el);
      const ok = same(state, expected(t, now)) || same(state, expected(t, now - LATE));
      expect(ok, `after seeking to ${target}: ${key(state)} at ${now.toFixed(3)} s, want ${key(expected(t, now))}`).to.equal(true);
    }
    video.pause();
    await until(() => video.paused, 'paused');
    await sleep(50);
    expect(key(shown(el)), 'after pausing').to.equal(key(expected(t, video.currentTime)));
    await seek(video, 7.85);
    await waitFor(() => same(shown(el), expected(t, 7.85)), 'seek while paused: 2 words spoken in cue 2');
    expect(key(shown(el))).to.equal('2:3');
  });

  it('GOOD: between boundaries none of our frame callbacks run (a four-second cue without word times)', async () => {
    const { video, el, t } = await page();
    await seek(video, 9.1);
    await video.play();
    await until(() => video.currentTime >= 9.3, 'played into the quiet cue');
    expect(key(shown(el))).to.equal(key(expected(t, 9.3)));
    const raf = window.requestAnimationFrame;
    let calls = 0;
    window.requestAnimationFrame = (cb: FrameRequestCallback): number => {
      calls++;
      return raf.call(window, cb);
    };
    const frames = stats().frames;
    const timers = stats().timers;
    const from = video.currentTime;
    try {
      await until(() => video.currentTime >= 12.4, 'played to 12.4 s');
    } finally {
      window.requestAnimationFrame = raf;
    }
    const to = video.currentTime;
    video.pause();
    expect(to - from, 'a long enough quiet stretch').to.be.above(2);
    expect(calls, `requestAnimationFrame calls between ${from.toFixed(2)} and ${to.toFixed(2)} s`).to.equal(0);
    expect(stats().frames - frames, 'clock frame callbacks').to.equal(0);
    expect(stats().timers - timers, 'clock timer callbacks').to.equal(0);
    // And the boundary at the end of the stretch is still caught.
    await video.play();
    await until(() => video.currentTime >= 13.3, 'played past 13 s');
    video.pause();
    await waitFor(() => shown(el).cue === 4, 'cue 4 after the quiet stretch');
  });

  it('GOOD: off screen, the words are not lit one by one (no frames between cue boundaries); back in view they catch up', async () => {
    const root = await fixture<HTMLDivElement>(html`<div>
      <div style="height: 3000px">An article above the transcript.</div>
      <cue-transcript for="v" src=${WORDS} style="max-height: 200px"></cue-transcript>
      <video id="v" src=${CLIP} muted preload="auto" playsinline width="80" height="45"></video>
    </div>`);
    const el = root.querySelector('cue-transcript')!;
    const video = root.querySelector('video')!;
    const t = (await rendered(el), el.loadedTranscript!);
    await metadata(video);
    document.scrollingElement!.scrollTop = 0;
    await sleep(200);
    await seek(video, 3.1);
    await video.play();
    await until(() => video.currentTime >= 3.2, 'playing in cue 1');
    const frames = stats().frames;
    await until(() => video.currentTime >= 4.9, 'played past two word boundaries');
    const offScreen = stats().frames - frames;
    expect(offScreen, 'clock frame callbacks while off screen, between cue boundaries').to.equal(0);
    el.scrollIntoView();
    await waitFor(() => same(shown(el), expected(t, video.currentTime)), 'words caught up once in view');
    const before = stats().timers;
    await until(() => video.currentTime >= 5.3, 'played past the word at 5.1 s, in view');
    video.pause();
    expect(key(shown(el))).to.equal('1:4');
    expect(stats().timers - before, 'in view, the word boundary is caught by a wake-up').to.be.above(0);
    document.scrollingElement!.scrollTop = 0;
  });

  it('GOOD: playing through cue and word boundaries, the clock asks for no frame at all (each change is made in a timer task, painted by the next frame)', async () => {
    const { video, el, t } = await page();
    await seek(video, 0.9);
    await until(() => same(shown(el), expected(t, 0.9)), 'nothing marked at 0.9 s');
    const changes = record(el, video);
    const raf = window.requestAnimationFrame;
    let calls = 0;
    window.requestAnimationFrame = (cb: FrameRequestCallback): number => {
      calls++;
      return raf.call(window, cb);
    };
    const frames = stats().frames;
    const timers = stats().timers;
    try {
      await video.play();
      await until(() => video.currentTime >= 5.3, 'played to 5.3 s');
    } finally {
      window.requestAnimationFrame = raf;
    }
    video.pause();
    const end = video.currentTime;
    await sleep(50);
    checkChanges(t, changes, 0.9, end);
    expect(changes.length, 'changes seen').to.be.at.least(5);
    expect(calls, 'requestAnimationFrame calls while playing through the boundaries').to.equal(0);
    expect(stats().frames - frames, 'clock frame callbacks').to.equal(0);
    expect(stats().timers - timers, 'clock timer wake-ups').to.be.at.least(changes.length);
  });

  it('GOOD: a highlight change starts no animation, so it costs one frame (default motion settings)', async () => {
    expect(matchMedia('(prefers-reduced-motion: reduce)').matches, 'default motion settings').to.equal(false);
    const { video, el, t } = await page();
    await seek(video, 2.9);
    await until(() => same(shown(el), expected(t, 2.9)), 'cue 0 marked at 2.9 s');
    const root = el.shadowRoot!;
    let running = 0;
    const observer = new MutationObserver(() => {
      running = Math.max(running, root.getAnimations().length);
    });
    observer.observe(root, { subtree: true, attributes: true, attributeFilter: ['part'] });
    await video.play();
    await until(() => video.currentTime >= 3.3, 'played into cue 1');
    video.pause();
    observer.disconnect();
    expect(shown(el).cue, 'cue 1 marked').to.equal(1);
    // Read once more a frame later too: a transition starts at the style change after the part toggles.
    await new Promise((r) => requestAnimationFrame(r));
    running = Math.max(running, root.getAnimations().length);
    expect(running, 'animations running in the transcript after the highlight moved').to.equal(0);
  });

  it('GOOD: a paused transcript schedules nothing', async () => {
    const { video } = await page();
    await seek(video, 10);
    const frames = stats().frames;
    const timers = stats().timers;
    await sleep(600);
    expect(stats().frames - frames).to.equal(0);
    expect(stats().timers - timers).to.equal(0);
  });
});

/** The word segment of cue `cue` whose text is `text`. */
function word(el: CueTranscript, cue: number, text: string): HTMLElement {
  const found = [...cueEl(el, cue).querySelectorAll<HTMLElement>('[data-seg]')].find((s) => s.textContent!.trim() === text);
  if (!found) throw new Error(`no word "${text}" in cue ${cue}`);
  return found;
}

const middle = (e: Element): [number, number] => {
  const r = e.getBoundingClientRect();
  return [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)];
};

describe('<cue-transcript> words with inline timestamps', () => {
  afterEach(releaseMouse);

  it('GOOD: a real click on a word seeks to that word, and cue-activate says so', async () => {
    const { video, el } = await page();
    const activated = nextEvent(el, 'cue-activate');
    await sendMouse({ type: 'click', position: middle(word(el, 1, 'memory')) });
    const e = await activated;
    expect(e.detail.cueIndex).to.equal(1);
    expect(e.detail.time).to.equal(4.3);
    await waitFor(() => Math.abs(video.currentTime - 4.3) < 0.01, 'video at 4.3 s, the word "memory"');
    await waitFor(() => key(shown(el)) === '1:3', '"Rust keeps memory" spoken');
    expect(video.paused).to.equal(true);
  });

  it('GOOD: the first word seeks to the cue start; a word in another cue to its own time', async () => {
    const { video, el } = await page();
    await sendMouse({ type: 'click', position: middle(word(el, 4, 'much.')) });
    await waitFor(() => Math.abs(video.currentTime - 14.8) < 0.01, 'video at 14.8 s, "much."');
    await sendMouse({ type: 'click', position: middle(word(el, 0, 'Welcome')) });
    await waitFor(() => Math.abs(video.currentTime - 1) < 0.01, 'video at 1 s, the cue start');
  });

  it('BAD: a double click on a timed word selects it and never seeks', async () => {
    const { video, el } = await page();
    let activated = 0;
    el.addEventListener('cue-activate', () => activated++);
    await executeServerCommand('double-click', { position: middle(word(el, 2, 'garbage')) });
    await new Promise((done) => setTimeout(done, DOUBLE_CLICK_MS * 2));
    const root = el.shadowRoot as ShadowRoot & { getSelection?(): Selection | null };
    expect((root.getSelection?.() ?? getSelection())!.toString().trim()).to.equal('garbage');
    expect(activated).to.equal(0);
    expect(video.currentTime).to.equal(0);
    getSelection()!.removeAllRanges();
  });

  it('GOOD: Enter on a cue with timed words still seeks to the cue start', async () => {
    const { video, el } = await page();
    cueEl(el, 0).focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await waitFor(() => Math.abs(video.currentTime - 3) < 0.01, 'video at 3 s, cue 1 start');
  });
});

describe('<cue-transcript> and <cue-chapters> inside a <media-controller>', () => {
  it("GOOD: media-chrome's 4-per-second state writes do not re-render them, and our clock sleeps between boundaries", async () => {
    const root = await fixture<HTMLDivElement>(html`<div>
      <media-controller id="mc">
        <video id="v" slot="media" src=${CLIP} muted preload="auto" playsinline></video>
        <media-control-bar><media-play-button></media-play-button><media-time-range></media-time-range></media-control-bar>
        <cue-chapters transcript="t" noautohide></cue-chapters>
        <cue-transcript id="t" src=${WORDS} noautohide style="max-height: 200px"></cue-transcript>
      </media-controller>
    </div>`);
    const el = root.querySelector('cue-transcript')!;
    const nav = root.querySelector('cue-chapters')!;
    const video = root.querySelector('video')!;
    await rendered(el);
    await metadata(video);
    let renders = 0;
    for (const host of [el, nav] as unknown as { render(): unknown }[]) {
      const render = host.render;
      host.render = function (this: unknown) {
        renders++;
        return render.call(this);
      };
    }
    await seek(video, 9.1);
    await video.play();
    await until(() => video.currentTime >= 9.4, 'played into the quiet cue');
    renders = 0;
    const frames = stats().frames;
    const before = el.mediaCurrentTime;
    const navBefore = (nav as unknown as { mediaCurrentTime: number }).mediaCurrentTime;
    await until(() => video.currentTime >= 12.4, 'played to 12.4 s');
    video.pause();
    // media-chrome did write its state (as properties) meanwhile.
    expect(el.mediaCurrentTime, 'mediaCurrentTime written to the transcript').to.be.above(before!);
    expect((nav as unknown as { mediaCurrentTime: number }).mediaCurrentTime, 'and to the navigator').to.be.above(navBefore);
    expect(renders, 'renders of the transcript and the navigator').to.equal(0);
    expect(stats().frames - frames, 'clock frame callbacks').to.equal(0);
    expect(key(shown(el))).to.equal('3:1');
  });
});
