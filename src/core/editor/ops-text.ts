import { escapeCueText, joinVoice, plainText, splitPayload, splitVoice } from './cue-text.js';
import { MIN_CUE_LENGTH, ms, shiftNotes, withSpeakers, type EditChapter, type EditCue, type EditorSession } from './session.js';

/**
 * Structure and text operations: split, merge, remove, text, speaker,
 * chapter titles, anchors. Each returns a new session, or the same object
 * when the operation does not apply (out of range, or refused as documented).
 */

function replaceCues(session: EditorSession, cues: EditCue[]): EditorSession {
  return { ...session, cues: withSpeakers(cues) };
}

/** An id not used by any cue: `<id>-2`, `<id>-3`, … ('' stays '': WebVTT ids are optional). */
function freshId(cues: readonly EditCue[], id: string): string {
  if (!id) return '';
  const used = new Set(cues.map((c) => c.id));
  let k = 2;
  while (used.has(`${id}-${k}`)) k++;
  return `${id}-${k}`;
}

/** Chapter cue ranges after inserting (`delta` 1) or removing (-1) the cue at `index`. */
function shiftChapters(chapters: readonly EditChapter[], index: number, delta: number): EditChapter[] {
  return chapters.map((ch) => {
    const startCue = ch.startCue > index ? Math.max(index, ch.startCue + delta) : ch.startCue;
    const endCue = ch.endCue > index ? Math.max(startCue, ch.endCue + delta) : ch.endCue;
    return startCue === ch.startCue && endCue === ch.endCue ? ch : { ...ch, startCue, endCue };
  });
}

/**
 * Splits cue `index` at `textOffset` (an offset into its plain text, as a
 * caret in the displayed text gives it). The second half gets a new id
 * (`<id>-2`) and starts at `time`, or, by default, where the text length puts
 * it. Markup open at the cut (the voice, italics) carries into both halves.
 * Refused when either half would be empty or shorter than `MIN_CUE_LENGTH`.
 */
export function splitCue(session: EditorSession, index: number, textOffset: number, time?: number): EditorSession {
  const cue = session.cues[index];
  if (!cue) return session;
  const { head, tail } = splitPayload(cue.text, textOffset);
  const a = plainText(head);
  const b = plainText(tail);
  if (!a || !b || cue.endTime - cue.startTime < 2 * MIN_CUE_LENGTH) return session;
  const guess = cue.startTime + ((cue.endTime - cue.startTime) * a.length) / (a.length + b.length);
  const t = ms(Math.min(cue.endTime - MIN_CUE_LENGTH, Math.max(cue.startTime + MIN_CUE_LENGTH, time ?? guess)));
  const fixed = cue.fixed && time !== undefined;
  const first: EditCue = { ...cue, text: head, endTime: t, fixed };
  const second: EditCue = { ...cue, id: freshId(session.cues, cue.id), text: tail, startTime: t, fixed };
  const cues = [...session.cues.slice(0, index), first, second, ...session.cues.slice(index + 1)];
  return {
    ...replaceCues(session, cues),
    chapters: shiftChapters(session.chapters, index, 1),
    doc: { ...session.doc, notes: shiftNotes(session.doc.notes, index, 1) },
  };
}

/**
 * Merges cue `index` with the next one: one cue over both spans, the texts
 * joined by a space, the first cue's id and settings. Refused across a
 * change of speaker or a chapter start (change the speaker or the chapter
 * first).
 */
export function mergeCues(session: EditorSession, index: number): EditorSession {
  const a = session.cues[index];
  const b = session.cues[index + 1];
  if (!a || !b || a.speaker !== b.speaker || session.chapters.some((ch) => ch.startCue === index + 1)) return session;
  const va = splitVoice(a.text);
  const body = `${va.body.trimEnd()} ${splitVoice(b.text).body.trimStart()}`;
  const merged: EditCue = {
    ...a,
    text: va.voice === null ? body : joinVoice(va.voice, body),
    startTime: Math.min(a.startTime, b.startTime),
    endTime: Math.max(a.endTime, b.endTime),
    fixed: a.fixed && b.fixed,
    timed: a.timed || b.timed,
  };
  const cues = [...session.cues.slice(0, index), merged, ...session.cues.slice(index + 2)];
  return {
    ...replaceCues(session, cues),
    chapters: shiftChapters(session.chapters, index + 1, -1),
    doc: { ...session.doc, notes: shiftNotes(session.doc.notes, index + 1, -1) },
  };
}

/** Removes cue `index` (text that is not in the recording). Chapters and notes keep their places. */
export function removeCue(session: EditorSession, index: number): EditorSession {
  if (!session.cues[index]) return session;
  const cues = session.cues.filter((_, i) => i !== index);
  return {
    ...replaceCues(session, cues),
    chapters: shiftChapters(session.chapters, index, -1),
    doc: { ...session.doc, notes: shiftNotes(session.doc.notes, index, -1) },
  };
}

/**
 * Replaces the text of cue `index`. `text` is cue text (markup allowed);
 * unless it starts with its own `<v …>` tag, the cue's leading voice is kept
 * in front of it.
 */
export function setCueText(session: EditorSession, index: number, text: string): EditorSession {
  const cue = session.cues[index];
  if (!cue) return session;
  const payload = /^\s*<v[\s.]/.test(text) ? text : joinVoice(splitVoice(cue.text).voice, text);
  if (payload === cue.text) return session;
  return replaceCues(session, session.cues.map((c, i) => (i === index ? { ...c, text: payload } : c)));
}

/** Options for `setSpeaker`. */
export interface SpeakerOptions {
  /**
   * 'turn' (default): cues after this one that carry no voice of their own
   * follow the new speaker, as a reader of the file would attribute them.
   * 'cue': only this cue changes; the next cue is pinned to the old speaker.
   */
  scope?: 'turn' | 'cue';
}

/** Sets the speaker of cue `index` by rewriting its leading `<v>` voice ('' removes the voice). */
export function setSpeaker(session: EditorSession, index: number, speaker: string, options: SpeakerOptions = {}): EditorSession {
  const cue = session.cues[index];
  if (!cue) return session;
  const name = speaker.trim();
  const text = joinVoice(name || null, splitVoice(cue.text).body);
  if (text === cue.text) return session;
  const cues = [...session.cues];
  cues[index] = { ...cue, text };
  const next = cues[index + 1];
  if (options.scope === 'cue' && next && splitVoice(next.text).voice === null && next.speaker === cue.speaker && cue.speaker) {
    cues[index + 1] = { ...next, text: joinVoice(cue.speaker, next.text) };
  }
  return { ...session, cues: withSpeakers(cues) };
}

/** Sets the title of chapter `index` from plain text (escaped as cue text). */
export function retitleChapter(session: EditorSession, index: number, title: string): EditorSession {
  const ch = session.chapters[index];
  const payload = escapeCueText(title.trim());
  if (!ch || ch.title === payload) return session;
  return { ...session, chapters: session.chapters.map((c, i) => (i === index ? { ...c, title: payload } : c)) };
}

/** Marks cues as editor-confirmed anchors (`fixed`), or releases them. */
export function setFixed(session: EditorSession, indices: number | readonly number[], fixed = true): EditorSession {
  const set = new Set(typeof indices === 'number' ? [indices] : indices);
  let changed = false;
  const cues = session.cues.map((c, i) => {
    if (!set.has(i) || c.fixed === fixed) return c;
    changed = true;
    return { ...c, fixed, timed: c.timed || fixed };
  });
  return changed ? { ...session, cues } : session;
}
