// Prepares the waveform bench (a one-hour recording made with ffmpeg from the
// seed's audio, and the editor's Worker bundled for the bench server), then
// measures the renderer process's peak memory while each recording opens, in
// a fresh headless Chromium per recording (bench/waveform-rss.mjs).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

// The runner bundles this file into .cache/bench/ and runs it from the project root.
const root = process.cwd();

function sh(cmd: string, args: string[]): string {
  return execFileSync(cmd, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
}

export default async function run(): Promise<string> {
  const hour = '.cache/bench/hour.m4a';
  if (!existsSync(resolve(root, hour))) {
    sh('ffmpeg', ['-v', 'error', '-y', '-stream_loop', '-1', '-i', 'demo/media/try-rust-with-francesco-ciulla.mp4', '-t', '3600', '-vn', '-ac', '1', '-c:a', 'aac', '-b:a', '32k', hour]);
  }
  const esbuild = ['esbuild', '--bundle', '--format=esm', '--platform=browser', '--target=es2022', '--log-level=warning', '--define:process.env.NODE_ENV="production"', '--conditions=production'];
  sh('npx', [...esbuild, 'src/workers/editor-worker.ts', '--outfile=.cache/bench/editor-worker.mjs']);
  sh('npx', [...esbuild, 'bench/waveform.shared.ts', '--outfile=.cache/bench/waveform-page.mjs']);
  const out = sh('node', ['bench/waveform-rss.mjs']);
  const rows = JSON.parse(out) as { name: string; ms: number; baseline: number; peak: number; seconds: number }[];
  return [
    'Renderer process resident memory (VmRSS, sampled every 20 ms; the page, its Worker and the audio decoder all live there), fresh browser per recording:',
    '',
    '| recording | time to first waveform | RSS before | peak RSS while opening | growth | growth per minute of audio |',
    '|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.name} | ${r.ms.toFixed(0)} ms | ${r.baseline.toFixed(0)} MB | ${r.peak.toFixed(0)} MB | +${(r.peak - r.baseline).toFixed(0)} MB | ${((r.peak - r.baseline) / (r.seconds / 60)).toFixed(2)} MB |`),
  ].join('\n');
}
