/**
 * `<cue-player>`: one tag composing media-chrome's player, the navigator, the search and the transcript.
 * Whole-page scenarios (desktop and phone layout, play, seek, navigate, search) in cue-player-helpers.ts.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { CuePlayer } from '../../src/elements/cue-player/cue-player.js';
import type { CueTranscript } from '../../src/elements/cue-transcript/cue-transcript.js';
import { DEMO_CHAPTERS, DEMO_MEDIA, DEMO_VTT, click, waitFor } from './cue-transcript-helpers.js';
import { playerScenarios } from './cue-player-helpers.js';

async function ready(el: CuePlayer): Promise<CueTranscript> {
  const t = await waitFor(() => el.shadowRoot?.querySelector<CueTranscript>('cue-transcript'), 'transcript');
  await waitFor(() => t.loadedTranscript && t.shadowRoot?.querySelector('[data-cue]'), 'transcript loaded', 15000);
  return t;
}

describe('<cue-player>', () => {
  it('GOOD: is accessible, and composes the player, navigator, search and transcript', async function () {
    // axe over the whole player and then each piece takes tens of seconds on a loaded machine.
    this.timeout(120000);
    const el = await fixture<CuePlayer>(
      html`<cue-player src=${DEMO_MEDIA} transcript=${DEMO_VTT} chapters=${DEMO_CHAPTERS}></cue-player>`,
    );
    await ready(el);
    // Two rules media-chrome's own controls break (aria-checked on its captions button, a name unlike the visible
    // text on its time and rate buttons); everything of ours is checked with every rule.
    await expect(el).to.be.accessible({ ignoredRules: ['aria-allowed-attr', 'label-content-name-mismatch'] });
    for (const tag of ['cue-chapters', 'cue-transcript', 'cue-chapters-menu', 'cue-search-strip'])
      await expect(el.shadowRoot!.querySelector(tag)).to.be.accessible();
    const root = el.shadowRoot!;
    const video = root.querySelector('video')!;
    expect(video.getAttribute('src')).to.equal(DEMO_MEDIA);
    const tracks = [...video.querySelectorAll('track')].map((t) => [t.kind, t.getAttribute('src')]);
    expect(tracks).to.deep.equal([['captions', DEMO_VTT], ['chapters', DEMO_CHAPTERS]]);
    for (const tag of [
      'media-controller', 'media-time-range', 'media-play-button', 'media-time-display', 'media-playback-rate-button',
      'media-captions-button', 'media-mute-button', 'media-fullscreen-button', 'cue-chapters-menu', 'cue-search-strip',
      'cue-chapters', 'cue-transcript',
    ]) expect(root.querySelector(tag), tag).to.not.equal(null);
    expect(el.controller).to.equal(root.querySelector('media-controller'));
    // media-chrome took the built-in video as its media.
    await waitFor(() => (el.controller as HTMLElement & { media?: unknown }).media === video, 'controller has the video');
  });

  it('GOOD: passes heading-level, no-follow and deep-links to its pieces', async () => {
    const el = await fixture<CuePlayer>(
      html`<cue-player src=${DEMO_MEDIA} transcript=${DEMO_VTT} chapters=${DEMO_CHAPTERS} heading-level="4" no-follow deep-links></cue-player>`,
    );
    const t = await ready(el);
    expect(t.headingLevel).to.equal(4);
    expect(t.noFollow).to.equal(true);
    expect(t.shadowRoot!.querySelector('h4')).to.not.equal(null);
    expect(el.shadowRoot!.querySelector('h3[part~="heading"]')?.textContent).to.equal('Questions');
    expect((el.shadowRoot!.querySelector('cue-chapters') as HTMLElement & { deepLinks: boolean }).deepLinks).to.equal(true);
  });

  it('GOOD: an <audio> in the media slot replaces the video; the player switches to audio and the transcript follows it', async () => {
    const el = await fixture<CuePlayer>(html`<cue-player transcript=${DEMO_VTT} chapters=${DEMO_CHAPTERS}>
      <audio slot="media" src=${DEMO_MEDIA} preload="auto" muted>
        <track kind="chapters" src=${DEMO_CHAPTERS} default />
      </audio>
    </cue-player>`);
    const t = await ready(el);
    const audio = el.querySelector('audio')!;
    const controller = el.controller as HTMLElement & { media?: unknown };
    await waitFor(() => controller.media === audio, 'the controller plays the audio');
    await waitFor(() => controller.hasAttribute('audio'), 'audio layout');
    expect(el.shadowRoot!.querySelector('media-fullscreen-button')).to.equal(null);
    await waitFor(() => audio.readyState >= 1, 'metadata', 15000);
    const seeked = new Promise((r) => audio.addEventListener('seeked', r, { once: true }));
    audio.currentTime = 95;
    await seeked;
    const active = await waitFor(() => t.shadowRoot!.querySelector<HTMLElement>('[aria-current="time"]'), 'highlight');
    const cue = t.loadedTranscript!.cues[Number(active.dataset['cue'])]!;
    expect(95).to.be.within(cue.startTime - 0.01, cue.endTime + 0.01);
  });

  it('GOOD: controls in the controls slot replace the bars and drive the player', async () => {
    const el = await fixture<CuePlayer>(html`<cue-player src=${DEMO_MEDIA} transcript=${DEMO_VTT} poster="/demo/favicon.svg">
      <media-control-bar slot="controls"><media-play-button id="mine"></media-play-button><media-time-display></media-time-display></media-control-bar>
    </cue-player>`);
    await ready(el);
    const video = el.shadowRoot!.querySelector('video')!;
    expect(video.getAttribute('poster')).to.equal('/demo/favicon.svg');
    // The built-in bars are gone (the slot's fallback); the page's bar shows in the player.
    const fallback = el.shadowRoot!.querySelector('slot[name="controls"] media-play-button')!;
    expect(fallback.getBoundingClientRect().width, 'built-in bar hidden').to.equal(0);
    const mine = el.querySelector<HTMLElement>('#mine')!;
    expect(mine.getBoundingClientRect().width).to.be.above(0);
    // media-chrome associated it: it shows the state, and a real click plays.
    await waitFor(() => mine.hasAttribute('mediapaused'), 'the play button knows the media is paused');
    video.muted = true;
    await click(mine);
    await waitFor(() => !video.paused, 'playing after a click on the slotted button');
    video.pause();
  });

  it('GOOD: two players on one page stay independent (time, search, keys)', async () => {
    const box = await fixture<HTMLElement>(html`<div>
      <cue-player id="a" src=${DEMO_MEDIA} transcript=${DEMO_VTT} chapters=${DEMO_CHAPTERS}></cue-player>
      <cue-player id="b" src=${DEMO_MEDIA} transcript=${DEMO_VTT} chapters=${DEMO_CHAPTERS}></cue-player>
    </div>`);
    const [a, b] = [...box.querySelectorAll('cue-player')] as CuePlayer[];
    const [ta, tb] = [await ready(a!), await ready(b!)];
    const [va, vb] = [a!.shadowRoot!.querySelector('video')!, b!.shadowRoot!.querySelector('video')!];
    await waitFor(() => va.readyState >= 1 && vb.readyState >= 1, 'metadata', 15000);
    const seeked = new Promise((r) => va.addEventListener('seeked', r, { once: true }));
    va.currentTime = 200;
    await seeked;
    await waitFor(() => ta.shadowRoot!.querySelector('[aria-current="time"]'), 'a highlights');
    await new Promise((r) => setTimeout(r, 300));
    expect(vb.currentTime).to.equal(0);
    const activeB = tb.shadowRoot!.querySelector<HTMLElement>('[aria-current="time"]');
    expect(activeB === null || Number(activeB.dataset['cue']) !== Number(ta.shadowRoot!.querySelector<HTMLElement>('[aria-current="time"]')!.dataset['cue'])).to.equal(true);
    // Each search strip shows its own transcript's search.
    const input = ta.shadowRoot!.querySelector<HTMLInputElement>('[part~="search-input"]')!;
    input.value = 'rust';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await waitFor(() => a!.shadowRoot!.querySelector('cue-search-strip')!.shadowRoot!.querySelectorAll('[part~="tick"]').length, 'a ticks');
    expect(b!.shadowRoot!.querySelector('cue-search-strip')!.shadowRoot!.querySelectorAll('[part~="tick"]').length).to.equal(0);
    // Shift+N in the first player's navigator moves only the first player.
    const navA = a!.shadowRoot!.querySelector<HTMLElement>('cue-chapters')!;
    const nextA = navA.shadowRoot!.querySelector<HTMLElement>('[part~="next"]')!;
    nextA.scrollIntoView({ block: 'center' });
    await click(nextA);
    const qa = ta.loadedTranscript!.questions;
    const after = await waitFor(() => {
      const i = qa.findIndex((q) => Math.abs(va.currentTime - q.startTime) < 0.3);
      return i >= 0 ? i + 1 : 0;
    }, 'a moved to a question');
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'N' });
    await sendKeys({ up: 'Shift' });
    await waitFor(() => Math.abs(va.currentTime - qa[after]!.startTime) < 0.3, 'Shift+N moved a to the next question');
    await new Promise((r) => setTimeout(r, 300));
    expect(vb.currentTime, 'b did not move').to.equal(0);
  });
});

describe('<cue-player> on a page (src/)', () => {
  playerScenarios('/test/fixtures/cue-player.html');
});
