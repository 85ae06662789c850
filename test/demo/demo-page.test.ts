/**
 * The demo page itself, loaded whole in a frame the size of the viewport, at a
 * desktop width (1280) and a phone's (390 x 844): where the captions, the
 * search strip and the seek-bar preview sit, the phone layout, the favicon.
 */
import { expect } from '@open-wc/testing';
import { sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import type { CueTranscript } from '../../src/elements/cue-transcript/cue-transcript.js';
import { releaseMouse, waitFor } from '../elements/cue-transcript-helpers.js';

interface Demo {
  frame: HTMLIFrameElement;
  d: Document;
  w: Window & typeof globalThis;
  controller: HTMLElement;
  video: HTMLVideoElement;
  transcript: CueTranscript;
}

const frames: HTMLIFrameElement[] = [];

/** The demo page in a frame at (0, 0) filling a `width` x `height` viewport, so real mouse positions match its layout. */
async function openDemo(width: number, height: number): Promise<Demo> {
  await setViewport({ width, height });
  const frame = document.createElement('iframe');
  frame.style.cssText = 'position:fixed;left:0;top:0;border:0;z-index:1';
  frame.width = String(width);
  frame.height = String(height);
  frame.allow = 'fullscreen';
  frame.src = '/demo/transcript.html';
  document.body.append(frame);
  frames.push(frame);
  const w = await waitFor((): (Window & typeof globalThis) | null => {
    const win = frame.contentWindow as (Window & typeof globalThis) | null;
    try {
      const t = win?.document.querySelector<CueTranscript>('cue-transcript');
      const v = win?.document.querySelector('video');
      const nav = win?.document.querySelector('cue-chapters')?.shadowRoot?.querySelector('[part~="question"]');
      return t?.loadedTranscript && v && v.readyState >= 1 && nav ? win : null;
    } catch {
      return null;
    }
  }, 'demo page ready', 30000);
  const d = w.document;
  return {
    frame,
    d,
    w,
    controller: d.querySelector<HTMLElement>('media-controller')!,
    video: d.querySelector('video')!,
    transcript: d.querySelector<CueTranscript>('cue-transcript')!,
  };
}

const rect = (el: Element): DOMRect => el.getBoundingClientRect();
const middle = (el: Element): [number, number] => {
  const r = rect(el);
  return [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)];
};
const overlaps = (a: DOMRect, b: DOMRect): boolean =>
  a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;

/** No two of `els` overlap, and each lies inside `box`. */
function laidOut(els: Element[], box: DOMRect, what: string): void {
  const rs = els.map(rect);
  rs.forEach((r, i) => {
    expect(r.width, `${what}: ${els[i]!.localName} ${els[i]!.getAttribute('part') ?? ''} shown`).to.be.above(0);
    expect(r.left, `${what}: ${i} inside (left)`).to.be.at.least(box.left - 0.5);
    expect(r.right, `${what}: ${i} inside (right)`).to.be.at.most(box.right + 0.5);
    expect(r.top, `${what}: ${i} inside (top)`).to.be.at.least(box.top - 0.5);
    expect(r.bottom, `${what}: ${i} inside (bottom)`).to.be.at.most(box.bottom + 0.5);
    rs.forEach((o, j) => {
      if (j > i) expect(overlaps(r, o), `${what}: ${i} and ${j} overlap`).to.equal(false);
    });
  });
}

async function seekTo(video: HTMLVideoElement, time: number): Promise<void> {
  const done = new Promise((r) => video.addEventListener('seeked', r, { once: true }));
  video.currentTime = time;
  await done;
}

/** Turns captions on with a real click on the captions button, then waits for a caption on screen at `time`. */
async function captionsOn(demo: Demo, time: number): Promise<TextTrack> {
  const track = [...demo.video.textTracks].find((t) => t.kind === 'captions')!;
  demo.controller.scrollIntoView({ block: 'nearest' });
  await sendMouse({ type: 'click', position: middle(demo.d.querySelector('media-captions-button')!) });
  await waitFor(() => track.mode === 'showing', 'captions showing');
  await seekTo(demo.video, time);
  await waitFor(() => track.activeCues?.length, `a caption at ${time} s`);
  return track;
}

/**
 * Native captions are drawn inside the video element's box (Chromium keeps
 * them out of reach of the DOM, so the box is what can be measured): the
 * captions are clear of the controls when that box ends above every bar.
 */
function captionsClearOfControls(demo: Demo, where: string): void {
  const v = rect(demo.video);
  const bars = [...demo.d.querySelectorAll('media-control-bar')];
  expect(bars).to.have.length(2);
  expect(v.height, `${where}: the picture has a height`).to.be.above(100);
  for (const bar of bars) {
    const b = rect(bar);
    expect(b.height, `${where}: a bar is shown`).to.be.above(20);
    expect(b.top, `${where}: the bar starts below the picture (and its captions)`).to.be.at.least(v.bottom - 0.5);
    expect(b.bottom, `${where}: the bar is inside the player`).to.be.at.most(rect(demo.controller).bottom + 0.5);
  }
}

afterEach(async () => {
  for (const f of frames.splice(0)) {
    if (f.contentDocument?.fullscreenElement) await f.contentDocument.exitFullscreen().catch(() => undefined);
    f.remove();
  }
  await releaseMouse();
});

after(() => setViewport({ width: 800, height: 600 }));

describe('the demo page: captions', () => {
  for (const [width, height] of [
    [1280, 900],
    [390, 844],
  ] as const) {
    it(`GOOD: at ${width} px the captions stay above the controls, in and out of fullscreen`, async () => {
      const demo = await openDemo(width, height);
      const track = await captionsOn(demo, 383);
      expect(track.activeCues![0]!.startTime).to.be.at.most(383);
      captionsClearOfControls(demo, 'paused');

      // Playing, the pointer still: media-chrome marks the user inactive; the bars stay (they cover nothing).
      demo.video.muted = true;
      await sendMouse({ type: 'move', position: middle(demo.video) });
      await demo.video.play();
      try {
        await waitFor(() => demo.controller.hasAttribute('userinactive'), 'user inactive while playing', 15000);
        for (const bar of demo.d.querySelectorAll('media-control-bar')) {
          expect(demo.w.getComputedStyle(bar).opacity, 'bars stay while playing').to.equal('1');
        }
        captionsClearOfControls(demo, 'playing');
      } finally {
        demo.video.pause();
      }

      // A real click on the fullscreen button.
      await sendMouse({ type: 'click', position: middle(demo.d.querySelector('media-fullscreen-button')!) });
      await waitFor(() => demo.d.fullscreenElement === demo.controller && demo.controller.hasAttribute('mediaisfullscreen'), 'fullscreen', 10000);
      await waitFor(() => rect(demo.controller).height >= demo.w.innerHeight - 1, 'the player fills the screen');
      captionsClearOfControls(demo, 'fullscreen');
      expect(rect(demo.video).height, 'the picture takes what the bars leave').to.be.closeTo(
        demo.w.innerHeight - [...demo.d.querySelectorAll('media-control-bar')].reduce((h, b) => h + rect(b).height, 0),
        1,
      );
      await demo.d.exitFullscreen();
      await waitFor(() => !demo.d.fullscreenElement && !demo.controller.hasAttribute('mediaisfullscreen'), 'out of fullscreen');
      await waitFor(() => rect(demo.controller).width <= width, 'back in the page');
      captionsClearOfControls(demo, 'after fullscreen');
    });
  }
});

describe('the demo page: the seek bar', () => {
  for (const [width, height] of [
    [1280, 900],
    [390, 844],
  ] as const) {
    it(`GOOD: at ${width} px the search matches sit on the seek bar's track, end to end`, async () => {
      const demo = await openDemo(width, height);
      const strip = demo.d.querySelector('cue-search-strip')!;
      const input = demo.transcript.shadowRoot!.querySelector<HTMLInputElement>('[part~="search-input"]')!;
      input.scrollIntoView({ block: 'nearest' });
      await sendMouse({ type: 'click', position: middle(input) });
      await sendKeys({ type: 'rust' });
      await waitFor(() => strip.shadowRoot!.querySelectorAll('[part~="tick"]').length > 10, 'ticks for "rust"');
      demo.controller.scrollIntoView({ block: 'nearest' });
      const range = demo.d.querySelector('media-time-range')!;
      const track = rect(range.shadowRoot!.querySelector('[part~="track"]')!);
      const s = rect(strip.shadowRoot!.querySelector('[part~="strip"]')!);
      expect(s.height).to.be.above(0);
      expect(s.left, 'starts where the track starts').to.be.closeTo(track.left, 1);
      expect(s.right, 'ends where the track ends').to.be.closeTo(track.right, 1);
      expect(s.top - track.bottom, 'just under the track').to.be.within(0, 4);
      expect(s.bottom, 'inside the seek bar').to.be.at.most(rect(range).bottom);
      // The strip never takes a click meant for the seek bar.
      expect(demo.w.getComputedStyle(strip).pointerEvents).to.equal('none');
    });

    it(`GOOD: at ${width} px the seek bar's preview shows a question title in a wide box of at most three lines`, async () => {
      const demo = await openDemo(width, height);
      const range = demo.d.querySelector('media-time-range')!;
      const track = [...demo.video.textTracks].find((t) => t.kind === 'chapters')!;
      await waitFor(() => track.cues?.length === 17, 'the 17 chapters');
      demo.controller.scrollIntoView({ block: 'nearest' });
      const q5 = track.cues![4] as VTTCue;
      const r = rect(range);
      const x = Math.round(r.left + 10 + ((q5.startTime + 20) / demo.video.duration) * (r.width - 20));
      const y = Math.round(r.top + r.height / 2);
      await sendMouse({ type: 'move', position: [x - 3, y] });
      await sendMouse({ type: 'move', position: [x, y] });
      const chapter = await waitFor((): HTMLElement | null => {
        const el = range.querySelector('media-preview-chapter-display') ?? range.shadowRoot!.querySelector('media-preview-chapter-display');
        return el instanceof demo.w.HTMLElement && el.getAttribute('mediapreviewchapter') === q5.text ? el : null;
      }, 'the preview names question 5');
      const box = rect(chapter);
      const lineHeight = parseFloat(demo.w.getComputedStyle(chapter).lineHeight);
      expect(box.width, 'a wide box').to.be.at.least(Math.min(260, width * 0.6));
      expect(box.width / box.height, 'wider than tall').to.be.above(2);
      expect(box.height, 'at most three lines').to.be.at.most(3 * lineHeight + 12);
      expect(chapter.scrollHeight, 'the long title is cut (with an ellipsis)').to.be.above(chapter.clientHeight);
      expect(box.left).to.be.at.least(0);
      expect(box.right).to.be.at.most(width);
    });
  }
});

describe('the demo page on a phone (390 x 844)', () => {
  it('GOOD: every control, rate and ±10 s too, in one row under the seek bar, none overlapping', async () => {
    const demo = await openDemo(390, 844);
    const [seekRow, buttons] = [...demo.d.querySelectorAll('media-control-bar')];
    const controls = [...buttons!.children].filter((c) => demo.w.getComputedStyle(c).display !== 'none' && !c.classList.contains('spacer'));
    const names = controls.map((c) => c.localName);
    expect(names).to.include.members([
      'media-play-button',
      'media-seek-backward-button',
      'media-seek-forward-button',
      'media-time-display',
      'cue-chapters-menu',
      'media-playback-rate-button',
      'media-captions-button',
      'media-fullscreen-button',
    ]);
    laidOut(controls, rect(buttons!), 'button row');
    expect(new Set(controls.map((c) => Math.round(rect(c).top))).size, 'one row').to.equal(1);
    expect(rect(buttons!).top).to.be.at.least(rect(seekRow!).bottom - 0.5);
  });

  it('GOOD: the search and question toolbars wrap into full, intended rows', async () => {
    const demo = await openDemo(390, 844);
    const root = demo.transcript.shadowRoot!;
    const bar = rect(root.querySelector('[part~="toolbar"]')!);
    const part = (p: string) => root.querySelector(`[part~="${p}"]`)!;
    const input = part('search-input');
    const rest = ['search-count', 'search-previous', 'search-next', 'search-play'].map(part);
    laidOut([input, ...rest], bar, 'search toolbar');
    // Row 1: the field, full width but for the viewer's settings button beside the search. Row 2: count, previous, next, play.
    const gear = rect(part('settings'));
    expect(gear.left, 'the settings button comes after the field').to.be.at.least(rect(input).right - 0.5);
    expect(gear.right, 'inside the bar').to.be.at.most(bar.right + 0.5);
    expect(rect(input).width + gear.width, 'the field spans the bar').to.be.above(bar.width - 2 * 16 - 36);
    const row2 = rest.map((el) => Math.round(rect(el).top + rect(el).height / 2));
    for (const top of row2) expect(top, 'row 2').to.be.closeTo(row2[3]!, 2);
    expect(rect(rest[0]!).top).to.be.at.least(rect(input).bottom - 0.5);
    expect(rect(rest[3]!).right, 'the row ends at the field\'s end').to.be.closeTo(rect(input).right, 1);

    const nav = demo.d.querySelector('cue-chapters')!.shadowRoot!;
    const toolbar = nav.querySelector('[part~="toolbar"]')!;
    const [prev, next, copy] = ['previous', 'next', 'copy-moment'].map((p) => nav.querySelector(`[part~="${p}"]`)!);
    const t = rect(toolbar);
    laidOut([prev!, next!, copy!], t, 'question toolbar');
    expect(rect(prev!).top).to.be.closeTo(rect(next!).top, 1);
    expect(rect(copy!).top).to.be.at.least(rect(prev!).bottom);
    // Full rows, no ragged end.
    expect(rect(prev!).left).to.be.closeTo(t.left, 1);
    expect(rect(next!).right).to.be.closeTo(t.right, 1);
    expect(rect(copy!).left).to.be.closeTo(t.left, 1);
    expect(rect(copy!).right).to.be.closeTo(t.right, 1);
  });

  it('GOOD: the player stays at the top of the screen while the reader goes down the page and the transcript', async () => {
    const demo = await openDemo(390, 844);
    const { controller, transcript, w } = demo;
    const box = transcript.shadowRoot!.querySelector<HTMLElement>('[part~="scroll-box"]')!;
    const inView = (where: string) => {
      const p = rect(controller);
      expect(p.top, `${where}: player top on screen`).to.be.at.least(-0.5);
      expect(p.bottom, `${where}: player bottom on screen`).to.be.at.most(w.innerHeight + 0.5);
      expect(p.height, `${where}: a compact player`).to.be.at.most(w.innerHeight * 0.4);
      return p;
    };
    const scroller = demo.d.scrollingElement!;
    // Down to the player, then on through the questions...
    const start = rect(controller).top + scroller.scrollTop;
    for (const y of [start, start + 400, start + 900].map(Math.round)) {
      scroller.scrollTop = y;
      // (The page may snap the transcript under the player when it comes near.)
      await new Promise((r) => setTimeout(r, 300));
      expect(scroller.scrollTop, 'the page scrolled past the player').to.be.at.least(start - 1);
      const p = inView(`page at ${y}`);
      expect(p.top, 'stuck to the top').to.be.closeTo(0, 1);
    }
    // ...to the transcript, which then fills the screen under the player.
    transcript.scrollIntoView({ block: 'start' });
    await waitFor(() => rect(transcript).top < 400, 'the transcript in view');
    for (const top of [0, 2000, 6000]) {
      box.scrollTop = top;
      await waitFor(() => Math.abs(box.scrollTop - top) < 2, `transcript scrolled to ${top}`);
      const p = inView(`transcript at ${top}`);
      const t = rect(transcript);
      expect(t.top, 'the transcript starts under the player').to.be.at.least(p.bottom - 0.5);
      expect(t.bottom, 'and ends on screen').to.be.at.most(w.innerHeight + 0.5);
      expect(t.height, 'and fills most of what is left').to.be.above((w.innerHeight - p.bottom) * 0.85);
    }
  });
});

describe('the demo pages: favicon', () => {
  for (const page of ['/demo/index.html', '/demo/transcript.html', '/demo/editor.html']) {
    it(`GOOD: ${page} declares an icon that loads`, async () => {
      const res = await fetch(page);
      expect(res.status).to.equal(200);
      const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
      const link = doc.querySelector<HTMLLinkElement>('link[rel~="icon"]');
      expect(link, 'a <link rel="icon">').to.not.equal(null);
      const icon = await fetch(new URL(link!.getAttribute('href')!, new URL(page, location.href)));
      expect(icon.status).to.equal(200);
      expect(icon.headers.get('content-type')).to.match(/^image\//);
      expect((await icon.text()).length).to.be.above(50);
    });
  }
});
