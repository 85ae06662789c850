/**
 * `<cue-search-strip>` shows the linked transcript's search whichever element is defined first,
 * and when it comes after the reader has searched (scripts loaded one by one, a strip added later).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CueTranscript } from '../../src/elements/cue-transcript/cue-transcript.js';
import { waitFor } from './cue-transcript-helpers.js';

type Page = Window & typeof globalThis & { defineStrip: () => Promise<unknown> };

async function page(order: 'strip-first' | 'transcript-first'): Promise<Page> {
  const frame = await fixture<HTMLIFrameElement>(html`<iframe src="/test/strict/define-order.html?order=${order}" style="width:900px;height:600px"></iframe>`);
  await new Promise((r) => frame.addEventListener('load', r, { once: true }));
  const w = frame.contentWindow as Page;
  await waitFor(() => typeof w.defineStrip === 'function', 'the page script ran', 30000);
  return w;
}

/** Types "rust" into the transcript's search field with real keys. */
async function search(t: CueTranscript): Promise<void> {
  await waitFor(() => t.shadowRoot?.querySelector('[data-cue]'), 'cues rendered', 20000);
  const input = t.shadowRoot!.querySelector<HTMLInputElement>('[part~="search-input"]')!;
  input.focus();
  await sendKeys({ type: 'rust' });
  await waitFor(() => t.shadowRoot!.querySelector('[part~="search-count"]')?.textContent?.includes('of'), 'search counted');
}

async function ticks(w: Page): Promise<number[]> {
  const strip = w.document.querySelector('cue-search-strip')!;
  const list = await waitFor(() => {
    const all = [...(strip.shadowRoot?.querySelectorAll<HTMLElement>('[part~="tick"]') ?? [])];
    return all.length >= 2 ? all : null;
  }, 'search ticks');
  return list.map((k) => Math.round(k.getBoundingClientRect().left));
}

describe('<cue-search-strip> definition order', () => {
  for (const order of ['strip-first', 'transcript-first'] as const) {
    it(`GOOD: ${order}: the strip shows every match, placed along the recording`, async () => {
      const w = await page(order);
      const t = await waitFor(() => w.document.querySelector<CueTranscript>('cue-transcript'), 'transcript');
      await search(t);
      await w.defineStrip();
      const xs = await ticks(w);
      expect(xs.length, 'one tick per match').to.equal(t.searchState.hits.length);
      expect(new Set(xs).size, 'ticks at different places').to.be.greaterThan(1);
      expect(w.customElements.get('cue-search-strip'), 'defined').to.not.equal(undefined);
    });
  }

  it('GOOD: a strip added after the search shows it at once, and follows the next move', async () => {
    const w = await page('strip-first');
    const t = await waitFor(() => w.document.querySelector<CueTranscript>('cue-transcript'), 'transcript');
    w.document.querySelector('cue-search-strip')!.remove();
    await search(t);
    const late = w.document.createElement('cue-search-strip');
    late.setAttribute('transcript', 'transcript');
    w.document.body.append(late);
    const xs = await ticks(w);
    expect(xs.length).to.equal(t.searchState.hits.length);
    const current = () => late.shadowRoot!.querySelector<HTMLElement>('[part~="current-tick"]');
    const before = await waitFor(current, 'current tick');
    const first = Math.round(before.getBoundingClientRect().left);
    await sendKeys({ press: 'Enter' });
    await waitFor(() => current() && Math.round(current()!.getBoundingClientRect().left) !== first, 'current tick moved on Enter');
  });
});
