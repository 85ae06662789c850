/**
 * Small helpers over a cue payload (the WebVTT cue text, markup included) that
 * the editor needs while keeping the payload itself as the source of truth:
 * the leading voice, the text a reader sees, and where a reader's caret
 * offset falls in the payload.
 *
 * @see https://www.w3.org/TR/webvtt1/#cue-text-parsing-rules
 */

/** A leading `<v Name>` (optionally with classes) and what follows it. */
const LEADING_VOICE = /^\s*<v(?:\.[^\s>]*)?[ \t]+([^>]*)>/;

/** The payload split into its leading voice tag and the rest. */
export interface VoiceSplit {
  /** The voice name of a leading `<v>` tag, trimmed; null when the payload starts otherwise. */
  voice: string | null;
  /** The payload after that tag, with a trailing `</v>` removed. */
  body: string;
}

/** Splits a payload into its leading voice (if any) and the body after it. */
export function splitVoice(payload: string): VoiceSplit {
  const m = LEADING_VOICE.exec(payload);
  if (!m) return { voice: null, body: payload };
  return { voice: m[1]!.trim(), body: payload.slice(m[0].length).replace(/<\/v>\s*$/, '') };
}

/** `<v Name>body`, or just the body when `voice` is null or empty. */
export function joinVoice(voice: string | null, body: string): string {
  return voice ? `<v ${escapeAnnotation(voice)}>${body}` : body;
}

/** Escapes text so it reads back verbatim as cue text. */
export function escapeCueText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A voice annotation ends at `>`; keep it on one line. */
function escapeAnnotation(name: string): string {
  return name.replace(/&/g, '&amp;').replace(/>/g, '&gt;').replace(/[\r\n]+/g, ' ');
}

const NAMED: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', nbsp: '\u00a0', lrm: '\u200e', rlm: '\u200f', quot: '"', apos: "'",
};
const REFERENCE = /^&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);/;

function decodeReference(ref: string): string | null {
  if (ref.startsWith('#')) {
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : null;
  }
  return NAMED[ref] ?? null;
}

/** One step of walking a payload: a tag, or one character of text with its payload span. */
type Token =
  | { kind: 'tag'; from: number; to: number; name: string; closing: boolean; raw: string }
  | { kind: 'char'; from: number; to: number; value: string };

function* tokens(payload: string): Generator<Token> {
  let i = 0;
  while (i < payload.length) {
    const c = payload[i]!;
    if (c === '<') {
      const close = payload.indexOf('>', i);
      const to = close < 0 ? payload.length : close + 1;
      const raw = payload.slice(i, to);
      const closing = raw[1] === '/';
      const name = /^<\/?([a-z]+|[0-9:.]+)/i.exec(raw)?.[1] ?? '';
      yield { kind: 'tag', from: i, to, name, closing, raw };
      i = to;
    } else if (c === '&') {
      const m = REFERENCE.exec(payload.slice(i, i + 40));
      const decoded = m ? decodeReference(m[1]!) : null;
      if (m && decoded !== null) {
        yield { kind: 'char', from: i, to: i + m[0].length, value: decoded };
        i += m[0].length;
      } else {
        yield { kind: 'char', from: i, to: i + 1, value: c };
        i++;
      }
    } else {
      yield { kind: 'char', from: i, to: i + 1, value: /[\r\n]/.test(c) ? ' ' : c };
      i++;
    }
  }
}

/** The text a reader sees: markup removed, references decoded, line breaks as spaces, trimmed. */
export function plainText(payload: string): string {
  let out = '';
  for (const t of tokens(payload)) if (t.kind === 'char') out += t.value;
  return out.trim();
}

/** Payload text cut at a reader's offset, each half a valid payload on its own. */
export interface PayloadSplit {
  head: string;
  tail: string;
}

/**
 * Cuts a payload at `offset` into `plainText(payload)`. Whitespace at the cut
 * is dropped. Elements open at the cut (a voice, an italic run) are left
 * implicitly closed in the head, as WebVTT allows, and reopened at the start
 * of the tail so both halves read as before.
 */
export function splitPayload(payload: string, offset: number): PayloadSplit {
  const lead = rawPlain(payload).length - rawPlain(payload).trimStart().length;
  const target = offset + lead;
  const open: { name: string; raw: string }[] = [];
  let seen = 0;
  let cut = payload.length;
  for (const t of tokens(payload)) {
    if (seen >= target) {
      cut = t.from;
      break;
    }
    if (t.kind === 'char') seen++;
    else if (t.closing) {
      const at = open.map((o) => o.name).lastIndexOf(t.name);
      if (at >= 0) open.splice(at);
    } else if (/^[a-z]/i.test(t.name)) open.push({ name: t.name, raw: t.raw });
  }
  const head = payload.slice(0, cut).replace(/\s+$/, '');
  const rest = payload.slice(cut).replace(/^\s+/, '');
  return { head, tail: open.map((o) => o.raw).join('') + rest };
}

function rawPlain(payload: string): string {
  let out = '';
  for (const t of tokens(payload)) if (t.kind === 'char') out += t.value;
  return out;
}
