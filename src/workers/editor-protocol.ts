import type { AlignResult, EditorSession, PeakPyramid, SpeechMap } from '../core/editor/index.js';

/**
 * Messages between the timing editor and its Worker. The page decodes the
 * audio (Workers have no AudioContext) and streams mono chunks in; the Worker
 * builds the waveform pyramid and the energy envelope from them, keeps the
 * envelope, and aligns against it on request. Chunks are transferred, never
 * copied, so at most one chunk is held twice.
 */
export type ToWorker =
  | { type: 'begin'; job: number; sampleRate: number; expectedLength: number }
  | { type: 'chunk'; job: number; samples: Float32Array }
  | { type: 'end'; job: number }
  | { type: 'align'; id: number; session: EditorSession }
  | { type: 'cancel'; id: number };

export type FromWorker =
  | { type: 'audio'; job: number; pyramid: PeakPyramid; speech: SpeechMap }
  | { type: 'progress'; id: number; fraction: number; phase: 'pauses' | 'align' | 'done' }
  | { type: 'aligned'; id: number; result: AlignResult }
  | { type: 'failed'; id: number; name: string; message: string };
