// Helper of bench/waveform.node.ts (plain Node, not bundled): for each
// recording, a fresh headless Chromium opens it in <cue-editor> while the
// renderer processes' VmRSS is sampled from /proc. Prints JSON.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { serve } from './server.mjs';

const root = resolve(import.meta.dirname, '..');
const recordings = [
  { name: 'seed (22 min)', url: '/demo/media/try-rust-with-francesco-ciulla.mp4' },
  { name: 'one hour', url: '/.cache/bench/hour.m4a' },
];

function rss(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

const server = await serve(root);
const results = [];
try {
  for (const r of recordings) {
    const browser = await puppeteer.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--enable-precise-memory-info'],
    });
    try {
      const page = await browser.newPage();
      await page.setViewport({ width: 1280, height: 900 });
      await page.goto(`${server.url}/bench/page.html`);
      await page.evaluate(async () => {
        // Load the editor code first, so the baseline holds it.
        window.bench = await import('/.cache/bench/waveform-page.mjs');
      });
      const cdp = await browser.target().createCDPSession();
      const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
      const pids = processInfo.filter((p) => p.type === 'renderer').map((p) => p.id);
      await new Promise((res) => setTimeout(res, 500));
      const baseline = Math.max(...pids.map(rss));
      let peak = baseline;
      const timer = setInterval(() => (peak = Math.max(peak, ...pids.map(rss))), 20);
      const run = await page.evaluate((url) => window.bench.firstWaveform(url), r.url);
      clearInterval(timer);
      peak = Math.max(peak, ...pids.map(rss));
      results.push({ name: r.name, ms: run.firstWaveform, baseline, peak, seconds: run.seconds });
    } finally {
      await browser.close();
    }
  }
} finally {
  await server.close();
}
process.stdout.write(JSON.stringify(results));
