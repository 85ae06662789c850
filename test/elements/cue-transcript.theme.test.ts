import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../../src/elements/cue-transcript/define.js';
import type { CueTranscript } from '../../src/elements/cue-transcript/cue-transcript.js';
import { CLIP, TALK, TALK_CHAPTERS, activeCue, activeIndex, cueEl, metadata, rendered, scrollBox, seek, waitFor } from './cue-transcript-helpers.js';

async function page(style: string): Promise<{ video: HTMLVideoElement; el: CueTranscript }> {
  const root = await fixture<HTMLDivElement>(html`<div>
    <style>
      .themed::part(active-cue) {
        outline: 3px dashed rgb(1, 2, 3);
      }
    </style>
    <button id="before">before</button>
    <cue-transcript class="themed" for="tv" src=${TALK} chapters=${TALK_CHAPTERS} style=${style}></cue-transcript>
    <video id="tv" src=${CLIP} muted preload="auto" width="80" height="45"></video>
  </div>`);
  const el = root.querySelector('cue-transcript')!;
  const video = root.querySelector('video')!;
  await rendered(el);
  await metadata(video);
  return { video, el };
}

/**
 * Runs `body` with `prefers-reduced-motion` set; skips where it is not
 * already so and the browser driver cannot emulate it (Firefox over BiDi).
 */
async function withMotion(this: Mocha.Context, reducedMotion: 'reduce' | 'no-preference', body: () => Promise<void>): Promise<void> {
  const emulate = !matchMedia(`(prefers-reduced-motion: ${reducedMotion})`).matches;
  if (emulate) {
    if (navigator.userAgent.includes('Firefox')) this.skip();
    await emulateMedia({ reducedMotion });
  }
  try {
    await body();
  } finally {
    if (emulate) await emulateMedia({ reducedMotion: reducedMotion === 'reduce' ? 'no-preference' : 'reduce' });
  }
}

describe('<cue-transcript> theming', () => {
  it("GOOD: follows the page's colour scheme, light and dark", async () => {
    const { el } = await page('color-scheme: light');
    const light = getComputedStyle(el).color;
    el.style.colorScheme = 'dark';
    const dark = getComputedStyle(el).color;
    expect(light).to.equal('rgb(31, 41, 55)');
    expect(dark).to.equal('rgb(229, 231, 235)');
    // The highlight's background eases between schemes: check contrast once it has settled.
    await Promise.all(el.shadowRoot!.getAnimations().map((a) => a.finished));
    await expect(el).to.be.accessible();
  });

  it('GOOD: ::part() and --cue-* custom properties restyle it', async () => {
    const { video, el } = await page('--cue-active-background: rgb(10, 20, 30); --cue-active-color: rgb(250, 250, 250)');
    await seek(video, 4);
    await waitFor(() => activeIndex(el) === 2, 'cue 2');
    const style = getComputedStyle(activeCue(el)!);
    // The highlight fades in (no reduced motion here): wait for it to settle.
    await waitFor(() => style.backgroundColor === 'rgb(10, 20, 30)', 'themed active background');
    expect(style.color).to.equal('rgb(250, 250, 250)');
    expect(style.outlineStyle).to.equal('dashed');
    expect(style.outlineColor).to.equal('rgb(1, 2, 3)');
  });

  it('GOOD: forced-colors mode maps the active cue, answer bar and focus ring to system colours', async () => {
    // The test driver cannot emulate forced colours, so read the rules the browser would apply.
    const { el } = await page('');
    const rules = el.shadowRoot!.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules]);
    const forced = rules.find((r): r is CSSMediaRule => r instanceof CSSMediaRule && r.conditionText.includes('forced-colors: active'));
    expect(forced, 'a forced-colors block').to.not.equal(undefined);
    const text = [...forced!.cssRules].map((r) => r.cssText).join('\n');
    expect(text).to.match(/active-cue[^{]*\{[^}]*background(-color)?: highlight/i);
    expect(text).to.match(/active-question[^{]*\{[^}]*highlight/i);
    expect(text).to.match(/focus-visible[^{]*\{[^}]*canvastext/i);
  });

  it('GOOD: with prefers-reduced-motion, following jumps instead of animating', async function () {
    await withMotion.call(this, 'reduce', async () => {
      const { video, el } = await page('max-height: 100px; font-size: 12px');
      const box = scrollBox(el);
      const seeking = new Promise((r) => video.addEventListener('seeking', r, { once: true }));
      video.currentTime = 18;
      await seeking;
      // Our seeking listener ran first and scrolled at once: no frame has passed.
      expect(box.scrollTop).to.be.above(0);
      await waitFor(() => activeIndex(el) === 10, 'cue 10');
    });
  });

  it('GOOD: without reduced motion, following scrolls smoothly', async function () {
    await withMotion.call(this, 'no-preference', async () => {
      const { video, el } = await page('max-height: 100px; font-size: 12px');
      const box = scrollBox(el);
      const seeking = new Promise((r) => video.addEventListener('seeking', r, { once: true }));
      video.currentTime = 18;
      await seeking;
      expect(box.scrollTop).to.equal(0);
      await waitFor(() => box.scrollTop > 0, 'animated there');
    });
  });
});

describe('<cue-transcript> tab stop', () => {
  it('GOOD: tabbing in lands on the cue being spoken', async () => {
    const { video, el } = await page('');
    await seek(video, 10.5);
    await waitFor(() => activeIndex(el) === 6, 'cue 6');
    document.querySelector<HTMLButtonElement>('#before')!.focus();
    // Past the search field and the settings button, the cues' one tab stop is the cue being spoken.
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement === cueEl(el, 6)).to.equal(true);
    expect(el.shadowRoot!.querySelectorAll('[tabindex="0"]')).to.have.length(1);
  });
});
