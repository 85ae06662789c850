/**
 * Cue text: the spec's cue text tokenizer and parsing rules, producing a tree
 * of {@link CueNode}s, plus small readers over that tree.
 *
 * @see https://www.w3.org/TR/webvtt1/#cue-text-parsing-rules
 */
import type { CueElementName, CueElementNode, CueNode } from './types.js';
import { charRefEnd, consumeCharRef } from './char-refs.js';
import { isWhitespace } from './errors.js';
import { parseTimestamp } from './timestamp.js';

const enum Token {
  Text,
  StartTag,
  EndTag,
  Timestamp,
}

/** Fields of the token most recently returned by {@link nextToken}. */
let tokenValue = '';
let tokenClasses: string[] = [];
let tokenAnnotation = '';
let position = 0;

const AMP = 38;
const LT = 60;
const GT = 62;
const DOT = 46;
const SLASH = 47;

/** Tab, LF, FF or space: the characters that end a tag name or class. */
function isTagSpace(c: number): boolean {
  return c === 9 || c === 10 || c === 12 || c === 32;
}

/** Removes leading/trailing ASCII whitespace and collapses inner runs to one space. */
function normalizeAnnotation(raw: string): string {
  let out = '';
  let i = 0;
  const len = raw.length;
  while (i < len) {
    while (i < len && isWhitespace(raw.charCodeAt(i))) i++;
    const start = i;
    while (i < len && !isWhitespace(raw.charCodeAt(i))) i++;
    if (i > start) out += out === '' ? raw.slice(start, i) : ' ' + raw.slice(start, i);
  }
  return out;
}

/**
 * The "WebVTT cue text tokenizer", one token per call, starting at
 * `position` and leaving it after the token.
 *
 * @see https://www.w3.org/TR/webvtt1/#webvtt-cue-text-tokenizer
 */
function nextToken(s: string): Token {
  const len = s.length;
  let i = position;
  if (s.charCodeAt(i) !== LT) {
    // Data state: text up to the next "<", decoding character references.
    let text = '';
    let run = i;
    while (i < len) {
      const c = s.charCodeAt(i);
      if (c === LT) break;
      if (c === AMP) {
        const decoded = consumeCharRef(s, i, -1);
        if (decoded !== null) {
          text += s.slice(run, i) + decoded;
          i = run = charRefEnd();
          continue;
        }
      }
      i++;
    }
    tokenValue = run === position ? s.slice(run, i) : text + s.slice(run, i);
    position = i;
    return Token.Text;
  }
  // Tag state.
  i++;
  const c = i < len ? s.charCodeAt(i) : -1;
  tokenClasses = [];
  tokenAnnotation = '';
  if (c === SLASH) {
    const start = ++i;
    while (i < len && s.charCodeAt(i) !== GT) i++;
    tokenValue = s.slice(start, i);
    position = i < len ? i + 1 : i;
    return Token.EndTag;
  }
  if (c >= 48 && c <= 57) {
    const start = i;
    while (i < len && s.charCodeAt(i) !== GT) i++;
    tokenValue = s.slice(start, i);
    position = i < len ? i + 1 : i;
    return Token.Timestamp;
  }
  // Start tag state: the name runs to a space, ".", ">" or the end.
  const nameStart = i;
  while (i < len) {
    const d = s.charCodeAt(i);
    if (d === GT || d === DOT || isTagSpace(d)) break;
    i++;
  }
  tokenValue = s.slice(nameStart, i);
  // Start tag class state: each "." starts a class.
  while (i < len && s.charCodeAt(i) === DOT) {
    const start = ++i;
    while (i < len) {
      const d = s.charCodeAt(i);
      if (d === GT || d === DOT || isTagSpace(d)) break;
      i++;
    }
    tokenClasses.push(s.slice(start, i));
  }
  // Start tag annotation state: up to ">", decoding references (">" is allowed after "&").
  if (i < len && isTagSpace(s.charCodeAt(i))) {
    let raw = '';
    let run = i;
    while (i < len) {
      const d = s.charCodeAt(i);
      if (d === GT) break;
      if (d === AMP) {
        const decoded = consumeCharRef(s, i, GT);
        if (decoded !== null) {
          raw += s.slice(run, i) + decoded;
          i = run = charRefEnd();
          continue;
        }
      }
      i++;
    }
    tokenAnnotation = normalizeAnnotation(raw + s.slice(run, i));
  }
  position = i < len ? i + 1 : i;
  return Token.StartTag;
}

const ELEMENTS: ReadonlySet<string> = new Set<CueElementName>(['c', 'i', 'b', 'u', 'ruby', 'rt', 'v', 'lang']);

/**
 * The "WebVTT cue text parsing rules": turns cue text into a tree of nodes.
 * Unknown tags are ignored; end tags close only the matching current element
 * (`</ruby>` also closes an open `<rt>`); `<rt>` opens only directly inside
 * `<ruby>`; timestamps that are not exactly `[hh:]mm:ss.ttt` are ignored;
 * empty classes are dropped; `v` and `lang` annotations are whitespace-normalized.
 *
 * @see https://www.w3.org/TR/webvtt1/#cue-text-parsing-rules
 */
export function parseCueText(text: string): CueNode[] {
  const result: CueNode[] = [];
  if (typeof text !== 'string') return result;
  // Open elements; `current` is the last one (or the root list when empty).
  const open: CueElementNode[] = [];
  let children = result;
  position = 0;
  const len = text.length;
  while (position < len) {
    const token = nextToken(text);
    const current = open[open.length - 1];
    if (token === Token.Text) {
      children.push({ type: 'text', value: tokenValue });
    } else if (token === Token.StartTag) {
      const name = tokenValue;
      if (!ELEMENTS.has(name) || (name === 'rt' && current?.type !== 'ruby')) continue;
      const node: CueElementNode = {
        type: name as CueElementName,
        classes: tokenClasses.filter((c) => c !== ''),
        annotation: name === 'v' || name === 'lang' ? tokenAnnotation : '',
        children: [],
      };
      children.push(node);
      open.push(node);
      children = node.children;
    } else if (token === Token.EndTag) {
      if (!current) continue;
      const name = tokenValue;
      if (name === current.type) {
        open.pop();
      } else if (name === 'ruby' && current.type === 'rt') {
        open.pop();
        open.pop();
      } else {
        continue;
      }
      children = open[open.length - 1]?.children ?? result;
    } else {
      const time = parseTimestamp(tokenValue);
      if (time !== null) children.push({ type: 'timestamp', time });
    }
  }
  return result;
}

/** Options for the plain-text readers. */
export interface CueTextOptions {
  /** Leave out ruby text (`<rt>`), as the spec's chapter-title rule does. Default false. */
  skipRubyText?: boolean;
}

/** Pre-order walk without recursion (cue text can nest arbitrarily deep). Stops when `visit` returns true. */
function walk(nodes: readonly CueNode[], skipRt: boolean, visit: (node: CueNode) => boolean | void): void {
  const stack: [readonly CueNode[], number][] = [[nodes, 0]];
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as [readonly CueNode[], number];
    const node = top[0][top[1]++];
    if (!node) {
      stack.pop();
      continue;
    }
    if (visit(node) === true) return;
    if (node.type !== 'text' && node.type !== 'timestamp' && !(skipRt && node.type === 'rt')) {
      stack.push([node.children, 0]);
    }
  }
}

/**
 * The text content of parsed cue text (like the DOM's `textContent` of
 * `getCueAsHTML()`): text nodes concatenated in document order.
 *
 * @see https://www.w3.org/TR/webvtt1/#webvtt-rules-for-extracting-the-chapter-title
 */
export function cueTextToPlain(nodes: readonly CueNode[], options: CueTextOptions = {}): string {
  let out = '';
  walk(nodes, options.skipRubyText === true, (node) => {
    if (node.type === 'text') out += node.value;
  });
  return out;
}

/**
 * The name of the first voice span (`<v Name>`) in document order, or ''.
 * @see https://www.w3.org/TR/webvtt1/#webvtt-cue-voice-span
 */
export function cueVoice(nodes: readonly CueNode[]): string {
  let voice = '';
  walk(nodes, false, (node) => {
    if (node.type !== 'v') return false;
    voice = node.annotation;
    return true;
  });
  return voice;
}

/**
 * Inline timestamps (`<00:01:02.500>`) with their offsets into
 * {@link cueTextToPlain}'s output (same options): `offset` is the index of the
 * plain-text character that the timestamp precedes.
 *
 * @see https://www.w3.org/TR/webvtt1/#webvtt-cue-timestamp
 */
export function cueTimedOffsets(
  nodes: readonly CueNode[],
  options: CueTextOptions = {},
): { time: number; offset: number }[] {
  const out: { time: number; offset: number }[] = [];
  let offset = 0;
  walk(nodes, options.skipRubyText === true, (node) => {
    if (node.type === 'text') offset += node.value.length;
    else if (node.type === 'timestamp') out.push({ time: node.time, offset });
  });
  return out;
}
