/**
 * Acoustic alignment, word level: the text spoken by a reference voice
 * (Flite in WebAssembly), MFCC of both, multi-resolution DTW. Pure: runs in
 * a Worker or in Node. See `acoustic.ts`.
 */
export { alignAcoustic, type AcousticOptions, type AcousticResult, type AlignedWord, type ReferenceVoice, type ReviewReason } from './acoustic.js';
export { Flite, compileFlite, wordsOf, type FliteVoice, type Synthesized } from './flite.js';
export { MfccBuilder, mfcc, normalise, HOP, COEFFS, type Features } from './mfcc.js';
export { multiscaleDtw, bandedDtw, pool, type DtwOptions, type WarpPath } from './dtw.js';
export { runWasi, type WasiRun } from './wasi.js';
export type { WasmModule } from './runtime.js';
export { withWordTimes, withoutWordTimes, wordTimesOf, timestamp } from './word-times.js';
