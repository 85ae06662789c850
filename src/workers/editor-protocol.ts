import type { AlignResult, EditorSession, PeakPyramid, SpeechMap } from '../core/editor/index.js';

/**
 * Messages between the timing editor and its Worker. The page decodes the
 * audio (Workers have no AudioContext) and streams mono chunks in; the Worker
 * builds the waveform pyramid, the energy envelope and the MFCC frames
 * from them, keeps the envelope and the MFCC (5 kB per second of audio),
 * and aligns against them on request. Chunks are transferred, never
 * copied, so at most one chunk is held twice.
 */
export type ToWorker =
  | { type: 'begin'; job: number; sampleRate: number; expectedLength: number }
  | { type: 'chunk'; job: number; samples: Float32Array }
  | { type: 'end'; job: number }
  /**
   * Align `session`. `engine` 'acoustic' (the default when the audio was streamed in) speaks the text with the
   * Flite voice at `voice` (a URL of flite.wasm; default: next to the package's node_modules) and warps it onto
   * the recording's MFCC; 'pauses' places boundaries in detected pauses only.
   */
  | { type: 'align'; id: number; session: EditorSession; engine?: 'acoustic' | 'pauses'; voice?: string }
  | { type: 'cancel'; id: number };

export type FromWorker =
  | { type: 'audio'; job: number; pyramid: PeakPyramid; speech: SpeechMap }
  | { type: 'progress'; id: number; fraction: number; phase: 'pauses' | 'align' | 'done' }
  | { type: 'aligned'; id: number; result: AlignResult }
  | { type: 'failed'; id: number; name: string; message: string };
