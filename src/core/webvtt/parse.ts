/**
 * The WebVTT file parser: a step-by-step transcription of the spec's "WebVTT
 * parser algorithm" and "collect a WebVTT block", scanning the input once with
 * `indexOf`/`charCodeAt` (no per-line arrays or regular expressions), so it is
 * linear in the input size. It never throws: problems become `errors`.
 *
 * @see https://www.w3.org/TR/webvtt1/#file-parsing
 */
import type { WebVTTCue, WebVTTDocument, WebVTTNote, WebVTTRegion } from './types.js';
import { addError, isWhitespace, type LineContext, type WebVTTErrorCode } from './errors.js';
import { collectTimestamp, formatTimestamp, timestampEnd, timestampFailure } from './timestamp.js';
import { parseCueSettings } from './settings.js';
import { createRegion, parseRegionSettings } from './regions.js';

const LF = 10;
const HYPHEN = 45;
const GT = 62;

/** Block kinds decided at the block's second line. */
const enum Kind {
  None,
  Style,
  Region,
}

/** Options of {@link parseWebVTT}. */
export interface ParseOptions {
  /**
   * The text was decoded from bytes by a UTF-8 decoder that already removed
   * one byte order mark (`Response.text()`, `Blob.text()`, `TextDecoder`), so a
   * leading U+FEFF left in it is the file's own content. Default false: text
   * read as-is (Node's `readFileSync(f, 'utf8')`) may start with its BOM, which
   * is skipped.
   */
  bomRemoved?: boolean;
}

/**
 * Parses a WebVTT file. Cues keep their raw text (parse it with
 * `parseCueText`); `NOTE` blocks, `STYLE` sheets and `REGION`s are kept so
 * `serializeWebVTT` can write the file back. A file without a valid signature
 * gives one fatal error and nothing else.
 *
 * @see https://www.w3.org/TR/webvtt1/#webvtt-parser-algorithm
 */
export function parseWebVTT(text: string, options: ParseOptions = {}): WebVTTDocument {
  const parse = startWebVTTParse(text, options);
  parse.advance(null);
  return parse.document;
}

/**
 * A parse that runs a piece at a time: {@link startWebVTTParse} sets it up,
 * each `advance(stop)` goes on until the file is parsed or `stop()` says to
 * pause (it is asked between blocks), so a caller can hand the event loop back
 * between pieces. The document grows as it goes and ends up exactly as
 * {@link parseWebVTT} returns it.
 */
export interface WebVTTParse {
  /** The document parsed so far; complete once `done`. */
  readonly document: WebVTTDocument;
  readonly done: boolean;
  /**
   * Parses on until the end (returns true) or until `stop()` returns true
   * (returns false; call again to go on). `stop` is asked every few blocks
   * (and after each piece of normalizing); `null` parses to the end.
   */
  advance(stop: (() => boolean) | null): boolean;
}

/** Options of {@link startWebVTTParse}. */
export interface IncrementalParseOptions extends ParseOptions {
  /**
   * Characters of input normalized (CRLF to LF, NULL to U+FFFD) per piece
   * before parsing starts, so a huge file with CRLF line ends is not one long
   * replace. Default 1 MiB (a few milliseconds).
   */
  pieceSize?: number;
  /** Blocks parsed between two calls of `stop()` (it reads a clock, which costs next to a small block). Default 16. */
  blocksPerCheck?: number;
}

/**
 * Starts an incremental parse of `text` (see {@link WebVTTParse}); nothing is
 * parsed until the first `advance`.
 */
export function startWebVTTParse(text: string, options: IncrementalParseOptions = {}): WebVTTParse {
  const doc: WebVTTDocument = { header: '', cues: [], regions: [], styles: [], notes: [], errors: [], errorCount: 0 };
  if (typeof text !== 'string') {
    addError(doc, { code: 'bad-input', message: 'Input is not a string', line: 1, column: 1, fatal: true });
    return { document: doc, done: true, advance: () => true };
  }
  const bomRemoved = options.bomRemoved === true;
  const piece = Math.max(2, Math.floor(options.pieceSize ?? 1 << 20));
  const every = Math.max(1, Math.floor(options.blocksPerCheck ?? 16));
  // Most files need no normalizing at all: then the parser starts on the text itself.
  if (text.indexOf('\0') === -1 && text.indexOf('\r') === -1) return new Parser(text, doc, bomRemoved, every);
  const parts: string[] = [];
  let at = 0;
  let parser: Parser | null = null;
  return {
    document: doc,
    get done() {
      return parser?.done ?? false;
    },
    advance(stop) {
      while (!parser) {
        if (at >= text.length) {
          parser = new Parser(parts.join(''), doc, bomRemoved, every);
          break;
        }
        let end = Math.min(text.length, at + piece);
        // A CRLF pair is one line break: never split it between two pieces.
        if (text.charCodeAt(end - 1) === 13 && text.charCodeAt(end) === LF) end++;
        parts.push(normalize(text.slice(at, end)));
        at = end;
        if (stop?.()) return false;
      }
      return parser.advance(stop);
    },
  };
}

/**
 * {@link startWebVTTParse} of `parts.join('')`, without joining them: a file
 * read as it arrives (50 MB in a few dozen parts) is never copied into one
 * string in one task, and each part is normalized when the parse reaches it.
 * A part that does not end with a blank line (`\n\n`, or with CRLF line
 * ends `\n\r\n`) is joined with the next, so no block spans two parts.
 */
export function startWebVTTParseParts(parts: readonly string[], options: IncrementalParseOptions = {}): WebVTTParse {
  const last = parts.length - 1;
  if (last < 1) return startWebVTTParse(parts[0] ?? '', options);
  const doc: WebVTTDocument = { header: '', cues: [], regions: [], styles: [], notes: [], errors: [], errorCount: 0 };
  const every = Math.max(1, Math.floor(options.blocksPerCheck ?? 16));
  let k = -1;
  // The next part, joined with those after it until one ends with a blank line. Checked only when the
  // parse reaches it (reading a part's end flattens it, which is a copy of the part: a slice's work).
  // A part ends with a line feed, so a CRLF pair never straddles two parts: each is normalized on its own.
  const take = (): string => {
    let text = parts[++k]!;
    while (k < last && !endsWithBlankLine(parts[k]!)) text += parts[++k]!;
    return normalize(text);
  };
  const parser = new Parser(take(), doc, options.bomRemoved === true, every);
  return {
    document: doc,
    get done() {
      return parser.done && (parser.stopped || k >= last);
    },
    advance(stop) {
      for (;;) {
        if (!parser.advance(stop)) return false;
        if (parser.stopped || k >= last) return true;
        // Between two blocks: the next part goes on where this one ended, a line later.
        parser.next(take());
        if (stop?.()) return false;
      }
    },
  };
}

/** True when `text` ends with a line feed that ends an empty line (a block ends there). */
function endsWithBlankLine(text: string): boolean {
  // Normalizing the tail counts its line breaks right: its end is the end of the text, so no CR there waits for an LF.
  return text.endsWith('\n') && normalize(text.slice(-4)).endsWith('\n\n');
}

/**
 * The spec's input transformations: NULL becomes U+FFFD; CRLF and lone CR
 * become LF. Line numbers are unchanged because each break stays one break.
 */
function normalize(text: string): string {
  let s = text;
  if (s.indexOf('\0') !== -1) s = s.replace(/\0/g, '\uFFFD');
  if (s.indexOf('\r') !== -1) s = s.replace(/\r\n?/g, '\n');
  return s;
}

class Parser implements WebVTTParse {
  /** Index of the next unread character (the spec's `position`). */
  pos = 0;
  /** 1-based number of the line most recently read. */
  line = 0;
  /** Cached index of the next `-->` at or after some earlier position (input length if none). */
  arrowAt = -1;
  seenCue = false;
  /** The signature and header are read (the rest is blocks). */
  started = false;
  done = false;
  readonly ctx: LineContext;

  constructor(
    /** The text being parsed: the whole file, or one part of it (see {@link startWebVTTParseParts}). */
    public s: string,
    readonly doc: WebVTTDocument,
    readonly bomRemoved: boolean,
    /** Blocks between two calls of `stop()`. */
    readonly every = 1,
  ) {
    this.ctx = { doc, line: 0, lineStart: 0 };
  }

  get document(): WebVTTDocument {
    return this.doc;
  }

  /** True when the header ended the parse (no signature, or nothing after it): later parts are not read. */
  stopped = false;

  /** Goes on with `s`, the text that follows the current one, which ended between two blocks. */
  next(s: string): void {
    this.s = s;
    this.pos = 0;
    this.arrowAt = -1;
    this.done = false;
    this.skipLineFeeds();
  }

  advance(stop: (() => boolean) | null): boolean {
    if (this.done) return true;
    if (!this.started) {
      this.started = true;
      if (!this.header()) return (this.stopped = this.done = true);
    }
    const len = this.s.length;
    if (!stop) {
      while (this.pos < len) {
        this.collectBlock(false);
        this.skipLineFeeds();
      }
      return (this.done = true);
    }
    // The state between two blocks is all in fields, so a pause there resumes exactly.
    for (let n = 1; this.pos < len; n++) {
      this.collectBlock(false);
      this.skipLineFeeds();
      if (n % this.every === 0 && this.pos < len && stop()) return false;
    }
    return (this.done = true);
  }

  /** Reads the signature and the header; false when there is nothing more to parse. */
  header(): boolean {
    const { s, doc } = this;
    const len = s.length;
    // A leading BOM is the encoding's, not the file's. UTF-8 decoding (fetch's
    // `text()`, `TextDecoder`) strips one; text read without decoding it keeps it.
    // A second BOM is content, and fails the signature, as the spec's parser has it.
    const start = !this.bomRemoved && s.charCodeAt(0) === 0xfeff ? 1 : 0;
    const problem = signatureProblem(s, start);
    if (problem) {
      addError(doc, { code: 'bad-signature', message: problem[0], line: 1, column: problem[1], fatal: true });
      return false;
    }
    let nl = s.indexOf('\n', start);
    if (nl === -1) nl = len;
    // The separator after WEBVTT is syntax; what follows it is the header text.
    doc.header = nl > start + 6 ? s.slice(start + 7, nl) : '';
    this.line = 1;
    if (nl >= len) return false;
    this.pos = nl + 1;
    if (this.pos >= len) return false;
    if (s.charCodeAt(this.pos) !== LF) {
      const headerLines = this.collectBlock(true);
      if (headerLines !== '') doc.header += '\n' + headerLines;
    } else {
      this.pos++;
      this.line++;
    }
    this.skipLineFeeds();
    return true;
  }

  skipLineFeeds(): void {
    const s = this.s;
    while (this.pos < s.length && s.charCodeAt(this.pos) === LF) {
      this.pos++;
      this.line++;
    }
  }

  /** True when the line `[lineStart, lineEnd)` contains `-->`. Amortised O(1) per line. */
  hasArrow(lineStart: number, lineEnd: number): boolean {
    if (this.arrowAt < lineStart) {
      const at = this.s.indexOf('-->', lineStart);
      this.arrowAt = at === -1 ? this.s.length : at;
    }
    return this.arrowAt + 3 <= lineEnd;
  }

  /**
   * "Collect a WebVTT block" (optionally `in header`). Adds what it finds to
   * the document; in header mode returns the header lines instead.
   *
   * @see https://www.w3.org/TR/webvtt1/#collect-a-webvtt-block
   */
  collectBlock(inHeader: boolean): string {
    const { s, doc } = this;
    const len = s.length;
    let lineCount = 0;
    let previousPosition = this.pos;
    // The buffer is always a run of whole lines of the input, so it is kept as
    // [bufStart, bufEnd) and sliced once at the end.
    let bufStart = -1;
    let bufEnd = -1;
    let bufLine = 0;
    let seenArrow = false;
    let cueFailed = false;
    let cue: WebVTTCue | null = null;
    let kind = Kind.None;
    let misplaced = false;
    let arrowLine = 0;
    for (;;) {
      const lineStart = this.pos;
      const nl = s.indexOf('\n', lineStart);
      const lineEnd = nl === -1 ? len : nl;
      lineCount++;
      this.line++;
      const seenEOF = nl === -1;
      this.pos = seenEOF ? len : nl + 1;
      if (this.hasArrow(lineStart, lineEnd)) {
        if (!inHeader && (lineCount === 1 || (lineCount === 2 && !seenArrow))) {
          seenArrow = true;
          previousPosition = this.pos;
          const id = bufStart >= 0 ? s.slice(bufStart, bufEnd) : '';
          cue = this.parseTimingLine(lineStart, lineEnd, id);
          if (cue) {
            bufStart = -1;
            this.seenCue = true;
          } else {
            cueFailed = true;
          }
        } else {
          // The line starts the next block: unread it.
          this.pos = previousPosition;
          this.line--;
          arrowLine = this.line + 1;
          break;
        }
      } else if (lineStart === lineEnd) {
        break;
      } else {
        if (!inHeader && lineCount === 2 && bufStart >= 0) {
          kind = this.blockKind(bufStart, bufEnd);
          if (kind !== Kind.None) bufStart = -1;
          else misplaced = this.seenCue && isStyleOrRegion(s, bufStart, bufEnd);
        }
        if (bufStart < 0) {
          bufStart = lineStart;
          bufLine = this.line;
        }
        bufEnd = lineEnd;
        previousPosition = this.pos;
      }
      if (seenEOF) break;
    }
    if (arrowLine) {
      const col = this.arrowAt - previousPosition + 1;
      this.error('missing-blank-line', 'A line containing "-->" must follow a blank line; it starts a new block', arrowLine, col);
    }
    if (inHeader) return bufStart >= 0 ? s.slice(bufStart, bufEnd) : '';
    if (cue) {
      if (bufStart >= 0) cue.text = s.slice(bufStart, bufEnd);
      doc.cues.push(cue);
    } else if (kind === Kind.Style) {
      doc.styles.push({ text: bufStart >= 0 ? s.slice(bufStart, bufEnd) : '' });
    } else if (kind === Kind.Region) {
      doc.regions.push(this.parseRegion(bufStart, bufEnd, bufLine));
    } else if (!cueFailed && !misplaced && bufStart >= 0) {
      this.otherBlock(bufStart, bufEnd, bufLine);
    }
    return '';
  }

  /** The block-kind checks the spec runs on the buffer when the second line arrives. */
  blockKind(from: number, to: number): Kind {
    const s = this.s;
    if (!isStyleOrRegion(s, from, to)) return Kind.None;
    const style = s.startsWith('STYLE', from);
    if (!this.seenCue) return style ? Kind.Style : Kind.Region;
    const code = style ? 'style-after-cue' : 'region-after-cue';
    const name = style ? 'STYLE' : 'REGION';
    this.error(code, `${name} blocks must come before the first cue; this one is ignored`, this.line - 1, 1);
    return Kind.None;
  }

  /** A block that is not a cue, style or region: a `NOTE` comment, or junk. */
  otherBlock(from: number, to: number, line: number): void {
    const s = this.s;
    if (s.startsWith('NOTE', from)) {
      const after = from + 4 < to ? s.charCodeAt(from + 4) : -1;
      if (after === -1 || after === 32 || after === 9 || after === LF) {
        const note: WebVTTNote = { text: after === -1 ? '' : s.slice(from + 5, to), beforeCue: this.doc.cues.length };
        if (after === LF && note.text !== '') note.newline = true;
        this.doc.notes.push(note);
        return;
      }
    }
    this.error('bad-block', 'Block is not a cue (no "-->" timing line), NOTE, STYLE or REGION; it is ignored', line, 1);
  }

  parseRegion(from: number, to: number, line: number): WebVTTRegion {
    const region = createRegion();
    const s = this.s;
    const ctx = this.ctx;
    ctx.line = line;
    while (from < to) {
      let end = s.indexOf('\n', from);
      if (end === -1 || end > to) end = to;
      ctx.lineStart = from;
      parseRegionSettings(s, from, end, region, ctx);
      from = end + 1;
      ctx.line++;
    }
    return region;
  }

  /**
   * "Collect WebVTT cue timings and settings" from the line `[from, to)`, with
   * a new cue initialised to the spec's defaults. Returns null on failure.
   *
   * @see https://www.w3.org/TR/webvtt1/#collect-webvtt-cue-timings-and-settings
   */
  parseTimingLine(from: number, to: number, id: string): WebVTTCue | null {
    const s = this.s;
    let i = skipWhitespace(s, from, to);
    const startTime = collectTimestamp(s, i, to);
    if (startTime < 0) return this.timingError(from, 'start', timestampFailure(), timestampEnd());
    i = skipWhitespace(s, timestampEnd(), to);
    if (
      i + 2 >= to ||
      s.charCodeAt(i) !== HYPHEN ||
      s.charCodeAt(i + 1) !== HYPHEN ||
      s.charCodeAt(i + 2) !== GT
    ) {
      this.error('bad-arrow', 'Expected "-->" after the start timestamp; cue skipped', this.line, i - from + 1);
      return null;
    }
    i = skipWhitespace(s, i + 3, to);
    const endTime = collectTimestamp(s, i, to);
    if (endTime < 0) return this.timingError(from, 'end', timestampFailure(), timestampEnd());
    const cue: WebVTTCue = {
      id,
      startTime,
      endTime,
      text: '',
      region: null,
      vertical: '',
      snapToLines: true,
      line: 'auto',
      lineAlign: 'start',
      position: 'auto',
      positionAlign: 'auto',
      size: 100,
      align: 'center',
      pauseOnExit: false,
    };
    i = timestampEnd();
    if (endTime <= startTime) {
      const message = `Cue end time ${formatTimestamp(endTime)} is not after its start time ${formatTimestamp(startTime)}`;
      this.error('bad-timing', message, this.line, skipWhitespace(s, from, to) - from + 1);
    }
    if (i < to) {
      this.ctx.line = this.line;
      this.ctx.lineStart = from;
      parseCueSettings(s, i, to, cue, this.doc.regions, this.ctx);
    }
    return cue;
  }

  timingError(lineStart: number, which: string, why: string, at: number): null {
    this.error('bad-timestamp', `Bad cue ${which} timestamp: ${why}; cue skipped`, this.line, at - lineStart + 1);
    return null;
  }

  error(code: WebVTTErrorCode, message: string, line: number, column: number): void {
    addError(this.doc, { code, message, line, column, fatal: false });
  }
}

/** Why the input does not start with a WebVTT signature ([message, column]), or null. */
function signatureProblem(s: string, start: number): [string, number] | null {
  if (!s.startsWith('WEBVTT', start)) return ['File does not start with "WEBVTT"', 1];
  const c = s.length > start + 6 ? s.charCodeAt(start + 6) : LF;
  if (c !== 32 && c !== 9 && c !== LF) return ['"WEBVTT" must be followed by a space, a tab or a line break', 7];
  return null;
}

function skipWhitespace(s: string, i: number, to: number): number {
  while (i < to && isWhitespace(s.charCodeAt(i))) i++;
  return i;
}

/** The spec's test on a block's first line: `STYLE` or `REGION`, then only whitespace. */
function isStyleOrRegion(s: string, from: number, to: number): boolean {
  if (s.startsWith('STYLE', from)) return onlyWhitespace(s, from + 5, to);
  return s.startsWith('REGION', from) && onlyWhitespace(s, from + 6, to);
}

function onlyWhitespace(s: string, from: number, to: number): boolean {
  return skipWhitespace(s, from, to) >= to;
}
