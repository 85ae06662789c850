import { runParseBench } from './parse.shared.js';

export default async (): Promise<string> => runParseBench(await (await fetch('/timings/try-rust-with-francesco-ciulla.vtt')).text());
