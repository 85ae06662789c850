/**
 * Bundle budgets of the CDN build (issue 11), min + gzip (level 9): builds `dist/cdn/` with
 * vite.cdn.config.ts, then reports each file and splits the player's file into Cueline's own code, lit
 * and media-chrome by its source map (each part's minified bytes gzipped on their own, so the parts add
 * up to a little more than the whole). Budgets: what the player page loads up front (`cueline.js` and any file
 * it imports statically) under 70 KB, Cueline's own code in it under 25 KB. Chunks loaded on demand (`import()`)
 * are listed with when they load, and are not in those figures. Reported, not asserted.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { TraceMap, decodedMappings } from '@jridgewell/trace-mapping';

// Run from the project folder (`npm run bench`); this module is bundled into .cache/ first.
const root = process.cwd();
const cdn = resolve(root, 'dist/cdn');
const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;
const gz = (s: string | Buffer): number => gzipSync(s, { level: 9 }).length;

function buildCdn(): void {
  const vite = resolve(root, 'node_modules/.bin/vite');
  for (const mode of ['production', 'editor', 'embed']) {
    execFileSync(vite, ['build', '-c', 'vite.cdn.config.ts', '--mode', mode, '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  }
}

function bucket(source: string): string {
  if (source.includes('node_modules/media-chrome/')) return 'media-chrome';
  if (/node_modules\/(lit|lit-html|lit-element|@lit\/[^/]+)\//.test(source)) return 'lit';
  if (source.includes('node_modules/')) return 'other packages';
  return 'Cueline';
}

/**
 * Minified bytes of `file` per origin (by its source map), and each part's gzip size. Each run of characters belongs
 * to the source of the mapping that starts it, across line breaks too: a line that continues a multi-line template
 * literal (media-chrome's markup and CSS, a Lit template) has no mapping of its own and belongs to the module whose
 * literal it continues.
 */
function split(file: string): Map<string, { min: number; gzip: number }> {
  const code = readFileSync(file, 'utf8');
  const map = new TraceMap(readFileSync(`${file}.map`, 'utf8'));
  const mappings = decodedMappings(map);
  const parts = new Map<string, string[]>();
  const add = (b: string, text: string): void => {
    const list = parts.get(b) ?? [];
    list.push(text);
    parts.set(b, list);
  };
  let last = 'Cueline';
  code.split('\n').forEach((line, i) => {
    let from = 0;
    for (const seg of mappings[i] ?? []) {
      const b = seg.length > 1 ? bucket(map.sources[seg[1]!] ?? '') : last;
      if (seg[0] > from) add(last, line.slice(from, seg[0]));
      from = seg[0];
      last = b;
    }
    add(last, `${line.slice(from)}\n`);
  });
  return new Map([...parts].map(([b, chunks]) => [b, { min: chunks.join('').length, gzip: gz(chunks.join('')) }]));
}

/** Files that `file` imports statically (`import ... from "./x.js"`): a page loads them with it, up front. */
function staticImports(file: string, seen = new Set<string>()): Set<string> {
  const code = readFileSync(resolve(cdn, file), 'utf8');
  for (const m of code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["'`](\.\/[^"'`]+)["'`]/g)) {
    const dep = m[1]!.slice(2);
    if (!seen.has(dep)) {
      seen.add(dep);
      staticImports(dep, seen);
    }
  }
  return seen;
}

/** When a page loads each file of `dist/cdn/`, by its name (a file not named here is listed as "?"). */
function loadedWhen(file: string, upFront: Set<string>): string {
  if (file === 'cueline.js' || upFront.has(file)) return 'up front, by the player page';
  if (file === 'cueline-editor.js') return 'by an editor page only';
  if (file === 'cueline-embed.js') return 'by the embed page (with `cueline.js`)';
  if (file.startsWith('transcript-search-engine-')) return 'on demand: when the reader first focuses the search field';
  if (file.startsWith('char-ref-full-')) return 'on demand: for a file that uses a rare `&name;`';
  if (file.startsWith('assets/')) return "on demand: the editor's Worker";
  return '?';
}

export default async function run(): Promise<string> {
  buildCdn();
  const files = [
    ...readdirSync(cdn).filter((f) => f.endsWith('.js')),
    ...(existsSync(resolve(cdn, 'assets')) ? readdirSync(resolve(cdn, 'assets')).filter((f) => f.endsWith('.js')).map((f) => `assets/${f}`) : []),
  ];
  const upFront = staticImports('cueline.js');
  const rows = files.map((f) => {
    const text = readFileSync(resolve(cdn, f));
    return `| \`dist/cdn/${f}\` | ${kb(text.length)} | ${kb(gz(text))} | ${loadedWhen(f, upFront)} |`;
  });
  const player = resolve(cdn, 'cueline.js');
  // The player page up front: its file and whatever that imports statically (nothing today: one request).
  const total = [player, ...[...upFront].map((f) => resolve(cdn, f))].reduce((sum, f) => sum + gz(readFileSync(f)), 0);
  const parts = existsSync(`${player}.map`) ? split(player) : new Map();
  const own = parts.get('Cueline')?.gzip ?? NaN;
  const partRows = [...parts].sort((a, b) => b[1].gzip - a[1].gzip).map(([b, s]) => `| ${b} | ${kb(s.min)} | ${kb(s.gzip)} |`);
  const verdict = (n: number, budget: number): string => `${kb(n)} of ${budget} KB (${n <= budget * 1024 ? 'within' : `over by ${kb(n - budget * 1024)}`})`;
  return [
    '| file | min | min + gzip | loaded |',
    '| --- | ---: | ---: | --- |',
    ...rows,
    '',
    '`cueline.js` by origin (from its source map; each part gzipped alone):',
    '',
    '| part | min | min + gzip |',
    '| --- | ---: | ---: |',
    ...partRows,
    '',
    `Budgets (issue 11), what the player page loads up front (\`cueline.js\`${upFront.size ? ` and ${[...upFront].join(', ')}` : ', one file'}): ` +
      `the page ${verdict(total, 70)}; Cueline's own code in it ${verdict(own, 25)}. ` +
      'The on-demand chunks above are not in these figures: each loads only when its row says.',
  ].join('\n');
}
