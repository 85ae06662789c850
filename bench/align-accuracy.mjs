// Bundles bench/align-accuracy.ts with esbuild (Node cannot run .ts) and runs it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const out = join(mkdtempSync(join(tmpdir(), 'cueline-bench-')), 'align-accuracy.mjs');
execFileSync('npx', ['esbuild', '--bundle', '--platform=node', '--format=esm', '--log-level=warning', 'bench/align-accuracy.ts', `--outfile=${out}`], { stdio: 'inherit' });
await import(out);
