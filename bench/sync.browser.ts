/**
 * Sync lag during real playback of the seed recording: for every cue
 * boundary crossed, how late (in media time) the highlight changed, for
 * `<cue-transcript>` and, on the same media in the same run, for a baseline
 * that updates on `timeupdate` only (what a media-chrome `mediaCurrentTime`
 * binding or most transcript widgets do).
 */
import '../src/index.js';
import type { CueTranscript } from '../src/index.js';
import { activeCueIndex, buildTranscript, type Transcript } from '../src/core/transcript/index.js';
import { parseWebVTT } from '../src/core/webvtt/index.js';
import { summarize, table } from './lib/stats.js';

const SECONDS = Number(new URLSearchParams(location.search).get('seconds') ?? 75);

interface Change {
  /** Media time when the highlight changed. */
  at: number;
  /** Index of the highlighted cue afterwards, -1 for none. */
  cue: number;
}

/** The boundary a change answers: the new cue's start, or the old cue's end when the highlight went off. */
function lags(t: Transcript, changes: readonly Change[]): number[] {
  const out: number[] = [];
  let prev = -1;
  for (const c of changes) {
    const boundary = c.cue >= 0 ? t.cues[c.cue]!.startTime : prev >= 0 ? t.cues[prev]!.endTime : NaN;
    if (Number.isFinite(boundary)) out.push((c.at - boundary) * 1000);
    prev = c.cue;
  }
  return out;
}

export default async (): Promise<string> => {
  const [vtt, chapters] = await Promise.all(
    ['/timings/try-rust-with-francesco-ciulla.vtt', '/timings/try-rust-with-francesco-ciulla.chapters.vtt'].map(async (u) => (await fetch(u)).text()),
  );
  const model = buildTranscript(parseWebVTT(vtt ?? "").cues, parseWebVTT(chapters ?? "").cues);

  const video = document.createElement('video');
  video.id = 'v';
  video.muted = true;
  video.src = '/demo/media/try-rust-with-francesco-ciulla.mp4';
  document.body.append(video);
  const el = document.createElement('cue-transcript') as CueTranscript;
  el.setAttribute('for', 'v');
  el.style.height = '400px';
  el.transcript = model;
  document.body.append(el);
  await el.updateComplete;

  // Baseline: the same model, highlight recomputed on `timeupdate` only.
  const baseline: Change[] = [];
  let baseCue = -1;
  video.addEventListener('timeupdate', () => {
    const i = activeCueIndex(model, video.currentTime);
    if (i !== baseCue) {
      baseCue = i;
      baseline.push({ at: video.currentTime, cue: i });
    }
  });

  // Cueline: watch the highlight itself (aria-current in the shadow DOM).
  const ours: Change[] = [];
  new MutationObserver(() => {
    const i = el.activeCueIndex;
    const last = ours[ours.length - 1];
    if (!last || last.cue !== i) ours.push({ at: video.currentTime, cue: i });
  }).observe(el.shadowRoot!, { subtree: true, attributes: true, attributeFilter: ['aria-current'] });

  await new Promise((r) => video.addEventListener('canplay', r, { once: true }));
  const start = model.questions[2]!.startTime - 1;
  video.currentTime = start;
  await new Promise((r) => video.addEventListener('seeked', r, { once: true }));
  ours.length = 0;
  baseline.length = 0;
  baseCue = activeCueIndex(model, video.currentTime);
  await video.play();
  await new Promise((r) => setTimeout(r, SECONDS * 1000));
  video.pause();
  const played = video.currentTime - start;

  const a = summarize(lags(model, ours));
  const b = summarize(lags(model, baseline));
  const row = (name: string, s: ReturnType<typeof summarize>): Record<string, string | number> => ({
    highlight: name,
    'boundaries crossed': s.n,
    'p50 ms': s.p50,
    'p95 ms': s.p95,
    'max ms': s.max,
  });
  return `${played.toFixed(1)} s of real playback from ${start.toFixed(1)} s (seed recording, ${model.cues.length} cues). Lag = media time when the highlight changed minus the cue boundary.\n\n${table([
    row('<cue-transcript> (wakes at each boundary)', a),
    row('baseline: timeupdate only', b),
  ])}\n\np95 ratio baseline / cue-transcript: ${(b.p95 / Math.max(a.p95, 0.001)).toFixed(1)}x. Target: p95 within one frame (17 ms).`;
};
