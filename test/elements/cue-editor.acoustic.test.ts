import { expect, oneEvent } from '@open-wc/testing';
import '../../src/editor.js';
import { plainText } from '../../src/core/editor/index.js';
import type { CueEditor } from '../../src/elements/cue-editor/cue-editor.js';
import { button, click, ready, status } from './cue-editor-helpers.js';

/**
 * Acoustic alignment in the editor's Worker, on the committed 47 s clip of
 * the hard session (`npm run synth -- hard`): Festival voices, a music-only
 * intro and a -30 dB bed of music and babble, sentences run together, comma
 * pauses, a filler, and a last sentence in the text that the clip never
 * reaches. Its truth is exact (demo/media/hard-session-clip.json).
 */
const CLIP = '/demo/media/hard-session-clip.m4a';
const TEXT = '/demo/media/hard-session-clip.txt';
const TRUTH = '/demo/media/hard-session-clip.json';

interface Truth {
  sentences: { text: string; spoken: boolean; start: number | null; end: number | null }[];
}

describe('<cue-editor> acoustic alignment of the hard clip', function () {
  this.timeout(180000);
  let el: CueEditor;
  let truth: Truth;

  before(async () => {
    truth = (await (await fetch(TRUTH)).json()) as Truth;
    el = document.createElement('cue-editor');
    el.noAutosave = true;
    el.src = CLIP;
    document.body.append(el);
    await el.updateComplete;
    expect(await el.openTranscriptUrl(TEXT)).to.equal(true);
    await ready(el);
  });

  after(() => el.remove());

  it('GOOD: places every spoken sentence near its true edges, and flags the sentence the clip never speaks', async () => {
    expect(el.session!.cues.every((c) => !c.timed)).to.equal(true);
    const done = oneEvent(el, 'cue-align');
    await click(button(el, 'Align'));
    const detail = (await done).detail;
    expect(detail.state).to.equal('done');
    expect(detail.engine).to.equal('acoustic');
    const cues = el.session!.cues;
    const byText = new Map(truth.sentences.map((t) => [t.text, t]));
    const errors: number[] = [];
    let unspokenCue = -1;
    cues.forEach((c, k) => {
      const t = byText.get(plainText(c.text));
      expect(t, `truth for "${plainText(c.text)}"`).to.exist;
      if (!t!.spoken) {
        unspokenCue = k;
        return;
      }
      errors.push(Math.abs(c.startTime - t!.start!), Math.abs(c.endTime - t!.end!));
    });
    errors.sort((a, b) => a - b);
    expect(errors.length).to.equal(2 * (cues.length - 1));
    expect(errors[errors.length >> 1]!, 'median sentence-edge error, s').to.be.below(0.06);
    expect(errors[errors.length - 1]!, 'worst sentence-edge error, s').to.be.below(0.3);
    // The pause aligner puts the first sentence inside the music intro: this one starts with the speech (6 s).
    expect(cues[0]!.startTime).to.be.closeTo(6, 0.1);

    expect(unspokenCue).to.equal(cues.length - 1);
    expect(detail.unspoken).to.deep.equal([unspokenCue]);
    expect(detail.review).to.include(unspokenCue);
    // Never stretched over its neighbour: it gets no more than the pause after the last spoken sentence.
    const last = cues[unspokenCue]!;
    expect(last.startTime).to.be.at.least(cues[unspokenCue - 1]!.endTime);
    expect(last.endTime - last.startTime).to.be.below(1.2);
    await el.updateComplete;
    expect(status(el)).to.match(/^Aligned \d+ boundaries: \d+ to review \(1 cue seems not spoken\)/);
  });
});
