import { expect } from '@open-wc/testing';
import {
  apply,
  begin,
  createHistory,
  mergeCues,
  moveBoundary,
  nudge,
  packHistory,
  redo,
  retitleChapter,
  sessionFromWebVTT,
  setCueText,
  setDuration,
  splitCue,
  undo,
  unpackHistory,
  type EditHistory,
  type EditorSession,
} from '../../src/core/editor/index.js';

const SEED_VTT = '/timings/try-rust-with-francesco-ciulla.vtt';
const SEED_CHAPTERS = '/timings/try-rust-with-francesco-ciulla.chapters.vtt';

/** The seed session and a history of typical edits on it, with two of them undone (a future). */
async function edited(): Promise<{ seed: EditorSession; h: EditHistory }> {
  const seed = sessionFromWebVTT(await (await fetch(SEED_VTT)).text(), await (await fetch(SEED_CHAPTERS)).text());
  let h = createHistory(seed);
  h = apply(h, nudge(h.present, 5, 0.1), 'Nudge boundary');
  h = apply(h, splitCue(h.present, 9, 10), 'Split cue');
  h = apply(h, mergeCues(h.present, 20), 'Merge cues');
  h = apply(h, setCueText(h.present, 0, 'A new first line'), 'Edit text');
  h = apply(h, retitleChapter(h.present, 2, 'A new title'), 'Retitle question');
  h = apply(h, setDuration(h.present, 1400), 'Duration');
  h = apply(h, moveBoundary(h.present, 100, h.present.cues[100]!.startTime + 0.3, { ripple: true }), 'Drag boundary');
  h = undo(undo(h));
  return { seed, h };
}

/** What survives a trip through IndexedDB: a structured clone. */
const stored = <T>(x: T): T => structuredClone(x);

describe('editor history packed with the session', () => {
  it('GOOD: packs to deltas and unpacks to the same steps, labels and order, undo and redo included', async () => {
    const { seed, h } = await edited();
    const back = unpackHistory(stored(h.present), stored(packHistory(h)))!;
    expect(back).to.not.equal(null);
    expect(back.past.map((e) => e.label)).to.deep.equal(h.past.map((e) => e.label));
    expect(back.future.map((e) => e.label)).to.deep.equal(h.future.map((e) => e.label));
    back.past.forEach((e, k) => expect(e.session, `past ${k}`).to.deep.equal(h.past[k]!.session));
    back.future.forEach((e, k) => expect(e.session, `future ${k}`).to.deep.equal(h.future[k]!.session));
    let u = back;
    while (u.past.length) u = undo(u);
    expect(u.present).to.deep.equal(seed);
    let r = back;
    while (r.future.length) r = redo(r);
    let o = h;
    while (o.future.length) o = redo(o);
    expect(r.present).to.deep.equal(o.present);
  });

  it('GOOD: compact: 200 nudges of the 261-cue seed take a few kilobytes, not 200 copies', async () => {
    const { seed } = await edited();
    let h = createHistory(seed);
    for (let k = 0; k < 250; k++) h = apply(h, nudge(h.present, 1 + (k % 200), 0.01), 'Nudge boundary');
    const packed = packHistory(h);
    expect(packed.past, 'bounded to the last 200 steps').to.have.length(200);
    const size = JSON.stringify(packed).length;
    const one = JSON.stringify(seed).length;
    expect(size, 'packed size').to.be.below(one);
    expect(unpackHistory(h.present, stored(packed))!.past).to.have.length(200);
  });

  it('GOOD: an open drag is saved as done', async () => {
    const { seed } = await edited();
    let h = begin(createHistory(seed), 'Drag boundary');
    h = apply(h, moveBoundary(h.base!, 4, seed.cues[4]!.startTime + 0.2));
    const back = unpackHistory(h.present, stored(packHistory(h)))!;
    expect(back.past.map((e) => e.label)).to.deep.equal(['Drag boundary']);
    expect(back.past[0]!.session).to.deep.equal(seed);
  });

  const bad: [string, (p: Record<string, unknown>) => unknown][] = [
    ['BAD: not an object', () => 'history'],
    ['BAD: null', () => null],
    ['BAD: another format version', (p) => ({ ...p, v: 99 })],
    ['BAD: past is not a list', (p) => ({ ...p, past: {} })],
    ['BAD: a step without a label', (p) => ({ ...p, past: [{ ...(p['past'] as object[])[0], label: 3 }] })],
    ['BAD: a splice past the end of the cues', (p) => ({ ...p, past: [{ label: 'x', cues: { at: 500, remove: 2, insert: [] } }] })],
    ['BAD: a negative index', (p) => ({ ...p, past: [{ label: 'x', cues: { at: -1, remove: 0, insert: [] } }] })],
    ['BAD: a cue with a time that is not a number', (p) => ({ ...p, past: [{ label: 'x', cues: { at: 0, remove: 1, insert: [{ ...(p['cue'] as object), startTime: 'soon' }] } }] })],
    ['BAD: a cue with NaN', (p) => ({ ...p, past: [{ label: 'x', cues: { at: 0, remove: 1, insert: [{ ...(p['cue'] as object), endTime: NaN }] } }] })],
    ['BAD: a cue missing its text', (p) => ({ ...p, past: [{ label: 'x', cues: { at: 0, remove: 1, insert: [{ ...(p['cue'] as object), text: undefined }] } }] })],
    ['BAD: a chapter past the last cue', (p) => ({ ...p, past: [{ label: 'x', cues: { at: 0, remove: 250, insert: [] } }] })],
    ['BAD: a negative duration', (p) => ({ ...p, future: [{ label: 'x', duration: -4 }] })],
    ['BAD: a document that is not one', (p) => ({ ...p, past: [{ label: 'x', doc: 'WEBVTT' }] })],
  ];
  for (const [name, corrupt] of bad) {
    it(`${name}: the history is dropped (null), nothing thrown`, async () => {
      const { h } = await edited();
      const packed = { ...stored(packHistory(h)), cue: h.present.cues[0] } as unknown as Record<string, unknown>;
      expect(unpackHistory(h.present, corrupt(packed))).to.equal(null);
    });
  }
});
