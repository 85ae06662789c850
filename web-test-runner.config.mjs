// @ts-check
import { execFile } from 'node:child_process';
import { appendFileSync, createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { resolve, extname } from 'node:path';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { wheelPlugin } from './test/commands/wheel-plugin.mjs';

/**
 * Tests drive the browsers the machine already has: Debian's `chromium` and
 * `firefox-esr`. Override the paths with CHROMIUM_PATH / FIREFOX_PATH.
 * Puppeteer's own browser download is switched off in .puppeteerrc.cjs.
 */
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const firefoxPath = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

const chromium = puppeteerLauncher({
  launchOptions: {
    browser: 'chrome',
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--autoplay-policy=no-user-gesture-required',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--disable-renderer-backgrounding',
      '--disable-background-timer-throttling',
      '--disable-backgrounding-occluded-windows',
    ],
  },
});

/**
 * Every test file gets a page that has the system focus, as a viewer's page does: the runner's tab is
 * activated before and after each navigation. `CUELINE_FOCUS_LOG=<file>` appends, per test file, whether its
 * page started with `document.hasFocus()` (what to look at when Firefox keyboard tests fail only late in a run).
 * @param {{ browser: import('puppeteer-core').Browser }} args
 */
async function focusedPage({ browser }) {
  const page = await browser.newPage();
  const goto = page.goto.bind(page);
  page.goto = async (url, options) => {
    await page.bringToFront().catch(() => undefined);
    const response = await goto(url, options);
    if (url !== 'about:blank') {
      await page.bringToFront().catch(() => undefined);
      const focused = await page.evaluate(() => document.hasFocus()).catch(() => undefined);
      if (process.env.CUELINE_FOCUS_LOG) appendFileSync(process.env.CUELINE_FOCUS_LOG, `${focused} ${url}\n`);
    }
    return response;
  };
  return page;
}

const firefox = puppeteerLauncher({
  createPage: focusedPage,
  launchOptions: {
    browser: 'firefox',
    executablePath: firefoxPath,
    headless: true,
    extraPrefsFirefox: {
      'media.autoplay.default': 0,
      'media.autoplay.blocking_policy': 0,
      'media.autoplay.block-webaudio': false,
      'dom.min_background_timeout_value': 4,
      // No form-history dropdown: after a test types into a text field, its popup keeps the
      // system focus, and later test files then see document.hasFocus() false.
      'browser.formfill.enable': false,
      // No leave-page prompt when the runner moves on from a page whose editor still has unexported edits
      // (tests dispatch their own beforeunload events to check the warning): a prompt would keep the focus too.
      'dom.disable_beforeunload': true,
      // No "this page is slowing down Firefox" notice or slow-script prompt after a long task (the 343k-cue and
      // 70k-cue tests make some on a loaded machine): either keeps the system focus away from later test files.
      'dom.max_script_run_time': 0,
      'dom.max_chrome_script_run_time': 0,
      'dom.ipc.reportProcessHangs': false,
      'browser.shell.checkDefaultBrowser': false,
      'app.update.enabled': false,
      'network.captive-portal-service.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
    },
  },
});

const mediaTypes = { '.mp4': 'video/mp4', '.m4a': 'audio/mp4', '.wav': 'audio/wav', '.webm': 'video/webm' };

/**
 * The dev server's static handler ignores `Range`, and browsers cannot seek
 * media served without it. Serve media files with byte ranges.
 * @type {import('@web/dev-server-core').Middleware}
 */
async function mediaRanges(ctx, next) {
  const type = mediaTypes[/** @type {keyof typeof mediaTypes} */ (extname(ctx.path))];
  if (!type || ctx.path.includes('..') || ctx.URL.searchParams.has('url')) return next();
  const file = resolve('.' + decodeURIComponent(ctx.path));
  let size;
  try {
    size = statSync(file).size;
  } catch {
    return next();
  }
  ctx.set('Accept-Ranges', 'bytes');
  ctx.type = type;
  const m = /^bytes=(\d*)-(\d*)$/.exec(ctx.get('range'));
  if (!m) {
    ctx.length = size;
    ctx.body = createReadStream(file);
    return;
  }
  const start = m[1] ? Number(m[1]) : Math.max(0, size - Number(m[2]));
  const end = m[1] && m[2] ? Math.min(Number(m[2]), size - 1) : size - 1;
  if (start >= size || start > end) {
    ctx.status = 416;
    ctx.set('Content-Range', `bytes */${size}`);
    return;
  }
  ctx.status = 206;
  ctx.set('Content-Range', `bytes ${start}-${end}/${size}`);
  ctx.length = end - start + 1;
  ctx.body = createReadStream(file, { start, end });
}

/**
 * Source names its modules by their emitted `.js` (what `dist/` ships), and the
 * esbuild plugin maps such imports to `.ts`; a Worker's `new URL('./x.js',
 * import.meta.url)` is a plain request, not an import, so map those here, as
 * Vite does: a `/src/**.js` that does not exist is served from its `.ts`.
 * @type {import('@web/dev-server-core').Middleware}
 */
async function tsForJs(ctx, next) {
  if (ctx.path.startsWith('/src/') && ctx.path.endsWith('.js') && !ctx.path.includes('..')) {
    const file = resolve('.' + decodeURIComponent(ctx.path));
    if (!existsSync(file) && existsSync(file.slice(0, -3) + '.ts')) ctx.url = ctx.url.replace(/\.js(?=$|\?)/, '.ts');
  }
  return next();
}

/**
 * The demo pages import their media and timing files as Vite `?url` imports
 * (so a built demo ships them); serve those as modules exporting the URL, as
 * Vite's dev server does.
 * @type {import('@web/dev-server-core').Plugin}
 */
const viteUrlImports = {
  name: 'vite-url-imports',
  serve(context) {
    if (context.URL.searchParams.has('url')) {
      return { body: `export default ${JSON.stringify(context.path)};`, type: 'js' };
    }
    return undefined;
  },
};

/** Generated cases per property test (test/core/*.property.test.ts): a few hundred in `npm test`, more under `npm run fuzz`. */
const fuzzRuns = Number(process.env.FUZZ_RUNS) || 0;

/**
 * A request that never answers (until the client gives up or 60 s pass): lets
 * tests check that a load that hangs times out instead of "Loading..." forever.
 * @type {import('@web/dev-server-core').Middleware}
 */
async function hang(ctx, next) {
  if (!ctx.path.startsWith('/__hang/')) return next();
  await new Promise((resolve) => {
    const timer = setTimeout(resolve, 60000);
    ctx.req.once('close', () => {
      clearTimeout(timer);
      resolve(undefined);
    });
  });
  ctx.status = 504;
}

/**
 * Firefox moves the system focus into its own toolbar when Tab (or Shift+Tab) goes past the page's last (or
 * first) focusable element, as a keyboard test's Tab out of a widget can; no later test file gets the focus
 * back, and their key presses then reach nothing. Two visually hidden focusable sentinels, kept first and last
 * in the test page's body, keep Tab inside the page, as the rest of a real page would.
 */
const focusSentinels = `(() => {
  const make = (where) => {
    const s = document.createElement('button');
    s.type = 'button';
    s.className = 'wtr-focus-sentinel';
    s.textContent = where + ' of the test page';
    return s;
  };
  const start = make('Start');
  const end = make('End');
  const keep = () => {
    if (document.body.firstElementChild !== start) document.body.prepend(start);
    if (document.body.lastElementChild !== end) document.body.append(end);
  };
  keep();
  new MutationObserver(keep).observe(document.body, { childList: true });
})();`;
const focusSentinelCss = '.wtr-focus-sentinel{position:fixed;top:0;left:0;width:1px;height:1px;margin:-1px;padding:0;border:0;overflow:hidden;clip-path:inset(50%);white-space:nowrap}';

/** @type {Promise<string> | undefined} */
let manifest;
/**
 * `/custom-elements.json` is made afresh by the analyzer (`npm run analyze`) on the first request of a
 * run, so test/manifest.test.ts checks the manifest the source gives today, never a stale file.
 * @type {import('@web/dev-server-core').Plugin}
 */
const freshManifest = {
  name: 'fresh-manifest',
  serve(context) {
    if (context.path !== '/custom-elements.json') return undefined;
    manifest ??= new Promise((done, fail) =>
      execFile('npm', ['run', '--silent', 'analyze'], { cwd: import.meta.dirname }, (error, _out, stderr) =>
        error ? fail(new Error(`npm run analyze failed: ${stderr}`)) : done(readFileSync(resolve(import.meta.dirname, 'custom-elements.json'), 'utf8')),
      ),
    );
    return manifest.then((body) => ({ body, type: 'json' }));
  },
};

/**
 * `executeServerCommand('double-click', { position: [x, y] })`: a real double
 * click (two presses with click counts 1 and 2), which `sendMouse` cannot send.
 * @type {import('@web/test-runner').TestRunnerPlugin}
 */
const doubleClick = {
  name: 'double-click',
  async executeCommand({ command, payload, session }) {
    if (command !== 'double-click') return undefined;
    const [x, y] = /** @type {{ position: [number, number] }} */ (payload).position;
    // Puppeteer launchers expose the page of a session.
    const page = /** @type {any} */ (session.browser).getPage(session.id);
    await page.mouse.click(x, y, { count: 2 });
    return true;
  },
};

const only = process.env.BROWSERS?.split(',');
const browsers = [
  ['chromium', chromium],
  ['firefox', firefox],
].filter(([name]) => !only || only.includes(/** @type {string} */ (name))).map(([, b]) => b);

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['production'] },
  rootDir: '.',
  concurrency: 1,
  // One browser at a time: the tests play real media, and two cores shared by two browsers make timing flaky.
  concurrentBrowsers: 1,
  browserStartTimeout: 120000,
  testsStartTimeout: 120000,
  testsFinishTimeout: 300000,
  testFramework: { config: { timeout: 30000 } },
  middleware: [hang, tsForJs, mediaRanges],
  testRunnerHtml: (framework) =>
    `<!doctype html><html><head><style>${focusSentinelCss}</style></head><body><script>globalThis.__CUELINE_FUZZ_RUNS__ = ${fuzzRuns};</script><script>${focusSentinels}</script><script type="module" src="${framework}"></script></body></html>`,
  plugins: [freshManifest, viteUrlImports, doubleClick, wheelPlugin(), esbuildPlugin({ ts: true, tsconfig: resolve('tsconfig.json'), target: 'es2022' })],
  browsers,
};
