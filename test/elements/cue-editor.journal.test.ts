import { expect } from '@open-wc/testing';
import '../../src/editor.js';
import type { CueEditor } from '../../src/elements/cue-editor/cue-editor.js';
import { clearSaved } from '../../src/storage/editor-store.js';
import { openEditorFrame, waitFor, type EditorFrameWindow } from './cue-editor-helpers.js';

/** A WebVTT transcript of `n` cues, two seconds apart. */
export function bigVtt(n: number): string {
  const ts = (t: number): string => {
    const ms = Math.round(t * 1000);
    const p = (x: number, w = 2): string => String(x).padStart(w, '0');
    return `${p(Math.floor(ms / 3600000))}:${p(Math.floor(ms / 60000) % 60)}:${p(Math.floor(ms / 1000) % 60)}.${p(ms % 1000, 3)}`;
  };
  let out = 'WEBVTT\n\n';
  for (let i = 0; i < n; i++) out += `c${i}\n${ts(i * 2)} --> ${ts(i * 2 + 1.5)}\n${i % 7 === 0 ? '<v Host>' : ''}Cue ${i}: a line of a long talk, as spoken.\n\n`;
  return out;
}

/** Size of what a put or add writes, as JSON (what a structured clone of these plain records costs, near enough). */
const size = (v: unknown): number => {
  try {
    return JSON.stringify(v)?.length ?? 0;
  } catch {
    return 0;
  }
};

describe('<cue-editor> journal: each change saved as it happens, at a cost that does not grow with the session', function () {
  this.timeout(180000);
  const key = `journal-test-${Date.now()}`;
  let frame: HTMLIFrameElement;

  afterEach(async () => {
    frame?.remove();
    await clearSaved(key);
  });

  async function openFrame(): Promise<CueEditor> {
    const opened = await openEditorFrame(key);
    frame = opened.frame;
    return opened.editor;
  }

  /** Opens an `n`-cue session in the frame's editor and waits until it is saved. */
  async function withCues(n: number): Promise<CueEditor> {
    const ed = await openFrame();
    expect(ed.openTranscript(bigVtt(n), `big-${n}.vtt`)).to.equal(true);
    expect(ed.session!.cues).to.have.length(n);
    await ed.saved();
    return ed;
  }

  /** Bytes put into IndexedDB (any store) while `work` runs and its save settles. */
  async function bytesWritten(ed: CueEditor, work: () => void): Promise<{ bytes: number; writes: number }> {
    const w = frame.contentWindow as EditorFrameWindow;
    const proto = w.IDBObjectStore.prototype;
    const { put, add } = proto;
    let bytes = 0;
    let writes = 0;
    proto.put = function (this: IDBObjectStore, value: unknown, k?: IDBValidKey) {
      bytes += size(value);
      writes++;
      return put.call(this, value, k);
    };
    proto.add = function (this: IDBObjectStore, value: unknown, k?: IDBValidKey) {
      bytes += size(value);
      writes++;
      return add.call(this, value, k);
    };
    try {
      work();
      await ed.saved();
    } finally {
      proto.put = put;
      proto.add = add;
    }
    return { bytes, writes };
  }

  it('GOOD: the bytes written for one edit are the same order on a 200-cue and a 5,000-cue session', async () => {
    const result: Record<number, { bytes: number; writes: number }> = {};
    for (const n of [200, 5000]) {
      const ed = await withCues(n);
      result[n] = await bytesWritten(ed, () => ed._run({ type: 'text', cue: Math.floor(n / 2), text: 'An edited line' }));
      expect(ed.session!.cues[Math.floor(n / 2)]!.text).to.match(/An edited line$/);
      frame.remove();
      await clearSaved(key);
    }
    const small = result[200]!;
    const large = result[5000]!;
    expect(small.writes, 'something was written').to.be.greaterThan(0);
    expect(large.writes).to.be.greaterThan(0);
    // A whole-session write is ~25 times larger at 5,000 cues; a change record is the same size.
    expect(large.bytes, `${large.bytes} bytes at 5,000 cues vs ${small.bytes} at 200`).to.be.lessThan(small.bytes * 2);
    expect(large.bytes, 'a small record').to.be.lessThan(4096);
  });

  it('GOOD: an edit is on disk one frame after it is made: the page killed then (removed, no unload), the reopened editor has it', async () => {
    let ed = await withCues(5000);
    for (let trial = 0; trial < 2; trial++) {
      const cue = 100 + trial * 37;
      const text = `Edit ${trial} kept through a crash`;
      ed._run({ type: 'text', cue, text });
      expect(ed.session!.cues[cue]!.text).to.match(new RegExp(`${text}$`));
      // One frame, then the page is gone.
      await new Promise<void>((r) => frame.contentWindow!.requestAnimationFrame(() => r()));
      frame.remove();
      ed = await openFrame();
      await waitFor(() => (frame.contentWindow as EditorFrameWindow).restored, 'the session restored', 60000);
      expect(ed.session!.cues, `trial ${trial}: the 5,000-cue session back`).to.have.length(5000);
      expect(ed.session!.cues[cue]!.text, `trial ${trial}: the edit made one frame before the crash`).to.match(new RegExp(`${text}$`));
    }
  });
});
