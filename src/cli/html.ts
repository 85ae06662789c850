/**
 * `cueline html talk.vtt [--chapters talk.chapters.vtt] [-o transcript.html]`:
 * the transcript as semantic HTML to paste into an article, which
 * `<cue-article>` then makes interactive. HTML on stdout (or `-o`), problems
 * on stderr.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { transcriptToHtml } from '../core/article/html.js';
import { buildTranscript } from '../core/transcript/index.js';
import { parseWebVTT } from '../core/webvtt/index.js';

const USAGE = `Usage: cueline html <transcript.vtt> [options]

Writes the transcript as HTML: a heading per question (from --chapters), a
paragraph per transcript paragraph, speaker labels where the speaker changes.

Options:
  --chapters <file>      Chapters WebVTT file: one chapter per question.
  --heading-level <n>    Level of the question headings, 1-6 (default 2).
  --no-q                 Label the question as asked with the asker's name, not "Q.".
  -o, --output <file>    Write to a file instead of stdout.
  -h, --help             Show this help.
`;

async function load(path: string, what: string): Promise<ReturnType<typeof parseWebVTT> | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    process.stderr.write(`cueline html: cannot read the ${what} ${path}: ${(e as Error).message}\n`);
    return null;
  }
  const parsed = parseWebVTT(text);
  const fatal = parsed.errors.find((e) => e.fatal);
  if (fatal) {
    process.stderr.write(`cueline html: ${path} is not a WebVTT file${fatal ? ` (line ${fatal.line}: ${fatal.message})` : ''}\n`);
    return null;
  }
  for (const e of parsed.errors.slice(0, 20)) process.stderr.write(`${path}:${e.line}:${e.column}: ${e.message}\n`);
  return parsed;
}

export async function run(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        chapters: { type: 'string' },
        'heading-level': { type: 'string' },
        'no-q': { type: 'boolean' },
        output: { type: 'string', short: 'o' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    process.stderr.write(`cueline html: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = args;
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (positionals.length !== 1) {
    process.stderr.write(`cueline html: give one transcript file\n\n${USAGE}`);
    return 2;
  }
  const level = values['heading-level'] === undefined ? 2 : Number(values['heading-level']);
  if (!Number.isInteger(level) || level < 1 || level > 6) {
    process.stderr.write('cueline html: --heading-level must be 1 to 6\n');
    return 2;
  }
  const cues = await load(positionals[0]!, 'transcript');
  const chapters = values.chapters ? await load(values.chapters, 'chapters') : null;
  if (!cues || (values.chapters && !chapters)) return 1;
  const t = buildTranscript(cues.cues, chapters?.cues ?? null);
  const out = transcriptToHtml(t, { headingLevel: level, questionMark: !values['no-q'] });
  if (values.output) await writeFile(values.output, out);
  else process.stdout.write(out);
  process.stderr.write(`cueline html: ${t.cues.length} cues, ${t.paragraphs.length} paragraphs, ${t.questions.length} questions\n`);
  return 0;
}
