import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { loadFullCharRefTable, needsFullCharRefTable } from '../../core/webvtt/index.js';
import { startTranscriptBuild, type CueLike, type Transcript } from '../../core/transcript/index.js';
import { mapInSlices, runInSlices } from '../transcript/slices.js';
import { failure, loadUrl, SourceError, type CueSourceFailure } from '../transcript/transcript-source.js';

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
  readonly #host: ReactiveControllerHost;
  #abort: AbortController | null = null;
  #key: unknown[] = [];

  constructor(host: ReactiveControllerHost, options: ChaptersSourceOptions) {
    this.#options = options;
    this.#host = host;
    host.addController(this);
  }

  /** Tells the page, with a `cue-error` on the host, that the chapters failed (they also show the message). */
  #report(failure: CueSourceFailure): void {
    const host = this.#host;
    if (host instanceof HTMLElement) {
      host.dispatchEvent(new CustomEvent<CueSourceFailure>('cue-error', { detail: failure, bubbles: true, composed: true }));
    }
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
    const report = (f: CueSourceFailure): void => this.#report(f);
    if (input.chapters) {
      void load(fetchCues(input.chapters, signal), 'url', signal, this.#options, report);
    } else if (track) {
      void load(trackCues(track, signal), 'track', signal, this.#options, report);
    } else if (input.transcript) {
      const el = input.transcript;
      const take = (): void => {
        const model = el.loadedTranscript;
        if (model) this.#options.onLoad(model, 'transcript');
      };
      el.addEventListener('cue-load', take, { signal });
      // The questions come from the transcript: when it fails, say so rather than "loading" forever.
      el.addEventListener(
        'cue-error',
        (e) => {
          const detail = (e as CustomEvent<Partial<CueSourceFailure>>).detail;
          if (detail?.source === 'transcript') {
            this.#options.onEmpty('The questions could not be shown because the transcript could not be loaded.');
          }
        },
        { signal },
      );
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
  report: (failure: CueSourceFailure) => void,
): Promise<void> {
  options.onEmpty('');
  try {
    const list = await cues;
    if (signal.aborted) return;
    const build = startTranscriptBuild([], list);
    await runInSlices((stop) => build.advance(stop), signal);
    options.onLoad(build.transcript!, origin);
  } catch (e) {
    if (signal.aborted) return;
    const f =
      e instanceof SourceError
        ? e.failure
        : { reason: 'network' as const, source: 'chapters' as const, url: '', message: 'The chapters could not be loaded.', status: 0, errors: [], errorCount: 0 };
    options.onEmpty(f.message);
    report(f);
  }
}

/** The cues of a chapters file (its problems are the transcript's to show; a failure names the file). */
async function fetchCues(url: string, signal: AbortSignal): Promise<CueLike[]> {
  return (await loadUrl(url, 'chapters', signal)).cues;
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
      const fail = (): void => reject(failure('track', 'chapters', track.src, 'The chapters track could not be loaded.'));
      track.addEventListener('load', () => resolve(), { once: true, signal });
      track.addEventListener('error', fail, { once: true, signal });
      if (track.readyState === HTMLTrackElement.LOADED) resolve();
      if (track.readyState === HTMLTrackElement.ERROR) fail();
    });
  }
  const cues = await mapInSlices(
    textTrack.cues ?? [],
    (cue) => ({
      id: cue.id,
      startTime: cue.startTime,
      endTime: cue.endTime,
      text: 'text' in cue && typeof cue.text === 'string' ? cue.text : '',
    }),
    signal,
  );
  if (cues.some((c) => needsFullCharRefTable(c.text))) await loadFullCharRefTable();
  return cues;
}
