import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { parseWebVTT } from '../core/webvtt/index.js';
import { buildTranscript, type CueLike, type Transcript } from '../core/transcript/index.js';

/** Where a navigator's questions came from. */
export type ChaptersOrigin = 'url' | 'track' | 'transcript';

/** What a linked `<cue-transcript>` offers: its model, and `cue-load` when it changes. */
export interface TranscriptHostLike extends HTMLElement {
  readonly loadedTranscript?: Transcript | null;
}

export interface ChaptersSourceInput {
  /** URL of a chapters WebVTT file; '' for none. */
  chapters: string;
  /** The bound media element, whose `kind="chapters"` track is used when there is no URL. */
  media: EventTarget | null;
  /** A linked transcript, whose questions are used when there are no chapters at all. */
  transcript: TranscriptHostLike | null;
}

export interface ChaptersSourceOptions {
  /** The questions are ready. For 'url' and 'track', the model has chapters and no cues. */
  onLoad(model: Transcript, origin: ChaptersOrigin): void;
  /** Nothing to show (yet), or the chapters could not be loaded (`message` says why). */
  onEmpty(message: string): void;
}

/**
 * The questions of a navigator: a chapters file (`chapters` URL), else the
 * bound media's `kind="chapters"` track, else the questions of a linked
 * `<cue-transcript>` (which derives them from the transcript itself when it
 * has no chapters either). Chapters are built into a `Transcript` model with
 * no cues, so question slugs come out exactly as the transcript's do.
 */
export class ChaptersSourceController implements ReactiveController {
  readonly #options: ChaptersSourceOptions;
  #abort: AbortController | null = null;
  #key: unknown[] = [];

  constructor(host: ReactiveControllerHost, options: ChaptersSourceOptions) {
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.#abort?.abort();
    this.#abort = null;
    this.#key = [];
  }

  /** Loads from `input` unless it names the same source as the last call. */
  update(input: ChaptersSourceInput): void {
    const track = input.chapters ? null : chaptersTrack(input.media);
    const key = [input.chapters, track, track ? null : input.transcript];
    if (key.every((k, i) => k === this.#key[i])) return;
    this.#key = key;
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    const { signal } = abort;
    if (input.chapters) {
      void load(fetchCues(input.chapters, signal), 'url', signal, this.#options);
    } else if (track) {
      void load(trackCues(track, signal), 'track', signal, this.#options);
    } else if (input.transcript) {
      const el = input.transcript;
      const take = (): void => {
        const model = el.loadedTranscript;
        if (model) this.#options.onLoad(model, 'transcript');
      };
      el.addEventListener('cue-load', take, { signal });
      if (el.loadedTranscript) take();
      else {
        this.#options.onEmpty('');
        // An element not upgraded yet has no `loadedTranscript`; `cue-load` follows once it has loaded.
        void customElements.whenDefined(el.localName).then(() => !signal.aborted && take());
      }
    } else {
      this.#options.onEmpty('');
    }
  }
}

async function load(
  cues: Promise<CueLike[]>,
  origin: ChaptersOrigin,
  signal: AbortSignal,
  options: ChaptersSourceOptions,
): Promise<void> {
  options.onEmpty('');
  try {
    const list = await cues;
    if (signal.aborted) return;
    options.onLoad(buildTranscript([], list), origin);
  } catch (e) {
    if (signal.aborted) return;
    options.onEmpty(e instanceof Error ? e.message : 'The chapters could not be loaded.');
  }
}

async function fetchCues(url: string, signal: AbortSignal): Promise<CueLike[]> {
  const response = await fetch(new URL(url, document.baseURI).href, { signal });
  if (!response.ok) throw new Error(`The chapters file could not be loaded (HTTP ${response.status}).`);
  const doc = parseWebVTT(await response.text());
  if (doc.errors.some((e) => e.fatal)) throw new Error('The chapters file is not WebVTT.');
  return doc.cues;
}

function chaptersTrack(media: EventTarget | null): HTMLTrackElement | null {
  if (!(media instanceof Element)) return null;
  return [...media.querySelectorAll('track')].find((t) => t.kind === 'chapters') ?? null;
}

/** Cues of a chapters `<track>`: loaded by the media element (once not 'disabled'), or fetched for custom media. */
async function trackCues(track: HTMLTrackElement, signal: AbortSignal): Promise<CueLike[]> {
  if (!(track.parentElement instanceof HTMLMediaElement)) return track.src ? fetchCues(track.src, signal) : [];
  const textTrack = track.track;
  if (textTrack.mode === 'disabled') textTrack.mode = 'hidden';
  if (track.readyState !== HTMLTrackElement.LOADED) {
    await new Promise<void>((resolve, reject) => {
      const fail = (): void => reject(new Error('The chapters track could not be loaded.'));
      track.addEventListener('load', () => resolve(), { once: true, signal });
      track.addEventListener('error', fail, { once: true, signal });
      if (track.readyState === HTMLTrackElement.LOADED) resolve();
      if (track.readyState === HTMLTrackElement.ERROR) fail();
    });
  }
  return Array.from(textTrack.cues ?? [], (cue) => ({
    id: cue.id,
    startTime: cue.startTime,
    endTime: cue.endTime,
    text: 'text' in cue && typeof cue.text === 'string' ? cue.text : '',
  }));
}
