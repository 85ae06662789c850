/**
 * The committed stand-in recording against its committed timings, in the
 * real browser: it plays, its audio has speech exactly where the cues say,
 * and its slides change exactly at the chapter starts.
 */
import { expect } from '@open-wc/testing';
import { parseWebVTT, type WebVTTCue } from '../../src/core/webvtt/index.js';
import { checkSession, detectPauses, moveBoundary, sessionFromWebVTT } from '../../src/core/editor/index.js';

const MEDIA = '/demo/media/try-rust-with-francesco-ciulla.mp4';

async function cuesOf(path: string): Promise<WebVTTCue[]> {
  return parseWebVTT(await (await fetch(path)).text()).cues;
}

function rms(data: Float32Array, rate: number, from: number, to: number): number {
  const a = Math.max(0, Math.floor(from * rate));
  const b = Math.min(data.length, Math.floor(to * rate));
  let sum = 0;
  for (let i = a; i < b; i++) sum += data[i]! * data[i]!;
  return Math.sqrt(sum / Math.max(1, b - a));
}

const db = (x: number): number => 20 * Math.log10(x + 1e-12);

function once(target: EventTarget, type: string): Promise<void> {
  return new Promise((resolve) => target.addEventListener(type, () => resolve(), { once: true }));
}

describe('the seed recording', () => {
  let cues: WebVTTCue[] = [];
  let chapters: WebVTTCue[] = [];
  before(async () => {
    [cues, chapters] = await Promise.all([
      cuesOf('/timings/try-rust-with-francesco-ciulla.vtt'),
      cuesOf('/timings/try-rust-with-francesco-ciulla.chapters.vtt'),
    ]);
  });

  it('GOOD: plays, and lasts as long as its timings', async () => {
    const video = document.createElement('video');
    video.muted = true;
    video.src = MEDIA;
    document.body.append(video);
    try {
      await once(video, 'loadedmetadata');
      const last = cues[cues.length - 1]!;
      expect(video.duration).to.be.closeTo(last.endTime + 1, 0.2);
      video.currentTime = 100;
      await once(video, 'seeked');
      await video.play();
      await new Promise((r) => setTimeout(r, 600));
      expect(video.currentTime).to.be.greaterThan(100.2);
    } finally {
      video.remove();
    }
  });

  it('GOOD: speech starts and ends where every cue says (within 10 ms)', async function () {
    this.timeout(120000);
    const bytes = await (await fetch(MEDIA)).arrayBuffer();
    const ctx = new OfflineAudioContext(1, 1, 22050);
    const audio = await ctx.decodeAudioData(bytes);
    const data = audio.getChannelData(0);
    const rate = audio.sampleRate;
    const late: string[] = [];
    for (const c of cues) {
      // 30 ms windows that stop 10 ms short of each edge: silence outside, speech inside.
      const before = db(rms(data, rate, c.startTime - 0.04, c.startTime - 0.01));
      const after = db(rms(data, rate, c.startTime + 0.01, c.startTime + 0.04));
      const endIn = db(rms(data, rate, c.endTime - 0.06, c.endTime - 0.01));
      const endOut = db(rms(data, rate, c.endTime + 0.03, c.endTime + 0.06));
      if (!(before < -45 && after > before + 12)) late.push(`${c.id} start ${before.toFixed(1)}/${after.toFixed(1)} dB`);
      if (!(endOut < -40 && endIn > endOut + 6)) late.push(`${c.id} end ${endIn.toFixed(1)}/${endOut.toFixed(1)} dB`);
    }
    expect(late).to.deep.equal([]);

    // The editor's checks agree: no boundary of the exact timings is inside speech, and one
    // moved 300 ms into a sentence is flagged, alone.
    const [vtt, chapters] = await Promise.all(
      ['/timings/try-rust-with-francesco-ciulla.vtt', '/timings/try-rust-with-francesco-ciulla.chapters.vtt'].map(async (u) => (await fetch(u)).text()),
    );
    const session = sessionFromWebVTT(vtt!, chapters!);
    const speech = { duration: audio.duration, pauses: detectPauses(data, rate) };
    expect(checkSession(session, speech).filter((p) => p.kind === 'inside-speech')).to.deep.equal([]);
    const b = 40;
    const moved = moveBoundary(session, b, session.cues[b]!.startTime + 0.3, { linked: false, side: 'start' });
    const flagged = checkSession(moved, speech).filter((p) => p.kind === 'inside-speech');
    expect(flagged.map((p) => p.cueIndex)).to.deep.equal([b]);
  });

  it('GOOD: the slide changes at each chapter start and not in between', async function () {
    this.timeout(60000);
    const video = document.createElement('video');
    video.muted = true;
    video.src = MEDIA;
    document.body.append(video);
    const canvas = document.createElement('canvas');
    canvas.width = 160;
    canvas.height = 72; // the slide text area; the clock sits in the bottom corner, outside it
    const g = canvas.getContext('2d', { willReadFrequently: true })!;
    const frameAt = async (t: number): Promise<Uint8ClampedArray> => {
      video.currentTime = t;
      await once(video, 'seeked');
      g.drawImage(video, 0, 0, video.videoWidth, video.videoHeight * 0.8, 0, 0, 160, 72);
      return g.getImageData(0, 0, 160, 72).data;
    };
    const diff = (a: Uint8ClampedArray, b: Uint8ClampedArray): number => {
      let d = 0;
      for (let i = 0; i < a.length; i += 4) d += Math.abs(a[i]! - b[i]!) + Math.abs(a[i + 1]! - b[i + 1]!);
      return d / (a.length / 4);
    };
    try {
      await once(video, 'loadeddata');
      for (const ch of [chapters[1]!, chapters[8]!, chapters[16]!]) {
        const before = await frameAt(ch.startTime - 0.3);
        const after = await frameAt(ch.startTime + 0.3);
        const later = await frameAt(ch.startTime + 5);
        expect(diff(before, after), `slide change at ${ch.id}`).to.be.greaterThan(2);
        expect(diff(after, later), `same slide within ${ch.id}`).to.be.lessThan(0.5);
        // Seeked to exactly the chapter's start (what a question link does), the new slide shows.
        const exact = await frameAt(ch.startTime);
        expect(diff(exact, after), `new slide at ${ch.id}'s exact start`).to.be.lessThan(0.5);
      }
    } finally {
      video.remove();
    }
  });
});
