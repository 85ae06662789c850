/**
 * The drop-in demo pages, which use only the CDN build (run `npm run build:cdn` first; npm test does):
 * demo/cdn.html (one script tag, one `<cue-player>`, no Vite) and demo/embed-demo.html (the embed page in an
 * iframe, sized by the parent snippet demo/embed-parent.js).
 */
import { expect } from '@open-wc/testing';
import type { CueTranscript } from '../../src/elements/cue-transcript/cue-transcript.js';
import { closePages, openPlayerPage } from '../elements/cue-player-helpers.js';
import { waitFor } from '../elements/cue-transcript-helpers.js';

describe('the drop-in demo pages', () => {
  afterEach(closePages);

  it('GOOD: demo/cdn.html plays the seed session from the CDN build alone, and follows it', async () => {
    const p = await openPlayerPage('/demo/cdn.html', 1280, 900, '');
    // (The test server adds its own web-socket client to every page.)
    expect([...p.d.scripts].map((s) => new URL(s.src).pathname).filter((s) => !s.startsWith('/__web-dev-server'))).to.deep.equal(['/dist/cdn/cueline.js']);
    expect(p.transcript.loadedTranscript!.questions.length).to.equal(17);
    const seeked = new Promise((r) => p.video.addEventListener('seeked', r, { once: true }));
    const target = p.transcript.loadedTranscript!.cues.find((c) => c.startTime > 600)!;
    const at = (target.startTime + target.endTime) / 2;
    p.video.currentTime = at;
    await seeked;
    const active = await waitFor(() => p.transcript.shadowRoot!.querySelector<HTMLElement>('[aria-current="time"]'), 'highlight');
    const cue = p.transcript.loadedTranscript!.cues[Number(active.dataset['cue'])]!;
    expect(cue).to.equal(target);
  });

  it('GOOD: demo/embed-demo.html shows the embed page in a frame that grows to its content', async () => {
    const frame = document.createElement('iframe');
    frame.width = '1100';
    frame.height = '800';
    frame.src = '/demo/embed-demo.html';
    document.body.append(frame);
    try {
      const inner = await waitFor(() => {
        const d = frame.contentDocument;
        const f = d?.getElementById('cueline-embed') as HTMLIFrameElement | null;
        const t = f?.contentDocument?.querySelector('cue-player')?.shadowRoot?.querySelector<CueTranscript>('cue-transcript');
        return t?.loadedTranscript && f;
      }, 'the embed loaded in the demo', 30000);
      const content = (): number => Math.ceil(inner.contentDocument!.documentElement.getBoundingClientRect().height);
      await waitFor(() => Math.abs(inner.getBoundingClientRect().height - content()) < 2, 'frame sized to its content', 10000);
      expect(inner.getBoundingClientRect().height, 'not the 900 px it was given').to.not.be.closeTo(900, 2);
    } finally {
      frame.remove();
    }
  });
});
