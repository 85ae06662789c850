import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { loadFullCharRefTable, needsFullCharRefTable, startWebVTTParseParts } from '../../core/webvtt/index.js';
import { startTranscriptBuild } from '../../core/transcript/index.js';
import type { CueLike, Transcript } from '../../core/transcript/index.js';
import { mapInSlices, runInSlices, yieldToEventLoop } from './slices.js';

/** Which file a problem or failure belongs to (`media`: the recording itself; `link`: a deep link in the page URL that names nothing). */
export type CueSourceKind = 'transcript' | 'chapters' | 'media' | 'link';

/** A problem in a WebVTT file that did not stop it loading. Lines and columns are 1-based. */
export interface CueSourceProblem {
  source: CueSourceKind;
  /** The file's URL ('' for an inline track without `src`). */
  url: string;
  code: string;
  message: string;
  line: number;
  column: number;
}

/** Why a transcript could not be shown; `not-found` for a deep link naming no question or moment of the session. */
export type CueErrorReason = 'network' | 'http' | 'not-webvtt' | 'track' | 'timeout' | 'media' | 'not-found';

/** How long a file may take to arrive (headers and body) before it counts as failed. */
export const LOAD_TIMEOUT_MS = 20_000;

/** Media types a WebVTT file is expected under; anything else is read but noted. */
const VTT_TYPES = /^\s*(text\/vtt|text\/plain)\s*(;|$)/i;

/** A failure to load a transcript (or its chapters). */
export interface CueSourceFailure {
  reason: CueErrorReason;
  source: CueSourceKind;
  message: string;
  url: string;
  /** HTTP status, for `reason: 'http'`; else 0. */
  status: number;
  /** Parse errors with their line and column (for `not-webvtt`, the fatal one); the first few only. */
  errors: CueSourceProblem[];
  /** How many parse errors there were in all (`errors` holds the first of them); absent means `errors.length`. */
  errorCount?: number;
}

/** Where the transcript comes from: URLs, the media's `<track>` children, or a model. */
export interface TranscriptSourceInput {
  src: string;
  chapters: string;
  media: EventTarget | null;
  transcript: Transcript | null;
}

export interface TranscriptSourceOptions {
  /**
   * Loaded. `problems` are the first problems found in the files (at most a
   * few hundred); `problemCount` is how many there were in all.
   */
  onLoad(transcript: Transcript, problems: CueSourceProblem[], origin: 'url' | 'track' | 'property', problemCount: number): void;
  onError(failure: CueSourceFailure): void;
  /** Loading started, or there is nothing to load: either way the previous transcript is stale. */
  onPending(loading: boolean): void;
}

/** A load that failed, carrying what `cue-error` reports. */
export class SourceError extends Error {
  constructor(readonly failure: CueSourceFailure) {
    super(failure.message);
  }
}

/** A loaded file: its cues and the first problems found in it. */
export interface Loaded {
  cues: CueLike[];
  problems: CueSourceProblem[];
  /** All problems found, `problems` being the first of them. */
  problemCount: number;
}

const TRANSCRIPT_KINDS = ['captions', 'subtitles', 'metadata'];

/**
 * Turns the element's source inputs into a `Transcript`: fetches and parses
 * `src` and `chapters`, or reads the bound media's `<track>` elements, or
 * passes a script-set model through. A new input aborts the load in flight;
 * disconnecting aborts it too, so a removed element leaves no fetch or
 * listener behind.
 */
export class TranscriptSourceController implements ReactiveController {
  readonly #options: TranscriptSourceOptions;
  #abort: AbortController | null = null;
  #key: unknown[] = [];
  #loading = false;
  /** Milliseconds a file may take to arrive; then the load fails with reason `timeout`. */
  timeout = LOAD_TIMEOUT_MS;

  constructor(host: ReactiveControllerHost, options: TranscriptSourceOptions) {
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    // A load cut short must run again on reconnection; a finished one stands.
    if (this.#loading) this.#key = [];
    this.#abort?.abort();
    this.#abort = null;
    this.#loading = false;
  }

  /** Loads from `input`, unless it names the same source as the last call (`force` reloads). */
  update(input: TranscriptSourceInput, force = false): void {
    const tracks = !input.transcript && !input.src ? findTracks(input.media) : null;
    const key = [input.transcript, input.src, input.src && input.chapters, tracks?.cues, tracks?.chapters];
    if (!force && key.length === this.#key.length && key.every((k, i) => k === this.#key[i])) return;
    this.#key = key;
    this.#abort?.abort();
    this.#loading = false;
    const abort = new AbortController();
    this.#abort = abort;
    if (input.transcript) return this.#options.onLoad(input.transcript, [], 'property', 0);
    if (!input.src && !tracks?.cues) return this.#options.onPending(false);
    this.#options.onPending(true);
    this.#loading = true;
    const origin = input.src ? 'url' : 'track';
    const ms = this.timeout;
    const main = input.src
      ? loadUrl(input.src, 'transcript', abort.signal, ms)
      : loadTrack(tracks!.cues!, 'transcript', abort.signal, ms);
    const chapterUrl = input.src ? input.chapters : '';
    const chapters = chapterUrl
      ? loadUrl(chapterUrl, 'chapters', abort.signal, ms)
      : tracks?.chapters && !input.src
        ? loadTrack(tracks.chapters, 'chapters', abort.signal, ms)
        : Promise.resolve(null);
    void Promise.allSettled([main, chapters]).then(async ([m, c]) => {
      if (abort.signal.aborted) return;
      if (m.status === 'rejected') {
        this.#loading = false;
        return this.#fail(m.reason, 'transcript');
      }
      const problems = m.value.problems.slice();
      let count = m.value.problemCount;
      const chapterCues = c.status === 'fulfilled' && c.value ? c.value.cues : null;
      if (c.status === 'fulfilled' && c.value) {
        // No argument spread: a broken file can have more problems than a call can take arguments.
        for (const p of c.value.problems) problems.push(p);
        count += c.value.problemCount;
      }
      // Built in slices: a 343,000-cue model takes seconds, which must not be one task.
      const build = startTranscriptBuild(m.value.cues, chapterCues);
      try {
        await runInSlices((stop) => build.advance(stop), abort.signal);
      } catch {
        return; // aborted: a newer load or disconnection took over
      }
      this.#loading = false;
      this.#options.onLoad(build.transcript!, problems, origin, count);
      // Without chapters the transcript still reads well (questions are derived), so this is reported after it.
      if (c.status === 'rejected') this.#fail(c.reason, 'chapters');
    });
  }

  #fail(reason: unknown, source: CueSourceKind): void {
    if (reason instanceof SourceError) return this.#options.onError(reason.failure);
    if (reason instanceof DOMException && reason.name === 'AbortError') return;
    // Anything else (a body cut off mid-read, say) is still a failure to load, never a stuck "loading".
    const message = `The ${source} file could not be read (${reason instanceof Error ? reason.message : String(reason)}).`;
    this.#options.onError({ reason: 'network', source, url: '', message, status: 0, errors: [], errorCount: 0 });
  }
}

/** The `cue-error` detail for a recording that cannot be played. */
export function mediaFailure(message: string, media: EventTarget | null): CueSourceFailure {
  const m = media as Partial<HTMLMediaElement> | null;
  return { reason: 'media', source: 'media', url: m?.currentSrc || m?.src || '', message, status: 0, errors: [], errorCount: 0 };
}

export function failure(
  reason: CueErrorReason,
  source: CueSourceKind,
  url: string,
  message: string,
  status = 0,
  errors: CueSourceProblem[] = [],
  errorCount = errors.length,
): SourceError {
  return new SourceError({ reason, source, url, message, status, errors, errorCount });
}

/** The file's name for messages: its last path segment, else the whole URL. */
export function fileName(href: string): string {
  try {
    const path = new URL(href).pathname;
    const name = decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
    return name || href;
  } catch {
    return href;
  }
}

/** A signal that aborts with `signal`, or with a TimeoutError after `ms`. */
function withTimeout(signal: AbortSignal, ms: number): AbortSignal {
  return AbortSignal.any([signal, AbortSignal.timeout(ms)]);
}

function timedOut(source: CueSourceKind, href: string, ms: number): SourceError {
  const what = href ? ` (${fileName(href)})` : '';
  return failure('timeout', source, href, `The ${source} file${what} did not arrive within ${Math.round(ms / 1000)} s.`);
}

/**
 * Fetches and parses a WebVTT file, within `ms`. Throws a {@link SourceError}
 * naming the file and why (`http`, `network`, `timeout`, `not-webvtt`).
 */
export async function loadUrl(url: string, source: CueSourceKind, signal: AbortSignal, ms = LOAD_TIMEOUT_MS): Promise<Loaded> {
  const href = new URL(url, document.baseURI).href;
  const name = fileName(href);
  const timed = withTimeout(signal, ms);
  let response: Response;
  let parts: string[];
  let fullTable = false;
  try {
    response = await fetch(href, { signal: timed });
    if (!response.ok) {
      const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
      throw failure('http', source, href, `The ${source} file ${name} could not be loaded (HTTP ${status}).`, response.status);
    }
    ({ parts, fullTable } = await readText(response));
  } catch (e) {
    if (e instanceof SourceError) throw e;
    if (signal.aborted) throw e;
    if (timed.aborted) throw timedOut(source, href, ms);
    throw failure('network', source, href, `The ${source} file ${name} could not be fetched (network error).`);
  }
  // Names beyond HTML 4's (`&check;`) need the whole table, loaded only for files that use one.
  if (fullTable) await loadFullCharRefTable();
  // Decoding removed one BOM: another one is content (the spec rejects it).
  // Parsed in slices, so a 50 MB file never holds the page for more than a few milliseconds;
  // from the parts it arrived in, never copied into one string.
  const parse = startWebVTTParseParts(parts, { bomRemoved: true });
  await runInSlices((stop) => parse.advance(stop), signal);
  const doc = parse.document;
  const problems: CueSourceProblem[] = doc.errors.map(({ code, message, line, column }) => ({ source, url: href, code, message, line, column }));
  const problemCount = doc.errorCount ?? doc.errors.length;
  if (doc.errors.some((e) => e.fatal)) {
    throw failure('not-webvtt', source, href, `The ${source} file ${name} is not WebVTT.`, response.status, problems, problemCount);
  }
  const type = response.headers.get('content-type') ?? '';
  if (type && !VTT_TYPES.test(type)) {
    // Read anyway (servers often get this wrong), but say so: a page may want to fix its server.
    const note = `The ${source} file ${name} was served as "${type.split(';')[0]!.trim()}", not text/vtt; it was read as WebVTT anyway.`;
    problems.unshift({ source, url: href, code: 'content-type', message: note, line: 0, column: 0 });
    return { cues: doc.cues, problems, problemCount: problemCount + 1 };
  }
  return { cues: doc.cues, problems, problemCount };
}

/** Characters of the previous chunk searched again with the next one, for a `&name;` split between them (names are at most 40). */
const REF_OVERLAP = 64;
/** Bytes decoded in one task (a millisecond or two). */
const DECODE_PIECE = 1 << 20;

/**
 * A response's body as UTF-8 text (one BOM removed, as `text()` does), read
 * and decoded chunk by chunk as it arrives rather than in one task at the
 * end, and whether it uses a character reference beyond HTML 4's. The text
 * comes in parts cut after blank lines (see `startWebVTTParseParts`): joining
 * 50 MB into one string would be one long task.
 */
async function readText(response: Response): Promise<{ parts: string[]; fullTable: boolean }> {
  const body = response.body;
  if (!body) {
    const text = await response.text();
    return { parts: [text], fullTable: needsFullCharRefTable(text) };
  }
  const decoder = new TextDecoder();
  const reader = body.getReader();
  const parts: string[] = [];
  let pending = '';
  let fullTable = false;
  let tail = '';
  const add = (chunk: string): void => {
    if (!chunk) return;
    fullTable ||= needsFullCharRefTable(tail + chunk);
    tail = chunk.length >= REF_OVERLAP ? chunk.slice(-REF_OVERLAP) : (tail + chunk).slice(-REF_OVERLAP);
    // A part ends after the chunk's last blank line; only the chunk is searched, so a file without one stays linear.
    const lf = chunk.lastIndexOf('\n\n');
    const crlf = chunk.lastIndexOf('\n\r\n');
    const cut = Math.max(lf < 0 ? 0 : lf + 2, crlf < 0 ? 0 : crlf + 3);
    if (!cut) {
      pending += chunk;
      return;
    }
    parts.push(pending + chunk.slice(0, cut));
    pending = chunk.slice(cut);
  };
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    // A body read from a Blob may come as one chunk of the whole file: decode it a piece at a time.
    for (let at = 0; at < value.length; at += DECODE_PIECE) {
      if (at > 0) await yieldToEventLoop();
      add(decoder.decode(value.subarray(at, at + DECODE_PIECE), { stream: true }));
    }
  }
  add(decoder.decode());
  if (pending || !parts.length) parts.push(pending);
  return { parts, fullTable };
}

interface FoundTracks {
  cues: HTMLTrackElement | null;
  chapters: HTMLTrackElement | null;
}

/** The media's transcript track (the default one first) and chapters track. */
function findTracks(media: EventTarget | null): FoundTracks | null {
  if (!(media instanceof Element)) return null;
  const tracks = [...media.querySelectorAll('track')];
  const text = tracks.filter((t) => TRANSCRIPT_KINDS.includes(t.kind));
  return {
    cues: text.find((t) => t.default) ?? text.find((t) => t.kind !== 'metadata') ?? text[0] ?? null,
    chapters: tracks.find((t) => t.kind === 'chapters') ?? null,
  };
}

/**
 * Cues of a `<track>`. A track in a media element is loaded by the browser
 * (only once its mode is not 'disabled'); one in a custom media element that
 * does not load it itself is fetched and parsed here.
 */
async function loadTrack(track: HTMLTrackElement, source: CueSourceKind, signal: AbortSignal, ms = LOAD_TIMEOUT_MS): Promise<Loaded> {
  if (!(track.parentElement instanceof HTMLMediaElement)) {
    if (!track.src) return { cues: [], problems: [], problemCount: 0 };
    return loadUrl(track.src, source, signal, ms);
  }
  const textTrack = track.track;
  if (textTrack.mode === 'disabled') textTrack.mode = 'hidden';
  if (track.readyState !== HTMLTrackElement.LOADED) {
    await new Promise<void>((resolve, reject) => {
      const opts = { once: true, signal };
      track.addEventListener('load', () => resolve(), opts);
      track.addEventListener('error', () => reject(failure('track', source, track.src, `The ${source} track could not be loaded.`)), opts);
      signal.addEventListener('abort', () => reject(signal.reason), { once: true });
      const timer = setTimeout(() => reject(timedOut(source, track.src, ms)), ms);
      signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
      track.addEventListener('load', () => clearTimeout(timer), opts);
      if (track.readyState === HTMLTrackElement.LOADED) resolve();
      if (track.readyState === HTMLTrackElement.ERROR) reject(failure('track', source, track.src, `The ${source} track could not be loaded.`));
    });
  }
  let fullTable = false;
  const cues = textTrack.cues
    ? await mapInSlices(
        textTrack.cues,
        (cue) => {
          const c = toCueLike(cue);
          fullTable ||= needsFullCharRefTable(c.text);
          return c;
        },
        signal,
      )
    : [];
  if (fullTable) await loadFullCharRefTable();
  return { cues, problems: [], problemCount: 0 };
}

function toCueLike(cue: TextTrackCue): CueLike {
  const text = 'text' in cue && typeof cue.text === 'string' ? cue.text : '';
  return { id: cue.id, startTime: cue.startTime, endTime: cue.endTime, text };
}
