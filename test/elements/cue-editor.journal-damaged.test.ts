import { expect } from '@open-wc/testing';
import '../../src/editor.js';
import type { CueEditor } from '../../src/elements/cue-editor/cue-editor.js';
import { clearSaved, loadDamagedJournal } from '../../src/storage/editor-store.js';
import { editorIn, openEditorFrame, waitFor, type EditorFrameWindow } from './cue-editor-helpers.js';

describe('<cue-editor> journal: a damaged record', function () {
  this.timeout(180000);
  const key = `journal-damaged-test-${Date.now()}`;
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

  /** Replaces the newest journal record under `key` with `bad`, in one transaction; false when there is none (already compacted). */
  function spoilNewest(bad: unknown): Promise<boolean> {
    return new Promise((resolve, reject) => {
      const req = indexedDB.open('cueline-editor');
      req.onerror = () => reject(req.error);
      req.onsuccess = () => {
        const db = req.result;
        const tx = db.transaction('sessions', 'readwrite');
        const store = tx.objectStore('sessions');
        const cursor = store.openCursor(IDBKeyRange.bound([key, -Infinity], [key, Infinity]), 'prev');
        let found = false;
        cursor.onsuccess = () => {
          const c = cursor.result;
          if (!c) return;
          found = true;
          c.update(bad);
        };
        tx.oncomplete = () => {
          db.close();
          resolve(found);
        };
        tx.onerror = () => reject(tx.error);
      };
    });
  }

  it('BAD: a damaged journal record: the session comes back with every change before it, the editor says so, and the bad part is kept aside for download', async () => {
    const ed = await openFrame();
    const bad = { v: 1, seq: 'not a number', ops: 'garbage' };
    let spoiled = false;
    for (let attempt = 0; attempt < 3 && !spoiled; attempt++) {
      ed._run({ type: 'text', cue: 0, text: `A good change ${attempt}` });
      await ed.saved();
      ed._run({ type: 'text', cue: 1, text: 'The change that gets damaged' });
      await ed.saved();
      spoiled = await spoilNewest(bad);
    }
    expect(spoiled, 'a journal record to damage').to.equal(true);
    const again = new Promise((r) => frame.addEventListener('load', r, { once: true }));
    frame.contentWindow!.location.reload();
    await again;
    const back = await waitFor(() => (frame.contentWindow as EditorFrameWindow).restored && editorIn(frame)?.session && editorIn(frame), 'restored editor', 60000);
    expect(back.session!.cues[0]!.text, 'the change before the bad record').to.match(/A good change \d$/);
    expect(back.session!.cues[1]!.text).not.to.match(/damaged/);
    expect(back.session!.cues).to.have.length(261);
    await back.updateComplete;
    const notice = await waitFor(() => back.shadowRoot!.querySelector<HTMLElement>('[part~="damaged"]'), 'the notice');
    expect(notice.textContent).to.match(/The latest saved change could not be read back \(.+\); the session is restored up to it, and the unreadable part is kept aside/);
    const link = notice.querySelector('a')!;
    expect(link.getAttribute('download')).to.match(/-damaged-changes\.json$/);
    expect(JSON.parse(await (await fetch(link.href)).text())).to.deep.equal([bad]);
    expect(await loadDamagedJournal(key)).to.deep.equal([bad]);
    expect((frame.contentWindow as EditorFrameWindow).frameErrors).to.deep.equal([]);
    // The store is whole again: another reload restores the same, with no notice.
    await back.saved();
    const third = new Promise((r) => frame.addEventListener('load', r, { once: true }));
    frame.contentWindow!.location.reload();
    await third;
    const last = await waitFor(() => (frame.contentWindow as EditorFrameWindow).restored && editorIn(frame)?.session && editorIn(frame), 'restored again', 60000);
    expect(last.session!.cues[0]!.text).to.equal(back.session!.cues[0]!.text);
    await last.updateComplete;
    expect(last.shadowRoot!.querySelector('[part~="damaged"]')).to.equal(null);
  });
});
