import { expect, oneEvent } from '@open-wc/testing';
import '../../src/editor.js';
import type { CueEditor } from '../../src/elements/cue-editor/cue-editor.js';
import { button, click, ready, status } from './cue-editor-helpers.js';

/**
 * When the acoustic aligner's reference voice (flite.wasm, `voice-url`) cannot load (a bundler that did not
 * copy it, an offline page), Align still places every boundary with the pause aligner, and says why.
 */
const CLIP = '/demo/media/hard-session-clip.m4a';
const TEXT = '/demo/media/hard-session-clip.txt';

describe('<cue-editor> Align without its reference voice', function () {
  this.timeout(120000);
  let el: CueEditor;

  beforeEach(async () => {
    el = document.createElement('cue-editor');
    el.noAutosave = true;
    el.setAttribute('voice-url', '/demo/media/no-such-voice/flite.wasm');
    el.src = CLIP;
    document.body.append(el);
    await el.updateComplete;
    expect(await el.openTranscriptUrl(TEXT)).to.equal(true);
    await ready(el);
  });

  afterEach(() => el.remove());

  it('GOOD: a voice-url that does not load falls back to the pause aligner, announced with the reason, as one undo step', async () => {
    const before = el.session!;
    expect(before.cues.every((c) => !c.timed)).to.equal(true);
    const done = oneEvent(el, 'cue-align');
    await click(button(el, 'Align'));
    const detail = (await done).detail;
    expect(detail.state).to.equal('done');
    expect(detail.engine).to.equal('pauses');
    const cues = el.session!.cues;
    expect(cues.every((c) => c.timed)).to.equal(true);
    for (let k = 1; k < cues.length; k++) expect(cues[k]!.startTime).to.be.at.least(cues[k - 1]!.endTime);
    await el.updateComplete;
    expect(status(el)).to.match(/^Aligned \d+ boundaries: \d+ to review \(by pauses only: Could not load the reference voice http:\/\/[^ ]+\/demo\/media\/no-such-voice\/flite\.wasm \(HTTP 404\)\.\)\. Press R/);
    await click(button(el, 'Undo'));
    expect(el.session).to.equal(before);
  });
});
