/**
 * `<cue-player>` with media-chrome's `<hls-video>` (hls-video-element, hls.js: neither Chromium nor Firefox
 * plays HLS natively) in its media slot, playing an HLS stream made locally from the demo recording by
 * scripts/make-hls.mjs (`npm test` runs it first): the transcript stays in sync with the stream.
 */
import { expect, fixture, html } from '@open-wc/testing';
import 'hls-video-element';
import '../../src/index.js';
import type { CuePlayer } from '../../src/elements/cue-player/cue-player.js';
import type { CueTranscript } from '../../src/elements/cue-transcript/cue-transcript.js';
import { DEMO_CHAPTERS, DEMO_VTT, waitFor } from './cue-transcript-helpers.js';

const STREAM = '/.cache/hls/talk.m3u8';

type HlsVideo = HTMLElement & HTMLMediaElement & { api?: unknown };

describe('<cue-player> with <hls-video>', () => {
  before(async () => {
    const res = await fetch(STREAM);
    if (!res.ok) throw new Error(`${STREAM} is missing: run \`node scripts/make-hls.mjs\` first (npm test does)`);
  });

  it('GOOD: plays the HLS stream through hls.js, and the transcript highlights what is said', async () => {
    const el = await fixture<CuePlayer>(html`<cue-player transcript=${DEMO_VTT} chapters=${DEMO_CHAPTERS}>
      <hls-video slot="media" src=${STREAM} muted preload="auto"></hls-video>
    </cue-player>`);
    const hls = el.querySelector('hls-video') as HlsVideo;
    const controller = el.controller as HTMLElement & { media?: unknown };
    await waitFor(() => controller.media === hls, 'the controller plays the stream');
    const t = await waitFor(() => el.shadowRoot!.querySelector<CueTranscript>('cue-transcript')?.loadedTranscript && el.shadowRoot!.querySelector<CueTranscript>('cue-transcript'), 'transcript', 15000);
    await waitFor(() => hls.readyState >= 1 && hls.duration > 1000, 'stream metadata', 20000);
    expect(hls.api, 'hls.js drives it').to.not.equal(undefined);
    const cue = t.loadedTranscript!.cues.find((c) => c.startTime > 300 && c.endTime - c.startTime > 2)!;
    hls.currentTime = cue.startTime + 0.2;
    await hls.play();
    try {
      // Playing: the highlight moves with the stream, each cue marked while its time plays.
      let checks = 0;
      await waitFor(() => {
        const active = t.shadowRoot!.querySelector<HTMLElement>('[aria-current="time"]');
        if (!active || hls.paused || hls.currentTime < cue.startTime) return false;
        const c = t.loadedTranscript!.cues[Number(active.dataset['cue'])]!;
        // The frame clock reads the time each frame; allow one frame and a decode step of slack.
        expect(hls.currentTime, 'highlight matches the stream time').to.be.within(c.startTime - 0.25, c.endTime + 0.25);
        checks += 1;
        return hls.currentTime > cue.startTime + 1.5 && checks > 20;
      }, 'a second and a half of playback in sync', 20000);
      // The seek bar's clock and the transcript agree on media-chrome's time too.
      expect(Number(controller.getAttribute('mediacurrenttime'))).to.be.closeTo(hls.currentTime, 1);
    } finally {
      hls.pause();
    }
  });
});
