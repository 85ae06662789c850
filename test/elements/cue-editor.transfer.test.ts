import { expect, oneEvent } from '@open-wc/testing';
import '../../src/editor.js';
import { wordTimesOf } from '../../src/core/align/index.js';
import { plainText } from '../../src/core/editor/index.js';
import type { CueEditor } from '../../src/elements/cue-editor/cue-editor.js';
import { $, button, click, errorText, ready, status } from './cue-editor-helpers.js';

/**
 * Timing transfer in the editor: the committed 47 s clip of the hard session,
 * its edited text, and simulated YouTube automatic captions of it
 * (demo/media/hard-session-clip.asr.vtt: 10 % word errors, its own timing
 * jitter, rolling lines with a timestamp before each word; `npm run synth -- asr`),
 * opened through the toolbar's "Captions for timing…" picker.
 */
const CLIP = '/demo/media/hard-session-clip.m4a';
const TEXT = '/demo/media/hard-session-clip.txt';
const TRUTH = '/demo/media/hard-session-clip.json';
const ASR = '/demo/media/hard-session-clip.asr.vtt';

interface Truth {
  sentences: { text: string; spoken: boolean; start: number | null; end: number | null; words: { start: number }[] }[];
}

/** Picks `file` in the toolbar's captions input, as the file chooser would. */
function pick(el: CueEditor, file: File): void {
  const label = [...el.shadowRoot!.querySelectorAll('label.file')].find((l) => l.textContent!.includes('Captions for timing'))!;
  const input = label.querySelector('input')!;
  const list = new DataTransfer();
  list.items.add(file);
  input.files = list.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('<cue-editor> timing transfer from captions', function () {
  this.timeout(120000);
  let el: CueEditor;
  let truth: Truth;
  let asr: string;

  before(async () => {
    truth = (await (await fetch(TRUTH)).json()) as Truth;
    asr = await (await fetch(ASR)).text();
  });

  beforeEach(async () => {
    el = document.createElement('cue-editor');
    el.noAutosave = true;
    el.src = CLIP;
    document.body.append(el);
    await el.updateComplete;
    expect(await el.openTranscriptUrl(TEXT)).to.equal(true);
    await ready(el);
  });

  afterEach(() => el.remove());

  it('GOOD: the Open group names the captions formats it reads', async () => {
    const label = [...el.shadowRoot!.querySelectorAll('label.file')].find((l) => l.textContent!.includes('Captions for timing'))!;
    expect(label, 'a "Captions for timing…" picker').to.exist;
    for (const name of ['YouTube', 'Whisper', 'Gentle', 'SRT', 'WebVTT']) expect(label.getAttribute('title')).to.contain(name);
    expect(label.querySelector('input')!.accept).to.contain('.json');
    const form = $(el, 'details.url form');
    expect(form.textContent).to.contain('Whisper');
  });

  it('GOOD: an ASR file carries its times onto the edited text: sentences and words near the truth, one undo step', async () => {
    const before = el.session!;
    expect(before.cues.every((c) => !c.timed)).to.equal(true);
    const done = oneEvent(el, 'cue-align');
    pick(el, new File([asr], 'talk.en.vtt', { type: 'text/vtt' }));
    const detail = (await done).detail;
    expect(detail.state).to.equal('done');
    expect(detail.engine).to.equal('transfer');
    const cues = el.session!.cues;
    expect(cues.map((c) => plainText(c.text))).to.deep.equal(before.cues.map((c) => plainText(c.text)));
    const errors: number[] = [];
    const words: number[] = [];
    let unspoken = -1;
    cues.forEach((c, k) => {
      const t = truth.sentences[k]!;
      expect(plainText(c.text)).to.equal(t.text);
      if (!t.spoken) {
        unspoken = k;
        return;
      }
      errors.push(Math.abs(c.startTime - t.start!), Math.abs(c.endTime - t.end!));
      // Word times as WebVTT timestamps in the cue text, near each word's true start.
      wordTimesOf(c.text, c.startTime).forEach((w, q) => words.push(Math.abs(w - t.words[q]!.start)));
    });
    errors.sort((a, b) => a - b);
    words.sort((a, b) => a - b);
    expect(errors[errors.length >> 1]!, 'median sentence-edge error, s').to.be.below(0.05);
    expect(errors.filter((e) => e <= 0.25).length / errors.length, 'share of sentence edges within 250 ms').to.be.at.least(0.85);
    expect(errors[errors.length - 1]!, 'worst sentence-edge error, s').to.be.below(0.5);
    expect(words[words.length >> 1]!, 'median word-start error, s').to.be.below(0.05);
    // The sentence the clip never reaches is flagged, not stretched.
    expect(detail.unspoken).to.deep.equal([unspoken]);
    expect(detail.review).to.include(unspoken);
    await el.updateComplete;
    expect(status(el)).to.match(/^Timing from talk\.en\.vtt: 10 cues timed, edges refined by the recording’s pauses; \d+ boundaries to review \(1 cue has few words in the captions\)/);
    // One undo step back to the untimed text.
    expect(button(el, 'Undo').getAttribute('aria-label')).to.equal('Undo Timing from talk.en.vtt');
    await click(button(el, 'Undo'));
    expect(el.session).to.equal(before);
  });

  it('BAD: a broken captions file is named with its line and column, and nothing changes', async () => {
    const before = el.session!;
    const done = oneEvent(el, 'cue-align');
    pick(el, new File(['WEBVTT\n\n00:00:01.000 --> 00:00:0x.000\nhello\n'], 'broken.vtt', { type: 'text/vtt' }));
    expect((await done).detail.state).to.equal('failed');
    expect(el.session).to.equal(before);
    await el.updateComplete;
    expect(errorText(el)).to.contain('broken.vtt, line 3, column 18: Expected an end time');
  });
});
