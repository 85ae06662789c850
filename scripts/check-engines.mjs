#!/usr/bin/env node
// The Node version README gives ("Node 20.19+") is the one package.json's `engines` declares, and every
// package the lockfile installs accepts it: otherwise `npm ci` on a fresh machine prints EBADENGINE
// warnings, and the tools may really need a newer Node than the project says.
// Optional packages are left out: npm skips an optional package whose engines do not match, silently.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import semver from 'semver';

const root = resolve(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));
const lock = JSON.parse(readFileSync(resolve(root, 'package-lock.json'), 'utf8'));
const readme = readFileSync(resolve(root, 'README.md'), 'utf8');

const problems = [];
const declared = pkg.engines?.node;
const oldest = declared && semver.minVersion(declared);
if (!oldest) problems.push(`package.json: engines.node is missing or not a range (${declared})`);

const said = /\bNode (\d+\.\d+(?:\.\d+)?)\+/.exec(readme)?.[1];
if (!said) problems.push('README.md: no "Node X.Y+" requirement found');
else if (oldest && semver.coerce(said)?.version !== oldest.version) {
  problems.push(`README.md says Node ${said}+ but package.json engines.node is "${declared}" (oldest ${oldest.version})`);
}

const versions = [oldest?.version, process.versions.node].filter(Boolean);
let checked = 0;
for (const [path, entry] of Object.entries(lock.packages ?? {})) {
  if (!path || entry.optional || entry.link) continue;
  checked++;
  const range = entry.engines?.node;
  if (!range) continue;
  for (const v of versions) {
    if (!semver.satisfies(v, range, { includePrerelease: true })) {
      problems.push(`${path.replace(/^.*node_modules\//, '')}@${entry.version} wants node "${range}", not ${v}`);
    }
  }
}

if (problems.length) {
  console.error(`check-engines: ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`check-engines: all ${checked} installed packages accept Node ${versions.join(' and ')} (README: Node ${said}+)`);
