/**
 * One page of the article bench (bench/article.node.ts loads it once per run):
 * `?kind=` article | transcript, `&cues=` seed | 20000. The same session on
 * the same media, shown either as the published article enhanced by
 * `<cue-article>` or as `<cue-transcript>`. Exposes `window.bench`: bind the
 * element and time it to interactive (with the longest task meanwhile), play
 * for a while recording each `cue-change` against media time, then seek ten
 * times while playing and count wrong highlights.
 *
 * The 20,000-cue session is the seed's cues repeated, each numbered (so it has
 * a place of its own), one in 23 cut from the article and a remark added to
 * one paragraph in 5, as in bench/article-match.
 */
import '../src/index.js';
import type { CueArticle, CueTranscript } from '../src/index.js';
import { matchArticle, type ArticleCueInput } from '../src/core/article/index.js';
import { activeCueIndex, buildTranscript, type Transcript } from '../src/core/transcript/index.js';
import { parseWebVTT } from '../src/core/webvtt/index.js';

const params = new URLSearchParams(location.search);
const kind = params.get('kind') ?? 'article';
const size = params.get('cues') ?? 'seed';
const MEDIA = '/demo/media/try-rust-with-francesco-ciulla.mp4';
const SLACK = 0.001;

const ts = (s: number): string => {
  const ms = Math.round(s * 1000);
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${p(Math.floor(ms / 3_600_000))}:${p(Math.floor(ms / 60_000) % 60)}:${p(Math.floor(ms / 1000) % 60)}.${p(ms % 1000, 3)}`;
};

/** The session and its article's paragraphs (the seed's as published, one per line). */
async function session(): Promise<{ t: Transcript; paragraphs: string[]; seedText: string; seed: Transcript }> {
  const [vtt, chapters, text] = await Promise.all(
    ['/timings/try-rust-with-francesco-ciulla.vtt', '/timings/try-rust-with-francesco-ciulla.chapters.vtt', '/timings/source/try-rust-with-francesco-ciulla.txt'].map(async (u) => (await fetch(u)).text()),
  );
  const seed = buildTranscript(parseWebVTT(vtt!).cues, parseWebVTT(chapters!).cues);
  if (size === 'seed') return { t: seed, paragraphs: text!.split('\n').filter((l) => l.trim()), seedText: text!, seed };
  const n = Number(size);
  const out = ['WEBVTT', ''];
  const paragraphs: string[] = [];
  let para: string[] = [];
  for (let k = 0; k < n; k++) {
    const said = `${seed.cues[k % seed.cues.length]!.plainText.trim()} (part ${k})`;
    out.push(`c${k}`, `${ts(k * 5)} --> ${ts(k * 5 + 4)}`, said, '');
    if (k % 23 !== 11) para.push(said);
    if (k % 12 === 11) {
      if (paragraphs.length % 5 === 0) para.push(`An editor added this remark number ${k}.`);
      paragraphs.push(para.join(' '));
      para = [];
    }
  }
  if (para.length) paragraphs.push(para.join(' '));
  return { t: buildTranscript(parseWebVTT(out.join('\n')).cues), paragraphs, seedText: text!, seed };
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const frame = (): Promise<void> => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));

interface Change {
  at: number;
  cue: number;
  wall: number;
}

async function main(): Promise<void> {
  const { t, paragraphs, seedText, seed } = await session();
  const v = document.createElement('video');
  v.id = 'v';
  v.muted = true;
  v.preload = 'auto';
  v.playsInline = true;
  v.controls = true;
  v.src = MEDIA;
  document.body.append(v);
  let el: (CueArticle | CueTranscript) & HTMLElement;
  if (kind === 'article') {
    // The article is the page's own text, there before any script of ours runs.
    const a = document.createElement('cue-article') as CueArticle;
    for (const line of paragraphs) {
      const p = document.createElement('p');
      p.textContent = line;
      a.append(p);
    }
    a.setAttribute('for', 'v');
    a.setAttribute('no-switch', '');
    el = a;
  } else {
    const tr = document.createElement('cue-transcript') as CueTranscript;
    tr.setAttribute('for', 'v');
    el = tr;
  }
  document.body.append(el);
  if (v.readyState < 1) await new Promise((r) => v.addEventListener('loadedmetadata', r, { once: true }));
  const changes: Change[] = [];
  el.addEventListener('cue-change', (e) => {
    changes.push({ at: v.currentTime, cue: (e as CustomEvent<{ cueIndex: number }>).detail.cueIndex, wall: performance.now() });
  });
  const current = (): number => el.activeCueIndex;
  const seekTo = async (time: number): Promise<void> => {
    const done = new Promise((r) => v.addEventListener('seeked', r, { once: true }));
    v.currentTime = time;
    await done;
  };
  const start = Math.max(0, (t.questions[2]?.startTime ?? t.cues[2]!.startTime) - 1);

  Object.assign(window, {
    bench: {
      cues: t.cues.length,
      /** Binds the transcript; resolves once the element is interactive (a frame after it shows the cues), with the longest task meanwhile. */
      async bind(): Promise<{ readyMs: number; longestTaskMs: number; tasksOver50: number; placed: number }> {
        await frame();
        await sleep(300);
        const tasks: PerformanceEntry[] = [];
        const observer = new PerformanceObserver((list) => {
          for (const x of list.getEntries()) tasks.push(x);
        });
        observer.observe({ type: 'longtask' });
        const t0 = performance.now();
        el.transcript = t;
        if (kind === 'article') {
          while (!(el as CueArticle).loadedTranscript) await sleep(1);
        } else {
          const tr = el as CueTranscript;
          while (!tr.shadowRoot?.querySelector('[data-cue]')) await sleep(1);
          await tr.updateComplete;
        }
        await frame();
        const t1 = performance.now();
        await sleep(100);
        observer.disconnect();
        const during = tasks.filter((x) => x.startTime + x.duration > t0 && x.startTime < t1);
        const placed = kind === 'article' ? t.cues.filter((_, k) => (el as CueArticle).cueRanges(k).length > 0).length : t.cues.length;
        return { readyMs: t1 - t0, longestTaskMs: during.reduce((m, x) => Math.max(m, x.duration), 0), tasksOver50: during.length, placed };
      },
      /** `matchArticle` in one call on this page's article (no slices): milliseconds per run. */
      matchTimes(runs: number): number[] {
        const blocks: { start: number; end: number }[] = [];
        let text = '';
        for (const line of size === 'seed' ? seedText.split('\n').filter((l) => l.trim()) : paragraphs) {
          if (text) text += '\n';
          blocks.push({ start: text.length, end: text.length + line.length });
          text += line;
        }
        const cues: ArticleCueInput[] = t.cues.map((c) => ({ id: c.id, text: c.plainText, startTime: c.startTime, endTime: c.endTime, timed: c.timed }));
        const out: number[] = [];
        for (let r = 0; r < runs; r++) {
          const t0 = performance.now();
          matchArticle({ text, blocks }, cues);
          out.push(performance.now() - t0);
        }
        void seed;
        return out;
      },
      async prepare(): Promise<void> {
        await seekTo(start);
        await sleep(300);
      },
      async play(seconds: number): Promise<{ lags: number[]; changes: Change[]; wall: [number, number] }> {
        changes.length = 0;
        const from = v.currentTime;
        performance.mark('bench-play-start');
        const w0 = performance.now();
        await v.play();
        await sleep(seconds * 1000);
        v.pause();
        const w1 = performance.now();
        performance.mark('bench-play-end');
        const lags: number[] = [];
        let prev = activeCueIndex(t, from + SLACK);
        for (const c of changes) {
          const boundary = c.cue >= 0 ? t.cues[c.cue]!.startTime : prev >= 0 ? t.cues[prev]!.endTime : NaN;
          if (Number.isFinite(boundary)) lags.push((c.at - boundary) * 1000);
          prev = c.cue;
        }
        return { lags, changes: [...changes], wall: [w0, w1] };
      },
      async seeks(): Promise<{ wrong: number }> {
        const span = Math.min(v.duration || 60, t.cues[t.cues.length - 1]!.endTime) - 2;
        const targets = Array.from({ length: 10 }, (_, i) => 1 + ((i * 7919) % 10) * (span / 10) + (i % 3) * 0.37);
        await v.play();
        let wrong = 0;
        for (const target of targets) {
          await seekTo(target);
          await sleep(400);
          const now = v.currentTime;
          const shown = current();
          if (shown !== activeCueIndex(t, now + SLACK) && shown !== activeCueIndex(t, now - 0.05 + SLACK)) wrong++;
        }
        v.pause();
        return { wrong };
      },
    },
  });
  document.title = 'ready';
}

void main();
