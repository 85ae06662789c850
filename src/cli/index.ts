/**
 * The `cueline` command line: `cueline <command> [options]`. One module per
 * command (`src/cli/<name>.ts`, exporting `run(argv): Promise<number>`),
 * loaded only when asked for. Exit codes: 0 done, 1 the input was bad or
 * unreadable, 2 the command line was wrong.
 */

interface Command {
  summary: string;
  load(): Promise<{ run(argv: string[]): Promise<number> }>;
}

/** The commands, by name. Each loads its module on demand. */
export const COMMANDS: Record<string, Command> = {
  align: { summary: 'Align a transcript (WebVTT or the published plain text) to a recording: acoustic, word level; writes WebVTT. With --captions <asr-file>, carries the times of existing captions (YouTube, Whisper, Gentle, SRT, VTT) onto the text.', load: () => import('./align.js') },
  html: { summary: 'Write a WebVTT transcript as semantic HTML (question headings, speaker labels, paragraphs).', load: () => import('./html.js') },
};

export function help(): string {
  const names = Object.keys(COMMANDS);
  const width = Math.max(...names.map((n) => n.length));
  return [
    'Usage: cueline <command> [options]',
    '',
    'Commands:',
    ...names.map((n) => `  ${n.padEnd(width)}  ${COMMANDS[n]!.summary}`),
    '',
    'Run `cueline <command> --help` for a command\'s options.',
    '',
  ].join('\n');
}

/** Runs the command line `argv` (without node and the script); resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '-h' || name === '--help' || name === 'help') {
    process.stdout.write(help());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`cueline: unknown command "${name}"\n\n${help()}`);
    return 2;
  }
  return (await command.load()).run(rest);
}
