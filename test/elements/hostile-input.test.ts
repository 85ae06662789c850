/**
 * Elements on hostile and broken input: loads that hang, files served with
 * the wrong type, files with hundreds of thousands of errors, cue text nested
 * a million deep, links that do not decode, a transcript that fails under a
 * linked navigator. Nothing stays "Loading..." and every failure is told to
 * the viewer and to the page.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/cue-transcript/define.js';
import '../../src/elements/cue-chapters/define.js';
import type { CueTranscript } from '../../src/elements/cue-transcript/cue-transcript.js';
import type { CueChapters } from '../../src/elements/cue-chapters/cue-chapters.js';
import { PROBLEMS_SHOWN } from '../../src/elements/cue-transcript/render.js';
import { TALK, TALK_CHAPTERS, nextEvent, rendered, waitFor } from './cue-transcript-helpers.js';
import { listed, questionLinks } from './cue-chapters-helpers.js';

/** A URL serving `text` with media type `type` (a Blob URL: fetch reports the Blob's type). */
function served(text: string, type: string): string {
  return URL.createObjectURL(new Blob([text], { type }));
}

async function mount(markup: string): Promise<HTMLDivElement> {
  const root = await fixture<HTMLDivElement>(html`<div></div>`);
  root.innerHTML = markup;
  return root;
}

const shadowText = (el: Element): string => el.shadowRoot!.textContent ?? '';

describe('hostile input: <cue-transcript>', () => {
  it('BAD: a request that never answers times out with a message and a cue-error, never "Loading..." forever', async () => {
    const root = await fixture<HTMLDivElement>(html`<div></div>`);
    const el = document.createElement('cue-transcript');
    el.loadTimeout = 1;
    el.src = '/__hang/talk.vtt';
    const error = nextEvent(el, 'cue-error');
    root.append(el);
    const e = await error;
    expect(e.detail.reason).to.equal('timeout');
    expect(e.detail.message).to.contain('talk.vtt');
    await el.updateComplete;
    const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('did not arrive');
    expect(shadowText(el)).to.not.contain('Loading');
  });

  it('GOOD: a transcript served as application/octet-stream is read, and cue-load says how it was served', async () => {
    const text = await (await fetch(TALK)).text();
    const el = document.createElement('cue-transcript');
    el.src = served(text, 'application/octet-stream');
    const load = nextEvent(el, 'cue-load');
    (await fixture<HTMLDivElement>(html`<div></div>`)).append(el);
    const e = await load;
    expect(e.detail.transcript.cues.length).to.be.greaterThan(3);
    const note = e.detail.errors.find((p) => p.code === 'content-type');
    expect(note?.message).to.contain('application/octet-stream');
    expect(e.detail.errorCount).to.equal(1);
  });

  it('BAD: a file that starts with two byte order marks is not WebVTT (the decoder removes one, the second is content)', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, ...new TextEncoder().encode('WEBVTT\n\n00:00.000 --> 00:01.000\nx\n')]);
    const el = document.createElement('cue-transcript');
    el.src = URL.createObjectURL(new Blob([bytes], { type: 'text/vtt' }));
    const error = nextEvent(el, 'cue-error');
    (await fixture<HTMLDivElement>(html`<div></div>`)).append(el);
    expect((await error).detail.reason).to.equal('not-webvtt');
  });

  it('BAD: 1 MB of arrow lines: the exact count, the first few dozen listed, "and N more"', async () => {
    const n = 1 << 17;
    const el = document.createElement('cue-transcript');
    el.src = served('WEBVTT\n\n00:00.000 --> 00:01.000\nok\n\n' + '-->\n'.repeat(n), 'text/vtt');
    const load = nextEvent(el, 'cue-load');
    (await fixture<HTMLDivElement>(html`<div></div>`)).append(el);
    const e = await load;
    await el.updateComplete;
    const total = e.detail.errorCount;
    expect(total).to.be.at.least(n);
    expect(e.detail.errors.length).to.be.below(1000);
    const items = el.shadowRoot!.querySelectorAll('[part~="problem"]');
    expect(items.length).to.equal(PROBLEMS_SHOWN + 1);
    expect(items[items.length - 1]!.textContent).to.equal(`and ${(total - PROBLEMS_SHOWN).toLocaleString('en')} more`);
    expect(el.shadowRoot!.querySelector('[part="problems-summary"]')!.textContent).to.contain(total.toLocaleString('en'));
  });

  it('BAD: a million nested tags render as their text, with no exception and no "Loading..."', async () => {
    const depth = 1_000_000;
    const deep = '<i>'.repeat(depth) + 'deep words' + '</i>'.repeat(depth);
    const el = document.createElement('cue-transcript');
    el.src = served(`WEBVTT\n\n00:00.000 --> 00:01.000\n<v Ann>${deep}\n\n00:01.000 --> 00:02.000\n<v Ann>after`, 'text/vtt');
    const load = nextEvent(el, 'cue-load');
    (await fixture<HTMLDivElement>(html`<div></div>`)).append(el);
    await load;
    await rendered(el);
    const cue = el.shadowRoot!.querySelector<HTMLElement>('[data-cue="0"]')!;
    expect(cue.textContent).to.contain('deep words');
    let levels = 0;
    for (let n: Element | null = cue.querySelector('i'); n; n = n.querySelector('i')) levels++;
    expect(levels).to.be.within(1, 64);
    expect(shadowText(el)).to.contain('after');
    expect(shadowText(el)).to.not.contain('Loading');
  });
});

/** Left edge of the `n`-th character of `el`'s first text node, in viewport pixels. */
function charX(el: Element, n: number): number {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  const node = walker.nextNode() as Text;
  const r = document.createRange();
  r.setStart(node, n);
  r.setEnd(node, n + 1);
  return r.getBoundingClientRect().left;
}

describe('conformance: HTML named character references', () => {
  it('GOOD: names beyond HTML 4 (&ClockwiseContourIntegral;, &nsubE;, &check;) decode in a loaded transcript', async () => {
    const el = document.createElement('cue-transcript');
    el.src = served('WEBVTT\n\n00:00.000 --> 00:01.000\n&ClockwiseContourIntegral; &nsubE; &check; &amp; &nosuchname;\n', 'text/vtt');
    const load = nextEvent(el, 'cue-load');
    (await fixture<HTMLDivElement>(html`<div></div>`)).append(el);
    await load;
    await rendered(el);
    expect(el.shadowRoot!.querySelector('[data-cue="0"]')!.textContent).to.equal('\u2232 \u2AC5\u0338 \u2713 & &nosuchname;');
  });
});

describe('hostile input: bidirectional text', () => {
  it('BAD: an unclosed U+202E in one cue, voice or title does not reverse the next one', async () => {
    const el = document.createElement('cue-transcript');
    el.src = served(
      'WEBVTT\n\n00:00.000 --> 00:01.000\n<v Ann\u202e>evil \u202eoverride\n\n00:01.000 --> 00:02.000\n<v Ann\u202e>plain words\n',
      'text/vtt',
    );
    const load = nextEvent(el, 'cue-load');
    const root = await fixture<HTMLDivElement>(html`<div></div>`);
    root.append(el);
    await load;
    await rendered(el);
    const next = el.shadowRoot!.querySelector('[data-cue="1"]')!;
    expect(next.textContent).to.equal('plain words');
    // Left to right: "p" is left of "w".
    expect(charX(next, 0)).to.be.below(charX(next, 6));
    const nav = document.createElement('cue-chapters');
    nav.setAttribute('chapters', served('WEBVTT\n\n00:00.000 --> 00:01.000\nOne \u202eflipped\n\n00:01.000 --> 00:02.000\nsecond title\n', 'text/vtt'));
    root.append(nav);
    await listed(nav);
    const titles = [...nav.shadowRoot!.querySelectorAll('bdi')];
    expect(titles.map((t) => t.textContent)).to.deep.equal(['One \u202eflipped', 'second title']);
    // The override in the first title stays inside it: the second reads left to right.
    expect(charX(titles[1]!, 0)).to.be.below(charX(titles[1]!, 7));
  });
});

describe('hostile input: <cue-chapters>', () => {
  it('BAD: its own chapters URL failing shows a message and fires cue-error', async () => {
    const root = await fixture<HTMLDivElement>(html`<div></div>`);
    const nav = document.createElement('cue-chapters');
    nav.setAttribute('chapters', '/test/fixtures/missing.chapters.vtt');
    const error = nextEvent(nav, 'cue-error');
    root.append(nav);
    const e = await error;
    expect(e.detail.source).to.equal('chapters');
    expect(e.detail.reason).to.equal('http');
    expect(e.detail.status).to.equal(404);
    await nav.updateComplete;
    expect(shadowText(nav)).to.contain('missing.chapters.vtt');
    expect(shadowText(nav)).to.not.contain('Loading');
  });

  it('BAD: when the linked transcript fails, the navigator says so instead of "Loading questions..."', async () => {
    const root = await mount(`<cue-chapters transcript="t"></cue-chapters><cue-transcript id="t" src="/test/fixtures/missing.vtt"></cue-transcript>`);
    const nav = root.querySelector<CueChapters>('cue-chapters')!;
    await waitFor(() => !shadowText(nav).includes('Loading') && shadowText(nav).includes('transcript could not be loaded'), 'navigator message');
  });

  it('BAD: a malformed deep link (#q=%, #q=%25E0) is ignored; the navigator lists its questions', async () => {
    for (const hash of ['#q=%', '#q=%25E0']) {
      const frame = await fixture<HTMLIFrameElement>(html`<iframe></iframe>`);
      frame.srcdoc = `<!doctype html><script type="module">
        import '/src/elements/cue-transcript/define.ts';
        import '/src/elements/cue-chapters/define.ts';
        window.errors = [];
        window.addEventListener('error', (e) => window.errors.push(String(e.message)));
        window.addEventListener('unhandledrejection', (e) => window.errors.push(String(e.reason)));
        history.replaceState(null, '', location.href.split('#')[0] + ${JSON.stringify(hash)});
      </script>
      <cue-chapters deep-links transcript="t"></cue-chapters>
      <cue-transcript id="t" src="${TALK}" chapters="${TALK_CHAPTERS}"></cue-transcript>`;
      await new Promise((r) => frame.addEventListener('load', r, { once: true }));
      const w = frame.contentWindow as Window & { errors: string[] };
      const nav = await waitFor(() => w.document.querySelector<CueChapters>('cue-chapters'), 'navigator');
      await listed(nav);
      expect(questionLinks(nav).length, hash).to.be.greaterThan(0);
      expect(shadowText(nav), hash).to.not.contain('malformed');
      // The same hash arriving later through hashchange must not throw either.
      w.location.hash = hash === '#q=%' ? '#q=%25E0' : '#q=%';
      await new Promise((r) => setTimeout(r, 200));
      expect(w.errors, hash).to.deep.equal([]);
      expect(questionLinks(nav).length).to.be.greaterThan(0);
    }
  });
});

describe('hostile input: transcript load that hangs under a linked navigator', () => {
  it('BAD: the navigator stops "Loading questions..." when the transcript times out', async () => {
    const root = await mount(`<cue-chapters transcript="t"></cue-chapters><cue-transcript id="t" load-timeout="1" src="/__hang/x.vtt"></cue-transcript>`);
    const nav = root.querySelector<CueChapters>('cue-chapters')!;
    const t = root.querySelector<CueTranscript>('cue-transcript')!;
    await waitFor(() => t.shadowRoot?.querySelector('[role="alert"]'), 'transcript alert', 8000);
    await waitFor(() => !shadowText(nav).includes('Loading'), 'navigator message');
  });
});

describe('hostile input: media that cannot play', () => {
  for (const [what, src] of [
    ['a 404', '/test/fixtures/missing.mp4'],
    ['undecodable bytes', 'garbage'],
  ] as const) {
    it(`BAD: ${what}: the transcript says so, fires cue-error, and a click does not pretend to seek`, async () => {
      const root = await fixture<HTMLDivElement>(html`<div></div>`);
      const url = src === 'garbage' ? URL.createObjectURL(new Blob([new Uint8Array(4096).fill(7)], { type: 'video/mp4' })) : src;
      const video = document.createElement('video');
      video.id = 'broken';
      video.preload = 'auto';
      const el = document.createElement('cue-transcript');
      el.setAttribute('for', 'broken');
      el.src = TALK;
      const error = new Promise<CustomEvent>((resolve) => el.addEventListener('cue-error', (e) => e.detail.source === 'media' && resolve(e)));
      root.append(video, el);
      video.src = url;
      const e = await error;
      expect(e.detail.reason).to.equal('media');
      await rendered(el);
      const alert = await waitFor(() => el.shadowRoot!.querySelector('[part="media-error"]'), `media error shown: ${el.shadowRoot!.textContent?.slice(0, 200)}`);
      expect(alert.getAttribute('role')).to.equal('alert');
      expect(alert.textContent).to.contain('could not be');
      const before = el.activeCueIndex;
      const cue = el.shadowRoot!.querySelector<HTMLElement>('[data-cue="2"]')!;
      cue.click();
      await new Promise((r) => setTimeout(r, 400));
      expect(cue.hasAttribute('aria-current')).to.equal(false);
      expect(video.currentTime).to.equal(0);
      expect(el.activeCueIndex).to.equal(before);
    });
  }
});

describe('hostile input: media-chrome failing under us', () => {
  it('BAD: a <media-controller> whose associateElement throws does not become an uncaught error; the transcript still loads', async () => {
    const frame = await fixture<HTMLIFrameElement>(html`<iframe></iframe>`);
    frame.srcdoc = `<!doctype html><script>
        window.errors = [];
        window.addEventListener('error', (e) => window.errors.push(String(e.message)));
        window.addEventListener('unhandledrejection', (e) => window.errors.push(String(e.reason)));
        customElements.define('media-controller', class extends HTMLElement {
          associateElement() { throw new Error('blocked by policy'); }
          unassociateElement() { throw new Error('blocked by policy'); }
        });
      </script>
      <script type="module">import '/src/elements/cue-transcript/define.ts';</script>
      <media-controller id="mc"></media-controller>
      <cue-transcript mediacontroller="mc" src="${TALK}"></cue-transcript>`;
    await new Promise((r) => frame.addEventListener('load', r, { once: true }));
    const w = frame.contentWindow as Window & { errors: string[] };
    const t = await waitFor(() => w.document.querySelector<CueTranscript>('cue-transcript'), 'transcript');
    await waitFor(() => t.shadowRoot?.querySelector('[data-cue]'), 'cues rendered');
    t.remove();
    await new Promise((r) => setTimeout(r, 100));
    expect(w.errors).to.deep.equal([]);
  });
});
