import {
  sessionFromPlainText,
  sessionFromSRT,
  sessionFromWebVTT,
  type EditorSession,
  type ImportError,
} from '../../core/editor/index.js';

/** Transcript formats the editor opens. */
export type TranscriptFormat = 'webvtt' | 'srt' | 'text';

/** What opening a transcript gave: a session, or the problems that stopped it. */
export type ImportResult = { ok: true; session: EditorSession; format: TranscriptFormat } | { ok: false; errors: readonly ImportError[]; format: TranscriptFormat };

const SRT_START = /^\s*\d+\s*\r?\n\s*\d+:\d{1,2}:\d{1,2}[,.]\d{1,3}\s*-->/;

/** The format of a transcript, from its name and then its first bytes. */
export function detectFormat(text: string, name = ''): TranscriptFormat {
  const n = name.toLowerCase();
  if (n.endsWith('.vtt')) return 'webvtt';
  if (n.endsWith('.srt')) return 'srt';
  const head = text.replace(/^\uFEFF/, '');
  if (head.startsWith('WEBVTT')) return 'webvtt';
  if (SRT_START.test(head)) return 'srt';
  return 'text';
}

/**
 * Errors after which every cue is still there: a cue that ends before it
 * starts is imported, and the checks show it with a one-step fix.
 */
const KEEPS_CONTENT: ReadonlySet<string> = new Set(['bad-timing']);

/**
 * Parses a transcript (and an optional chapters WebVTT file). Any problem
 * that drops content rejects the import as a whole: a bad cue silently
 * dropped would be lost on export, so the user fixes the file (the errors
 * name line and column).
 */
export function importTranscript(text: string, name: string, chapters: string | null, duration?: number): ImportResult {
  const format = detectFormat(text, name);
  let session: EditorSession;
  if (format === 'webvtt') session = sessionFromWebVTT(text, chapters);
  else if (format === 'srt') session = sessionFromSRT(text);
  else session = sessionFromPlainText(text, duration && Number.isFinite(duration) ? { duration } : {});
  const blocking = session.errors.filter((e) => !KEEPS_CONTENT.has(e.code));
  if (blocking.length) return { ok: false, errors: blocking, format };
  if (!session.cues.length) {
    return { ok: false, format, errors: [{ code: 'no-cues', message: 'The file holds no cues.', source: 'transcript', line: 1, column: 1, fatal: true }] };
  }
  return { ok: true, session, format };
}

/** "name.vtt, line 3, column 14: message" — how an import error is shown and reported. */
export function describeError(e: ImportError, fileName: string): string {
  return `${fileName || e.source}, line ${e.line}, column ${e.column}: ${e.message}`;
}

/** Whether a dropped or picked file is a recording (by type, then by extension). */
export function isMediaFile(file: File): boolean {
  return /^(audio|video)\//.test(file.type) || /\.(mp4|m4a|m4v|mp3|wav|ogg|oga|opus|webm|aac|flac|mov)$/i.test(file.name);
}

/** Whether a WebVTT file is a chapters file, by its name (`talk.chapters.vtt`). */
export function isChaptersFile(file: File): boolean {
  return /chapters?\.vtt$/i.test(file.name);
}
