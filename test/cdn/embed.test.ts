/**
 * The embed page shipped in the CDN build (`dist/cdn/embed.html`, `npm run build:cdn`), in an iframe as a
 * publisher's page without its own player would use it: it builds the player from its query, resizes its frame
 * through `postMessage` (the parent snippet of the README, below), honours `#t=` and `?t=`, and lets nothing
 * from the query become markup.
 */
import { expect } from '@open-wc/testing';
import type { CueTranscript } from '../../src/elements/cue-transcript/cue-transcript.js';
import { waitFor } from '../elements/cue-transcript-helpers.js';

const EMBED = '/dist/cdn/embed.html';
const QUERY =
  'media=/demo/media/try-rust-with-francesco-ciulla.mp4&transcript=/timings/try-rust-with-francesco-ciulla.vtt' +
  '&chapters=/timings/try-rust-with-francesco-ciulla.chapters.vtt';

interface Embed {
  frame: HTMLIFrameElement;
  w: Window & typeof globalThis;
  heights: number[];
  video: () => HTMLVideoElement | null;
}

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

/** The parent page's side: the README's snippet, sizing the frame to what it says. */
async function embed(src: string, width: number, ready = true): Promise<Embed> {
  const frame = document.createElement('iframe');
  frame.title = 'Interview';
  frame.width = String(width);
  frame.height = '150';
  frame.style.setProperty('border', '0');
  const heights: number[] = [];
  const onMessage = (e: MessageEvent): void => {
    if (e.source !== frame.contentWindow || e.data?.type !== 'cue-embed-resize') return;
    heights.push(e.data.height);
    frame.style.setProperty('height', `${e.data.height}px`);
  };
  addEventListener('message', onMessage);
  cleanups.push(() => {
    removeEventListener('message', onMessage);
    frame.remove();
  });
  frame.src = src;
  document.body.append(frame);
  const w = await waitFor(() => {
    const win = frame.contentWindow as (Window & typeof globalThis) | null;
    try {
      return win && win.document.readyState === 'complete' && win.location.pathname === EMBED ? win : null;
    } catch {
      return null;
    }
  }, 'embed page loaded', 20000);
  const video = (): HTMLVideoElement | null => w.document.querySelector('cue-player')?.shadowRoot?.querySelector('video') ?? null;
  if (ready) {
    await waitFor(() => {
      const t = w.document.querySelector('cue-player')?.shadowRoot?.querySelector<CueTranscript>('cue-transcript');
      return t?.loadedTranscript && (video()?.readyState ?? 0) >= 1;
    }, 'player ready in the embed', 30000);
  }
  return { frame, w, heights, video };
}

describe('the embed page (dist/cdn/embed.html)', () => {
  before(async () => {
    const res = await fetch(EMBED, { method: 'HEAD' });
    if (!res.ok) throw new Error('dist/cdn/embed.html is missing: run `npm run build:cdn` first (npm test does)');
  });

  for (const width of [800, 390]) {
    it(`GOOD: at ${width} px it resizes its frame to its content, and the size settles`, async () => {
      const e = await embed(`${EMBED}?${QUERY}`, width);
      const content = (): number => Math.ceil(e.w.document.documentElement.getBoundingClientRect().height);
      await waitFor(() => Math.abs(e.frame.getBoundingClientRect().height - content()) < 2 && content() > 400, 'frame sized to its content', 10000);
      // No feedback loop (a transcript sized by the frame's height would grow it without end).
      const before = e.heights.length;
      await new Promise((r) => setTimeout(r, 800));
      expect(e.heights.length - before, 'no more resizes once settled').to.be.at.most(1);
      expect(e.frame.getBoundingClientRect().height).to.be.closeTo(content(), 2);
      // Its whole player shows in the frame, nothing scrolls inside it.
      expect(e.w.document.documentElement.scrollHeight).to.be.at.most(e.w.innerHeight + 1);
    });
  }

  it('GOOD: #t= seeks on load and again when the fragment changes; ?t= too', async () => {
    const e = await embed(`${EMBED}?${QUERY}#t=95`, 800);
    await waitFor(() => Math.abs(e.video()!.currentTime - 95) < 0.3, 'at 95 s', 10000);
    e.w.location.hash = '#t=5:00';
    await waitFor(() => Math.abs(e.video()!.currentTime - 300) < 0.3, 'at 300 s', 10000);
    const q = await embed(`${EMBED}?${QUERY}&t=1:35`, 800);
    await waitFor(() => Math.abs(q.video()!.currentTime - 95) < 0.3, '?t=1:35 at 95 s', 10000);
  });

  it('BAD: a query naming no http(s) media shows a message, and nothing from it becomes markup', async () => {
    const e = await embed(`${EMBED}?media=${encodeURIComponent('javascript:alert(1)')}&transcript=/timings/x.vtt`, 800, false);
    const problem = await waitFor(() => e.w.document.querySelector('[role="alert"]'), 'a message');
    expect(problem.textContent).to.match(/recording/);
    expect(e.w.document.querySelector('cue-player')).to.equal(null);
    const hostile = '"><img src=x onerror="parent.__pwned=1">';
    const h = await embed(
      `${EMBED}?media=/demo/media/try-rust-with-francesco-ciulla.mp4&transcript=${encodeURIComponent(hostile)}&t=${encodeURIComponent('1"><b>')}`,
      800,
      false,
    );
    const player = await waitFor(() => h.w.document.querySelector('cue-player'), 'player');
    await new Promise((r) => setTimeout(r, 300));
    expect(h.w.document.querySelector('img, b')).to.equal(null);
    expect(player.shadowRoot!.querySelector('img, b')).to.equal(null);
    expect(player.getAttribute('transcript')).to.equal(new URL(hostile, h.w.location.href).href);
    expect(h.w.location.hash, 'a bad ?t= is dropped').to.equal('');
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });
});
