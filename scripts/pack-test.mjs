// The package as a user gets it: `npm pack`, install the tarball into a throwaway Vite app that imports
// `cueline` and `cueline/editor`, `vite build` it, serve the build with `vite preview`, and also run the app
// under Vite's dev server; load each in headless Chromium. Passes when the transcript renders its cues, the
// editor's Worker reads the recording (its waveform arrives) and aligns it, and the page logs no error and
// requests nothing that fails.
//
// Usage: node scripts/pack-test.mjs [--keep]   (--keep leaves the temporary app for a look)
// CHROMIUM_PATH overrides /usr/bin/chromium. Needs the npm registry or npm's cache (installs with --prefer-offline).
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';

const root = resolve(import.meta.dirname, '..');
const keep = process.argv.includes('--keep');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const viteVersion = JSON.parse(readFileSync(join(root, 'node_modules/vite/package.json'), 'utf8')).version;

const results = [];
function check(name, ok, info = '') {
  results.push({ name, ok });
  console.log(`${ok ? '  ok  ' : '  FAIL'} ${name}${info ? ` — ${info}` : ''}`);
}

function run(cmd, args, cwd, quiet = true) {
  return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', quiet ? 'pipe' : 'inherit'], env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1' } });
}

function freePort() {
  return new Promise((done, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (s.address());
      s.close(() => done(port));
    });
  });
}

/** A mono 16-bit WAV at 8 kHz: tone, pause, tone; enough for a waveform and a pause. */
function wav(seconds = 6, rate = 8000) {
  const n = seconds * rate;
  const buf = Buffer.alloc(44 + n * 2);
  buf.write('RIFF', 0);
  buf.writeUInt32LE(36 + n * 2, 4);
  buf.write('WAVEfmt ', 8);
  buf.writeUInt32LE(16, 16);
  buf.writeUInt16LE(1, 20);
  buf.writeUInt16LE(1, 22);
  buf.writeUInt32LE(rate, 24);
  buf.writeUInt32LE(rate * 2, 28);
  buf.writeUInt16LE(2, 32);
  buf.writeUInt16LE(16, 34);
  buf.write('data', 36);
  buf.writeUInt32LE(n * 2, 40);
  for (let i = 0; i < n; i++) {
    const t = i / rate;
    const loud = t % 2 < 1.5 ? 0.5 : 0;
    buf.writeInt16LE(Math.round(loud * Math.sin(2 * Math.PI * 220 * t) * 32767), 44 + i * 2);
  }
  return buf;
}

const VTT = `WEBVTT

intro-p1-s1
00:00:00.000 --> 00:00:01.500
<v Host>Welcome to the session.

q01-p1-s1
00:00:02.000 --> 00:00:03.500
<v Audience member>How do I start?

q01-p2-s1
00:00:04.000 --> 00:00:05.500
<v Speaker>Write a small program.
`;

const INDEX = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>cueline pack test</title><link rel="icon" href="data:," /></head>
  <body>
    <video id="v" src="/talk.wav" preload="metadata"></video>
    <cue-transcript for="v" src="/talk.vtt" label="Transcript"></cue-transcript>
    <cue-editor src="/talk.wav" transcript="/talk.vtt" no-autosave></cue-editor>
    <script type="module" src="/main.js"></script>
  </body>
</html>
`;

// A user's entry module: both public entry points, by their package names.
const MAIN = `import { CueTranscript, parseWebVTT } from 'cueline';
import { CueEditor } from 'cueline/editor';
window.cueline = { CueTranscript, CueEditor, parseWebVTT };
`;

/** Starts `vite <args>` in the app, opens it in Chromium and checks what a user would see. */
async function checkServed(args, label) {
  const port = await freePort();
  const server = spawn(join(app, 'node_modules/.bin/vite'), [...args, '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { cwd: app, stdio: 'ignore' });
  servers.push(server);
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {}
    if (i > 300) throw new Error(`vite ${args.join(' ')} did not start`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const page = await browser.newPage();
  const errors = [];
  const failed = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('requestfailed', (r) => failed.push(`${r.url()} (${r.failure()?.errorText})`));
  page.on('response', (r) => r.status() >= 400 && failed.push(`${r.url()} (HTTP ${r.status()})`));
  const workers = [];
  page.on('workercreated', (w) => workers.push(w.url()));
  await page.goto(url, { waitUntil: 'load' });

  const cues = await page
    .waitForFunction(() => document.querySelector('cue-transcript')?.shadowRoot?.querySelectorAll('[part~="cue"]').length, { timeout: 60000 })
    .then((h) => h.jsonValue())
    .catch(() => 0);
  check(`${label}: <cue-transcript> renders the cues of its WebVTT`, cues === 3, `${cues} cue(s)`);

  const peaks = await page
    .waitForFunction(() => document.querySelector('cue-editor')?.shadowRoot?.querySelector('cue-editor-timeline')?.pyramid, { timeout: 60000 })
    .then(() => true)
    .catch(() => false);
  check(`${label}: <cue-editor>'s Worker starts and sends the waveform`, peaks && workers.some((w) => /editor-worker/.test(w)), workers.join(', ') || 'no Worker');

  const aligned = await page
    .evaluate(
      () =>
        new Promise((done) => {
          const editor = document.querySelector('cue-editor');
          editor.addEventListener('cue-align', (e) => done(e.detail), { once: true });
          void editor.align();
          setTimeout(() => done(null), 60000);
        }),
    )
    .catch((e) => String(e));
  check(`${label}: <cue-editor> aligns in its Worker (cue-align)`, !!aligned && typeof aligned === 'object' && aligned.state === 'done', JSON.stringify(aligned)?.slice(0, 80));

  check(`${label}: no console errors`, errors.length === 0, errors.join(' | '));
  check(`${label}: no failed requests`, failed.length === 0, failed.join(' | '));
  await page.close();
}

const work = mkdtempSync(join(tmpdir(), 'cueline-pack-'));
const app = join(work, 'app');
/** @type {import('node:child_process').ChildProcess[]} */
const servers = [];
/** @type {import('puppeteer-core').Browser | undefined} */
let browser;
try {
  // 1. The tarball (prepack builds dist/ and the manifest).
  console.log(`pack-test: npm pack into ${work}`);
  // The prepack scripts print to stdout too: the JSON report is the last top-level array.
  const out = run('npm', ['pack', '--json', '--pack-destination', work], root);
  const packed = JSON.parse(out.slice(out.lastIndexOf('\n[\n') + 1))[0];
  const files = new Set(packed.files.map((f) => f.path));
  const tarball = join(work, packed.filename);
  for (const f of ['LICENSE', 'package.json', 'custom-elements.json', 'dist/index.js', 'dist/editor.js', 'dist/workers/editor-worker.js', 'bin/cueline.js', 'dist/cli/index.js', 'dist/cli/html.js']) {
    check(`tarball has ${f}`, files.has(f));
  }
  const license = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).license;
  const licenseText = files.has('LICENSE') ? readFileSync(join(root, 'LICENSE'), 'utf8') : '';
  check(`LICENSE is the ${license} licence package.json names`, licenseText.startsWith(`${license} License`), licenseText.split('\n')[0]);

  // 2. A throwaway Vite app using it.
  mkdirSync(join(app, 'public'), { recursive: true });
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'cueline-pack-app', private: true, type: 'module' }, null, 2));
  writeFileSync(join(app, 'index.html'), INDEX);
  writeFileSync(join(app, 'main.js'), MAIN);
  writeFileSync(join(app, 'public/talk.vtt'), VTT);
  writeFileSync(join(app, 'public/talk.wav'), wav());
  copyFileSync(join(root, '.puppeteerrc.cjs'), join(app, '.puppeteerrc.cjs'));
  console.log(`pack-test: npm install ${packed.filename} vite@${viteVersion}`);
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--no-save', tarball, `vite@${viteVersion}`], app);

  // 2b. The command line from the installed package: `npx cueline html` writes the transcript as escaped HTML.
  try {
    const html = run('npx', ['--no-install', 'cueline', 'html', 'public/talk.vtt'], app);
    check('npx cueline html writes the transcript as HTML', html.includes('<h2 id="how-do-i-start">How do I start?</h2>') && html.includes('<p><strong>Speaker:</strong> Write a small program.</p>'), html.split('\n')[0]);
  } catch (e) {
    check('npx cueline html writes the transcript as HTML', false, `${e.stderr ?? e.message}`.trim().split('\n')[0]);
  }

  // 3. vite build: fails on a module it cannot resolve (a Worker URL pointing at a file dist/ lacks).
  let built = true;
  try {
    run(join(app, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], app);
  } catch (e) {
    built = false;
    const out = `${e.stdout ?? ''}${e.stderr ?? ''}`.trim().split('\n').slice(0, 12).join('\n');
    check('vite build of an app importing cueline and cueline/editor', false, `\n${out}`);
  }
  if (built) {
    check('vite build of an app importing cueline and cueline/editor', true);
    const assets = run('ls', [join(app, 'dist/assets')], app).split('\n').filter(Boolean);
    check('the build emits the editor Worker as its own chunk', assets.some((a) => /editor-worker.*\.js$/.test(a)), assets.join(', '));

    // 4. Serve the build and open it.
    browser = await puppeteer.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--autoplay-policy=no-user-gesture-required'] });
    await checkServed(['preview'], 'the build (vite preview)');
  }
  // 5. The same app under the user's dev server (Vite pre-bundles the package there).
  browser ??= await puppeteer.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--autoplay-policy=no-user-gesture-required'] });
  await checkServed([], 'the dev server (vite)');
} catch (e) {
  check('pack test ran', false, e instanceof Error ? e.stack : String(e));
} finally {
  await browser?.close();
  for (const server of servers) server.kill();
  if (!keep) rmSync(work, { recursive: true, force: true });
  else console.log(`pack-test: kept ${work}`);
}

const bad = results.filter((r) => !r.ok).length;
console.log(`pack-test: ${results.length - bad} passed, ${bad} failed`);
process.exit(bad ? 1 : 0);
