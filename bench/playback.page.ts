/**
 * One page of the playback bench (bench/playback.node.ts loads it once per
 * page kind): `?kind=` bare | demo | chrome | timeupdate | timer, `&cues=` seed | N
 * (`chrome`: the demo's media-chrome player alone, no Cueline element, to tell its cost from ours).
 * It builds the page, then exposes `window.bench` for the driver: play for a
 * while recording every highlight change against media time, then seek ten
 * times while playing and count wrong highlights.
 *
 * The two baselines are our own minimal pages over the same model and media:
 * one span per cue in paragraphs, a class toggled on the cue playing.
 * `timeupdate` recomputes on the media's timeupdate (4 Hz); `timer` does what
 * Hyperaudio Lite does (a timeout to the next boundary from the media time
 * and rate, class toggles, nothing else). Neither is Hyperaudio Lite's code.
 */
import 'media-chrome';
import '../src/index.js';
import type { CueTranscript } from '../src/index.js';
import { activeCueIndex, buildTranscript, type Transcript } from '../src/core/transcript/index.js';
import { parseWebVTT } from '../src/core/webvtt/index.js';
import { generateSession } from './lib/generate.js';

const params = new URLSearchParams(location.search);
const kind = params.get('kind') ?? 'bare';
const cues = params.get('cues') ?? 'seed';
const MEDIA = '/demo/media/try-rust-with-francesco-ciulla.mp4';
// Experiments only (PLAYBACK_QUERY="css=..."): extra page CSS.
if (params.get('css')) document.head.append(Object.assign(document.createElement('style'), { textContent: params.get('css') }));
const SLACK = 0.001;

async function model(): Promise<Transcript> {
  if (cues === 'seed') {
    const [vtt, chapters] = await Promise.all(
      ['/timings/try-rust-with-francesco-ciulla.vtt', '/timings/try-rust-with-francesco-ciulla.chapters.vtt'].map(async (u) => (await fetch(u)).text()),
    );
    return buildTranscript(parseWebVTT(vtt!).cues, parseWebVTT(chapters!).cues);
  }
  const s = generateSession(Number(cues));
  return buildTranscript(parseWebVTT(s.transcript).cues, parseWebVTT(s.chapters).cues);
}

function video(controls: boolean): HTMLVideoElement {
  const v = document.createElement('video');
  v.id = 'v';
  v.muted = true;
  v.preload = 'auto';
  v.playsInline = true;
  v.controls = controls;
  v.src = MEDIA;
  return v;
}

/** The baselines' transcript: paragraphs of spans, nothing else. Returns the spans by cue index. */
function plainTranscript(t: Transcript, box: HTMLElement): HTMLElement[] {
  const spans: HTMLElement[] = [];
  for (const p of t.paragraphs) {
    const el = document.createElement('p');
    for (let c = p.cueStart; c < p.cueEnd; c++) {
      const s = document.createElement('span');
      s.textContent = `${t.cues[c]!.plainText} `;
      spans[c] = s;
      el.append(s);
    }
    box.append(el);
  }
  return spans;
}

/** All cue starts and ends, sorted: the baselines' boundaries. */
function boundaries(t: Transcript): Float64Array {
  return Float64Array.from(new Set(t.cues.flatMap((c) => [c.startTime, c.endTime]))).sort();
}

interface Page {
  video: HTMLVideoElement;
  /** The highlighted cue index, -1 for none. */
  current(): number;
  /** What to observe for highlight changes. */
  root: Node;
}

async function build(t: Transcript): Promise<Page> {
  if (kind === 'bare') {
    const v = video(true);
    const el = document.createElement('cue-transcript') as CueTranscript;
    el.setAttribute('for', 'v');
    el.transcript = t;
    document.body.append(v, el);
    await el.updateComplete;
    return { video: v, current: () => el.activeCueIndex, root: el.shadowRoot! };
  }
  if (kind === 'demo' || kind === 'chrome') {
    // The demo's layout: media-chrome's player with its controls and our menu, the navigator, the transcript.
    const mc = document.createElement('media-controller');
    mc.id = 'player';
    const v = video(false);
    v.slot = 'media';
    mc.append(v);
    const bar1 = document.createElement('media-control-bar');
    bar1.setAttribute('noautohide', '');
    bar1.append(document.createElement('media-time-range'));
    const bar2 = document.createElement('media-control-bar');
    bar2.setAttribute('noautohide', '');
    const menu = document.createElement('cue-chapters-menu');
    menu.setAttribute('transcript', 'transcript');
    const time = document.createElement('media-time-display');
    time.setAttribute('showduration', '');
    bar2.append(document.createElement('media-play-button'), time, menu, document.createElement('media-playback-rate-button'), document.createElement('media-mute-button'));
    mc.append(bar1, bar2);
    const nav = document.createElement('cue-chapters');
    nav.setAttribute('for', 'v');
    nav.setAttribute('mediacontroller', 'player');
    nav.setAttribute('transcript', 'transcript');
    nav.style.setProperty('max-height', '300px');
    nav.style.setProperty('overflow', 'auto');
    nav.style.setProperty('display', 'block');
    const el = document.createElement('cue-transcript') as CueTranscript;
    el.id = 'transcript';
    el.setAttribute('for', 'v');
    el.setAttribute('mediacontroller', 'player');
    el.transcript = t;
    if (kind === 'chrome') {
      // The same media-chrome player alone (menu left out): what media-chrome costs without us.
      menu.remove();
      document.body.append(mc);
      return { video: v, current: () => -1, root: mc };
    }
    document.body.append(mc, nav, el);
    await el.updateComplete;
    return { video: v, current: () => el.activeCueIndex, root: el.shadowRoot! };
  }
  const v = video(true);
  const box = document.createElement('div');
  box.className = 'box';
  document.body.append(v, box);
  const spans = plainTranscript(t, box);
  let cur = -1;
  const show = (): void => {
    const i = activeCueIndex(t, v.currentTime + SLACK);
    if (i === cur) return;
    spans[cur]?.classList.remove('active');
    spans[i]?.classList.add('active');
    cur = i;
  };
  if (kind === 'timeupdate') {
    for (const e of ['timeupdate', 'seeked']) v.addEventListener(e, show);
  } else {
    const b = boundaries(t);
    let timer = 0;
    const tick = (): void => {
      clearTimeout(timer);
      show();
      if (v.paused || !(v.playbackRate > 0)) return;
      const now = v.currentTime + SLACK;
      let lo = 0;
      let hi = b.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (b[mid]! <= now) lo = mid + 1;
        else hi = mid;
      }
      if (lo >= b.length) return;
      timer = window.setTimeout(tick, ((b[lo]! - now) / v.playbackRate) * 1000);
    };
    for (const e of ['play', 'playing', 'pause', 'seeked', 'ratechange']) v.addEventListener(e, tick);
  }
  return { video: v, current: () => cur, root: box };
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

interface Change {
  at: number;
  cue: number;
  wall: number;
}

async function main(): Promise<void> {
  const t = await model();
  const page = await build(t);
  const v = page.video;
  if (v.readyState < 1) await new Promise((r) => v.addEventListener('loadedmetadata', r, { once: true }));
  const changes: Change[] = [];
  new MutationObserver(() => {
    const i = page.current();
    const last = changes[changes.length - 1];
    if (!last || last.cue !== i) changes.push({ at: v.currentTime, cue: i, wall: performance.now() });
  }).observe(page.root, { subtree: true, attributes: true, attributeFilter: ['aria-current', 'class'] });

  const seekTo = async (time: number): Promise<void> => {
    const done = new Promise((r) => v.addEventListener('seeked', r, { once: true }));
    v.currentTime = time;
    await done;
  };
  /** Where to play from: a little before the third question (seed) or the third cue (generated). */
  const start = Math.max(0, (t.questions[2]?.startTime ?? t.cues[2]!.startTime) - 1);

  Object.assign(window, {
    bench: {
      cues: t.cues.length,
      async prepare(): Promise<void> {
        await seekTo(start);
        await sleep(300);
        // What building the page left for the collector is the page load's cost, not playback's (every page alike).
        (window as { gc?: () => void }).gc?.();
        await sleep(1000);
      },
      async play(seconds: number): Promise<{ lags: number[]; changes: Change[]; played: number; wall: [number, number] }> {
        changes.length = 0;
        const from = v.currentTime;
        performance.mark('bench-play-start');
        const w0 = performance.now();
        await v.play();
        await sleep(seconds * 1000);
        v.pause();
        const w1 = performance.now();
        performance.mark('bench-play-end');
        // The boundary a change answers: the new cue's start, or the old cue's end when the highlight went off.
        const lags: number[] = [];
        let prev = activeCueIndex(t, from + SLACK);
        for (const c of changes) {
          const boundary = c.cue >= 0 ? t.cues[c.cue]!.startTime : prev >= 0 ? t.cues[prev]!.endTime : NaN;
          if (Number.isFinite(boundary)) lags.push((c.at - boundary) * 1000);
          prev = c.cue;
        }
        return { lags, changes: [...changes], played: v.currentTime - from, wall: [w0, w1] };
      },
      async seeks(): Promise<{ wrong: number; checks: string[] }> {
        // Ten seeks while playing, across the talk; each checked once playback went on a little.
        const span = Math.min(v.duration || 60, t.cues[t.cues.length - 1]!.endTime) - 2;
        const targets = Array.from({ length: 10 }, (_, i) => 1 + ((i * 7919) % 10) * (span / 10) + (i % 3) * 0.37);
        await v.play();
        let wrong = 0;
        const checks: string[] = [];
        for (const target of targets) {
          await seekTo(target);
          await sleep(400);
          const now = v.currentTime;
          const shown = page.current();
          // Allowed: right now, or right a moment ago (a change due within the last 50 ms of media time).
          const ok = shown === activeCueIndex(t, now + SLACK) || shown === activeCueIndex(t, now - 0.05 + SLACK);
          if (!ok) wrong++;
          checks.push(`${target.toFixed(2)}: ${shown}${ok ? '' : ` (want ${activeCueIndex(t, now + SLACK)})`}`);
        }
        v.pause();
        return { wrong, checks };
      },
    },
  });
  document.title = 'ready';
}

void main();
