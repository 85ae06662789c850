import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  apply,
  applyDelta,
  applyOp,
  createHistory,
  createSession,
  DEFAULT_SETTINGS,
  diffSessions,
  JOURNAL_VERSION,
  journalOp,
  mergeCues,
  nudge,
  redo,
  removeCue,
  replayJournal,
  retitleChapter,
  setCueText,
  setDuration,
  splitCue,
  undo,
  type EditChapter,
  type EditCue,
  type EditHistory,
  type EditorSession,
  type JournalCause,
  type JournalRecord,
  type SavedMeta,
} from '../../src/core/editor/index.js';

const RUNS = Number((globalThis as { __CUELINE_FUZZ_RUNS__?: number }).__CUELINE_FUZZ_RUNS__) || 200;

const cue = (i: number, text = `Cue number ${i} says something`): EditCue => ({
  id: `c${i}`,
  startTime: i * 2,
  endTime: i * 2 + 1.5,
  text: i % 3 === 0 ? `<v Host>${text}` : text,
  speaker: '',
  fixed: false,
  timed: true,
  settings: DEFAULT_SETTINGS,
});

function session(n: number): EditorSession {
  const cues = Array.from({ length: n }, (_, i) => cue(i));
  const chapters: EditChapter[] = n >= 2 ? [{ id: 'q01', title: 'First question', startCue: 0, endCue: Math.floor(n / 2), startTime: 0, endTime: cues[Math.floor(n / 2) - 1]!.endTime, settings: DEFAULT_SETTINGS }] : [];
  return createSession({ cues, chapters });
}

const META: SavedMeta = { savedAt: 1, unexported: true, name: 'talk.vtt', media: null };
const record = (seq: number, ops: JournalRecord['ops'], meta: SavedMeta = META): JournalRecord => ({ v: JOURNAL_VERSION, seq, ops, meta });
/** What survives IndexedDB: a structured clone. */
const stored = <T>(x: T): T => structuredClone(x);

describe('core/editor journal', () => {
  it('GOOD: a change to one cue of 5,000 is a delta of that cue alone', () => {
    const s = session(5000);
    const after = setCueText(s, 2500, 'Changed');
    const op = journalOp(s, after, 'Edit text', 'edit');
    expect(op.delta.cues).to.deep.equal({ at: 2500, remove: 1, insert: [after.cues[2500]] });
    expect(op.delta.chapters).to.equal(undefined);
    expect(JSON.stringify(op).length).to.be.lessThan(600);
    expect(applyDelta(stored(s), stored(op.delta))!.session).to.deep.equal(after);
  });

  it('GOOD: replay rebuilds the present and the undo history (edits, an undo, a redo, an amend)', () => {
    const s = session(20);
    let h = createHistory(s);
    const ops: JournalRecord['ops'][number][] = [];
    const step = (next: EditHistory, label: string, cause: JournalCause): void => {
      ops.push(journalOp(h.present, next.present, label, cause));
      h = next;
    };
    step(apply(h, nudge(h.present, 5, 0.1), 'Nudge boundary'), 'Nudge boundary', 'edit');
    step(apply(h, splitCue(h.present, 9, 4), 'Split cue'), 'Split cue', 'edit');
    step(undo(h), 'Split cue', 'undo');
    step(redo(h), 'Split cue', 'redo');
    step(undo(h), 'Split cue', 'undo');
    step({ ...h, present: setDuration(h.present, 100) }, '', 'amend');
    // Two records, the second holding three operations that landed together.
    const r = replayJournal(createHistory(stored(s)), 0, stored([record(1, ops.slice(0, 3)), record(2, ops.slice(3), { ...META, unexported: false })]));
    expect(r.bad).to.equal(null);
    expect(r.applied).to.equal(2);
    expect(r.seq).to.equal(2);
    expect(r.meta!.unexported).to.equal(false);
    expect(r.history.present).to.deep.equal(h.present);
    expect(r.history.past.map((e) => e.label)).to.deep.equal(['Nudge boundary']);
    expect(r.history.future.map((e) => e.label)).to.deep.equal(['Split cue']);
    expect(redo(r.history).present.cues).to.deep.equal(redo(h).present.cues);
    expect(undo(r.history).present.cues).to.deep.equal(s.cues);
  });

  it('GOOD: records already folded into the snapshot are skipped', () => {
    const s = session(10);
    const a = setCueText(s, 1, 'One');
    const r = replayJournal(createHistory(a), 1, [record(1, [journalOp(s, a, 'Edit text', 'edit')])]);
    expect(r.bad).to.equal(null);
    expect(r.applied).to.equal(0);
    expect(r.history.present).to.equal(a);
  });

  const s = session(10);
  const a = setCueText(s, 1, 'One');
  const b = setCueText(a, 2, 'Two');
  const good1 = record(1, [journalOp(s, a, 'Edit text', 'edit')]);
  const good2 = record(2, [journalOp(a, b, 'Edit text', 'edit')]);
  const bad: [string, unknown[], RegExp][] = [
    ['a record that is not an object', [good1, 'garbage', good2], /not an object/],
    ['an unknown format', [good1, { ...good2, v: 99 }], /unknown format/],
    ['no operations', [good1, { ...good2, ops: null }], /no operations/],
    ['bad facts', [good1, { ...good2, meta: { ...META, savedAt: 'yesterday' } }], /save time/],
    ['a gap in the sequence', [good1, { ...good2, seq: 3 }], /change 2 is missing/],
    ['a splice past the end', [good1, record(2, [{ cause: 'edit', delta: { label: 'x', cues: { at: 50, remove: 1, insert: [] } } }])], /does not fit/],
    ['a malformed cue', [good1, record(2, [{ cause: 'edit', delta: { label: 'x', cues: { at: 0, remove: 1, insert: [{ id: 1 } as never] } } }])], /does not fit/],
    ['an unknown cause', [good1, record(2, [{ cause: 'explode' as never, delta: { label: 'x' } }])], /does not fit/],
  ];
  for (const [what, records, problem] of bad) {
    it(`BAD: ${what}: the valid records before it are kept, it and the rest handed back`, () => {
      const r = replayJournal(createHistory(s), 0, records);
      expect(r.applied, what).to.equal(1);
      expect(r.history.present, what).to.deep.equal(a);
      expect(r.bad!.problem, what).to.match(problem);
      expect(r.bad!.records, what).to.deep.equal(records.slice(1));
    });
  }

  it('BAD: applyOp refuses what is not an operation', () => {
    const h = createHistory(s);
    for (const x of [null, 7, {}, { cause: 'edit' }, { cause: 'edit', delta: { label: 3 } }]) expect(applyOp(h, x), JSON.stringify(x)).to.equal(null);
  });

  // Generated sessions and edits.
  const sessionArb = fc.integer({ min: 1, max: 40 }).map(session);
  type Edit = { kind: 'nudge' | 'split' | 'merge' | 'remove' | 'text' | 'title' | 'duration' | 'undo' | 'redo'; at: number; x: number; text: string };
  const editArb: fc.Arbitrary<Edit> = fc.record({
    kind: fc.constantFrom('nudge', 'split', 'merge', 'remove', 'text', 'title', 'duration', 'undo', 'redo'),
    at: fc.nat(60),
    x: fc.double({ min: -3, max: 3, noNaN: true }),
    text: fc.string({ maxLength: 20 }),
  });

  /** One generated edit on the history: the new history, the label and the cause. */
  function edit(h: EditHistory, e: Edit): [EditHistory, string, JournalCause] {
    const p = h.present;
    const n = p.cues.length;
    const i = n ? e.at % n : 0;
    if (e.kind === 'undo') return [undo(h), 'Undo', 'undo'];
    if (e.kind === 'redo') return [redo(h), 'Redo', 'redo'];
    if (e.kind === 'duration') return [{ ...h, present: setDuration(p, p.duration + Math.abs(e.x)) }, '', 'amend'];
    const next =
      e.kind === 'nudge' ? nudge(p, e.at % (n + 1), e.x)
      : e.kind === 'split' && n ? splitCue(p, i, Math.max(1, e.at % 10))
      : e.kind === 'merge' && n > 1 ? mergeCues(p, Math.min(i, n - 2))
      : e.kind === 'remove' && n > 1 ? removeCue(p, i)
      : e.kind === 'text' && n ? setCueText(p, i, e.text)
      : e.kind === 'title' && p.chapters.length ? retitleChapter(p, 0, e.text)
      : p;
    return [apply(h, next, e.kind), e.kind, 'edit'];
  }

  it('PROPERTY: diff then apply gives the session after, for generated sessions and edits (through a structured clone)', () => {
    fc.assert(
      fc.property(sessionArb, fc.array(editArb, { maxLength: 12 }), (s0, edits) => {
        let h = createHistory(s0);
        for (const e of edits) {
          const [next] = edit(h, e);
          const d = diffSessions(h.present, next.present, 'x');
          const back = applyDelta(stored(h.present), stored(d));
          expect(back).not.to.equal(null);
          expect(back!.session).to.deep.equal(next.present);
          h = next;
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('PROPERTY: replaying the journal of generated edits (batched as they land) rebuilds the present and the undo history', () => {
    fc.assert(
      fc.property(sessionArb, fc.array(editArb, { maxLength: 15 }), fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 15, maxLength: 15 }), (s0, edits, batches) => {
        let h = createHistory(s0);
        const ops = [];
        for (const e of edits) {
          const [next, label, cause] = edit(h, e);
          if (next.present !== h.present) ops.push(journalOp(h.present, next.present, label, cause));
          h = next;
        }
        const records: JournalRecord[] = [];
        for (let k = 0, b = 0; k < ops.length; k += batches[b++]!) records.push(record(records.length + 1, ops.slice(k, k + batches[b]!)));
        const r = replayJournal(createHistory(stored(s0)), 0, stored(records));
        expect(r.bad).to.equal(null);
        expect(r.history.present).to.deep.equal(h.present);
        expect(r.history.past.map((x) => x.session)).to.deep.equal(h.past.map((x) => x.session));
        expect(r.history.future.map((x) => x.session)).to.deep.equal(h.future.map((x) => x.session));
      }),
      { numRuns: RUNS },
    );
  });
});
