import { compare, table } from './align-compare.js';

/**
 * `npm run bench -- align`: the seed figures of the pause aligner
 * (bench/align-accuracy.ts), then the pause aligner and the acoustic
 * aligner side by side on the seed, the hard session and its transformed
 * copy (bench/align-compare.ts).
 */
export default async (): Promise<string> => {
  const lines: string[] = [];
  const log = console.log;
  console.log = (...args: unknown[]) => void lines.push(args.join(' '));
  try {
    await import('./align-accuracy.js');
  } finally {
    console.log = log;
  }
  const rows = await compare((line) => console.error(line));
  return [
    `Seed session: untimed plain text aligned against the synthesized recording with no anchors; errors against the synthesizer's exact timings. Target for (b): median under 80 ms, p90 under 250 ms.\n\n\`\`\`\n${lines.join('\n')}\n\`\`\``,
    'Side by side (bench/align-compare.ts): sentence edges against exact truth (the unspoken sentence left out), word edges (acoustic and timing transfer), review flags, time per minute of audio (decoding excluded). Timing transfer reads demo/media/hard-session.asr.json: a simulated recognizer’s Whisper JSON made from the truth with 10 % word errors and its own timing jitter (`npm run synth -- asr`, fixed seed).',
    table(rows),
  ].join('\n\n');
};
