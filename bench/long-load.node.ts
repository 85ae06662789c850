/**
 * Long load (issue 9): a transcript of 34,000, 100,000 and 343,000 cues
 * (about 5, 15 and 50 MB) loaded into `<cue-transcript>` from a URL, from
 * setting `src` until every cue is in the DOM. Reports the total time, the
 * longest task and how many tasks ran over 50 ms, and the longest wait of a
 * timer (the gap between `setTimeout(0)` callbacks, which every browser
 * shows). Chromium's tasks come from the Long Tasks API and Long Animation
 * Frames (with the script each frame ran); in Firefox only the timer gap.
 *
 * `npm run bench -- long-load`; LONGLOAD_SIZES (34000,100000,343000),
 * LONGLOAD_BROWSERS (chromium,firefox), LONGLOAD_EVERY (cues per question, 1000), LONGLOAD_TRACE=1 adds a Chromium
 * performance trace naming what each task over 50 ms spent its time on.
 */
import type { LoadResult } from './long-load.page.js';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time, µs: on a loaded machine much less than `dur`. */
  tdur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: { name?: string; data?: { functionName?: string; url?: string; startTime?: number; cpuProfile?: CpuProfile; timeDeltas?: number[] } };
}

interface CpuProfile {
  nodes?: { id: number; parent?: number; callFrame: { functionName: string; url: string } }[];
  samples?: number[];
}

/** The trace's CPU profile as (time, stack) samples: leaf first, function names only. */
function samples(events: TraceEvent[], pid: number): { ts: number; stack: string[] }[] {
  const nodes = new Map<number, { parent?: number; name: string }>();
  const out: { ts: number; stack: string[] }[] = [];
  let ts = 0;
  const pending: { ts: number; id: number }[] = [];
  for (const e of events) {
    if (e.pid !== pid) continue;
    if (e.name === 'Profile') ts = e.args?.data?.startTime ?? ts;
    if (e.name !== 'ProfileChunk') continue;
    const d = e.args?.data;
    for (const n of d?.cpuProfile?.nodes ?? []) nodes.set(n.id, { parent: n.parent, name: n.callFrame.functionName || `(${n.callFrame.url.split('/').pop() || 'anonymous'})` });
    const ids = d?.cpuProfile?.samples ?? [];
    ids.forEach((id, i) => {
      ts += d?.timeDeltas?.[i] ?? 0;
      pending.push({ ts, id });
    });
  }
  for (const { ts: t, id } of pending) {
    const stack: string[] = [];
    for (let n = nodes.get(id); n && stack.length < 12; n = n.parent === undefined ? undefined : nodes.get(n.parent)) stack.push(n.name);
    out.push({ ts: t, stack });
  }
  return out;
}

const SIZES = (process.env['LONGLOAD_SIZES'] ?? '34000,100000,343000').split(',').map(Number);
const BROWSERS = (process.env['LONGLOAD_BROWSERS'] ?? 'chromium,firefox').split(',');
const TRACE = process.env['LONGLOAD_TRACE'] === '1';
/** Cues per question (one section each): 1,000 as in issue 9's file; the huge test uses 10,000. */
const EVERY = Number(process.env['LONGLOAD_EVERY'] ?? 1000);

/** Each task over 50 ms on the page's main thread between the bench marks, with where its time went. */
function longTasks(events: TraceEvent[]): string[] {
  const start = events.find((e) => e.name === 'long-load-start');
  const end = events.find((e) => e.name === 'long-load-end');
  if (!start || !end) return ['(trace without the bench marks)'];
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === start.pid && e.args?.name === 'CrRendererMain');
  const tid = main?.tid ?? start.tid;
  const mine = events.filter((e) => e.pid === start.pid && e.tid === tid && e.ph === 'X' && typeof e.dur === 'number' && e.ts + e.dur! > start.ts && e.ts < end.ts);
  // Tasks are traced as RunTask, ThreadControllerImpl::RunTask or both (nested): count the outermost once.
  const runs = mine.filter((e) => (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && e.dur! > 50_000);
  const tasks = runs.filter((e) => !runs.some((o) => o !== e && o.ts <= e.ts && o.ts + o.dur! >= e.ts + e.dur! && (o.dur! > e.dur! || o.name === 'RunTask')));
  const profile = samples(events, start.pid);
  return tasks.map((t) => {
    const stacks = profile.filter((p) => p.ts >= t.ts && p.ts <= t.ts + t.dur!);
    const self = new Map<string, number>();
    for (const p of stacks) {
      const key = p.stack.slice(0, 3).join(' < ');
      self.set(key, (self.get(key) ?? 0) + 1);
    }
    const hot = [...self].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([k, n]) => `${Math.round((100 * n) / stacks.length)}% ${k}`);
    const inside = mine.filter((e) => e !== t && e.ts >= t.ts && e.ts + e.dur! <= t.ts + t.dur! && !e.name.includes('RunTask'));
    const by = new Map<string, number>();
    for (const e of inside) {
      const fn = e.args?.data?.functionName;
      const key = fn ? `${e.name}:${fn}` : e.name;
      by.set(key, (by.get(key) ?? 0) + e.dur!);
    }
    const top = [...by].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, us]) => `${k} ${(us / 1000).toFixed(0)}`);
    return `at ${((t.ts - start.ts) / 1000).toFixed(0)} ms, ${(t.dur! / 1000).toFixed(0)} ms (CPU ${((t.tdur ?? NaN) / 1000).toFixed(0)} ms): ${top.join(', ')}\n  - samples: ${hot.join('; ')}`;
  });
}

/** Where the long frames' time went: the scripts they ran (entry point and its URL) and rendering. */
function attribution(r: LoadResult): string[] {
  return r.entries
    .filter((e) => e.kind === 'long-animation-frame' && e.duration > 50)
    .map((e) => {
      const scripts = e.scripts.map((s) => `${s.invoker || '?'}${s.fn ? ` ${s.fn}` : ''} ${s.duration.toFixed(0)}${s.layout > 1 ? ` (forced layout ${s.layout.toFixed(0)})` : ''}`);
      return `frame at ${e.start.toFixed(0)} ms, ${e.duration.toFixed(0)} ms: script ${scripts.join(' + ') || 'none'}; style+layout+paint ${e.styleAndLayout.toFixed(0)}`;
    });
}

export default async (): Promise<string> => {
  const load = (m: string): Promise<any> => import(m);
  const root = process.cwd();
  const [{ default: puppeteer }, { build }, { serve }] = await Promise.all([load('puppeteer-core'), load('esbuild'), load(`${root}/bench/server.mjs`)]);
  await build({
    entryPoints: [`${root}/bench/long-load.page.ts`],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outfile: `${root}/.cache/bench/long-load.page.js`,
    conditions: ['production'],
    tsconfig: `${root}/tsconfig.json`,
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const server = await serve(root);
  const out: string[] = [
    'From setting `src` (a blob URL of generated WebVTT) until every cue is in the DOM. Longest task and tasks > 50 ms: Long Tasks API (Chromium only). Timer gap: the longest wait between `setTimeout(0)` callbacks (both browsers).',
    '',
    '| browser | cues | MB | to cue-load, ms | fully built, ms | ms per 1,000 cues | longest task, ms | tasks > 50 ms | longest timer gap, ms |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  const notes: string[] = [];
  try {
    for (const name of BROWSERS) {
      const firefox = name === 'firefox';
      const browser = await puppeteer.launch(
        firefox
          ? { browser: 'firefox', executablePath: process.env['FIREFOX_PATH'] ?? '/usr/bin/firefox-esr', headless: true }
          : {
              executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
              headless: true,
              args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-renderer-backgrounding', '--disable-background-timer-throttling', '--disable-backgrounding-occluded-windows', '--js-flags=--expose-gc'],
            },
      );
      const version = await browser.version();
      try {
        for (const n of SIZES) {
          process.stderr.write(`  long-load: ${name}, ${n} cues\n`);
          const page = await browser.newPage();
          await page.setViewport({ width: 1280, height: 900 });
          page.on('pageerror', (e: Error) => process.stderr.write(`  [page error] ${e.message}\n`));
          await page.goto(`${server.url}/bench/long-load.html`, { waitUntil: 'domcontentloaded', timeout: 180_000 });
          await page.waitForFunction(() => document.title === 'ready', { timeout: 180_000 });
          const tracing = TRACE && !firefox;
          if (tracing) await page.tracing.start({ categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'toplevel', 'v8', 'v8.execute', 'disabled-by-default-v8.cpu_profiler', '__metadata'] });
          const r: LoadResult = await page.evaluate((c: number, e: number) => (window as any).bench.run(c, e), n, EVERY);
          if (tracing) {
            const buf: Uint8Array = await page.tracing.stop();
            const events = (JSON.parse(Buffer.from(buf).toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
            notes.push(`${name} ${n} cues, trace, tasks > 50 ms:`, ...longTasks(events).map((l) => `- ${l}`), '');
          }
          await page.close();
          if (r.domCues !== n || !r.lastText.endsWith(` ${n - 1}.`)) throw new Error(`${name} ${n}: ${r.domCues} cues in the DOM, last "${r.lastText}"`);
          const tasks = r.entries.filter((e) => e.kind === 'longtask');
          const longest = tasks.reduce((m, e) => Math.max(m, e.duration), 0);
          const api = tasks.length || !firefox;
          out.push(
            `| ${name} ${version.split('/')[1] ?? version} | ${n.toLocaleString('en')} | ${(r.bytes / 1e6).toFixed(0)} | ${r.loaded.toFixed(0)} | ${r.built.toFixed(0)} | ${((r.built / n) * 1000).toFixed(1)} | ${api ? longest.toFixed(0) : 'n/a'} | ${api ? tasks.length : 'n/a'} | ${r.gap.toFixed(0)} |`,
          );
          const frames = attribution(r);
          if (frames.length) notes.push(`${name} ${n} cues, long animation frames:`, ...frames.map((l) => `- ${l}`), '');
        }
      } finally {
        await browser.close();
      }
    }
  } finally {
    await server.close();
  }
  return [...out, '', ...notes].join('\n');
};
