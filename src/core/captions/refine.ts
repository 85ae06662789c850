import { withWordTimes } from '../align/word-times.js';
import type { Pause } from '../editor/pauses.js';
import { ms } from '../editor/session.js';
import { retime } from '../editor/spread.js';
import type { TransferResult } from './transfer.js';

/**
 * Refines transferred times against the recording's pauses: a recognizer's
 * sentence edges are rough where its format has no word ends (YouTube's
 * captions: a word lasts until the next one starts, pause included) or where
 * it missed a sentence's first or last word. An edge that lies well
 * inside a clear pause moves to that pause's edge: a sentence ends where
 * the first pause after its last word's start begins, and starts where the
 * last pause before its first word's end ends. Cues the editor fixed, and cues taken as not
 * spoken, stay as they are.
 */

/**
 * Seconds an edge must lie inside a pause to move: an edge within this of speech is the recognizer's own
 * (Whisper's, Gentle's word ends are good to a few tens of ms, better than a pause detector's edges).
 */
const DEEP = 0.1;
/** Shortest pause an edge snaps to, seconds. */
const MIN_PAUSE = 0.12;

export function refineWithPauses(result: TransferResult, pauses: readonly Pause[]): TransferResult {
  const clear = pauses.filter((p) => p.end - p.start >= MIN_PAUSE);
  if (!clear.length) return result;
  const cues = result.session.cues;
  const words = result.words.map((ws) => ws.map((w) => ({ ...w })));
  const out = cues.map((c, k) => {
    if (c.fixed || result.unspoken.includes(k)) return c;
    const ws = words[k]!;
    const first = ws[0];
    const last = ws[ws.length - 1];
    if (!first || !last) return c;
    let start = c.startTime;
    let end = c.endTime;
    // The first pause that begins after the last word began and well before the transferred end.
    const after = clear.find((p) => p.start > last.start + 0.05 && p.start < end - DEEP);
    if (after) end = Math.max(last.start + 0.05, after.start);
    // The last pause that ends before the first word ends and well after the transferred start.
    let before: Pause | undefined;
    for (const p of clear) {
      if (p.end >= first.end - 0.05) break;
      if (p.end > start + DEEP) before = p;
    }
    if (before) start = Math.min(first.end - 0.05, before.end);
    if (start === c.startTime && end === c.endTime) return c;
    start = ms(start);
    end = ms(Math.max(start, end));
    first.start = start;
    last.end = end;
    return { ...c, startTime: start, endTime: end, text: withWordTimes(c.text, ws.map((w) => w.start), start, end) };
  });
  // Never over a neighbour.
  for (let k = 1; k < out.length; k++) {
    const prev = out[k - 1]!;
    const cur = out[k]!;
    if (cur.startTime < prev.endTime) {
      if (!cur.fixed && cur !== cues[k]) out[k] = { ...cur, startTime: prev.endTime, endTime: Math.max(prev.endTime, cur.endTime) };
      else if (!prev.fixed) out[k - 1] = { ...prev, endTime: Math.max(prev.startTime, cur.startTime) };
    }
  }
  const session = retime(result.session, out);
  const boundaries = result.boundaries.map((b) => ({ ...b, end: out[b.boundary - 1]?.endTime, start: out[b.boundary]?.startTime, snapped: b.snapped || out[b.boundary] !== cues[b.boundary] || out[b.boundary - 1] !== cues[b.boundary - 1] }));
  return { ...result, session, boundaries, words, pauses: [...pauses], speech: { duration: session.duration, pauses } };
}

/** Whether captions of `format` lack real word ends, so `refineWithPauses` improves their edges. */
export function needsPauseRefinement(format: string): boolean {
  return format !== 'whisper' && format !== 'gentle';
}
