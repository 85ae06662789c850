import { sessionToWebVTT, type EditorSession } from '../../core/editor/index.js';

/** A file name safe on every system, from untrusted text (a file name the user opened). */
export function safeBaseName(name: string): string {
  const base = name
    .replace(/^.*[\\/]/, '')
    .replace(/(\.chapters)?\.(vtt|srt|txt)$/i, '')
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 80);
  return /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(base) || !base ? 'transcript' : base;
}

/** The two download links of an export. */
export interface ExportLinks {
  transcript: { href: string; name: string };
  chapters: { href: string; name: string };
  /** The session they were made from. */
  session: EditorSession;
}

/** Writes the session and makes Blob URLs for it; revoke them with `revokeExport`. */
export function makeExport(session: EditorSession, name: string): ExportLinks {
  const { transcript, chapters } = sessionToWebVTT(session);
  const base = safeBaseName(name);
  const url = (text: string): string => URL.createObjectURL(new Blob([text], { type: 'text/vtt' }));
  return {
    transcript: { href: url(transcript), name: `${base}.vtt` },
    chapters: { href: url(chapters), name: `${base}.chapters.vtt` },
    session,
  };
}

export function revokeExport(links: ExportLinks | null): void {
  if (!links) return;
  URL.revokeObjectURL(links.transcript.href);
  URL.revokeObjectURL(links.chapters.href);
}

/** Replaces `links` with links for `session` (none for null), revoking the old URLs. */
export function remakeExport(links: ExportLinks | null, session: EditorSession | null, name: string): ExportLinks | null {
  revokeExport(links);
  return session ? makeExport(session, name) : null;
}
