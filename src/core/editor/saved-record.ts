import { isChapter, isCue, isDoc } from './history-pack.js';
import type { EditorSession } from './session.js';

/**
 * Checks a saved editor record read back from storage before the editor
 * uses it. What comes back is untrusted: another version of the page, a
 * store damaged by a crash or an extension, a hand-edited record. A record
 * that does not have the shape the editor writes is rejected as a whole with
 * a short reason; the caller keeps it aside and starts afresh.
 *
 * The undo history beside the session is not checked here: `unpackHistory`
 * checks it, and a bad history only costs the history.
 */

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isTime = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0;

/** Why `x` is not a session the editor can open, or null when it is one. */
export function sessionProblem(x: unknown): string | null {
  if (!isObject(x)) return 'the session is missing';
  if (!isDoc(x['doc'])) return 'the transcript document is malformed';
  if (x['chaptersDoc'] !== null && !isDoc(x['chaptersDoc'])) return 'the chapters document is malformed';
  const cues = x['cues'];
  if (!Array.isArray(cues)) return 'the cues are missing';
  const bad = cues.findIndex((c) => !isCue(c));
  if (bad >= 0) return `cue ${bad + 1} is malformed`;
  const chapters = x['chapters'];
  if (!Array.isArray(chapters)) return 'the questions are missing';
  const badCh = chapters.findIndex((c) => !isChapter(c) || c.startCue > c.endCue || c.endCue > cues.length);
  if (badCh >= 0) return `question ${badCh + 1} is malformed`;
  if (!isTime(x['duration'])) return 'the duration is not a time';
  if (!Array.isArray(x['errors'])) return 'the import problems are malformed';
  return null;
}

/** Why `x` is not a saved editor record (`{ session, savedAt, unexported, name, media, history?, seq? }`), or null when it is one. */
export function savedRecordProblem(x: unknown): string | null {
  if (!isObject(x)) return 'the record is not an object';
  const session = sessionProblem(x['session']);
  if (session) return session;
  const meta = savedMetaProblem(x);
  if (meta) return meta;
  const seq = x['seq'];
  if (seq !== undefined && !(Number.isInteger(seq) && (seq as number) >= 0)) return 'the journal position is malformed';
  return null;
}

/** Why `x` does not hold the facts saved beside a session (`{ savedAt, unexported, name, media }`), or null. */
export function savedMetaProblem(x: unknown): string | null {
  if (!isObject(x)) return 'the saved facts are missing';
  if (typeof x['savedAt'] !== 'number' || !Number.isFinite(x['savedAt'])) return 'the save time is missing';
  if (typeof x['unexported'] !== 'boolean') return 'the export state is missing';
  if (typeof x['name'] !== 'string') return 'the file name is missing';
  const m = x['media'];
  const mediaOk = m === null || (isObject(m) && ((m['kind'] === 'url' && typeof m['url'] === 'string') || (m['kind'] === 'file' && typeof m['name'] === 'string')));
  if (!mediaOk) return 'the recording reference is malformed';
  return null;
}

/** Narrows `x` to a session once `sessionProblem` found nothing wrong. */
export function isSession(x: unknown): x is EditorSession {
  return sessionProblem(x) === null;
}
