#!/usr/bin/env node
// The built demo as `vite preview` serves it: `npm run build:demo`, then `/` opens the interview page,
// the editor page is there too, and every local file the two pages name (scripts, styles, icons, links)
// is served.
import { execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const vite = resolve(root, 'node_modules/.bin/vite');
const results = [];
function check(name, ok, info = '') {
  results.push({ name, ok });
  console.log(`${ok ? '  ok  ' : '  FAIL'} ${name}${info ? ` — ${info}` : ''}`);
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

/**
 * Local URLs a page's HTML elements load or link to (src/href of script, link, img, a, media), resolved
 * against the page. Custom elements' attributes are left out: the demo's scripts set those at run time.
 */
function localRefs(html, pageUrl) {
  const refs = new Set();
  for (const m of html.matchAll(/<(?:script|link|img|a|source|track|video|audio)\b[^>]*?\s(?:src|href)="([^"#]+)"/g)) {
    const u = new URL(m[1], pageUrl);
    if (u.origin === new URL(pageUrl).origin) refs.add(u.href);
  }
  return [...refs];
}

let preview;
try {
  console.log('preview-test: npm run build:demo');
  execFileSync('npm', ['run', 'build:demo', '--', '--logLevel', 'warn'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  const port = await freePort();
  preview = spawn(vite, ['preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--open', 'false'], { cwd: root, stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      await fetch(`${base}/demo/index.html`);
      break;
    } catch {}
    if (i > 300) throw new Error('vite preview did not start');
    await new Promise((r) => setTimeout(r, 100));
  }

  const home = await fetch(`${base}/`);
  const homeHtml = await home.text();
  check('`/` under vite preview serves the demo (after any redirect)', home.status === 200 && homeHtml.includes('<cue-article'), `HTTP ${home.status} ${home.url}`);

  const editor = await fetch(`${base}/demo/editor.html`);
  const editorHtml = await editor.text();
  check('the editor page is served', editor.status === 200 && editorHtml.includes('<cue-editor'), `HTTP ${editor.status}`);

  const cdn = await fetch(`${base}/demo/cdn.html`);
  const cdnHtml = await cdn.text();
  check('the CDN demo page is served, with the CDN build', cdn.status === 200 && cdnHtml.includes('<cue-player') && (await fetch(`${base}/dist/cdn/cueline.js`)).status === 200, `HTTP ${cdn.status}`);
  const embed = await fetch(`${base}/dist/cdn/embed.html`);
  const embedHtml = await embed.text();
  check('the embed page is in the built demo', embed.status === 200, `HTTP ${embed.status}`);

  const missing = [];
  let refs = 0;
  for (const [html, url] of [[homeHtml, home.url], [editorHtml, editor.url], [cdnHtml, cdn.url], [embedHtml, embed.url]]) {
    for (const ref of localRefs(html, url)) {
      refs++;
      const r = await fetch(ref);
      await r.arrayBuffer();
      if (r.status !== 200) missing.push(`${new URL(ref).pathname} (HTTP ${r.status})`);
    }
  }
  check('every local file the built pages name is served', refs > 0 && missing.length === 0, missing.join(', ') || `${refs} files`);

  // A strict page's `connect-src 'self'` blocks data: URLs: transcript files must ship as files.
  const { readdirSync, readFileSync } = await import('node:fs');
  const assets = resolve(root, 'dist-demo/assets');
  const inlined = readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .filter((f) => /data:(text\/vtt|application\/octet-stream|text\/plain)/.test(readFileSync(resolve(assets, f), 'utf8')));
  const shipped = readdirSync(assets).filter((f) => f.endsWith('.vtt'));
  check('the built demo ships its transcript and chapters as files, not data: URLs', inlined.length === 0 && shipped.length >= 2, inlined.join(', ') || shipped.join(', '));
} catch (e) {
  check('preview test ran', false, e instanceof Error ? e.stack : String(e));
} finally {
  preview?.kill();
}

const bad = results.filter((r) => !r.ok).length;
console.log(`preview-test: ${results.length - bad} passed, ${bad} failed`);
process.exit(bad ? 1 : 0);
