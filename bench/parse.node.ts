import { readFileSync } from 'node:fs';
import { runParseBench } from './parse.shared.js';

export default (): Promise<string> => runParseBench(readFileSync('timings/try-rust-with-francesco-ciulla.vtt', 'utf8'));
