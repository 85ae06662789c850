/**
 * Cueline's player elements on a page with a strict Content-Security-Policy
 * (no 'unsafe-inline' styles, Trusted Types required): nothing is blocked and
 * the layout that depends on positions still holds.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { CueTranscript } from '../../src/elements/cue-transcript/cue-transcript.js';
import { waitFor } from '../elements/cue-transcript-helpers.js';

type Seen = Window & typeof globalThis & { violations: string[]; errors: string[] };

async function strictPage(): Promise<Seen> {
  const frame = await fixture<HTMLIFrameElement>(html`<iframe src="/test/strict/page.html" style="width:900px;height:700px"></iframe>`);
  await new Promise((r) => frame.addEventListener('load', r, { once: true }));
  return frame.contentWindow as Seen;
}

describe('strict Content-Security-Policy and Trusted Types', () => {
  it('GOOD: transcript, navigator and search strip load, search, and place their ticks with no violation', async () => {
    const w = await strictPage();
    const t = await waitFor(() => w.document.querySelector<CueTranscript>('cue-transcript'), 'transcript');
    await waitFor(() => t.shadowRoot?.querySelector('[data-cue]'), 'cues rendered');
    const nav = w.document.querySelector('cue-chapters')!;
    await waitFor(() => nav.shadowRoot?.querySelector('a[part~="question"]'), 'questions listed');
    const input = t.shadowRoot!.querySelector<HTMLInputElement>('[part~="search-input"]')!;
    input.value = 'rust';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    const strip = w.document.querySelector('cue-search-strip')!;
    const ticks = await waitFor(() => {
      const list = [...(strip.shadowRoot?.querySelectorAll<HTMLElement>('[part~="tick"]') ?? [])];
      return list.length >= 2 ? list : null;
    }, 'search ticks');
    const xs = new Set(ticks.map((k) => Math.round(k.getBoundingClientRect().left)));
    expect(xs.size, 'ticks sit at different places along the strip').to.be.greaterThan(1);
    expect(w.violations).to.deep.equal([]);
    expect(w.errors).to.deep.equal([]);
    // The policy is live: a style attribute is blocked and reported.
    w.document.body.setAttribute('style', 'color: red');
    await waitFor(() => w.violations.length > 0, 'a violation for an inline style');
  });
});
