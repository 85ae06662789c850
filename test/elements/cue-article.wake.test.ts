/**
 * `<cue-article>` wakes only when something can change, like `<cue-transcript>`:
 * with the demo recording playing through the published article's cue
 * boundaries, and the word-timed fixture through word boundaries, each change
 * of highlight lands on its boundary, in order, never early; after seeks it is
 * right; between boundaries no frame callback runs; off screen nothing is lit
 * word by word. Tolerances are loose for a loaded machine (the bench measures
 * the real figures: bench/article-playback).
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/cue-article/define.js';
import type { CueArticle } from '../../src/elements/cue-article/cue-article.js';
import * as clock from '../../src/controllers/media-clock.js';
import { activeCueIndex, type Transcript } from '../../src/core/transcript/index.js';
import { CLIP, DEMO_CHAPTERS, DEMO_MEDIA, DEMO_VTT, metadata, seek, waitFor } from './cue-transcript-helpers.js';
import { articleInto, highlighted, loaded } from './cue-article-helpers.js';

const WORDS = '/test/fixtures/words.vtt';
const SLACK = 0.001;
/** Loose bound on how late a change may come on a loaded machine. */
const LATE = 0.35;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Waits on timers (no frame callbacks of the test's own) until `check` holds. */
async function until(check: () => boolean, message: string, ms = 30000): Promise<void> {
  const end = performance.now() + ms;
  while (!check()) {
    if (performance.now() > end) throw new Error(`Timed out waiting for: ${message}`);
    await sleep(10);
  }
}

/** What is lit: the cue's text and the word's text ('' for none). */
interface Lit {
  cue: string;
  word: string;
}
const key = (s: Lit): string => `${s.cue} / ${s.word}`;
const shown = (): Lit => ({ cue: highlighted('cue-active').join(' | '), word: highlighted('cue-word').join(' | ') });

/** What should be lit at `time`: the cue's text, and its timed word run (or '' without word times). */
function expected(t: Transcript, time: number): Lit {
  const k = activeCueIndex(t, time + SLACK);
  const c = t.cues[k];
  if (!c) return { cue: '', word: '' };
  const text = c.plainText.trim();
  if (!c.timed.length) return { cue: text, word: '' };
  const cuts = [0, ...c.timed.map((w) => w.offset), c.plainText.length];
  const times = [c.startTime, ...c.timed.map((w) => w.time)];
  let seg = 0;
  while (seg + 1 < times.length && times[seg + 1]! <= time + SLACK) seg++;
  return { cue: text, word: c.plainText.slice(cuts[seg], cuts[seg + 1]).trim() };
}

/** Boundaries in (from, to] at which what should be lit changes, with the state each starts. */
function changesBetween(t: Transcript, from: number, to: number): { at: number; state: Lit }[] {
  const times = new Set<number>();
  for (const c of t.cues) {
    times.add(c.startTime).add(c.endTime);
    for (const w of c.timed) times.add(w.time);
  }
  const out: { at: number; state: Lit }[] = [];
  let last = expected(t, from);
  for (const at of [...times].filter((x) => x > from && x <= to).sort((a, b) => a - b)) {
    const state = expected(t, at);
    if (key(state) !== key(last)) out.push({ at, state });
    last = state;
  }
  return out;
}

/**
 * Records every change of what is lit, with the media time it happened at: the named
 * highlights' add and delete are watched, and the state read once the change is complete.
 */
function record(video: HTMLVideoElement): { changes: { at: number; state: Lit }[]; stop(): void } {
  const changes: { at: number; state: Lit }[] = [];
  const proto = Highlight.prototype;
  const { add, delete: del } = proto;
  let queued = false;
  const note = (): void => {
    if (queued) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      const state = shown();
      const last = changes[changes.length - 1];
      if (!last || key(last.state) !== key(state)) changes.push({ at: video.currentTime, state });
    });
  };
  proto.add = function (this: Highlight, r: AbstractRange) {
    note();
    return add.call(this, r);
  };
  proto.delete = function (this: Highlight, r: AbstractRange) {
    note();
    return del.call(this, r);
  };
  return {
    changes,
    stop() {
      proto.add = add;
      proto.delete = del;
    },
  };
}

/** Every change is to the state of a boundary crossed, in order, none early, none late beyond `LATE`, none missed. */
function checkChanges(t: Transcript, changes: { at: number; state: Lit }[], from: number, to: number): void {
  const want = changesBetween(t, from, to);
  expect(changes.map((c) => key(c.state)), 'the states, in order').to.deep.equal(want.map((b) => key(b.state)));
  changes.forEach((c, i) => {
    const b = want[i]!;
    expect(c.at, `change to "${key(c.state)}" not before its boundary ${b.at}`).to.be.at.least(b.at - SLACK - 0.0005);
    expect(c.at - b.at, `change to "${key(c.state)}" within ${LATE} s of ${b.at}`).to.be.below(LATE);
  });
}

const stats = (): { frames: number; timers: number } => clock.clockStats;

/** Counts requestAnimationFrame calls (anyone's) until `stop()`. */
function countFrames(): { calls: () => number; stop(): void } {
  const raf = window.requestAnimationFrame;
  let calls = 0;
  window.requestAnimationFrame = (cb: FrameRequestCallback): number => {
    calls++;
    return raf.call(window, cb);
  };
  return { calls: () => calls, stop: () => (window.requestAnimationFrame = raf) };
}

/** The demo recording and the published article. */
async function demoPage(): Promise<{ video: HTMLVideoElement; article: CueArticle; t: Transcript }> {
  const root = await fixture<HTMLElement>(html`<div><video id="v" muted preload="auto" src=${DEMO_MEDIA} width="160" height="90"></video></div>`);
  const article = document.createElement('cue-article');
  await articleInto(article);
  article.setAttribute('for', 'v');
  article.setAttribute('chapters', DEMO_CHAPTERS);
  article.setAttribute('src', DEMO_VTT);
  root.append(article);
  await loaded(article);
  const video = root.querySelector('video')!;
  await metadata(video);
  return { video, article, t: article.loadedTranscript! };
}

/** The word-timed fixture's text as an article, over its clip. */
async function wordsPage(above = 0): Promise<{ video: HTMLVideoElement; article: CueArticle; t: Transcript }> {
  const root = await fixture<HTMLElement>(html`<div>
    <video id="w" muted preload="auto" src=${CLIP} width="80" height="45"></video>
    <div style=${`height: ${above}px`}></div>
    <cue-article for="w" src=${WORDS}>
      <p>Host: Welcome to the session.</p>
      <p>Francesco Ciulla: Rust keeps memory safe. No garbage collector needed. A long sentence without word times, so nothing changes for four seconds.</p>
      <p>Host: Thank you very much.</p>
    </cue-article>
  </div>`);
  const article = root.querySelector('cue-article')!;
  await loaded(article);
  const video = root.querySelector('video')!;
  await metadata(video);
  return { video, article, t: article.loadedTranscript! };
}

describe('<cue-article> wakes at boundaries only', () => {
  afterEach(() => scrollTo({ top: 0, behavior: 'instant' }));

  it('GOOD: the demo recording playing through six cue boundaries: each highlight lands on its boundary, in order, never early', async () => {
    const { video, t } = await demoPage();
    await seek(video, 3.2);
    await until(() => key(shown()) === key(expected(t, 3.2)), 'the first cue lit at 3.2 s');
    const rec = record(video);
    try {
      await video.play();
      await until(() => video.currentTime >= 18.3, 'played to 18.3 s', 60000);
      video.pause();
      await sleep(50);
    } finally {
      rec.stop();
    }
    expect(changesBetween(t, 3.2, video.currentTime).length, 'boundaries crossed').to.be.at.least(6);
    checkChanges(t, rec.changes, 3.2, video.currentTime);
  });

  it('GOOD: between cue boundaries no frame callback runs at all (an eight-second cue of the demo)', async () => {
    const { video, article, t } = await demoPage();
    const k = t.cues.findIndex((c) => c.id === 'intro-p3-s3');
    const cue = t.cues[k]!;
    await seek(video, cue.startTime + 0.1);
    await video.play();
    await until(() => video.currentTime >= cue.startTime + 0.3, 'playing in the long cue');
    expect(article.activeCueIndex).to.equal(k);
    const frames = countFrames();
    const clockFrames = stats().frames;
    const clockTimers = stats().timers;
    const from = video.currentTime;
    try {
      await until(() => video.currentTime >= cue.endTime - 0.4, `played to ${cue.endTime - 0.4} s`, 60000);
    } finally {
      frames.stop();
    }
    const to = video.currentTime;
    expect(to - from, 'a long enough quiet stretch').to.be.above(5);
    expect(frames.calls(), `requestAnimationFrame calls between ${from.toFixed(2)} and ${to.toFixed(2)} s`).to.equal(0);
    expect(stats().frames - clockFrames, 'clock frame callbacks').to.equal(0);
    expect(stats().timers - clockTimers, 'clock timer callbacks').to.equal(0);
    // And the boundary at its end is still caught.
    await until(() => video.currentTime >= cue.endTime + 0.5, 'played past its end', 30000);
    video.pause();
    await waitFor(() => key(shown()) === key(expected(t, video.currentTime)), 'the next state lit after the quiet stretch');
    expect(article.activeCueIndex).to.not.equal(k);
  });

  it('GOOD: after eight seeks while playing, a pause and a seek while paused, the right cue is lit', async () => {
    const { video, article, t } = await demoPage();
    await seek(video, 1);
    await video.play();
    for (const target of [120.2, 30.9, 600.5, 4.1, 10.2, 340, 17.8, 95]) {
      const seeked = new Promise((r) => video.addEventListener('seeked', r, { once: true }));
      video.currentTime = target;
      await seeked;
      await until(() => video.currentTime >= target + 0.3, `played on after seeking to ${target}`, 30000);
      const now = video.currentTime;
      const state = shown();
      const ok = key(state) === key(expected(t, now)) || key(state) === key(expected(t, now - LATE));
      expect(ok, `after seeking to ${target}: "${key(state)}" at ${now.toFixed(3)} s, want "${key(expected(t, now))}"`).to.equal(true);
    }
    video.pause();
    await until(() => video.paused, 'paused');
    await sleep(50);
    expect(key(shown()), 'after pausing').to.equal(key(expected(t, video.currentTime)));
    await seek(video, 4.5);
    await waitFor(() => article.activeCueIndex === -1, 'between two cues nothing is lit');
    expect(key(shown())).to.equal(' / ');
    await seek(video, 5);
    await waitFor(() => key(shown()) === key(expected(t, 5)), 'seek while paused');
  });

  it('GOOD: word times: playing through cue and word boundaries, each word lands on its boundary', async () => {
    const { video, t } = await wordsPage();
    await seek(video, 0.9);
    const rec = record(video);
    try {
      await video.play();
      await until(() => video.currentTime >= 6.7, 'played to 6.7 s');
      video.pause();
      await sleep(50);
    } finally {
      rec.stop();
    }
    expect(rec.changes.some((c) => c.state.word === 'memory')).to.equal(true);
    checkChanges(t, rec.changes, 0.9, video.currentTime);
  });

  it('GOOD: off screen, no word is lit and no frames run between cue boundaries; back in view the word catches up', async () => {
    const { video, t } = await wordsPage(3000);
    document.scrollingElement!.scrollTop = 0;
    await sleep(200);
    await seek(video, 3.1);
    await video.play();
    await until(() => video.currentTime >= 3.2, 'playing in cue 2');
    const frames = stats().frames;
    await until(() => video.currentTime >= 4.9, 'played past two word boundaries');
    expect(stats().frames - frames, 'clock frame callbacks while off screen, between cue boundaries').to.equal(0);
    expect(shown().word, 'no word lit off screen').to.equal('');
    expect(shown().cue).to.equal('Rust keeps memory safe.');
    document.querySelector('cue-article')!.scrollIntoView();
    await waitFor(() => key(shown()) === key(expected(t, video.currentTime)), 'the word caught up once in view');
    // Back in view, the next word boundary lands on time again.
    const from = video.currentTime;
    const rec = record(video);
    try {
      await until(() => video.currentTime >= 5.3, 'played past the word at 5.1 s, in view');
      video.pause();
      await sleep(50);
    } finally {
      rec.stop();
    }
    expect(shown().word).to.equal('safe.');
    checkChanges(t, rec.changes, from, video.currentTime);
  });

  it('GOOD: a paused article schedules nothing', async () => {
    const { video } = await demoPage();
    await seek(video, 10);
    const frames = stats().frames;
    const timers = stats().timers;
    await sleep(600);
    expect(stats().frames - frames).to.equal(0);
    expect(stats().timers - timers).to.equal(0);
  });
});
