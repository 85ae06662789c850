/**
 * Cueline on pages with a strict Content-Security-Policy and Trusted Types enforced:
 * - page.html: Cueline's own elements under exactly `default-src 'self'; style-src 'self'; require-trusted-types-for 'script'`;
 * - pieces.html: a real media-chrome `<media-controller>` (control bar, seek bar, time display, play button) with the
 *   pieces, under that policy plus what media-chrome needs (inline `<style>` elements, a `default` policy: trusted-types.ts);
 * - cue-player.html: `<cue-player>` under the same, through the whole-page player scenarios.
 * Nothing is blocked, no error is ours, the policy is live, and the layout that depends on positions holds.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import type { CueTranscript } from '../../src/elements/cue-transcript/cue-transcript.js';
import { releaseMouse, waitFor } from '../elements/cue-transcript-helpers.js';
import { playerScenarios } from '../elements/cue-player-helpers.js';
import type { Seen as Recorded } from './record.js';

type Seen = Window & typeof globalThis & Recorded & { policyCalls?: { sink: string; ours: boolean }[]; probed?: boolean };

async function strictPage(src: string): Promise<Seen> {
  const frame = await fixture<HTMLIFrameElement>(html`<iframe src=${src} style="width:900px;height:700px"></iframe>`);
  await new Promise((r) => frame.addEventListener('load', r, { once: true }));
  return frame.contentWindow as Seen;
}

/** Nothing blocked, no error, no call of ours into the page's default policy; then the policy is shown to be live. */
async function expectCleanAndLive(w: Seen): Promise<void> {
  expect(w.violations, 'CSP violations').to.deep.equal([]);
  expect(w.errors, 'errors').to.deep.equal([]);
  expect((w.policyCalls ?? []).filter((c) => c.ours), "calls from Cueline's code into the default policy").to.deep.equal([]);
  // Trusted Types is enforced: a script URL from a string is refused.
  let refused: unknown = null;
  try {
    w.document.createElement('script').src = '/x.js';
  } catch (e) {
    refused = e;
  }
  expect((refused as Error | null)?.name, 'a script URL from a string is refused').to.equal('TypeError');
  w.probed = true;
  // style-src holds for attributes: a style attribute is blocked and reported.
  w.document.body.setAttribute('style', 'color: red');
  await waitFor(() => w.violations.some((v) => v.directive.startsWith('style-src')), 'a violation for an inline style');
}

const middle = (el: Element): [number, number] => {
  const r = el.getClientRects()[0] ?? el.getBoundingClientRect();
  return [Math.round(r.left + Math.min(r.width / 2, 30)), Math.round(r.top + r.height / 2)];
};

async function clickIn(el: Element): Promise<void> {
  el.scrollIntoView({ block: 'center', behavior: 'instant' });
  await new Promise((r) => setTimeout(r, 100));
  await sendMouse({ type: 'click', position: middle(el) });
  await releaseMouse();
}

/** Search ticks, once there are at least two; their x positions. */
async function tickXs(strip: Element): Promise<number[]> {
  const ticks = await waitFor(() => {
    const list = [...(strip.shadowRoot?.querySelectorAll<HTMLElement>('[part~="tick"]') ?? [])];
    return list.length >= 2 ? list : null;
  }, 'search ticks', 10000);
  return ticks.map((k) => Math.round(k.getBoundingClientRect().left));
}

describe('strict Content-Security-Policy and Trusted Types', () => {
  it("GOOD: Cueline's elements alone need nothing beyond the base policy: they load, search and place their ticks", async () => {
    const w = await strictPage('/test/strict/page.html');
    expect(w.document.querySelector('meta[http-equiv]')!.getAttribute('content')).to.equal(
      "default-src 'self'; style-src 'self'; require-trusted-types-for 'script'",
    );
    const t = await waitFor(() => w.document.querySelector<CueTranscript>('cue-transcript'), 'transcript');
    await waitFor(() => t.shadowRoot?.querySelector('[data-cue]'), 'cues rendered', 20000);
    const nav = w.document.querySelector('cue-chapters')!;
    await waitFor(() => nav.shadowRoot?.querySelector('a[part~="question"]'), 'questions listed');
    const input = t.shadowRoot!.querySelector<HTMLInputElement>('[part~="search-input"]')!;
    input.value = 'rust';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    const xs = await tickXs(w.document.querySelector('cue-search-strip')!);
    expect(new Set(xs).size, 'ticks sit at different places along the strip').to.be.greaterThan(1);
    await expectCleanAndLive(w);
  });

  describe('a real <media-controller> with the pieces', () => {
    let frame: HTMLIFrameElement | null = null;
    afterEach(() => {
      frame?.remove();
      frame = null;
    });

    it('GOOD: plays from its play button, highlights, seeks from a cue, shows the time, and searches, with nothing blocked', async () => {
      await setViewport({ width: 1280, height: 800 });
      frame = document.createElement('iframe');
      frame.style.cssText = 'position:fixed;left:0;top:0;border:0;z-index:1';
      frame.width = '1280';
      frame.height = '800';
      frame.src = '/test/strict/pieces.html';
      document.body.append(frame);
      const w = await waitFor(() => {
        const win = frame!.contentWindow as Seen | null;
        const t = win?.document.querySelector<CueTranscript>('cue-transcript');
        const v = win?.document.querySelector('video');
        return t?.shadowRoot?.querySelector('[data-cue]') && v && v.readyState >= 1 ? win : null;
      }, 'page ready', 30000);
      const d = w.document;
      const video = d.querySelector('video')!;
      const t = d.querySelector<CueTranscript>('cue-transcript')!;
      const range = d.querySelector('media-time-range')!;
      const display = d.querySelector('media-time-display')!;
      // media-chrome's shadow styles apply (its <style> elements have sheets, so it can insert its rules).
      for (const tag of ['media-play-button', 'media-time-range', 'media-time-display', 'media-control-bar']) {
        const styles = [...(d.querySelector(tag)!.shadowRoot?.querySelectorAll('style') ?? [])];
        expect(styles.length && styles.every((s) => s.sheet), `${tag}: its styles apply`).to.be.ok;
      }
      // Play through media-chrome's own button: a real click.
      await clickIn(d.querySelector('media-play-button')!);
      await waitFor(() => !video.paused && video.currentTime > 0.5, 'playing', 15000);
      const active = await waitFor(() => t.shadowRoot!.querySelector<HTMLElement>('[aria-current="time"]'), 'a cue highlighted', 10000);
      const cue = t.loadedTranscript!.cues[Number(active.dataset['cue'])]!;
      expect(video.currentTime).to.be.within(cue.startTime - 0.5, cue.endTime + 0.5);
      video.pause();
      // A click on a sentence seeks there; the time display and the seek bar's progress follow.
      const i = t.loadedTranscript!.cues.findIndex((c) => c.startTime > 300);
      const target = t.loadedTranscript!.cues[i]!;
      await clickIn(t.shadowRoot!.querySelector(`[data-cue="${i}"]`)!);
      await waitFor(() => Math.abs(video.currentTime - target.startTime) < 0.3, `seeked to cue ${i}`);
      const m = Math.floor(target.startTime / 60);
      await waitFor(() => display.shadowRoot?.textContent?.includes(`${m}:`) || display.textContent?.includes(`${m}:`), `time display at ${m} min`);
      const progress = range.shadowRoot!.querySelector<HTMLElement>('#progress')!;
      const track = range.shadowRoot!.querySelector<HTMLElement>('#track') ?? range;
      await waitFor(() => {
        const ratio = progress.getBoundingClientRect().width / track.getBoundingClientRect().width;
        return Math.abs(ratio - target.startTime / video.duration) < 0.03;
      }, 'the seek bar shows the new position');
      // Search with real keys: the strip's ticks are placed along the recording, not collapsed.
      await clickIn(t.shadowRoot!.querySelector('[part~="search-input"]')!);
      await sendKeys({ type: 'rust' });
      const xs = await tickXs(d.querySelector('cue-search-strip')!);
      expect(xs.length).to.equal(t.searchState.hits.length);
      expect(new Set(xs).size, 'ticks at different places').to.be.greaterThan(xs.length / 2);
      expect(w.policyCalls!.length, 'media-chrome did use the default policy').to.be.above(0);
      await expectCleanAndLive(w);
    });
  });

  describe('<cue-player>', () => {
    // Runs before the scenarios' own afterEach closes the page: each scenario leaves nothing blocked.
    afterEach(() => {
      for (const f of document.querySelectorAll('iframe')) {
        const w = f.contentWindow as Seen | null;
        if (!w?.location.pathname.startsWith('/test/strict/') || w.probed) continue;
        expect(w.violations, 'CSP violations').to.deep.equal([]);
        expect(w.errors, 'errors').to.deep.equal([]);
        expect((w.policyCalls ?? []).filter((c) => c.ours), 'calls of ours into the default policy').to.deep.equal([]);
      }
    });
    playerScenarios('/test/strict/cue-player.html');

    it('GOOD: the policy is live on the player page', async () => {
      const w = await strictPage('/test/strict/cue-player.html');
      await waitFor(() => w.document.querySelector('cue-player')?.shadowRoot?.querySelector('cue-transcript')?.shadowRoot?.querySelector('[data-cue]'), 'player ready', 30000);
      await expectCleanAndLive(w);
    });
  });
});
