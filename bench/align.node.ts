/** Runs the alignment-accuracy measurement (bench/align-accuracy.ts) under `npm run bench` and returns its report. */
export default async (): Promise<string> => {
  const lines: string[] = [];
  const log = console.log;
  console.log = (...args: unknown[]) => void lines.push(args.join(' '));
  try {
    await import('./align-accuracy.js');
  } finally {
    console.log = log;
  }
  return `Seed session: untimed plain text aligned against the synthesized recording with no anchors; errors against the synthesizer's exact timings. Target for (b): median under 80 ms, p90 under 250 ms.\n\n\`\`\`\n${lines.join('\n')}\n\`\`\``;
};
