import { expect, fixture, html } from '@open-wc/testing';
import 'media-chrome';
import '../../src/elements/cue-transcript/define.js';
import type { CueTranscript } from '../../src/elements/cue-transcript/cue-transcript.js';
import {
  DEMO_CHAPTERS,
  DEMO_MEDIA,
  DEMO_VTT,
  activeCue,
  activeIndex,
  activeQuestion,
  clickCue,
  metadata,
  releaseMouse,
  rendered,
  scrollBox,
  seek,
  waitFor,
} from './cue-transcript-helpers.js';

/** The demo page's arrangement: a media-chrome player, and the transcript bound by `for` and `mediacontroller`. */
async function demo(): Promise<{ video: HTMLVideoElement; el: CueTranscript }> {
  const root = await fixture<HTMLDivElement>(html`<div>
    <media-controller id="player" style="display: block; width: 160px; height: 90px">
      <video id="demo-video" slot="media" src=${DEMO_MEDIA} muted preload="auto"></video>
    </media-controller>
    <cue-transcript
      for="demo-video"
      mediacontroller="player"
      src=${DEMO_VTT}
      chapters=${DEMO_CHAPTERS}
      style="max-height: 300px; font-size: 12px"
    ></cue-transcript>
  </div>`);
  const el = root.querySelector('cue-transcript')!;
  const video = root.querySelector('video')!;
  await rendered(el);
  await metadata(video);
  return { video, el };
}

afterEach(releaseMouse);

describe('<cue-transcript> with the demo recording', () => {
  it('GOOD: is accessible and renders the 17 questions of the session', async () => {
    const { el } = await demo();
    await expect(el).to.be.accessible();
    const headings = el.shadowRoot!.querySelectorAll('h3');
    expect(headings).to.have.length(17);
    expect(headings[0]!.textContent).to.contain('What does Rust adoption actually look like');
    // The asker is named in the heading that carries their question (with a colon for screen readers).
    const speakers = new Set([...el.shadowRoot!.querySelectorAll('[part~="speaker"]')].map((s) => s.textContent!.replace(/:$/, '')));
    expect([...speakers]).to.include.members(['Host', 'Interviewer', 'Francesco Ciulla']);
    expect(el.shadowRoot!.querySelectorAll('[data-cue]')).to.have.length(el.loadedTranscript!.cues.length);
    // Each question once: in its heading, not again as a paragraph.
    const t = el.loadedTranscript!;
    for (const q of t.questions) {
      const section = el.shadowRoot!.querySelector(`[data-q="${q.index}"]`)!;
      expect(section.textContent!.split(q.title).length - 1, `question ${q.number} shown once`).to.equal(1);
      expect(section.querySelector('[part~="heading"] [data-cue]'), `question ${q.number}'s heading is its cue`).to.not.equal(null);
    }
  });

  it('GOOD: seeking into question 5 highlights the cue spoken there and keeps it in view', async () => {
    const { video, el } = await demo();
    await seek(video, 383);
    await waitFor(() => activeCue(el)?.textContent?.startsWith('Yes they are'), 'the answer to question 5');
    const cue = el.loadedTranscript!.cues[activeIndex(el)]!;
    expect(cue.id).to.equal('q05-p2-s1');
    expect(activeQuestion(el)).to.equal(4);
    const section = el.shadowRoot!.querySelector('[part~="active-question"]')!;
    expect(section.querySelector('h3')!.textContent).to.contain('Android security team');
    const box = scrollBox(el);
    await waitFor(() => {
      const b = box.getBoundingClientRect();
      const r = activeCue(el)!.getBoundingClientRect();
      return r.top >= b.top && r.bottom <= b.bottom;
    }, 'active cue in view');
    expect(document.scrollingElement!.scrollTop).to.equal(0);
  });

  it('GOOD: playing across a cue boundary moves the highlight to the next cue', async () => {
    const { video, el } = await demo();
    const t = el.loadedTranscript!;
    const i = t.cues.findIndex((c) => c.id === 'q05-p2-s1');
    const next = t.cues[i + 1]!;
    await seek(video, next.startTime - 0.6);
    await waitFor(() => activeIndex(el) === i || activeIndex(el) === -1, 'before the boundary');
    await video.play();
    await waitFor(() => activeIndex(el) === i + 1, `cue ${next.id} while playing`);
    video.pause();
    expect(video.currentTime).to.be.at.least(next.startTime - 0.01);
    expect(activeQuestion(el)).to.equal(4);
  });

  it('GOOD: a click on a cue seeks the recording to its start', async () => {
    const { video, el } = await demo();
    const t = el.loadedTranscript!;
    const i = t.cues.findIndex((c) => c.id.startsWith('q01-p2'));
    await clickCue(el, i);
    await waitFor(() => Math.abs(video.currentTime - t.cues[i]!.startTime) < 0.01, `video at ${t.cues[i]!.startTime}`);
    await waitFor(() => activeIndex(el) === i, 'clicked cue active');
    expect(activeQuestion(el)).to.equal(0);
  });
});
