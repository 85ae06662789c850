/**
 * `<cue-editor>` on pages that require Trusted Types (`require-trusted-types-for 'script'`): its Worker
 * (waveform, alignment) starts through the `cueline` policy, and where a page does not allow that policy
 * the editor says so, in the editor and with `cue-worker-error`. Runs where the browser has Trusted Types
 * (Chromium; Firefox from 153 ESR); skipped in a browser without `window.trustedTypes` (older Firefox ESR),
 * where there is nothing to enforce.
 */
import { expect } from '@open-wc/testing';
import type { CueEditor } from '../../src/elements/cue-editor/cue-editor.js';
import type { CueWorkerErrorDetail } from '../../src/elements/cue-editor/events.js';
import { CLIP, SEED_VTT, timeline, waitFor } from './cue-editor-helpers.js';

type Seen = Window & typeof globalThis & { violations: string[]; errors: string[]; workerErrors: CueWorkerErrorDetail[] };

const hasTrustedTypes = 'trustedTypes' in globalThis;

async function openFrame(page: string): Promise<{ w: Seen; ed: CueEditor; frame: HTMLIFrameElement }> {
  const frame = document.createElement('iframe');
  frame.title = 'Editor under Trusted Types';
  frame.width = '1000';
  frame.height = '800';
  frame.src = `/test/elements/${page}?src=${encodeURIComponent(CLIP)}&transcript=${encodeURIComponent(SEED_VTT)}`;
  const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
  document.body.append(frame);
  await loaded;
  const w = frame.contentWindow as unknown as Seen;
  const ed = await waitFor(() => w.document.querySelector<CueEditor>('cue-editor')?.session && w.document.querySelector<CueEditor>('cue-editor'), 'editor in the frame', 30000);
  return { w, ed, frame };
}

/** Distinct colours in the waveform canvas: a blank canvas has one. */
function inked(canvas: HTMLCanvasElement): number {
  const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
  let n = 0;
  for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
  return n;
}

(hasTrustedTypes ? describe : describe.skip)('<cue-editor> under Trusted Types (skipped where the browser has none)', function () {
  this.timeout(120000);
  let frame: HTMLIFrameElement | undefined;
  afterEach(() => frame?.remove());

  it('GOOD: with `trusted-types cueline` allowed, the Worker starts and the waveform of the opened recording is drawn', async () => {
    const opened = await openFrame('cue-editor-tt.html');
    frame = opened.frame;
    const { w, ed } = opened;
    await waitFor(() => ed._audio !== 'loading' && ed._audio !== 'none', 'recording read', 90000);
    expect(ed._audio, ed.shadowRoot!.querySelector('[part~="error"]')!.textContent!).to.equal('ready');
    expect(ed._audioCtl.pyramid, 'peaks from the Worker').to.not.equal(null);
    const t = timeline(ed);
    await t.updateComplete;
    const canvas = t.shadowRoot!.querySelector<HTMLCanvasElement>('canvas[part~="wave"]')!;
    await waitFor(() => inked(canvas) > 1000, 'waveform drawn', 30000);
    expect(w.workerErrors).to.deep.equal([]);
    expect(w.errors).to.deep.equal([]);
    // (media-chrome also adds an inline <style> to the document, refused by style-src 'self': not ours, and harmless.)
    expect(w.violations.filter((v) => /^(require-trusted-types-for|trusted-types|worker-src|script-src)/.test(v))).to.deep.equal([]);
    // The policy is in force: a plain string to a script sink is refused.
    // (Chromium: "requires 'TrustedScriptURL' assignment"; Firefox: "Sink type mismatch violation blocked by CSP".)
    expect(() => new w.Worker('/src/workers/editor-worker.js', { type: 'module' })).to.throw(/TrustedScriptURL|Sink type mismatch/);
  });

  it('BAD: without the `cueline` policy allowed, the editor says why it has no waveform and fires cue-worker-error', async () => {
    const opened = await openFrame('cue-editor-tt-nopolicy.html');
    frame = opened.frame;
    const { w, ed } = opened;
    await waitFor(() => w.workerErrors.length, 'cue-worker-error', 90000);
    expect(w.workerErrors[0]!.reason).to.equal('trusted-types');
    expect(w.workerErrors[0]!.policy).to.equal('cueline');
    expect(ed._audio).to.equal('failed');
    await ed.updateComplete;
    const shown = ed.shadowRoot!.querySelector('[part~="error"]')!.textContent!;
    expect(shown).to.include('trusted-types');
    expect(shown).to.include('cueline');
    // Editing still works: the session is open and the list shows it.
    expect(ed.session!.cues.length).to.be.greaterThan(100);
    expect(w.errors).to.deep.equal([]);
  });
});
