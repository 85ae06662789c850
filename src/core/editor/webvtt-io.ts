import { parseWebVTT, serializeWebVTT } from '../webvtt/index.js';
import type { WebVTTDocument, WebVTTError, WebVTTNote } from '../webvtt/types.js';
import {
  chapterRanges,
  createSession,
  latestEnd,
  settingsOf,
  toWebVTTCue,
  type EditChapter,
  type EditCue,
  type EditorSession,
  type ImportError,
} from './session.js';

/**
 * Editor state that WebVTT has no field for (which cues are anchors, which
 * are still untimed) travels in one NOTE block at the end of the transcript,
 * so importing an export gives back the same session. Cues are named by
 * index, since WebVTT ids are optional and need not be unique.
 */
const STATE_NOTE = 'cueline-editor ';

interface EditorState {
  cues: number;
  fixed: number[];
  untimed: number[];
  /** Media duration when it differs from the last cue end. */
  duration?: number;
}

function readState(notes: readonly WebVTTNote[], cueCount: number): { notes: WebVTTNote[]; state: EditorState | null } {
  let state: EditorState | null = null;
  const kept = notes.filter((n) => {
    if (!n.text.startsWith(STATE_NOTE)) return true;
    try {
      const value = JSON.parse(n.text.slice(STATE_NOTE.length)) as Partial<EditorState>;
      if (value.cues === cueCount && Array.isArray(value.fixed) && Array.isArray(value.untimed)) {
        state = { cues: value.cues, fixed: value.fixed, untimed: value.untimed };
        if (typeof value.duration === 'number') state.duration = value.duration;
      }
    } catch {
      return true;
    }
    return false;
  });
  return { notes: kept, state };
}

function importErrors(errors: readonly WebVTTError[], source: ImportError['source']): ImportError[] {
  return errors.map((e) => ({ code: e.code, message: e.message, source, line: e.line, column: e.column, fatal: e.fatal }));
}

/** The document's blocks without its cues and errors: the session holds those. */
function shell(doc: WebVTTDocument, notes: WebVTTNote[] = doc.notes): WebVTTDocument {
  return { header: doc.header, cues: [], regions: doc.regions, styles: doc.styles, notes, errors: [] };
}

/**
 * Opens a transcript WebVTT file, and optionally its chapters file (one cue
 * per question, as the seed sessions have). Cues keep their ids, payloads,
 * settings and file order; NOTE, STYLE and REGION blocks are kept for export.
 * Parse problems are returned in `errors`, never thrown.
 */
export function sessionFromWebVTT(transcriptText: string, chaptersText?: string | null): EditorSession {
  const doc = parseWebVTT(transcriptText);
  const { notes, state } = readState(doc.notes, doc.cues.length);
  const fixed = new Set(state?.fixed ?? []);
  const untimed = new Set(state?.untimed ?? []);
  const cues: EditCue[] = doc.cues.map((c, i) => ({
    id: c.id,
    startTime: c.startTime,
    endTime: c.endTime,
    text: c.text,
    speaker: '',
    fixed: fixed.has(i),
    timed: !untimed.has(i),
    settings: settingsOf(c),
  }));
  const errors = importErrors(doc.errors, 'transcript');
  let chaptersDoc: WebVTTDocument | null = null;
  let chapters: EditChapter[] = [];
  if (chaptersText != null) {
    const cdoc = parseWebVTT(chaptersText);
    for (const e of importErrors(cdoc.errors, 'chapters')) errors.push(e);
    chaptersDoc = shell(cdoc);
    const ranges = chapterRanges(cues, cdoc.cues);
    chapters = cdoc.cues.map((c, k) => {
      const [startCue, endCue] = ranges[k]!;
      return { id: c.id, title: c.text, startCue, endCue, startTime: c.startTime, endTime: c.endTime, settings: settingsOf(c) };
    });
  }
  const session = createSession({ cues, chapters, doc: shell(doc, notes), chaptersDoc, errors });
  const duration = (state as EditorState | null)?.duration;
  return duration === undefined ? session : { ...session, duration };
}

/** The two files an export writes. */
export interface WebVTTExport {
  /** The transcript: every cue, with the original header and blocks. */
  transcript: string;
  /** The chapters: one cue per chapter. */
  chapters: string;
}

/** Options for `sessionToWebVTT`. */
export interface ExportOptions {
  /** Leave out the NOTE that records anchors and untimed cues (a clean file for publishing). Default false. */
  noEditorState?: boolean;
}

/**
 * Writes the session as WebVTT through `serializeWebVTT`. Cues the editor did
 * not touch come out as they were read (id, payload, settings), and the
 * files' NOTE, STYLE and REGION blocks are kept in place.
 */
export function sessionToWebVTT(session: EditorSession, options: ExportOptions = {}): WebVTTExport {
  const notes = [...session.doc.notes];
  const state: EditorState = { cues: session.cues.length, fixed: [], untimed: [] };
  session.cues.forEach((c, i) => {
    if (c.fixed) state.fixed.push(i);
    if (!c.timed) state.untimed.push(i);
  });
  const last = latestEnd(session.cues, session.chapters);
  if (session.duration !== last) state.duration = session.duration;
  if (!options.noEditorState && (state.fixed.length || state.untimed.length || state.duration !== undefined)) {
    notes.push({ text: STATE_NOTE + JSON.stringify(state), beforeCue: session.cues.length });
  }
  const transcript = serializeWebVTT({
    ...session.doc,
    notes,
    cues: session.cues.map((c) => toWebVTTCue(c, c.text)),
    errors: [],
  });
  const cdoc = session.chaptersDoc ?? { header: '', cues: [], regions: [], styles: [], notes: [], errors: [] };
  const chapters = serializeWebVTT({ ...cdoc, cues: session.chapters.map((c) => toWebVTTCue(c, c.title)), errors: [] });
  return { transcript, chapters };
}
