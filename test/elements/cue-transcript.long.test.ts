import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/cue-transcript/define.js';
import type { CueTranscript } from '../../src/elements/cue-transcript/cue-transcript.js';
import { buildTranscript, type CueLike } from '../../src/core/transcript/index.js';
import { CLIP, seek, waitFor } from './cue-transcript-helpers.js';

/** A long synthetic session: 40 questions of 100 cues each, 5 ms per cue so they fit the 20 s fixture clip. */
function longSession(): ReturnType<typeof buildTranscript> {
  const cues: CueLike[] = [];
  const chapters: CueLike[] = [];
  for (let q = 0; q < 40; q++) {
    const start = q * 0.5;
    chapters.push({ id: `q${q + 1}`, startTime: start, endTime: start + 0.5, text: `Question ${q + 1}?` });
    for (let i = 0; i < 100; i++) {
      const t = start + i * 0.005;
      const who = i === 0 ? 'Interviewer' : 'Guest';
      cues.push({ id: `q${q + 1}-p${1 + Math.floor(i / 10)}-s${i}`, startTime: t, endTime: t + 0.004, text: `<v ${who}>Sentence ${q}-${i} unique${q * 100 + i}.` });
    }
  }
  return buildTranscript(cues, chapters);
}

describe('<cue-transcript> with a long transcript', () => {
  it('GOOD: paints the first slice at once, and has every cue in the DOM once updateComplete resolves', async () => {
    const t = longSession();
    const el = await fixture<CueTranscript>(html`<cue-transcript style="height: 300px"></cue-transcript>`);
    el.transcript = t;
    await new Promise((r) => setTimeout(r, 0)); // Lit's update ran; later slices may still be pending
    const first = el.shadowRoot!.querySelectorAll('[data-cue]').length;
    expect(first).to.be.greaterThan(0);
    expect(first).to.be.lessThan(t.cues.length);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('[data-cue]').length).to.equal(t.cues.length);
    const last = el.shadowRoot!.querySelector(`[data-cue="${t.cues.length - 1}"]`)!;
    expect(last.textContent).to.equal('Sentence 39-99 unique3999.');
    await expect(el).to.be.accessible({ ignoredRules: ['color-contrast'] });
  });

  it('GOOD: the cue playing deep inside is marked even before the rest is built', async () => {
    const t = longSession();
    const wrap = await fixture<HTMLDivElement>(html`<div>
      <video id="long-v" src=${CLIP} muted preload="auto"></video>
      <cue-transcript for="long-v" style="height: 300px"></cue-transcript>
    </div>`);
    const video = wrap.querySelector('video')!;
    const el = wrap.querySelector<CueTranscript>('cue-transcript')!;
    await seek(video, 17.5012);
    el.transcript = t;
    const expected = 3500; // 17.5 s: question 36's first cue
    await waitFor(() => el.activeCueIndex === expected, 'active cue');
    const current = await waitFor(() => el.shadowRoot!.querySelector('[aria-current="time"]'), 'marked cue');
    expect((current as HTMLElement).dataset['cue']).to.equal(String(expected));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('[aria-current="time"]').length).to.equal(1);
  });

  it('GOOD: removing it while slices are pending leaves no timer behind', async () => {
    const el = await fixture<CueTranscript>(html`<cue-transcript style="height: 300px"></cue-transcript>`);
    const before = el.shadowRoot!.querySelectorAll('[data-cue]').length;
    el.transcript = longSession();
    await new Promise((r) => setTimeout(r, 0));
    const partial = el.shadowRoot!.querySelectorAll('[data-cue]').length;
    el.remove();
    await new Promise((r) => setTimeout(r, 100));
    expect(before).to.equal(0);
    expect(el.shadowRoot!.querySelectorAll('[data-cue]').length).to.equal(partial);
    document.body.append(el); // reconnecting carries on
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('[data-cue]').length).to.equal(4000);
    el.remove();
  });
});
