import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/cue-transcript/define.js';
import type { CueTranscript } from '../../src/elements/cue-transcript/cue-transcript.js';
import {
  CLIP,
  TALK,
  TALK_CHAPTERS,
  activeIndex,
  metadata,
  nextEvent,
  rendered,
  seek,
  waitFor,
} from './cue-transcript-helpers.js';

/** Connects a transcript for `src` and waits for its cue-error or cue-load. */
async function load<K extends 'cue-error' | 'cue-load'>(
  src: string,
  type: K,
): Promise<{ el: CueTranscript; event: HTMLElementEventMap[K] }> {
  const root = await fixture<HTMLDivElement>(html`<div></div>`);
  const el = document.createElement('cue-transcript');
  el.src = src;
  const event = nextEvent(el, type);
  root.append(el);
  const e = await event;
  await el.updateComplete;
  return { el, event: e };
}

describe('<cue-transcript> when things go wrong', () => {
  it('BAD: a 404 shows an alert in place of the transcript and fires cue-error', async () => {
    const { el, event } = await load('/test/fixtures/missing.vtt', 'cue-error');
    expect(event.detail.reason).to.equal('http');
    expect(event.detail.status).to.equal(404);
    expect(event.detail.url).to.match(/\/test\/fixtures\/missing\.vtt$/);
    expect(event.bubbles && event.composed).to.equal(true);
    const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('could not be loaded');
    expect(alert.textContent).to.contain('404');
    expect(el.shadowRoot!.querySelector('[data-cue]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('BAD: a file that is not WebVTT is an error, with the line and column', async () => {
    const { el, event } = await load('/test/fixtures/not-webvtt.vtt', 'cue-error');
    expect(event.detail.reason).to.equal('not-webvtt');
    expect(event.detail.errors.length).to.be.at.least(1);
    expect(event.detail.errors[0]).to.include({ line: 1, column: 1 });
    const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('not WebVTT');
    expect(alert.textContent).to.contain('Line 1, column 1');
  });

  it('BAD: a network failure is reported as such', async () => {
    const { event } = await load('http://127.0.0.1:9/nothing.vtt', 'cue-error');
    expect(event.detail.reason).to.equal('network');
  });

  it('BAD: bad cues are skipped; the good ones show and each problem is listed with line and column', async () => {
    const { el, event } = await load('/test/fixtures/bad-cues.vtt', 'cue-load');
    expect([...el.shadowRoot!.querySelectorAll('[data-cue]')].map((c) => c.textContent)).to.deep.equal([
      'The first good cue.',
      'The second good cue.',
      'The third good cue.',
    ]);
    const errors = event.detail.errors;
    expect(errors.length).to.be.at.least(2);
    expect(errors.map((e) => e.line)).to.include.members([8, 16]);
    const problems = el.shadowRoot!.querySelector('details[part~="problems"]')!;
    expect(problems.querySelector('summary')!.textContent).to.contain(`${errors.length} problems`);
    const items = [...problems.querySelectorAll('li')].map((li) => li.textContent!);
    expect(items[0]).to.match(/^Line \d+, column \d+: /);
    expect(items.some((t) => t.startsWith('Line 8,'))).to.equal(true);
    expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('BAD: chapters that fail to load leave the transcript readable and are reported', async () => {
    const root = await fixture<HTMLDivElement>(html`<div></div>`);
    const el = document.createElement('cue-transcript');
    el.src = TALK;
    el.chapters = '/test/fixtures/missing.chapters.vtt';
    const error = nextEvent(el, 'cue-error');
    root.append(el);
    const e = await error;
    expect(e.detail.source).to.equal('chapters');
    await rendered(el);
    expect(el.shadowRoot!.querySelectorAll('[data-cue]')).to.have.length(11);
    expect(el.shadowRoot!.querySelector('[part~="problems"]')!.textContent).to.contain('404');
  });
});

describe('<cue-transcript> sources', () => {
  it("GOOD: without src, reads the media's own <track> elements", async () => {
    const root = await fixture<HTMLDivElement>(html`<div>
      <video id="tv" src=${CLIP} muted preload="auto">
        <track kind="captions" src=${TALK} />
        <track kind="chapters" src=${TALK_CHAPTERS} />
      </video>
      <cue-transcript for="tv"></cue-transcript>
    </div>`);
    const el = root.querySelector('cue-transcript')!;
    const video = root.querySelector('video')!;
    await rendered(el);
    expect(el.shadowRoot!.querySelectorAll('[data-cue]')).to.have.length(11);
    expect(el.shadowRoot!.querySelectorAll('h3')).to.have.length(3);
    expect(el.shadowRoot!.querySelector('h3')!.textContent).to.contain('How do I start with Rust?');
    // The tracks were disabled; they are read hidden, never shown over the video.
    expect([...video.textTracks].map((t) => t.mode)).to.deep.equal(['hidden', 'hidden']);
    await seek(video, 4);
    await waitFor(() => activeIndex(el) === 2, 'cue 2 from track cues');
  });

  it('GOOD: changing src replaces the transcript', async () => {
    const root = await fixture<HTMLDivElement>(html`<div><cue-transcript src=${TALK}></cue-transcript></div>`);
    const el = root.querySelector('cue-transcript')!;
    await rendered(el);
    const loaded = nextEvent(el, 'cue-load');
    el.src = '/test/fixtures/bad-cues.vtt';
    await loaded;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('[data-cue]')).to.have.length(3);
    expect(el.shadowRoot!.textContent).to.not.contain('Welcome to the session.');
  });

  it('GOOD: changing for re-binds to the other media', async () => {
    const root = await fixture<HTMLDivElement>(html`<div>
      <video id="a" src=${CLIP} muted preload="auto"></video>
      <video id="b" src=${CLIP} muted preload="auto"></video>
      <cue-transcript for="a" src=${TALK}></cue-transcript>
    </div>`);
    const [a, b] = [...root.querySelectorAll('video')] as [HTMLVideoElement, HTMLVideoElement];
    const el = root.querySelector('cue-transcript')!;
    await rendered(el);
    await seek(a, 4);
    await waitFor(() => activeIndex(el) === 2, 'cue 2 from a');
    await seek(b, 15);
    el.htmlFor = 'b';
    await waitFor(() => activeIndex(el) === 8, 'cue 8 from b once bound to it');
    await seek(a, 1);
    await new Promise((r) => setTimeout(r, 100));
    expect(activeIndex(el)).to.equal(8);
  });

  it("GOOD: a new media source (emptied/loadstart) re-syncs to the new source's time", async () => {
    const root = await fixture<HTMLDivElement>(html`<div>
      <video id="s" src=${CLIP} muted preload="auto"></video>
      <cue-transcript for="s" src=${TALK}></cue-transcript>
    </div>`);
    const video = root.querySelector('video')!;
    const el = root.querySelector('cue-transcript')!;
    await rendered(el);
    await seek(video, 15);
    await waitFor(() => activeIndex(el) === 8, 'cue 8');
    video.src = `${CLIP}?again`;
    await metadata(video);
    await waitFor(() => activeIndex(el) === 0, 'back at cue 0 with the new source');
  });

  it('GOOD: several transcripts on one page stay independent', async () => {
    const root = await fixture<HTMLDivElement>(html`<div>
      <video id="m1" src=${CLIP} muted preload="auto"></video>
      <video id="m2" src=${CLIP} muted preload="auto"></video>
      <cue-transcript for="m1" src=${TALK}></cue-transcript>
      <cue-transcript for="m2" src=${TALK}></cue-transcript>
    </div>`);
    const [v1, v2] = [...root.querySelectorAll('video')] as [HTMLVideoElement, HTMLVideoElement];
    const [t1, t2] = [...root.querySelectorAll('cue-transcript')] as [CueTranscript, CueTranscript];
    await rendered(t1);
    await rendered(t2);
    await seek(v1, 4);
    await seek(v2, 18);
    await waitFor(() => activeIndex(t1) === 2 && activeIndex(t2) === 10, 'each follows its own media');
  });
});

describe('<cue-transcript> lifecycle', () => {
  it('GOOD: removing the element leaves no animation frames, listeners or timers running', async () => {
    const root = await fixture<HTMLDivElement>(html`<div>
      <video id="d" src=${CLIP} muted preload="auto"></video>
      <cue-transcript for="d" src=${TALK} chapters=${TALK_CHAPTERS} style="max-height: 80px"></cue-transcript>
    </div>`);
    const video = root.querySelector('video')!;
    const el = root.querySelector('cue-transcript')!;
    await rendered(el);
    await seek(video, 6.1);
    await video.play();
    await waitFor(() => activeIndex(el) === 4, 'playing and highlighting');
    let changes = 0;
    el.addEventListener('cue-change', () => changes++);
    const raf = window.requestAnimationFrame;
    let frames = 0;
    let atRemoval = -1;
    window.requestAnimationFrame = (cb) => {
      frames++;
      return raf.call(window, cb);
    };
    try {
      // While connected, the transcript's clock wakes for the next cue boundary (a short frame loop around it)...
      await waitFor(() => changes > 0, 'the next cue boundary, seen while connected', 20000);
      expect(frames).to.be.above(0);
      frames = 0;
      changes = 0;
      atRemoval = activeIndex(el);
      el.remove();
      // The media keeps playing; nothing of the transcript's may run any more.
      await new Promise((r) => setTimeout(r, 400));
      await seek(video, 15);
      await new Promise((r) => setTimeout(r, 100));
    } finally {
      window.requestAnimationFrame = raf;
      video.pause();
    }
    expect(frames).to.equal(0);
    expect(changes).to.equal(0);
    expect(activeIndex(el)).to.equal(atRemoval);
    // Put back, it binds again.
    root.append(el);
    await waitFor(() => activeIndex(el) === 8, 'bound again after re-insertion');
  });

  it('GOOD: a load cut short by removal runs again when the element comes back', async () => {
    const root = await fixture<HTMLDivElement>(html`<div></div>`);
    const el = document.createElement('cue-transcript');
    el.src = TALK;
    root.append(el);
    await el.updateComplete;
    el.remove();
    await new Promise((r) => setTimeout(r, 50));
    root.append(el);
    await rendered(el);
    expect(el.shadowRoot!.querySelectorAll('[data-cue]')).to.have.length(11);
  });

  it('GOOD: a paused media schedules no frames', async () => {
    const root = await fixture<HTMLDivElement>(html`<div>
      <video id="p" src=${CLIP} muted preload="auto"></video>
      <cue-transcript for="p" src=${TALK}></cue-transcript>
    </div>`);
    const video = root.querySelector('video')!;
    const el = root.querySelector('cue-transcript')!;
    await rendered(el);
    await seek(video, 4);
    await waitFor(() => activeIndex(el) === 2, 'cue 2');
    const raf = window.requestAnimationFrame;
    let frames = 0;
    window.requestAnimationFrame = (cb) => {
      frames++;
      return raf.call(window, cb);
    };
    try {
      await new Promise((r) => setTimeout(r, 300));
    } finally {
      window.requestAnimationFrame = raf;
    }
    expect(frames).to.equal(0);
  });
});
