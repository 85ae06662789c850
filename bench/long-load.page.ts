/**
 * Page side of the long-load bench (see long-load.node.ts): loads an `n`-cue
 * transcript from a blob URL into `<cue-transcript>` and records, from the
 * moment `src` is set until every cue is in the DOM, the browser's long
 * tasks and long animation frames (with their script attribution, where the
 * browser has them) and the longest gap between timer callbacks.
 */
import '../src/elements/cue-transcript/define.js';
import type { CueTranscript } from '../src/elements/cue-transcript/cue-transcript.js';
import { longSession } from './lib/long-session.js';

interface ScriptInfo {
  invoker: string;
  fn: string;
  url: string;
  duration: number;
  layout: number;
}
export interface LongEntry {
  kind: string;
  start: number;
  duration: number;
  /** Long animation frames: when style and layout began (relative to start), 0 if none. */
  styleAndLayout: number;
  render: number;
  scripts: ScriptInfo[];
}
export interface LoadResult {
  cues: number;
  bytes: number;
  /** From setting `src` to `cue-load`, and to the last cue in the DOM, ms. */
  loaded: number;
  built: number;
  gap: number;
  entries: LongEntry[];
  domCues: number;
  lastText: string;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function run(n: number, every: number): Promise<LoadResult> {
  const text = longSession(n, every);
  const url = URL.createObjectURL(new Blob([text], { type: 'text/vtt' }));
  const el = document.createElement('cue-transcript') as CueTranscript;
  el.style.setProperty('height', '300px');
  el.style.setProperty('display', 'block');
  document.body.replaceChildren(el);
  await el.updateComplete;
  (window as { gc?: () => void }).gc?.();
  await sleep(1000);

  const entries: LongEntry[] = [];
  const types = PerformanceObserver.supportedEntryTypes;
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const loaf = e as PerformanceEntry & {
        styleAndLayoutStart?: number;
        renderStart?: number;
        scripts?: { invoker: string; sourceFunctionName: string; sourceURL: string; duration: number; forcedStyleAndLayoutDuration: number }[];
      };
      entries.push({
        kind: e.entryType,
        start: e.startTime,
        duration: e.duration,
        styleAndLayout: loaf.styleAndLayoutStart ? loaf.startTime + loaf.duration - loaf.styleAndLayoutStart : 0,
        render: loaf.renderStart ? loaf.startTime + loaf.duration - loaf.renderStart : 0,
        scripts: (loaf.scripts ?? []).map((s) => ({ invoker: s.invoker, fn: s.sourceFunctionName, url: s.sourceURL, duration: s.duration, layout: s.forcedStyleAndLayoutDuration })),
      });
    }
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
  performance.mark('long-load-start');
  const start = performance.now();
  setTimeout(beat, 0);
  const loaded = new Promise<number>((resolve) => el.addEventListener('cue-load', () => resolve(performance.now()), { once: true }));
  el.src = url;
  const atLoad = await loaded;
  await el.updateComplete;
  const built = performance.now();
  performance.mark('long-load-end');
  beating = false;
  await sleep(200);
  observer.disconnect();
  const cues = el.shadowRoot!.querySelectorAll('[data-cue]');
  URL.revokeObjectURL(url);
  const during = entries.filter((e) => e.start + e.duration > start && e.start < built).map((e) => ({ ...e, start: e.start - start }));
  const result: LoadResult = {
    cues: n,
    bytes: text.length,
    loaded: atLoad - start,
    built: built - start,
    gap,
    entries: during,
    domCues: cues.length,
    lastText: cues[cues.length - 1]?.textContent ?? '',
  };
  el.remove();
  return result;
}

(window as unknown as { bench: unknown }).bench = { run };
document.title = 'ready';
