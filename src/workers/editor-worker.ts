/**
 * The timing editor's Worker: waveform peaks, the energy envelope, pause
 * detection and alignment, off the main thread. Protocol: `editor-protocol.ts`.
 */
import { align, EnvelopeBuilder, PeakBuilder, pausesFromEnvelope, type Envelope } from '../core/editor/index.js';
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
const cancelled = new Set<number>();

/** A macrotask turn, so a `cancel` message is handled between alignment steps. */
const turn = (): Promise<void> => new Promise((r) => setTimeout(r));

async function runAlign(id: number, msg: Extract<ToWorker, { type: 'align' }>): Promise<void> {
  if (!envelope) {
    scope.postMessage({ type: 'failed', id, name: 'NoAudio', message: 'Open the recording before aligning.' });
    return;
  }
  const signal = { get aborted() { return cancelled.has(id); } };
  try {
    const result = await align(msg.session, { envelope }, {
      signal,
      yieldControl: turn,
      onProgress: (fraction, phase) => scope.postMessage({ type: 'progress', id, fraction, phase }),
    });
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
      envelope = null;
      break;
    case 'chunk':
      if (msg.job !== job || !peaks || !energy) return;
      peaks.push(msg.samples);
      energy.push(msg.samples);
      break;
    case 'end': {
      if (msg.job !== job || !peaks || !energy) return;
      const pyramid = peaks.finish();
      envelope = energy.finish();
      peaks = null;
      energy = null;
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
