/**
 * Bundle budgets of the CDN build (issue 11), min + gzip (level 9): builds `dist/cdn/` with
 * vite.cdn.config.ts, then reports each file and splits the player's file into Cueline's own code, lit
 * and media-chrome by its source map (each part's minified bytes gzipped on their own, so the parts add
 * up to a little more than the whole). Budgets: the player page (`cueline.js`) under 70 KB, Cueline's own
 * code in it under 25 KB. Reported, not asserted.
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

export default async function run(): Promise<string> {
  buildCdn();
  const files = readdirSync(cdn).filter((f) => f.endsWith('.js'));
  const rows = files.map((f) => {
    const text = readFileSync(resolve(cdn, f));
    return `| \`dist/cdn/${f}\` | ${kb(text.length)} | ${kb(gz(text))} |`;
  });
  const player = resolve(cdn, 'cueline.js');
  const total = gz(readFileSync(player));
  const parts = existsSync(`${player}.map`) ? split(player) : new Map();
  const own = parts.get('Cueline')?.gzip ?? NaN;
  const partRows = [...parts].sort((a, b) => b[1].gzip - a[1].gzip).map(([b, s]) => `| ${b} | ${kb(s.min)} | ${kb(s.gzip)} |`);
  return [
    '| file | min | min + gzip |',
    '| --- | ---: | ---: |',
    ...rows,
    '',
    '`cueline.js` by origin (from its source map; each part gzipped alone):',
    '',
    '| part | min | min + gzip |',
    '| --- | ---: | ---: |',
    ...partRows,
    '',
    `Budgets (issue 11): the player page \`cueline.js\` ${kb(total)} of 70 KB (${total <= 70 * 1024 ? 'within' : 'over'}); ` +
      `Cueline's own code ${kb(own)} of 25 KB (${own <= 25 * 1024 ? 'within' : 'over'}). ` +
      'The chunks beside it load only on demand (HTML\'s full named-reference table, for a file that uses a rare `&name;`; the editor\'s Worker).',
  ].join('\n');
}
