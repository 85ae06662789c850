// The command line aligns the committed hard-session clip in Node (issue 10): `cueline align <clip.m4a>
// <clip.txt> --captions <clip.asr.vtt> -o out.vtt`, the captions being the simulated YouTube automatic
// captions of the clip (10 % word errors, their own timing jitter: `npm run synth -- asr`). Checks the
// sentence edges written against the clip's exact truth, that the sentence the clip lacks is reported for
// review, and that a broken captions file fails with its line and column. Runs the same code as the package's
// bin (src/cli bundled with esbuild, as `bin/cueline.js` runs dist/cli); needs ffmpeg. A few seconds.
//
// Usage: node scripts/cli-test.mjs
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const root = resolve(import.meta.dirname, '..');
const work = join(root, '.cache/cli-test');
mkdirSync(work, { recursive: true });

const results = [];
function check(name, ok, info = '') {
  results.push(ok);
  console.log(`${ok ? '  ok  ' : '  FAIL'} ${name}${info ? ` — ${info}` : ''}`);
}

try {
  execFileSync('ffmpeg', ['-version'], { stdio: 'ignore' });
} catch {
  console.error('cli-test: ffmpeg is needed (apt-get install ffmpeg)');
  process.exit(1);
}

const cli = join(work, 'cueline.mjs');
await build({
  stdin: { contents: "import { main } from './src/cli/index.ts';\nprocess.exitCode = await main(process.argv.slice(2));\n", resolveDir: root, loader: 'ts' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile: cli,
  tsconfig: join(root, 'tsconfig.cli.json'),
  logLevel: 'warning',
});

const cueline = (...args) => spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' });

/** Cue times of a WebVTT file, in order. */
function cueTimes(vtt) {
  const secs = (t) => t.split(':').reduce((s, p) => s * 60 + Number(p), 0);
  return [...vtt.matchAll(/^((?:\d+:)?\d{2}:\d{2}\.\d{3}) --> ((?:\d+:)?\d{2}:\d{2}\.\d{3})/gm)].map((m) => ({ start: secs(m[1]), end: secs(m[2]) }));
}

const out = join(work, 'clip.vtt');
const media = 'demo/media/hard-session-clip.m4a';
const r = cueline('align', media, 'demo/media/hard-session-clip.txt', '--captions', 'demo/media/hard-session-clip.asr.vtt', '-o', out);
check('cueline align --captions exits 0, by timing transfer', r.status === 0 && r.stderr.includes('timing transfer from youtube-vtt'), r.stderr.trim().split('\n').at(-1));
if (r.status === 0) {
  const truth = JSON.parse(readFileSync(join(root, 'demo/media/hard-session-clip.json'), 'utf8')).sentences;
  const cues = cueTimes(readFileSync(out, 'utf8'));
  check('one cue per sentence of the text', cues.length === truth.length, `${cues.length} cues, ${truth.length} sentences`);
  const edges = [];
  truth.forEach((t, k) => {
    if (!t.spoken || !cues[k]) return;
    edges.push(Math.abs(cues[k].start - t.start) * 1000, Math.abs(cues[k].end - t.end) * 1000);
  });
  edges.sort((a, b) => a - b);
  const median = edges[edges.length >> 1];
  const within = edges.filter((e) => e <= 250).length / edges.length;
  const max = edges[edges.length - 1];
  check('sentence edges: median within 40 ms of the truth', median <= 40, `median ${median.toFixed(0)} ms`);
  check('sentence edges: 85 % within 250 ms, none over 500 ms', within >= 0.85 && max <= 500, `${(within * 100).toFixed(0)} % within 250 ms, max ${max.toFixed(0)} ms`);
  const words = [...readFileSync(out, 'utf8').matchAll(/<\d{2}:\d{2}:\d{2}\.\d{3}>/g)].length;
  check('word times written as WebVTT timestamps', words > 80, `${words} timestamps`);
  const ids = [...readFileSync(out, 'utf8').matchAll(/^(.+)\n(?:\d+:)?\d{2}:\d{2}\.\d{3} -->/gm)].map((m) => m[1]);
  const unspoken = ids[truth.findIndex((t) => !t.spoken)];
  const listed = /cues with few words matched: (.*)$/m.exec(r.stderr)?.[1].split(', ') ?? [];
  check('the sentence the clip lacks is reported for review, and only it', listed.length === 1 && listed[0] === unspoken, `${unspoken}; listed: ${listed.join(', ')}`);
}

const bad = cueline('align', media, 'demo/media/hard-session-clip.txt', '--captions', join(work, 'nothing.json'), '-o', join(work, 'x.vtt'));
check('a missing captions file fails with exit 1', bad.status === 1, bad.stderr.trim());
writeFileSync(join(work, 'broken.json'), '{"segments": [{"start": 0, "end": 1, "words": [{"word": "hi", "start": "soon"}]}, ]}');
const json = cueline('align', media, 'demo/media/hard-session-clip.txt', '--captions', join(work, 'broken.json'), '-o', join(work, 'x.vtt'));
check('broken JSON fails naming line and column', json.status === 1 && /line 1, column \d+/.test(json.stderr), json.stderr.trim());

const failed = results.filter((ok) => !ok).length;
console.log(failed ? `cli-test: ${failed} of ${results.length} checks failed` : `cli-test: all ${results.length} checks passed`);
process.exitCode = failed ? 1 : 0;
