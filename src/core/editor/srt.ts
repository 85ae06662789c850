import { escapeCueText, joinVoice } from './cue-text.js';
import { MAX_HOURS } from '../webvtt/timestamp.js';
import { createSession, DEFAULT_SETTINGS, type EditCue, type EditorSession, type ImportError } from './session.js';

/**
 * SubRip import. SRT has no voices: a line starting `Name: ` becomes the
 * cue's voice. `<i>`, `<b>`, `<u>` carry over; `<font>` and ASS override tags
 * (`{\an8}`) are dropped. Problems are collected with their line and column.
 */

const TIMING = /^(\d+):(\d{1,2}):(\d{1,2})[,.](\d{1,3})\s*-->\s*(\d+):(\d{1,2}):(\d{1,2})[,.](\d{1,3})(?:\s.*)?$/;
/** A speaker label: a capitalised name of one to four words, then `: `. */
const SPEAKER_LABEL = /^(\p{Lu}[\p{L}.'’-]*(?: [\p{L}.'’-]+){0,3}):\s+/u;

function seconds(h: string, m: string, s: string, frac: string): number {
  return Number(h) * 3600 + Number(m) * 60 + Number(s) + Number(frac.padEnd(3, '0')) / 1000;
}

/** SRT markup to WebVTT cue text: keep i/b/u, escape the rest. */
function toPayload(lines: string[]): { voice: string | null; body: string } {
  let text = lines.join('\n').replace(/\{\\[^}]*\}/g, '');
  let voice: string | null = null;
  const label = SPEAKER_LABEL.exec(text);
  if (label) {
    voice = label[1]!;
    text = text.slice(label[0].length);
  }
  const parts = text.split(/(<\/?[ibu]>)/i);
  const body = parts
    .map((p, i) => (i % 2 ? p.toLowerCase() : escapeCueText(p.replace(/<\/?font[^>]*>/gi, ''))))
    .join('');
  return { voice, body };
}

/** Opens a SubRip (.srt) file as a timed session. */
export function sessionFromSRT(text: string): EditorSession {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const errors: ImportError[] = [];
  const cues: EditCue[] = [];
  const fail = (code: string, message: string, line: number, column = 1): void => {
    errors.push({ code, message, source: 'transcript', line, column, fatal: false });
  };
  let i = 0;
  while (i < lines.length) {
    while (i < lines.length && lines[i]!.trim() === '') i++;
    if (i >= lines.length) break;
    const blockStart = i;
    let id = lines[i]!.trim();
    if (TIMING.test(id)) {
      fail('missing-srt-index', 'Cue has no sequence number before its timing line.', i + 1);
      id = '';
    } else {
      if (!/^\d+$/.test(id)) fail('bad-srt-index', `Expected a cue number, found "${id}".`, i + 1);
      i++;
    }
    const timing = TIMING.exec(lines[i]?.trim() ?? '');
    if (!timing) {
      const found = lines[i] ?? '';
      fail('bad-timestamp', `Expected "00:00:00,000 --> 00:00:00,000", found "${found.trim()}".`, i + 1, found.search(/\S/) + 1 || 1);
      while (i < lines.length && lines[i]!.trim() !== '') i++;
      continue;
    }
    const [, h1, m1, s1, f1, h2, m2, s2, f2] = timing as unknown as string[];
    const huge = Number(h1) > MAX_HOURS ? 1 : Number(h2) > MAX_HOURS ? 2 : 0;
    if (huge) {
      // Such a time cannot be held to the millisecond, nor written back as WebVTT: the cue is skipped.
      const line = lines[i]!;
      const column = huge === 1 ? line.search(/\d/) + 1 : line.indexOf('-->') + 4 + (line.slice(line.indexOf('-->') + 3).search(/\d/));
      fail('bad-timestamp', `Cue ${huge === 1 ? 'start' : 'end'} time has more than ${MAX_HOURS} hours; cue skipped.`, i + 1, column);
      while (i < lines.length && lines[i]!.trim() !== '') i++;
      continue;
    }
    const startTime = seconds(h1!, m1!, s1!, f1!);
    const endTime = seconds(h2!, m2!, s2!, f2!);
    i++;
    const payload: string[] = [];
    while (i < lines.length && lines[i]!.trim() !== '') payload.push(lines[i++]!);
    if (!payload.length) fail('empty-cue', 'Cue has no text.', blockStart + 1);
    const { voice, body } = toPayload(payload);
    cues.push({ id, startTime, endTime, text: joinVoice(voice, body), speaker: '', fixed: false, timed: true, settings: DEFAULT_SETTINGS });
  }
  return createSession({ cues, errors });
}
