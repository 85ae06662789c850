/**
 * Navigator per-frame cost during real playback of the demo recording: the
 * navigator's own update each frame (`applyTime`: current question lookup,
 * heard tracking, progress animation sync), the whole animation-frame
 * callback it runs in (adding the shared media clock's `currentTime` read),
 * and the Lit re-render when the question changes.
 * Playback crosses question boundaries so those frames are included.
 */
import '../src/elements/cue-chapters/define.js';
import type { CueChapters } from '../src/elements/cue-chapters/cue-chapters.js';
import { generateSession } from './lib/generate.js';
import { summarize, table } from './lib/stats.js';

const callbacks: number[] = [];
let measuring = false;
const raf = window.requestAnimationFrame.bind(window);
window.requestAnimationFrame = (cb) =>
  raf((t) => {
    const t0 = performance.now();
    try {
      cb(t);
    } finally {
      if (measuring) callbacks.push(performance.now() - t0);
    }
  });

const seconds = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function run(label: string, chaptersUrl: string, video: HTMLVideoElement, spans: number[]): Promise<Record<string, string | number>> {
  const el = document.createElement('cue-chapters') as CueChapters;
  el.setAttribute('for', 'v');
  el.setAttribute('chapters', chaptersUrl);
  el.style.cssText = 'display:block;height:600px;overflow:auto';
  document.body.append(el);
  const until = performance.now() + 10000;
  while (!el.shadowRoot?.querySelector('[part~="question"]') && performance.now() < until) await seconds(20);
  const questions = el.shadowRoot!.querySelectorAll('[part~="question"]').length;

  const apply: number[] = [];
  const renders: number[] = [];
  const origApply = el.applyTime.bind(el);
  el.applyTime = (time) => {
    const t0 = performance.now();
    origApply(time);
    if (measuring) apply.push(performance.now() - t0);
  };
  const proto = Object.getPrototypeOf(el) as { update(c: Map<PropertyKey, unknown>): void };
  const origUpdate = proto.update;
  (el as unknown as typeof proto).update = function (this: CueChapters, c: Map<PropertyKey, unknown>) {
    const t0 = performance.now();
    origUpdate.call(this, c);
    if (measuring) renders.push(performance.now() - t0);
  };

  callbacks.length = 0;
  for (const start of spans) {
    video.currentTime = start;
    await new Promise((r) => video.addEventListener('seeked', r, { once: true }));
    measuring = true;
    await video.play();
    await seconds(4000);
    video.pause();
    measuring = false;
  }
  const cb = summarize(callbacks);
  const ap = summarize(apply);
  const re = summarize(renders);
  el.remove();
  return {
    chapters: label,
    questions,
    frames: cb.n,
    'rAF callback p50 ms': cb.p50,
    'rAF callback p95 ms': cb.p95,
    'rAF callback max ms': cb.max,
    'navigator update p50 ms': ap.p50,
    'navigator update p95 ms': ap.p95,
    'navigator update max ms': ap.max,
    'question-change renders': re.n,
    'render p50 ms': re.p50,
    'render max ms': re.max,
  };
}

export default async (): Promise<string> => {
  const video = document.createElement('video');
  video.id = 'v';
  video.muted = true;
  video.src = '/demo/media/try-rust-with-francesco-ciulla.mp4';
  document.body.append(video);
  await new Promise((r) => video.addEventListener('canplay', r, { once: true }));

  const generated = generateSession(20000);
  const url = URL.createObjectURL(new Blob([generated.chapters], { type: 'text/vtt' }));
  // Spans that each cross one question boundary of the seed (2:12.1, 4:57.7).
  const rows = [
    await run('seed (17 questions)', '/timings/try-rust-with-francesco-ciulla.chapters.vtt', video, [130, 295.5]),
    await run('generated 20,000-cue session', url, video, [60, 600]),
  ];
  URL.revokeObjectURL(url);
  return `${table(rows)}

Navigator update = \`applyTime\`, the navigator's whole per-frame work: find the question playing (binary search), add listening time, check the progress bar's Web Animation against the media time (the compositor moves the bar; it is re-synced only on a seek, pause, rate change or new question). rAF callback = the whole animation-frame callback on a page whose only frame work is the navigator, i.e. also the media clock (shared controller) reading \`currentTime\`. Renders = Lit updates when the question playing changes (run outside the frame callback). 2 × 4 s of real 1× playback per row. Target: per-frame p95 under 0.05 ms.`;
};
