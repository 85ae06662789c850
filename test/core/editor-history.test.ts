import { expect } from '@open-wc/testing';
import {
  apply,
  begin,
  cancel,
  commit,
  createHistory,
  createSession,
  DEFAULT_SETTINGS,
  moveBoundary,
  redo,
  redoLabel,
  splitCue,
  undo,
  undoLabel,
  type EditorSession,
} from '../../src/core/editor/index.js';

const start = (): EditorSession =>
  createSession({
    cues: [
      { id: 'a', startTime: 0, endTime: 2, text: 'One two.', speaker: '', fixed: false, timed: true, settings: DEFAULT_SETTINGS },
      { id: 'b', startTime: 2, endTime: 4, text: 'Three four.', speaker: '', fixed: false, timed: true, settings: DEFAULT_SETTINGS },
    ],
    duration: 10,
  });

const ends = (s: EditorSession): number[] => s.cues.map((c) => c.endTime);

describe('editor history', () => {
  it('GOOD: undo and redo step through applied operations', () => {
    const s0 = start();
    let h = createHistory(s0);
    h = apply(h, moveBoundary(h.present, 1, 2.5), 'Move boundary');
    h = apply(h, splitCue(h.present, 0, 4), 'Split cue');
    expect(h.present.cues).to.have.length(3);
    expect(undoLabel(h)).to.equal('Split cue');
    h = undo(h);
    expect(ends(h.present)).to.deep.equal([2.5, 4]);
    expect(redoLabel(h)).to.equal('Split cue');
    h = undo(h);
    expect(h.present).to.equal(s0);
    expect(undo(h)).to.equal(h, 'nothing left to undo');
    h = redo(redo(h));
    expect(h.present.cues).to.have.length(3);
    expect(redo(h)).to.equal(h, 'nothing left to redo');
  });

  it('GOOD: a whole drag is one step', () => {
    const s0 = start();
    let h = begin(createHistory(s0), 'Drag boundary');
    for (const t of [2.1, 2.4, 2.9, 3.2]) h = apply(h, moveBoundary(h.base!, 1, t));
    h = commit(h);
    expect(ends(h.present)).to.deep.equal([3.2, 4]);
    expect(h.past).to.have.length(1);
    expect(undoLabel(h)).to.equal('Drag boundary');
    expect(undo(h).present).to.equal(s0);
  });

  it('GOOD: undo during a drag undoes the drag as a whole', () => {
    const s0 = start();
    let h = begin(createHistory(s0));
    h = apply(h, moveBoundary(h.base!, 1, 3));
    h = undo(h);
    expect(h.present).to.equal(s0);
    expect(h.base).to.equal(null);
    expect(redo(h).present.cues[0]!.endTime).to.equal(3);
  });

  it('GOOD: cancel goes back to where the transaction began, recording nothing', () => {
    const s0 = start();
    let h = begin(createHistory(s0));
    h = apply(h, moveBoundary(h.base!, 1, 3));
    h = cancel(h);
    expect(h.present).to.equal(s0);
    expect(h.past).to.have.length(0);
  });

  it('GOOD: a new change clears the redo steps', () => {
    let h = createHistory(start());
    h = apply(h, moveBoundary(h.present, 1, 3), 'a');
    h = undo(h);
    h = apply(h, moveBoundary(h.present, 1, 2.5), 'b');
    expect(h.future).to.have.length(0);
    expect(redo(h)).to.equal(h);
  });

  it('BAD: no-op changes and empty transactions record nothing', () => {
    const s0 = start();
    let h = createHistory(s0);
    h = apply(h, moveBoundary(h.present, 1, 2)); // same time: same session back
    expect(h.past).to.have.length(0);
    h = commit(begin(h));
    expect(h.past).to.have.length(0);
  });

  it('BAD: depth is capped, dropping the oldest steps', () => {
    let h = createHistory(start(), 3);
    for (const t of [2.1, 2.2, 2.3, 2.4, 2.5]) h = apply(h, moveBoundary(h.present, 1, t), `to ${t}`);
    expect(h.past.map((e) => e.label)).to.deep.equal(['to 2.3', 'to 2.4', 'to 2.5']);
    h = undo(undo(undo(h)));
    expect(h.present.cues[0]!.endTime).to.equal(2.2);
    expect(undo(h)).to.equal(h);
  });

  it('GOOD: begin inside an open transaction does not nest', () => {
    let h = begin(createHistory(start()), 'outer');
    h = apply(h, moveBoundary(h.base!, 1, 3));
    const again = begin(h, 'inner');
    expect(again).to.equal(h);
    expect(undoLabel(commit(again))).to.equal('outer');
  });
});
