#!/usr/bin/env node
// The `cueline` command: thin over the built command line (dist/cli, from src/cli).
import { main } from '../dist/cli/index.js';

process.exitCode = await main(process.argv.slice(2));
