/**
 * The timing editor's pure core: an immutable session model, operations,
 * undo history, checks, waveform peaks and text-to-audio alignment. No DOM:
 * everything here runs in a page, a Worker or Node.
 *
 * A typical flow:
 *
 * ```ts
 * let h = createHistory(sessionFromPlainText(text));           // or sessionFromWebVTT / sessionFromSRT
 * h = apply(h, setDuration(h.present, media.duration));
 * // In a Worker: stream decoded audio into a PeakBuilder (waveform) and an
 * // EnvelopeBuilder (alignment), then:
 * const { session, review, speech } = await align(h.present, { envelope }, { onProgress, signal, yieldControl });
 * h = apply(h, session, 'Align');
 * const problems = checkSession(h.present, speech);              // each with an optional fix: applyFix
 * const tap = planTap(h.present, media.currentTime, { reactionTime: 0.25, synced }); // the boundary playback is crossing
 * if (tap.ok) h = apply(h, tapBoundary(h.present, tap.boundary, tap.time), 'Tap');
 * const { transcript, chapters } = sessionToWebVTT(h.present);
 * ```
 */
export * from './session.js';
export { sessionFromWebVTT, sessionToWebVTT, type ExportOptions, type WebVTTExport } from './webvtt-io.js';
export { sessionFromSRT } from './srt.js';
export { sessionFromPlainText, type PlainTextOptions } from './plaintext.js';
export * from './ops.js';
export * from './ops-text.js';
export { planTap, tapBoundary, tapWindow, boundaryAt, TAP_MIN_WINDOW, TAP_MAX_WINDOW, TAP_UNTIMED_WINDOW, type TapOptions, type TapPlan } from './tap.js';
export * from './history.js';
export { packHistory, unpackHistory, diffSessions, applyDelta, HISTORY_PACK_VERSION, type PackedHistory, type HistoryDelta, type Splice } from './history-pack.js';
export * from './checks.js';
export * from './peaks.js';
export * from './pauses.js';
export { snapToPauses, type BoundaryEstimate, type SnappedBoundary } from './snap.js';
export { forceAlign, forceAlignSteps, type ForcedCue, type ForcedOptions, type ForcedResult } from './forced.js';
export { spreadByText, spreadTimes, gapKinds, cueWeights, retime, DEFAULT_PAUSES, NOMINAL_RATE, type GapKind, type PausePriors, type Spread, type SpreadOptions } from './spread.js';
export { align, AlignAbortError, type AlignAudio, type AlignOptions, type AlignResult, type AlignedBoundary } from './align.js';
export { plainText, splitVoice, joinVoice, escapeCueText, splitPayload, type VoiceSplit, type PayloadSplit } from './cue-text.js';
export { splitSentences, splitLongSentence, speechWeight } from './text.js';
export { savedRecordProblem, savedMetaProblem, sessionProblem, isSession } from './saved-record.js';
export { JOURNAL_VERSION, journalOp, isEmptyOp, applyOp, replayJournal, journalRecordProblem, type JournalCause, type JournalOp, type JournalRecord, type SavedMeta, type SavedMediaRef, type ReplayResult } from './journal.js';
