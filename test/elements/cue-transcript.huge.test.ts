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
const WORDS = 'rust memory safety ownership borrow checker concurrency latency compiler cargo binary team production language performance threads async crème brûlée naïve café'.split(' ');

const ts = (ms: number): string => {
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor(ms / 60_000) % 60;
  const s = Math.floor(ms / 1000) % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}.${String(ms % 1000).padStart(3, '0')}`;
};

/** An interview of `n` cues: voices, `qN-pP-sS` ids, a question every 1,000 cues; about 150 bytes a cue. */
function session(n: number): string {
  const out = ['WEBVTT', ''];
  let seed = 7;
  const rand = (): number => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  for (let i = 0; i < n; i++) {
    const q = Math.floor(i / 1000) + 1;
    const asking = i % 1000 === 0;
    const words: string[] = [];
    for (let w = 0; w < 12; w++) words.push(WORDS[Math.floor(rand() * WORDS.length)]!);
    out.push(`q${q}-p${1 + Math.floor((i % 1000) / 8)}-s${i}`, `${ts(i * 1000)} --> ${ts(i * 1000 + 900)}`, `<v ${asking ? 'Interviewer' : 'Francesco Ciulla'}>${words.join(' ')} ${i}${asking ? '?' : '.'}`, '');
  }
  return out.join('\n');
}

/**
 * Milliseconds a 1,000-cue parse and build takes on this machine now (median
 * of 5). A long task is judged against thirty of these (and at least 50 ms):
 * on a quiet machine that is about the 50 ms of a "long task", on one shared
 * with other work it grows with the slowdown (slices stretched by it measured
 * up to 15 units), while an unsliced 343,000-cue load is one task of ~150.
 */
function calibrate(): number {
  const text = session(1000);
  const times: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    buildTranscript(parseWebVTT(text).cues);
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[2]!;
}

describe('<cue-transcript> loading a 343,000-cue file', () => {
  it('GOOD: loads 50 MB with no long task until cue-load, and every cue ends up in the DOM', async function () {
    this.timeout(280_000);
    const text = session(CUES);
    expect(text.length).to.be.greaterThan(48_000_000);
    const url = URL.createObjectURL(new Blob([text], { type: 'text/vtt' }));
    const unit = calibrate();
    const limit = Math.max(50, 30 * unit);
    const el = await fixture<CueTranscript>(html`<cue-transcript style="height: 300px"></cue-transcript>`);
    // Start in a task of its own (the generation above is one long task), once the garbage
    // of generating 50 MB had idle time to be collected.
    await new Promise((r) => setTimeout(r, 1000));

    // Chromium reports tasks over 50 ms; every browser shows them as gaps between timer callbacks.
    const tasks: PerformanceEntry[] = [];
    const longTasks = PerformanceObserver.supportedEntryTypes.includes('longtask');
    const observer = new PerformanceObserver((list) => {
      for (const t of list.getEntries()) tasks.push(t);
    });
    if (longTasks) observer.observe({ type: 'longtask' });
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
    const loaded = new Promise<number>((resolve) => el.addEventListener('cue-load', () => resolve(performance.now()), { once: true }));
    el.src = url;
    const end = await loaded;
    beating = false;
    // Entries come after their task ends: give the last ones a turn.
    await new Promise((r) => setTimeout(r, 100));
    observer.disconnect();
    const during = tasks.filter((t) => t.startTime + t.duration > start && t.startTime < end);
    const longest = during.reduce((m, t) => Math.max(m, t.duration), 0);
    console.log(
      `343k load: ${Math.round(end - start)} ms; limit ${Math.round(limit)} ms (1,000-cue unit ${unit.toFixed(1)} ms);` +
        ` longest task ${longTasks ? Math.round(longest) : 'n/a'} ms (${during.length} over 50 ms); longest timer gap ${Math.round(gap)} ms`,
    );
    if (longTasks) {
      expect(longest, 'longest task from load start to cue-load, ms').to.be.below(limit);
      // A timer waits for the task running when it is due, and then for its turn behind the queued ones.
      // (Firefox is not held to this yet: it shows stalls of a second or more, see the report.)
      expect(gap, 'longest wait of a timer from load start to cue-load, ms').to.be.below(2 * limit);
    }

    expect(el.loadedTranscript!.cues.length).to.equal(CUES);
    await el.updateComplete;
    const cues = el.shadowRoot!.querySelectorAll('[data-cue]');
    expect(cues.length).to.equal(CUES);
    expect(cues[CUES - 1]!.textContent).to.match(new RegExp(` ${CUES - 1}\\.$`));
    URL.revokeObjectURL(url);
  });
});
