// Runs the benchmarks: `npm run bench` (all) or `npm run bench -- parse sync`.
// Each `bench/<name>.node.ts` runs in Node, each `bench/<name>.browser.ts` in
// headless Debian Chromium (/usr/bin/chromium, or CHROMIUM_PATH). A bench
// module's default export is an async function returning Markdown; the runner
// prints it and writes bench/out/<name>.md.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';
import { serve } from './server.mjs';

const root = resolve(import.meta.dirname, '..');
const outDir = resolve(root, 'bench/out');
const cacheDir = resolve(root, '.cache/bench');
mkdirSync(outDir, { recursive: true });
mkdirSync(cacheDir, { recursive: true });

const all = [...new Set(readdirSync(resolve(root, 'bench')).filter((f) => /\.(node|browser)\.ts$/.test(f)).map((f) => f.split('.')[0]))].sort();
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = wanted.length ? all.filter((n) => wanted.includes(n)) : all;
if (wanted.length && names.length !== wanted.length) {
  console.error(`unknown bench; have: ${all.join(', ')}`);
  process.exit(2);
}

async function bundle(entry, platform) {
  const outfile = resolve(cacheDir, `${entry.replace(/[\\/]/g, '_')}.${platform}.mjs`);
  await build({
    entryPoints: [resolve(root, entry)],
    bundle: true,
    format: 'esm',
    platform,
    target: 'es2022',
    outfile,
    conditions: ['production'],
    tsconfig: resolve(root, 'tsconfig.json'),
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  return outfile;
}

let browser;
let server;
async function page() {
  server ??= await serve(root);
  browser ??= await puppeteer.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--autoplay-policy=no-user-gesture-required',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-renderer-backgrounding',
      '--disable-background-timer-throttling',
      '--disable-backgrounding-occluded-windows',
      '--enable-precise-memory-info',
      '--js-flags=--expose-gc',
    ],
  });
  const p = await browser.newPage();
  await p.setViewport({ width: 1280, height: 900 });
  p.on('console', (m) => process.stderr.write(`  [chromium] ${m.text()}\n`));
  p.on('pageerror', (e) => process.stderr.write(`  [chromium error] ${e.message}\n`));
  return p;
}

const sections = [];
try {
  for (const name of names) {
    const parts = [];
    if (existsSync(resolve(root, `bench/${name}.node.ts`))) {
      console.error(`bench ${name}: node`);
      const file = await bundle(`bench/${name}.node.ts`, 'node');
      const mod = await import(pathToFileURL(file).href);
      parts.push(`### ${name} (Node ${process.version})\n\n${await mod.default()}`);
    }
    if (existsSync(resolve(root, `bench/${name}.browser.ts`))) {
      console.error(`bench ${name}: chromium`);
      const file = await bundle(`bench/${name}.browser.ts`, 'browser');
      const p = await page();
      await p.goto(`${server.url}/bench/page.html`);
      const rel = file.slice(root.length);
      const md = await p.evaluate(async (src) => (await import(src)).default(), rel);
      const version = await browser.version();
      parts.push(`### ${name} (${version})\n\n${md}`);
      await p.close();
    }
    const text = `## ${name}\n\n${parts.join('\n\n')}\n`;
    writeFileSync(resolve(outDir, `${name}.md`), text);
    console.log(text);
    sections.push(text);
  }
} finally {
  await browser?.close();
  await server?.close();
}
writeFileSync(resolve(outDir, 'all.md'), sections.join('\n'));
