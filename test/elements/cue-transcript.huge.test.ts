/**
 * A 343,000-cue transcript (about 50 MB) loaded from a URL: fetched, decoded,
 * parsed and built into a model in slices, so no task holds the page. The
 * file is generated here and served as a blob URL (never committed).
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/cue-transcript/define.js';
import type { CueTranscript } from '../../src/elements/cue-transcript/cue-transcript.js';
import { parseWebVTT } from '../../src/core/webvtt/index.js';
import { buildTranscript } from '../../src/core/transcript/index.js';

const CUES = 343_000;
const QUESTION_EVERY = 10_000;
const WORDS = 'rust memory safety ownership borrow checker concurrency latency compiler cargo binary team production language performance threads async crème brûlée naïve café'.split(' ');

const ts = (ms: number): string => {
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor(ms / 60_000) % 60;
  const s = Math.floor(ms / 1000) % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}.${String(ms % 1000).padStart(3, '0')}`;
};

/**
 * An interview of `n` cues: voices, `qN-pP-sS` ids, a question every `every` cues; about 150 bytes a cue.
 * The load test asks one every 10,000: long answers, each more than a task may build.
 */
function session(n: number, every = QUESTION_EVERY): string {
  const out = ['WEBVTT', ''];
  let seed = 7;
  const rand = (): number => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  for (let i = 0; i < n; i++) {
    const q = Math.floor(i / every) + 1;
    const asking = i % every === 0;
    const words: string[] = [];
    for (let w = 0; w < 12; w++) words.push(WORDS[Math.floor(rand() * WORDS.length)]!);
    out.push(`q${q}-p${1 + Math.floor((i % every) / 8)}-s${i}`, `${ts(i * 1000)} --> ${ts(i * 1000 + 900)}`, `<v ${asking ? 'Interviewer' : 'Francesco Ciulla'}>${words.join(' ')} ${i}${asking ? '?' : '.'}`, '');
  }
  return out.join('\n');
}

/**
 * Milliseconds a 1,000-cue parse and build takes on this machine now (median
 * of 5): the unit a task is judged by, so the bounds below hold on a machine
 * shared with other work, where everything takes a few times longer.
 */
function calibrate(): number {
  const text = session(1000, 1000);
  const times: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    buildTranscript(parseWebVTT(text).cues);
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[2]!;
}

interface LoafScript {
  invoker: string;
  sourceURL: string;
  sourceFunctionName: string;
  duration: number;
}
type Loaf = PerformanceEntry & { scripts: LoafScript[] };

interface Load {
  /** From setting `src` to the last cue in the DOM, ms. */
  ms: number;
  unit: number;
  /** Chromium's long tasks (over 50 ms) in that time. */
  tasks: PerformanceEntry[];
  /** Scripts of our modules that long animation frames (Chromium) ran in that time, longest first. */
  ours: LoafScript[];
  /** Longest wait of a timer in that time (every browser), ms. */
  gap: number;
  el: CueTranscript;
}

/** Loads an `n`-cue file into a new `<cue-transcript>` from a blob URL, until every cue is in the DOM. */
async function load(n: number): Promise<Load> {
  const text = session(n);
  const url = URL.createObjectURL(new Blob([text], { type: 'text/vtt' }));
  const unit = calibrate();
  const el = await fixture<CueTranscript>(html`<cue-transcript style="height: 300px"></cue-transcript>`);
  // Start in a task of its own (the generation above is one long task), once the garbage
  // of generating the file had idle time to be collected.
  await new Promise((r) => setTimeout(r, 1000));
  const entries: PerformanceEntry[] = [];
  const types = PerformanceObserver.supportedEntryTypes;
  const observer = new PerformanceObserver((list) => {
    for (const t of list.getEntries()) entries.push(t);
  });
  for (const type of ['longtask', 'long-animation-frame']) if (types.includes(type)) observer.observe({ type });
  let last = performance.now();
  let gap = 0;
  let beating = true;
  const beat = (): void => {
    const now = performance.now();
    gap = Math.max(gap, now - last);
    last = now;
    if (beating) setTimeout(beat, 0);
  };
  const start = performance.now();
  setTimeout(beat, 0);
  const loaded = new Promise<void>((resolve) => el.addEventListener('cue-load', () => resolve(), { once: true }));
  el.src = url;
  await loaded;
  // cue-load comes with the first screen: the rest of the transcript is appended in later tasks.
  await el.updateComplete;
  const end = performance.now();
  beating = false;
  // Entries come after their task ends: give the last ones a turn.
  await new Promise((r) => setTimeout(r, 200));
  observer.disconnect();
  URL.revokeObjectURL(url);
  const during = entries.filter((t) => t.startTime + t.duration > start && t.startTime < end);
  const ours = during
    .filter((t): t is Loaf => t.entryType === 'long-animation-frame')
    .flatMap((f) => f.scripts)
    .filter((s) => new URL(s.sourceURL || 'about:blank', location.href).pathname.startsWith('/src/'))
    .sort((a, b) => b.duration - a.duration);
  return { ms: end - start, unit, tasks: during.filter((t) => t.entryType === 'longtask'), ours, gap, el };
}

/**
 * Waits until timers run on time again (ten 100 ms waits in a row each under 130 ms, at most 30 s): after the
 * 343k-cue DOM is removed, the browser tears it down and collects it here, inside this file, rather than while
 * the next test file starts (in Firefox that once held the next file's first commands past their 20 s limit).
 */
async function settle(): Promise<void> {
  const end = performance.now() + 30000;
  let quiet = 0;
  while (quiet < 10 && performance.now() < end) {
    const t = performance.now();
    await new Promise((r) => setTimeout(r, 100));
    quiet = performance.now() - t < 130 ? quiet + 1 : 0;
  }
}

describe('<cue-transcript> loading a 343,000-cue file', () => {
  let loaded: CueTranscript | null = null;
  after(async function () {
    this.timeout(60_000);
    loaded?.remove();
    loaded = null;
    await settle();
  });

  it('GOOD: loads 50 MB in time linear in its length, no script of ours running 50 ms (in units of this machine), every cue in the DOM', async function () {
    this.timeout(400_000);
    const small = await load(CUES / 10);
    expect(small.el.shadowRoot!.querySelectorAll('[data-cue]').length).to.equal(CUES / 10);
    small.el.remove();
    const big = await load(CUES);
    const { el, unit, ours, tasks } = big;
    loaded = el;
    // A script of ours may run 50 ms, or 20 units where a unit is longer than 2.5 ms (a machine
    // shared with other work runs everything a few times slower). Our slices stop after 8-12 ms of
    // work; what stretches them is the collector (scavenges of the cues just built, up to 9 units
    // measured on a loaded machine), whose pauses grow with the same slowdown. A 10,000-cue answer
    // built in one task, as the body builder did before it could stop inside a section, took 44.
    const limit = Math.max(50, 20 * unit);
    const longest = ours[0];
    const where = longest ? `${longest.invoker} ${longest.sourceFunctionName} (${new URL(longest.sourceURL).pathname})` : '';
    const ratio = big.ms / small.ms;
    console.log(
      `343k load: ${Math.round(big.ms)} ms to every cue in the DOM (34k: ${Math.round(small.ms)} ms; units ${unit.toFixed(1)} / ${small.unit.toFixed(1)} ms; ratio ${ratio.toFixed(1)});` +
        ` longest task ${Math.round(tasks.reduce((m, t) => Math.max(m, t.duration), 0))} ms (${tasks.length} over 50 ms);` +
        ` longest script of ours ${longest ? `${Math.round(longest.duration)} ms, ${where}` : 'n/a'}; limit ${Math.round(limit)} ms;` +
        ` scripts of ours over 50 ms: ${ours.filter((s) => s.duration > 50).length}; longest timer gap ${Math.round(big.gap)} ms`,
    );
    if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) {
      expect(longest?.duration ?? 0, `longest script of ours from load start to the last cue built, ms: ${where}`).to.be.below(limit);
    }
    // Ten times the cues takes about ten times as long (a quadratic build took over a hundred times);
    // the bound leaves room for the machine's load to change between the two.
    expect(ratio, '343k load over 34.3k load').to.be.below(40);

    expect(el.loadedTranscript!.cues.length).to.equal(CUES);
    const cues = el.shadowRoot!.querySelectorAll('[data-cue]');
    expect(cues.length).to.equal(CUES);
    expect(cues[CUES - 1]!.textContent).to.match(new RegExp(` ${CUES - 1}\\.$`));
  });
});
