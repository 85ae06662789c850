import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/editor.js';
import { sessionFromWebVTT } from '../../src/core/editor/index.js';
import type { CueEditor } from '../../src/elements/cue-editor/cue-editor.js';
import { $, button, click, handle, ready, SEED_CHAPTERS, SEED_MEDIA, SEED_TEXT, SEED_VTT, status, timeline, view, waitFor } from './cue-editor-helpers.js';

/**
 * The editor with the real 22-minute seed recording: decoded once for the
 * file (a few seconds), then playback, tapping, auditioning and alignment in
 * the Worker.
 */
describe('<cue-editor> with the seed recording', function () {
  this.timeout(90000);
  let el: CueEditor;
  let exact: ReturnType<typeof sessionFromWebVTT>;

  before(async () => {
    exact = sessionFromWebVTT(await (await fetch(SEED_VTT)).text(), await (await fetch(SEED_CHAPTERS)).text());
    el = document.createElement('cue-editor');
    el.noAutosave = true;
    el.src = SEED_MEDIA;
    el.transcript = SEED_VTT;
    el.chapters = SEED_CHAPTERS;
    document.body.append(el);
    await ready(el);
    await waitFor(() => el.media!.readyState >= 1, 'media metadata');
  });

  after(() => el.remove());

  beforeEach(async () => {
    if (el.session !== exact) el.session = exact;
    el.media!.pause();
    await el.updateComplete;
  });

  it('GOOD: draws the waveform from peaks built in the Worker, and finds the pauses', async () => {
    const pyramid = el._audioCtl.pyramid!;
    expect(pyramid.length / pyramid.sampleRate).to.be.closeTo(el.media!.duration, 0.5);
    expect(el._audioCtl.speech!.pauses.length).to.be.greaterThan(200);
    const canvas = timeline(el).shadowRoot!.querySelector('canvas')!;
    await view(el, 60, 70);
    const ctx = canvas.getContext('2d')!;
    const mid = ctx.getImageData(0, Math.floor(canvas.height * 0.6), canvas.width, 1).data;
    let painted = 0;
    for (let k = 3; k < mid.length; k += 4) if (mid[k]! > 0) painted++;
    expect(painted, 'columns of waveform painted at 60-70 s').to.be.greaterThan(canvas.width / 4);
  });

  /** Plays from `from` until the media is past `past` seconds. */
  async function playFrom(from: number, past: number): Promise<void> {
    const media = el.media!;
    media.currentTime = from;
    await oneEvent(media, 'seeked');
    await media.play();
    await waitFor(() => media.currentTime > past, `playing past ${past} s`);
  }

  /** Presses T (real key) and returns the media time just before and after. */
  async function tap(): Promise<[number, number]> {
    const before = el.media!.currentTime;
    await sendKeys({ press: 'KeyT' });
    return [before, el.media!.currentTime];
  }

  it('GOOD: tap to sync sets the boundary playback is crossing, not the selected one, and moves nothing else (ripple off)', async () => {
    const media = el.media!;
    // The report: boundary 0 selected, playing at 1:58.
    el._run({ type: 'select-boundary', boundary: 0 });
    await el.updateComplete;
    handle(el, 0).focus();
    expect(el.ripple).to.equal(false);
    const b19 = exact.cues[19]!.startTime; // 1:58.567
    await playFrom(116.5, b19 + 0.3);
    const [lo, hi] = await tap();
    // Successive taps walk forward: the next boundary as playback crosses it.
    const b20 = exact.cues[20]!.startTime;
    await waitFor(() => media.currentTime > b20 + 0.3, 'crossing boundary 20');
    const [lo2, hi2] = await tap();
    media.pause();
    const s = el.session!;
    expect(s.cues[19]!.startTime).to.be.within(lo - 0.25 - 0.01, hi - 0.25 + 0.01);
    expect(s.cues[20]!.startTime).to.be.within(lo2 - 0.25 - 0.01, hi2 - 0.25 + 0.01);
    expect(s.cues[0]!.startTime, 'cue 1 stays where it was').to.equal(exact.cues[0]!.startTime);
    s.cues.forEach((c, i) => {
      if (i === 19 || i === 20) return;
      expect(c.startTime, `start of cue ${i}`).to.equal(exact.cues[i]!.startTime);
      // A cue before a tapped boundary may only lose an overlap; none here (the seed has pauses).
      expect(c.endTime, `end of cue ${i}`).to.equal(exact.cues[i]!.endTime);
    });
    s.chapters.slice(1).forEach((ch, k) => expect(ch.startTime, `question ${k + 2} starts after question ${k + 1} ends`).to.be.at.least(s.chapters[k]!.endTime));
    expect(el.selection.boundary).to.equal(20);
    expect(el.history!.past.slice(-2).map((p) => p.label)).to.deep.equal(['Tap', 'Tap']);
    await el.updateComplete;
    expect(status(el)).to.match(/^Tap: boundary 20 at 2:03\.\d{3}/);
  });

  it('BAD: a tap in the middle of a cue, far from any boundary, is refused with a polite notice; nothing moves', async () => {
    el._run({ type: 'select-boundary', boundary: 0 });
    await el.updateComplete;
    handle(el, 0).focus();
    const before = el.session;
    // Cue 21 runs 2:05.237-2:10.903: its middle is seconds from either boundary.
    await playFrom(127.4, 127.7);
    await tap();
    el.media!.pause();
    expect(el.session).to.equal(before);
    expect(el.history!.past.at(-1)?.label).not.to.equal('Tap');
    await el.updateComplete;
    expect(status(el)).to.match(/^Tap at 2:0[78]\.\d{3} not used: no boundary close enough .*Nothing changed\.$/);
    expect($(el, '[part~="status"]').getAttribute('aria-live')).to.equal('polite');
    expect(el.selection.boundary).to.equal(0);
  });

  it('GOOD: plays at 0.5x to 2x without changing pitch', async () => {
    const select = $<HTMLSelectElement>(el, '.rate select');
    expect([...select.options].map((o) => o.value)).to.deep.equal(['0.5', '0.75', '1', '1.25', '1.5', '1.75', '2']);
    for (const rate of ['0.5', '2', '1']) {
      select.value = rate;
      select.dispatchEvent(new Event('change'));
      expect(el.media!.playbackRate).to.equal(Number(rate));
      expect(el.media!.preservesPitch).to.equal(true);
    }
  });

  it('GOOD: auditions one second either side of the boundary, once or on repeat until Escape', async () => {
    const media = el.media!;
    const b = 40;
    const t = el.session!.cues[b]!.startTime;
    el._run({ type: 'select-boundary', boundary: b });
    await el.updateComplete;
    handle(el, b).focus();
    await sendKeys({ press: 'KeyA' });
    await waitFor(() => !media.paused, 'audition playing');
    expect(media.currentTime).to.be.within(t - 1.05, t);
    await waitFor(() => media.paused, 'audition stopped', 6000);
    expect(media.currentTime).to.be.within(t + 0.98, t + 1.3);

    handle(el, b).focus();
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'KeyA' });
    await sendKeys({ up: 'Shift' });
    await waitFor(() => media.currentTime > t + 0.9, 'first pass', 6000);
    await waitFor(() => !media.paused && media.currentTime < t, 'looped back', 6000);
    expect(el._playback.auditioning).to.equal(t);
    await sendKeys({ press: 'Escape' });
    expect(media.paused).to.equal(true);
    expect(el._playback.auditioning).to.equal(null);
  });

  it('GOOD: checks find a boundary planted inside speech, with a fix that moves it to a pause', async () => {
    const s = el.session!;
    const pauses = el._audioCtl.speech!.pauses;
    const c = s.cues[60]!;
    let t = c.startTime + 0.3;
    while (pauses.some((p) => t > p.start - 0.15 && t < p.end + 0.15)) t += 0.05;
    el.session = { ...s, cues: s.cues.map((x, i) => (i === 60 ? { ...x, startTime: Math.round(t * 1000) / 1000 } : x)) };
    await el.updateComplete;
    const p = el.problems.findIndex((x) => x.kind === 'inside-speech' && x.cueIndex === 60);
    expect(p).to.be.greaterThan(-1);
    expect(el.problems[p]!.fix?.label).to.equal('Move it into the nearest pause');
    el._run({ type: 'fix', problem: p });
    expect(el.problems.some((x) => x.kind === 'inside-speech' && x.cueIndex === 60)).to.equal(false);
  });

  it('GOOD: aligns the untimed text end to end in the Worker, shows progress, and steps through the review list', async () => {
    // The pause aligner: exact on the seed's clean pauses and fast on 22 minutes (the acoustic one: cue-editor.acoustic.test.ts).
    el._align.engine = 'pauses';
    expect(await el.openTranscriptUrl(SEED_TEXT)).to.equal(true);
    expect(el.session!.cues.every((c) => !c.timed)).to.equal(true);
    const done = oneEvent(el, 'cue-align');
    await click(button(el, 'Align'));
    await el.updateComplete;
    expect($(el, 'progress[aria-label="Alignment progress"]')).to.exist;
    const detail = (await done).detail;
    expect(detail.state).to.equal('done');
    const s = el.session!;
    expect(s.cues.every((c) => c.timed)).to.equal(true);
    expect(el.history!.past.at(-1)!.label).to.equal('Align');
    const byId = new Map(exact.cues.map((c) => [c.id, c]));
    const errors = s.cues.filter((c) => byId.has(c.id)).map((c) => Math.abs(c.startTime - byId.get(c.id)!.startTime));
    const close = errors.filter((e) => e < 0.1).length / errors.length;
    expect(close, 'share of starts within 100 ms of the exact timings').to.be.greaterThan(0.9);
    await el.updateComplete;
    expect(status(el)).to.match(/^Aligned \d+ boundaries: \d+ to review/);

    expect(detail.review.length).to.be.greaterThan(0);
    const first = [...detail.review].sort((a, b) => a - b)[0]!;
    el._run({ type: 'select-boundary', boundary: 0 });
    await el.updateComplete;
    timeline(el).focus();
    handle(el, 0)?.focus();
    await sendKeys({ press: 'KeyR' });
    await el.updateComplete;
    expect(el.selection.boundary).to.equal(first);
    expect(status(el)).to.match(new RegExp(`^Review 1 of ${detail.review.length}: boundary ${first} at`));
    await expectReviewed(first);

    // The toolbar's button does the same for the next one.
    const second = [...detail.review].sort((a, b) => a - b)[1];
    if (second !== undefined) {
      await waitFor(() => el.media!.paused, 'first audition over', 6000);
      await click(button(el, `Next boundary to review (${detail.review.length})`));
      await el.updateComplete;
      expect(el.selection.boundary).to.equal(second);
      await expectReviewed(second);
    }
  });

  /** Going to a review item zooms the timeline to seconds around the boundary, centred, and plays ~1 s either side of it. */
  async function expectReviewed(b: number): Promise<void> {
    const media = el.media!;
    const t = el.session!.cues[b]?.startTime ?? el.session!.cues.at(-1)!.endTime;
    const tl = timeline(el);
    await tl.updateComplete;
    const span = tl.viewEnd - tl.viewStart;
    expect(span, 'seconds on screen').to.be.within(3, 10);
    expect(t).to.be.within(tl.viewStart, tl.viewEnd);
    if (t > 5) expect((tl.viewStart + tl.viewEnd) / 2, 'centred on the boundary').to.be.closeTo(t, 0.05);
    expect(handle(el, b), 'the boundary handle is drawn').to.exist;
    await waitFor(() => !media.paused && !media.seeking, 'audition playing', 6000);
    expect(media.currentTime, 'plays from just before the boundary').to.be.within(t - 1.05, t);
    await waitFor(() => media.paused, 'audition stopped', 6000);
    expect(media.currentTime, 'stops just after it').to.be.within(t + 0.98, t + 1.3);
  }

  it('GOOD: a cancelled alignment changes nothing', async () => {
    expect(await el.openTranscriptUrl(SEED_TEXT)).to.equal(true);
    const before = el.session;
    const done = oneEvent(el, 'cue-align');
    await click(button(el, 'Align'));
    await el.updateComplete;
    await click(button(el, 'Cancel alignment'));
    expect((await done).detail.state).to.equal('cancelled');
    expect(el.session).to.equal(before);
    await el.updateComplete;
    expect(status(el)).to.equal('Alignment cancelled: nothing changed.');
  });
});
