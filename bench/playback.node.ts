/**
 * Playback cost, side by side in one Chromium session, interleaved: Cueline
 * bare (`<cue-transcript>` on a plain `<video controls>`), Cueline in the demo
 * layout (media-chrome player, menu, navigator, transcript), a
 * `timeupdate`-only baseline and a timer-to-the-next-boundary baseline (what
 * Hyperaudio Lite does, written here), on the seed and on 2,000 and 20,000
 * generated cues. Per page: highlight lag over the boundaries crossed, wrong
 * highlights after ten seeks while playing, and from a performance trace the
 * main thread's script and busy milliseconds per second of playback, and the
 * main-thread frames per second in the stretches where nothing changes.
 *
 * `npm run bench -- playback`; PLAYBACK_SECONDS (default 15) per run,
 * PLAYBACK_REPS (default 2) interleaved rounds, PLAYBACK_SIZES (seed,2000,20000), PLAYBACK_KINDS (all).
 */
import { writeFileSync } from 'node:fs';
import { summarize, table } from './lib/stats.js';

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: unknown; elementCount?: number };
}

const SECONDS = Number(process.env['PLAYBACK_SECONDS'] ?? 15);
const REPS = Number(process.env['PLAYBACK_REPS'] ?? 2);
const SIZES = (process.env['PLAYBACK_SIZES'] ?? 'seed,2000,20000').split(',');
/**
 * PLAYBACK_BEFORE: a copy of another version of the project (say `git archive main`, with this
 * bench page copied in): its Cueline pages run interleaved with these as `before-bare`, `before-demo`.
 */
const BEFORE = process.env['PLAYBACK_BEFORE'] ?? '';
const ALL_KINDS = ['bare', 'demo', 'chrome', 'timeupdate', 'timer', 'before-bare', 'before-demo'] as const;
const KINDS = ALL_KINDS.filter((k) => (process.env['PLAYBACK_KINDS'] ?? ALL_KINDS.join(',')).split(',').includes(k)).filter((k) => BEFORE || !k.startsWith('before-'));
const LABEL: Record<(typeof ALL_KINDS)[number], string> = {
  'before-bare': 'before: Cueline, <cue-transcript> on <video controls>',
  'before-demo': 'before: Cueline, demo layout (media-chrome)',
  bare: 'Cueline, <cue-transcript> on <video controls>',
  demo: 'Cueline, demo layout (media-chrome)',
  chrome: 'the same media-chrome player alone (no Cueline)',
  timeupdate: 'baseline: timeupdate only',
  timer: 'baseline: timer to next boundary (as Hyperaudio Lite)',
};
/** Main-thread event names counted as script (their union, so nesting is counted once). */
const SCRIPT = new Set(['FunctionCall', 'EvaluateScript', 'V8.Execute', 'RunMicrotasks', 'TimerFire', 'FireAnimationFrame', 'EventDispatch', 'v8.callFunction', 'V8.GCScavenger', 'MajorGC', 'MinorGC']);
const TASK = new Set(['RunTask', 'ThreadControllerImpl::RunTask', 'ThreadPool_RunTask']);

/** Total length of the union of intervals [start, end), clipped to [lo, hi). */
function union(intervals: [number, number][], lo: number, hi: number): number {
  const xs = intervals.map(([a, b]): [number, number] => [Math.max(a, lo), Math.min(b, hi)]).filter(([a, b]) => b > a).sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = -Infinity;
  let start = 0;
  for (const [a, b] of xs) {
    if (a > end) {
      if (end > -Infinity) total += end - start;
      start = a;
      end = b;
    } else end = Math.max(end, b);
  }
  if (end > -Infinity) total += end - start;
  return total;
}

export interface Trace {
  scriptMsPerS: number;
  busyMsPerS: number;
  framesPerS: number;
  quietFramesPerS: number;
  /** Self time of the main thread's events by kind, ms per second of playback. */
  kinds: Record<Kind, number>;
  /** Self time by event name, ms per second (for PLAYBACK_TOP). */
  names: Map<string, number>;
  /** Elements whose style was recalculated, per second, and in the largest single recalculation. */
  restyledPerS: number;
  largestRestyle: number;
}

/** What the main thread's busy time is spent on: each event's self time (its duration minus its children's). */
const KIND_NAMES = ['script', 'style', 'layout', 'intersections', 'paint', 'other'] as const;
type Kind = (typeof KIND_NAMES)[number];
function kindOf(name: string): Kind {
  if (SCRIPT.has(name) || /^(v8|V8)\.|GC|ScriptCompile|CompileScript|Microtask/.test(name)) return 'script';
  if (/^(UpdateLayoutTree|RecalculateStyles|RecalcStyle|ScheduleStyleRecalculation|InvalidateLayout|StyleInvalidatorInvalidationTracking|Document::updateStyle|ParseAuthorStyleSheet)/.test(name)) return 'style';
  if (/^(Layout|UpdateLayout|LocalFrameView::layout|LayoutView|LayoutNG)/.test(name)) return 'layout';
  // content-visibility: auto is tracked by an internal IntersectionObserver (DisplayLockDocumentState).
  if (/[Ii]ntersection|DisplayLock/.test(name)) return 'intersections';
  if (/^(Paint|PrePaint|Layerize|UpdateLayer|UpdateLayerTree|CompositeLayers|Commit|PaintArtifactCompositor|ProxyMain::BeginMainFrame::commit|HitTest|Rasterize|LocalFrameView::RunPaintLifecyclePhase|LocalFrameView::RunPrePaintLifecyclePhase|PaintController)/.test(name)) return 'paint';
  return 'other';
}

/** Self time of each event (duration minus the durations of the events nested in it), within [lo, hi). */
function selfTimes(events: TraceEvent[], lo: number, hi: number): Map<string, number> {
  const xs = events.filter((e) => e.ts + e.dur! > lo && e.ts < hi).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const out = new Map<string, number>();
  const stack: { e: TraceEvent; end: number; child: number }[] = [];
  const pop = (): void => {
    const top = stack.pop()!;
    const a = Math.max(top.e.ts, lo);
    const b = Math.min(top.end, hi);
    out.set(top.e.name, (out.get(top.e.name) ?? 0) + Math.max(0, b - a - top.child));
    const parent = stack[stack.length - 1];
    if (parent) parent.child += Math.max(0, b - a);
  };
  for (const e of xs) {
    while (stack.length && stack[stack.length - 1]!.end <= e.ts) pop();
    stack.push({ e, end: e.ts + e.dur!, child: 0 });
  }
  while (stack.length) pop();
  return out;
}

/** Reads the renderer main thread of the page (the one with our user-timing marks) between the two marks. */
export function readTrace(events: TraceEvent[], changesWall: number[], wall: [number, number]): Trace {
  const start = events.find((e) => e.name === 'bench-play-start');
  const end = events.find((e) => e.name === 'bench-play-end');
  if (!start || !end) throw new Error('trace without the bench marks');
  const pid = start.pid;
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === pid && e.args?.name === 'CrRendererMain');
  const tid = main?.tid ?? start.tid;
  const lo = start.ts;
  const hi = end.ts;
  const seconds = (hi - lo) / 1e6;
  const onMain = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && typeof e.dur === 'number');
  const iv = (pred: (e: TraceEvent) => boolean): [number, number][] => onMain.filter(pred).map((e) => [e.ts, e.ts + e.dur!]);
  const busy = union(iv((e) => TASK.has(e.name)), lo, hi) / 1000;
  const script = union(iv((e) => SCRIPT.has(e.name)), lo, hi) / 1000;
  // A frame the main thread produced (style, layout, paint, commit): DevTools' own marker of one.
  const frames = events.filter((e) => e.pid === pid && e.tid === tid && e.name === 'BeginMainThreadFrame' && e.ts >= lo && e.ts < hi).map((e) => e.ts);
  // Quiet stretches: between highlight changes, 150 ms clear of each (wall clock, mapped through the marks).
  const toTs = (w: number): number => lo + (w - wall[0]) * 1000;
  const cuts = [wall[0], ...changesWall, wall[1]].map(toTs);
  let quietUs = 0;
  let quietFrames = 0;
  for (let i = 0; i + 1 < cuts.length; i++) {
    const a = cuts[i]! + 150_000;
    const b = cuts[i + 1]! - 150_000;
    if (b <= a) continue;
    quietUs += b - a;
    quietFrames += frames.filter((f) => f >= a && f < b).length;
  }
  const recalcs = onMain.filter((e) => e.name === 'UpdateLayoutTree' && e.ts >= lo && e.ts < hi).map((e) => e.args?.elementCount ?? 0);
  const self = selfTimes(onMain, lo, hi);
  const kinds = Object.fromEntries(KIND_NAMES.map((k) => [k, 0])) as Record<Kind, number>;
  const names = new Map<string, number>();
  for (const [name, us] of self) {
    // Top-level tasks' own time is the scheduler's, shown as "other".
    kinds[kindOf(name)] += us / 1000 / seconds;
    names.set(name, us / 1000 / seconds);
  }
  return {
    kinds,
    names,
    restyledPerS: recalcs.reduce((a, b) => a + b, 0) / seconds,
    largestRestyle: Math.max(0, ...recalcs),
    scriptMsPerS: script / seconds,
    busyMsPerS: busy / seconds,
    framesPerS: frames.length / seconds,
    quietFramesPerS: quietUs > 0 ? quietFrames / (quietUs / 1e6) : NaN,
  };
}

interface Run {
  lags: number[];
  wrong: number;
  trace: Trace;
}

export default async (): Promise<string> => {
  const load = (m: string): Promise<any> => import(m);
  const root = process.cwd();
  const [{ default: puppeteer }, { build }, { serve }] = await Promise.all([load('puppeteer-core'), load('esbuild'), load(`${root}/bench/server.mjs`)]);
  for (const [from, out] of [[root, 'playback.page.js'], ...(BEFORE ? [[BEFORE, 'playback.before.js']] : [])] as [string, string][]) {
    await build({
      entryPoints: [`${from}/bench/playback.page.ts`],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      outfile: `${root}/.cache/bench/${out}`,
      conditions: ['production'],
      tsconfig: `${from}/tsconfig.json`,
      logLevel: 'warning',
      define: { 'process.env.NODE_ENV': '"production"' },
    });
  }
  const server = await serve(root);
  const browser = await puppeteer.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--autoplay-policy=no-user-gesture-required', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-renderer-backgrounding', '--disable-background-timer-throttling', '--disable-backgrounding-occluded-windows', '--js-flags=--expose-gc'],
  });
  const version = await browser.version();
  const results = new Map<string, Run[]>();
  try {
    for (let rep = 0; rep < REPS; rep++) {
      for (const size of SIZES) {
        for (const kind of KINDS) {
          process.stderr.write(`  playback: round ${rep + 1}, ${size} cues, ${kind}\n`);
          const page = await browser.newPage();
          await page.setViewport({ width: 1280, height: 900 });
          page.on('pageerror', (e: Error) => process.stderr.write(`  [page error] ${e.message}\n`));
          const before = kind.startsWith('before-');
          await page.goto(`${server.url}/bench/playback.html?kind=${kind.replace('before-', '')}&cues=${size}${before ? '&build=before' : ''}${process.env['PLAYBACK_QUERY'] ? `&${process.env['PLAYBACK_QUERY']}` : ''}`, { waitUntil: 'domcontentloaded', timeout: 180_000 });
          await page.waitForFunction(() => document.title === 'ready', { timeout: 180_000 });
          await page.evaluate(() => (window as any).bench.prepare());
          await page.tracing.start({
            categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.frame', 'blink.user_timing', 'toplevel', 'v8.execute', '__metadata'],
          });
          const played = await page.evaluate((s: number) => (window as any).bench.play(s), SECONDS);
          const buf: Uint8Array = await page.tracing.stop();
          const text = Buffer.from(buf).toString('utf8');
          if (process.env['PLAYBACK_TRACE_DIR']) writeFileSync(`${process.env['PLAYBACK_TRACE_DIR']}/playback-${size}-${kind}-${rep + 1}.json`, text);
          const events = (JSON.parse(text) as { traceEvents: TraceEvent[] }).traceEvents;
          const trace = readTrace(events, played.changes.map((c: { wall: number }) => c.wall), played.wall);
          const { wrong } = await page.evaluate(() => (window as any).bench.seeks());
          if (process.env['PLAYBACK_DEBUG']) process.stderr.write(`    lags ${played.lags.map((l: number) => l.toFixed(1)).join(' ')}; busy ${trace.busyMsPerS.toFixed(1)}\n`);
          await page.close();
          const key = `${size}|${kind}`;
          results.set(key, [...(results.get(key) ?? []), { lags: played.lags, wrong, trace }]);
        }
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  /** The median over rounds, and their range when there are several. */
  const range = (xs: number[], digits = 1): string => {
    const lo = Math.min(...xs);
    const hi = Math.max(...xs);
    const mid = summarize(xs).p50;
    return lo.toFixed(digits) === hi.toFixed(digits) ? lo.toFixed(digits) : `${mid.toFixed(digits)} (${lo.toFixed(digits)}-${hi.toFixed(digits)})`;
  };
  const out: string[] = [
    `Chromium ${version}, headless; ${REPS} interleaved round(s) of ${SECONDS} s of real playback per page (1x), then ten seeks while playing. Lag = media time when the highlight changed minus the boundary (all rounds pooled). Script / busy = main-thread milliseconds per second of playback from a performance trace (median over rounds, range in brackets). Before each trace the page is garbage-collected and left 1 s to settle, so what building the page left behind is not counted as playback. Frames/s = main-thread frames (BeginMainThreadFrame) per second, overall and in the stretches between changes (150 ms clear of each).`,
  ];
  for (const size of SIZES) {
    const rows = KINDS.map((kind) => {
      const runs = results.get(`${size}|${kind}`) ?? [];
      const s = summarize(runs.flatMap((r) => r.lags));
      const none = kind === 'chrome';
      return {
        page: LABEL[kind],
        boundaries: none ? '-' : s.n,
        'lag p50 ms': none ? '-' : s.p50,
        'lag p95 ms': none ? '-' : s.p95,
        'lag max ms': none ? '-' : s.max,
        'wrong after 10 seeks': none ? '-' : runs.map((r) => r.wrong).join(', '),
        'script ms/s': range(runs.map((r) => r.trace.scriptMsPerS)),
        'busy ms/s': range(runs.map((r) => r.trace.busyMsPerS)),
        'frames/s': range(runs.map((r) => r.trace.framesPerS)),
        'frames/s when nothing changes': range(runs.map((r) => r.trace.quietFramesPerS)),
        'elements restyled per s': range(runs.map((r) => r.trace.restyledPerS), 0),
        'largest style recalc (elements)': range(runs.map((r) => r.trace.largestRestyle), 0),
      };
    });
    const where = KINDS.map((kind) => {
      const runs = results.get(`${size}|${kind}`) ?? [];
      const row: Record<string, string> = { page: LABEL[kind] };
      for (const k of KIND_NAMES) row[`${k} ms/s`] = range(runs.map((r) => r.trace.kinds[k]));
      return row;
    });
    const top = Number(process.env['PLAYBACK_TOP'] ?? 0);
    const tops = top
      ? KINDS.map((kind) => {
          const sum = new Map<string, number>();
          const runs = results.get(`${size}|${kind}`) ?? [];
          for (const r of runs) for (const [n, v] of r.trace.names) sum.set(n, (sum.get(n) ?? 0) + v / runs.length);
          const list = [...sum].sort((a, b) => b[1] - a[1]).slice(0, top);
          return `- ${LABEL[kind]}: ${list.map(([n, v]) => `${n} ${v.toFixed(1)}`).join(', ')}`;
        }).join('\n')
      : '';
    out.push(
      `#### ${size === 'seed' ? 'Seed recording (261 cues)' : `${Number(size).toLocaleString('en')} generated cues`}\n\n${table(rows)}\n\nWhere the main thread's time goes (self time of trace events by kind, ms per second of playback):\n\n${table(where)}${tops ? `\n\nLargest events by self time (ms/s):\n\n${tops}` : ''}`,
    );
  }
  return out.join('\n\n');
};
