import { expect } from '@open-wc/testing';
import '../../src/editor.js';
import type { CueEditor } from '../../src/elements/cue-editor/cue-editor.js';
import { block, SEED_CHAPTERS, SEED_VTT, timeline, waitFor } from './cue-editor-helpers.js';

describe('<cue-editor> on a strict page', function () {
  this.timeout(60000);
  let frame: HTMLIFrameElement;
  afterEach(() => frame?.remove());

  it('GOOD: under a CSP without style-src \'unsafe-inline\' the timeline blocks, handles and question marks sit at their own x', async () => {
    frame = document.createElement('iframe');
    frame.title = 'Strict editor';
    frame.style.cssText = 'width: 1000px; height: 800px; border: 0';
    frame.src = `/test/elements/cue-editor-csp.html?no-autosave&transcript=${SEED_VTT}&chapters=${SEED_CHAPTERS}`;
    const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
    document.body.append(frame);
    await loaded;
    const doc = frame.contentDocument!;
    const ed = await waitFor(() => doc.querySelector<CueEditor>('cue-editor')?.session && doc.querySelector<CueEditor>('cue-editor'), 'editor in the frame');
    await ed.updateComplete;
    const t = timeline(ed);
    t.setView(0, 60);
    await t.updateComplete;
    // The policy is in force: a style attribute is ignored here.
    const probe = doc.createElement('div');
    probe.setAttribute('style', 'width: 123px');
    doc.body.append(probe);
    expect(probe.getBoundingClientRect().width, 'the CSP blocks style attributes').not.to.equal(123);
    probe.remove();

    const xs = [0, 1, 2, 3].map((i) => block(ed, i).getBoundingClientRect());
    expect(new Set(xs.map((r) => Math.round(r.left))).size, 'four blocks at four x').to.equal(4);
    for (let i = 1; i < 4; i++) expect(xs[i]!.left).to.be.greaterThan(xs[i - 1]!.left);
    const c = ed.session!.cues;
    const sps = t.secondsPerPixel;
    expect(xs[1]!.left - xs[0]!.left).to.be.closeTo((c[1]!.startTime - c[0]!.startTime) / sps, 2);
    expect(xs[0]!.width).to.be.closeTo((c[0]!.endTime - c[0]!.startTime) / sps, 2);
    const handles = [...t.shadowRoot!.querySelectorAll<HTMLElement>('[part~="boundary"]')].map((h) => Math.round(h.getBoundingClientRect().left));
    expect(new Set(handles).size).to.be.greaterThan(3);
  });
});
