/**
 * Autosave: the cost of saving one edit as the session grows, the old way
 * (the whole session and its packed undo history rewritten in one put) and
 * the journal's (one small record appended), in real IndexedDB. Each edit
 * changes one cue's text; times are from the write's start to its
 * transaction completing, bytes are the record as JSON.
 */
import { apply, createHistory, journalOp, JOURNAL_VERSION, packHistory, sessionFromWebVTT, setCueText, type EditHistory } from '../src/core/editor/index.js';
import { appendJournal, clearSaved, save, writeSnapshot } from '../src/storage/editor-store.js';
import { generateSession } from './lib/generate.js';
import { summarize, table } from './lib/stats.js';

const EDITS = 30;
const meta = { savedAt: 0, unexported: true, name: 'bench.vtt', media: null };

async function one(cues: number): Promise<Record<string, string | number>> {
  const g = generateSession(cues);
  let h: EditHistory = createHistory(sessionFromWebVTT(g.transcript, g.chapters));
  // A history of 50 steps behind the present, as after a while of editing.
  for (let i = 0; i < 50; i++) h = apply(h, setCueText(h.present, (i * 7) % cues, `Warm-up edit ${i}`), 'Edit text');
  const key = `bench-autosave-${cues}`;
  await clearSaved(key);
  const rev = await writeSnapshot(key, { session: h.present, history: packHistory(h), ...meta, seq: 0 }, 0, 'bench');
  const whole: number[] = [];
  const journal: number[] = [];
  let wholeBytes = 0;
  let journalBytes = 0;
  for (let i = 0; i < EDITS; i++) {
    const before = h.present;
    h = apply(h, setCueText(before, (i * 13) % cues, `Edit ${i}`), 'Edit text');
    // Old: the whole session and history (packing it is part of the cost).
    let t0 = performance.now();
    const value = { session: h.present, history: packHistory(h), ...meta, savedAt: Date.now() };
    await save(`${key}-whole`, value);
    whole.push(performance.now() - t0);
    wholeBytes = JSON.stringify(value).length;
    // Journal: one record.
    t0 = performance.now();
    const record = { v: JOURNAL_VERSION, seq: i + 1, ops: [journalOp(before, h.present, 'Edit text', 'edit')], meta: { ...meta, savedAt: Date.now() } } as const;
    await appendJournal(key, record, rev);
    journal.push(performance.now() - t0);
    journalBytes = JSON.stringify(record).length;
  }
  await clearSaved(key);
  await clearSaved(`${key}-whole`);
  const w = summarize(whole);
  const j = summarize(journal);
  return {
    cues,
    'whole: bytes': wholeBytes,
    'whole: p50 ms': w.p50.toFixed(2),
    'whole: p95 ms': w.p95.toFixed(2),
    'journal: bytes': journalBytes,
    'journal: p50 ms': j.p50.toFixed(2),
    'journal: p95 ms': j.p95.toFixed(2),
    'whole / journal (p50)': (w.p50 / j.p50).toFixed(1),
  };
}

export default async function (): Promise<string> {
  const rows = [];
  for (const n of [200, 1000, 5000, 20000]) rows.push(await one(n));
  return `Saving one edit (${EDITS} edits per size; the packed undo history holds 50+ steps; times include building the record):\n\n${table(rows)}`;
}
