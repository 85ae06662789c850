/**
 * `<cue-article>` against `<cue-transcript>` on the same session, side by
 * side in one Chromium, runs interleaved (article, transcript, article, ...):
 * the seed (261 cues, its published article) and a 20,000-cue session (the
 * seed's cues repeated and numbered; the article with one cue in 23 cut and
 * remarks added). Per run: time to interactive from binding the transcript
 * (the article: matched in slices; the transcript: its cues rendered) and the
 * longest task meanwhile; `matchArticle` in one call on the page; main-thread
 * script and busy milliseconds per second of real playback and frames per
 * second while nothing changes (a performance trace, read as bench/playback
 * reads it); highlight lag at the boundaries; wrong highlights after ten seeks.
 *
 * `npm run bench -- article`; ARTICLE_SECONDS (default 12) of playback per run,
 * ARTICLE_REPS (default 3) interleaved rounds, ARTICLE_SIZES (seed,20000).
 */
import { readTrace, type Trace, type TraceEvent } from './playback.node.js';
import { summarize, table } from './lib/stats.js';

const SECONDS = Number(process.env['ARTICLE_SECONDS'] ?? 12);
const REPS = Number(process.env['ARTICLE_REPS'] ?? 3);
const SIZES = (process.env['ARTICLE_SIZES'] ?? 'seed,20000').split(',');
const KINDS = ['article', 'transcript'] as const;
const LABEL: Record<(typeof KINDS)[number], string> = {
  article: '<cue-article> (the published article)',
  transcript: '<cue-transcript>',
};

interface Run {
  readyMs: number;
  longestTaskMs: number;
  placed: number;
  matchMs: number[];
  lags: number[];
  wrong: number;
  trace: Trace;
}

export default async (): Promise<string> => {
  const load = (m: string): Promise<any> => import(m);
  const root = process.cwd();
  const [{ default: puppeteer }, { build }, { serve }] = await Promise.all([load('puppeteer-core'), load('esbuild'), load(`${root}/bench/server.mjs`)]);
  await build({
    entryPoints: [`${root}/bench/article.page.ts`],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outfile: `${root}/.cache/bench/article.page.js`,
    conditions: ['production'],
    tsconfig: `${root}/tsconfig.json`,
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const server = await serve(root);
  const browser = await puppeteer.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--autoplay-policy=no-user-gesture-required', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-renderer-backgrounding', '--disable-background-timer-throttling', '--disable-backgrounding-occluded-windows'],
  });
  const version = await browser.version();
  const results = new Map<string, Run[]>();
  try {
    for (let rep = 0; rep < REPS; rep++) {
      for (const size of SIZES) {
        // Alternate which goes first, so neither always has the fresher machine.
        const order = rep % 2 ? [...KINDS].reverse() : KINDS;
        for (const kind of order) {
          process.stderr.write(`  article: round ${rep + 1}, ${size} cues, ${kind}\n`);
          const page = await browser.newPage();
          await page.setViewport({ width: 1280, height: 900 });
          page.on('pageerror', (e: Error) => process.stderr.write(`  [page error] ${e.message}\n`));
          await page.goto(`${server.url}/bench/article.html?kind=${kind}&cues=${size}`, { waitUntil: 'domcontentloaded', timeout: 180_000 });
          await page.waitForFunction(() => document.title === 'ready', { timeout: 180_000 });
          const bound = await page.evaluate(() => (window as any).bench.bind());
          const matchMs: number[] = kind === 'article' ? await page.evaluate((n: number) => (window as any).bench.matchTimes(n), size === 'seed' ? 10 : 2) : [];
          await page.evaluate(() => (window as any).bench.prepare());
          await page.tracing.start({
            categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.frame', 'blink.user_timing', 'toplevel', 'v8.execute', '__metadata'],
          });
          const played = await page.evaluate((s: number) => (window as any).bench.play(s), SECONDS);
          const buf: Uint8Array = await page.tracing.stop();
          const events = (JSON.parse(Buffer.from(buf).toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
          const trace = readTrace(events, played.changes.map((c: { wall: number }) => c.wall), played.wall);
          const { wrong } = await page.evaluate(() => (window as any).bench.seeks());
          await page.close();
          const key = `${size}|${kind}`;
          results.set(key, [...(results.get(key) ?? []), { ...bound, matchMs, lags: played.lags, wrong, trace }]);
        }
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const f = (x: number, d = 1): string => (Number.isFinite(x) ? x.toFixed(d) : '-');
  const dist = (xs: number[], d = 1): string => {
    const s = summarize(xs);
    return `${f(s.p50, d)} / ${f(s.p95, d)}`;
  };
  const ratio = (a: number[], b: number[]): string => {
    const x = summarize(a).p50;
    const y = summarize(b).p50;
    return y > 0 ? `${(x / y).toFixed(2)}×` : '-';
  };
  const out: string[] = [
    `${version}, headless; ${REPS} interleaved round(s) per size (article and transcript alternating), ${SECONDS} s of real playback (1x) per run, then ten seeks while playing. Cells are p50 / p95 over runs (lag: over all boundaries of all runs). Ready = binding the transcript to a frame after the element is interactive (the article: all cues matched, in slices; the transcript: its first cues rendered). One-call match = \`matchArticle\` unsliced on the same page. Script / busy = main-thread ms per second of playback from a trace; quiet frames/s = main-thread frames per second in the stretches between highlight changes. Ratio = article p50 ÷ transcript p50.`,
  ];
  for (const size of SIZES) {
    const a = results.get(`${size}|article`) ?? [];
    const t = results.get(`${size}|transcript`) ?? [];
    const row = (kind: (typeof KINDS)[number], runs: Run[]): Record<string, string | number> => ({
      page: LABEL[kind],
      'ready ms': dist(runs.map((r) => r.readyMs), 0),
      'longest task ms': dist(runs.map((r) => r.longestTaskMs), 0),
      'one-call match ms': kind === 'article' ? dist(runs.flatMap((r) => r.matchMs)) : '-',
      'cues placed': kind === 'article' ? runs.map((r) => r.placed).join(', ') : '-',
      'script ms/s': dist(runs.map((r) => r.trace.scriptMsPerS)),
      'busy ms/s': dist(runs.map((r) => r.trace.busyMsPerS)),
      'quiet frames/s': dist(runs.map((r) => r.trace.quietFramesPerS)),
      'lag ms': dist(runs.flatMap((r) => r.lags), 0),
      'wrong after 10 seeks': runs.map((r) => r.wrong).join(', '),
    });
    const ratios: Record<string, string | number> = {
      page: 'ratio, article ÷ transcript',
      'ready ms': ratio(a.map((r) => r.readyMs), t.map((r) => r.readyMs)),
      'longest task ms': ratio(a.map((r) => r.longestTaskMs), t.map((r) => r.longestTaskMs)),
      'one-call match ms': '',
      'cues placed': '',
      'script ms/s': ratio(a.map((r) => r.trace.scriptMsPerS), t.map((r) => r.trace.scriptMsPerS)),
      'busy ms/s': ratio(a.map((r) => r.trace.busyMsPerS), t.map((r) => r.trace.busyMsPerS)),
      'quiet frames/s': '',
      'lag ms': '',
      'wrong after 10 seeks': '',
    };
    out.push(`#### ${size === 'seed' ? 'Seed recording (261 cues, the published article)' : `${Number(size).toLocaleString('en')} cues`}\n\n${table([row('article', a), row('transcript', t), ratios])}`);
  }
  return out.join('\n\n');
};
