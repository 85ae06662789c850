import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/editor.js';
import type { CueEditor } from '../../src/elements/cue-editor/cue-editor.js';
import type { CueSaveErrorDetail } from '../../src/elements/cue-editor/events.js';
import { clearSaved, loadDamaged, loadSaved, save } from '../../src/storage/editor-store.js';
import { readBack } from './cue-editor-store-helpers.js';
import { button, CLIP, handle, ready, SEED_CHAPTERS, SEED_VTT, view, waitFor } from './cue-editor-helpers.js';

type FrameWindow = Window & typeof globalThis & { restored?: { savedAt: number }; saveErrors: CueSaveErrorDetail[]; frameErrors: string[]; realOpen?: IDBFactory['open'] };

function frameEditor(frame: HTMLIFrameElement): CueEditor | null {
  return frame.contentDocument?.querySelector('cue-editor') ?? null;
}

async function loaded(frame: HTMLIFrameElement): Promise<void> {
  await new Promise((r) => frame.addEventListener('load', r, { once: true }));
}

describe('<cue-editor> autosave', function () {
  this.timeout(60000);
  const key = `autosave-test-${Date.now()}`;
  let frame: HTMLIFrameElement;

  afterEach(async () => {
    frame?.remove();
    await clearSaved(key);
  });

  it('GOOD: saves every change as it happens; a real reload brings the session and the local recording back, and says so', async () => {
    frame = document.createElement('iframe');
    frame.title = 'Editor';
    frame.style.cssText = 'width: 1000px; height: 800px; border: 0';
    frame.src = `/test/elements/cue-editor-frame.html?key=${key}&transcript=${SEED_VTT}&chapters=${SEED_CHAPTERS}`;
    const first = loaded(frame);
    document.body.append(frame);
    await first;
    const ed = await waitFor(() => frameEditor(frame)?.session && frameEditor(frame), 'editor in the frame');
    expect((frame.contentWindow as FrameWindow).restored).to.equal(undefined);

    // Real keys inside the frame: nudge boundary 5, then split cue 9.
    const start = ed.session!.cues[5]!.startTime;
    ed._run({ type: 'select-boundary', boundary: 5 });
    await view(ed, start - 5, start + 5);
    frame.focus();
    handle(ed, 5).focus();
    await sendKeys({ press: 'BracketRight' });
    expect(ed.session!.cues[5]!.startTime).to.be.closeTo(start + 0.1, 1e-9);
    await ed.saved();
    // What a crash would leave behind is already on disk.
    expect((await readBack(key))!.session.cues[5]!.startTime).to.equal(ed.session!.cues[5]!.startTime);
    ed._run({ type: 'select-cue', cue: 9 });
    await ed.updateComplete;
    handle(ed, 9).focus();
    await sendKeys({ press: 'KeyS' });
    expect(ed.session!.cues).to.have.length(262);

    const clip = new File([await (await fetch(CLIP)).blob()], 'my clip.mp4', { type: 'video/mp4' });
    await ed.openMedia(clip);
    await ready(ed);
    expect(ed.media!.src.startsWith('blob:')).to.equal(true);
    await ed.saved();
    const edited = ed.session!;

    // Leaving now asks first.
    const leave = new Event('beforeunload', { cancelable: true });
    frame.contentWindow!.dispatchEvent(leave);
    expect(leave.defaultPrevented).to.equal(true);
    // Exported: leaving no longer asks (and the reload below is not held by a prompt).
    ed.markExported();
    const leave2 = new Event('beforeunload', { cancelable: true });
    frame.contentWindow!.dispatchEvent(leave2);
    expect(leave2.defaultPrevented).to.equal(false);
    await ed.saved();

    const second = loaded(frame);
    frame.contentWindow!.location.reload();
    await second;
    const back = await waitFor(() => (frame.contentWindow as FrameWindow).restored && frameEditor(frame)?.session && frameEditor(frame), 'restored editor');
    expect(back).not.to.equal(ed);
    expect(back.session!.cues).to.deep.equal(edited.cues);
    expect(back.session!.chapters).to.deep.equal(edited.chapters);
    expect(back.session!.doc).to.deep.equal(edited.doc);
    await back.updateComplete;
    const notice = back.shadowRoot!.querySelector('[part~="notice"]')!;
    expect(notice.textContent).to.match(/Restored your session saved at .+: 262 cues\./);
    expect(notice.parentElement!.getAttribute('aria-live')).to.equal('polite');
    expect(notice.getBoundingClientRect().height).to.be.greaterThan(0);
    await ready(back);
    expect(back.media!.src.startsWith('blob:')).to.equal(true);
    expect(back._mediaRef).to.deep.equal({ kind: 'file', name: 'my clip.mp4' });
    expect(back.unexported).to.equal(false);
  });

  it('GOOD: after a crash (the page gone without unloading) unexported changes come back, still unexported', async () => {
    frame = document.createElement('iframe');
    frame.title = 'Editor';
    frame.style.cssText = 'width: 1000px; height: 800px; border: 0';
    frame.src = `/test/elements/cue-editor-frame.html?key=${key}&transcript=${SEED_VTT}`;
    const first = loaded(frame);
    document.body.append(frame);
    await first;
    const ed = await waitFor(() => frameEditor(frame)?.session && frameEditor(frame), 'editor in the frame');
    ed._run({ type: 'text', cue: 0, text: 'A new first line' });
    await ed.saved();
    expect(ed.unexported).to.equal(true);
    // Remove the frame (no unload prompt for a removed frame) and open the page again: the crash case.
    frame.remove();
    frame = document.createElement('iframe');
    frame.title = 'Editor';
    frame.src = `/test/elements/cue-editor-frame.html?key=${key}&transcript=${SEED_VTT}`;
    const again = loaded(frame);
    document.body.append(frame);
    await again;
    const back = await waitFor(() => (frame.contentWindow as FrameWindow).restored && frameEditor(frame)?.session && frameEditor(frame), 'restored editor');
    expect(back.session!.cues[0]!.text).to.equal('<v Host>A new first line');
    await back.updateComplete;
    expect(back.shadowRoot!.querySelector('[part~="notice"]')!.textContent).to.match(/with changes not exported yet\./);
    expect(back.unexported).to.equal(true);
  });

  /** Opens the frame page on the seed and returns its editor. */
  async function openFrame(extra = ''): Promise<CueEditor> {
    frame = document.createElement('iframe');
    frame.title = 'Editor';
    frame.style.cssText = 'width: 1000px; height: 800px; border: 0';
    frame.src = `/test/elements/cue-editor-frame.html?key=${key}&transcript=${SEED_VTT}&chapters=${SEED_CHAPTERS}${extra}`;
    const first = loaded(frame);
    document.body.append(frame);
    await first;
    return waitFor(() => frameEditor(frame)?.session && frameEditor(frame), 'editor in the frame');
  }

  async function reload(restored = true): Promise<CueEditor> {
    const again = loaded(frame);
    frame.contentWindow!.location.reload();
    await again;
    return waitFor(() => (!restored || (frame.contentWindow as FrameWindow).restored) && frameEditor(frame)?.session && frameEditor(frame), 'restored editor');
  }

  async function ctrlZ(): Promise<void> {
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'KeyZ' });
    await sendKeys({ up: 'Control' });
  }

  it('GOOD: the undo history is kept with the session: after a real reload Ctrl+Z undoes the edits made before it', async () => {
    const ed = await openFrame();
    const original = ed.session!;
    const start = original.cues[5]!.startTime;
    ed._run({ type: 'select-boundary', boundary: 5 });
    await view(ed, start - 5, start + 5);
    frame.focus();
    handle(ed, 5).focus();
    await sendKeys({ press: 'BracketRight' });
    ed._run({ type: 'select-cue', cue: 9 });
    await ed.updateComplete;
    handle(ed, 9).focus();
    await sendKeys({ press: 'KeyS' });
    expect(ed.session!.cues).to.have.length(262);
    await ed.saved();
    ed.markExported();
    await ed.saved();

    const back = await reload();
    expect(back).not.to.equal(ed);
    expect(back.session!.cues).to.have.length(262);
    await back.updateComplete;
    expect(button(back, 'Undo Split cue').disabled).to.equal(false);
    frame.focus();
    const b = back.selection.boundary;
    await view(back, back.session!.cues[b]!.startTime - 5, back.session!.cues[b]!.startTime + 5);
    handle(back, b).focus();
    await ctrlZ();
    expect(back.session!.cues, 'the split undone').to.have.length(261);
    await ctrlZ();
    expect(back.session!.cues[5]!.startTime, 'the nudge undone').to.equal(start);
    expect(back.session!.cues).to.deep.equal(original.cues);
    expect(back.session!.chapters).to.deep.equal(original.chapters);
    // And redone, as before the reload.
    back.redo();
    expect(back.session!.cues[5]!.startTime).to.be.closeTo(start + 0.1, 1e-9);
  });

  it('BAD: an unreadable saved history is dropped; the session still comes back, and says so', async () => {
    const ed = await openFrame();
    ed._run({ type: 'text', cue: 0, text: 'A new first line' });
    await ed.saved();
    ed.markExported();
    await ed.saved();
    const rec = (await loadSaved(key))!;
    expect(rec.history?.past, 'the history is saved beside the session').to.have.length.greaterThan(0);
    await save(key, { ...rec, history: { v: 1, past: [{ label: 'Split cue', cues: { at: 9999, remove: 1, insert: [] } }], future: [] } });
    const back = await reload();
    expect(back.session!.cues[0]!.text).to.equal('<v Host>A new first line');
    await back.updateComplete;
    expect(button(back, 'Undo').disabled).to.equal(true);
    expect(back.shadowRoot!.querySelector('[part~="notice"]')!.textContent).to.match(/undo history could not be read and starts afresh\./);
  });

  const saveNotice = (ed: CueEditor): HTMLElement | null => ed.shadowRoot!.querySelector<HTMLElement>('[part~="save-error"]');

  it('BAD: with no IndexedDB (a private window) the editor says at once that changes are not saved, offers Export, keeps the edits, and saves them once storage works', async () => {
    const ed = await openFrame('&idb=unavailable');
    const w = frame.contentWindow as FrameWindow;
    const notice = await waitFor(() => saveNotice(ed), 'the save notice, before any edit');
    expect(notice.textContent).to.match(/Changes are not being saved in this browser \(.*private window\)\. Export to keep them\./);
    expect(notice.parentElement!.getAttribute('role')).to.equal('alert');
    expect(notice.getBoundingClientRect().height).to.be.greaterThan(0);
    expect(w.saveErrors.map((d) => d.reason)).to.deep.equal(['unavailable']);
    ed._run({ type: 'text', cue: 0, text: 'Kept in memory' });
    await ed.updateComplete;
    expect(ed.session!.cues[0]!.text).to.equal('<v Host>Kept in memory');
    expect(saveNotice(ed), 'the notice stays').not.to.equal(null);
    expect(w.saveErrors, 'reported once, not on every retry').to.have.length(1);
    // Export from the notice: the download links appear and the first takes focus.
    const exportButton = [...notice.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Export…')!;
    frame.focus();
    exportButton.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => ed.shadowRoot!.activeElement?.matches('[part~="download"]'), 'focus on the download link');
    expect(ed.unexported, 'not exported until downloaded').to.equal(true);
    // Storage comes back: the retry saves the work and the notice goes.
    w.IDBFactory.prototype.open = w.realOpen!;
    await waitFor(() => !saveNotice(ed), 'the notice cleared by a save that worked', 20000);
    await ed.saved();
    expect((await readBack(key))!.session.cues[0]!.text).to.equal('<v Host>Kept in memory');
  });

  it('BAD: storage full (QuotaExceededError) mid-session: the editor says so, fires cue-save-error (quota) once, retries, and the newest edit is saved when space is back', async () => {
    const ed = await openFrame();
    const w = frame.contentWindow as FrameWindow;
    ed._run({ type: 'text', cue: 0, text: 'Saved fine' });
    await ed.saved();
    expect(saveNotice(ed)).to.equal(null);
    const { put, add } = w.IDBObjectStore.prototype;
    w.IDBObjectStore.prototype.put = w.IDBObjectStore.prototype.add = function () {
      throw new w.DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    ed._run({ type: 'text', cue: 1, text: 'Not saved yet' });
    const notice = await waitFor(() => saveNotice(ed), 'the save notice');
    expect(notice.textContent).to.match(/not being saved in this browser \(.*storage .* is full\)/);
    expect(w.saveErrors.map((d) => [d.reason, d.name])).to.deep.equal([['quota', 'QuotaExceededError']]);
    ed._run({ type: 'text', cue: 2, text: 'Newest' });
    await new Promise((r) => setTimeout(r, 1500));
    expect(w.saveErrors, 'once per outage').to.have.length(1);
    w.IDBObjectStore.prototype.put = put;
    w.IDBObjectStore.prototype.add = add;
    await waitFor(() => !saveNotice(ed), 'the notice cleared by a save that worked', 40000);
    await ed.saved();
    const rec = (await readBack(key))!;
    expect(rec.session.cues[1]!.text).to.equal('<v Host>Not saved yet');
    expect(rec.session.cues[2]!.text).to.match(/Newest$/);
  });

  it('BAD: a damaged saved record: the editor says so, keeps the record aside for download, and starts from the page\'s transcript (no TypeError, never blank)', async () => {
    const ed = await openFrame();
    ed._run({ type: 'text', cue: 0, text: 'A good edit' });
    await ed.saved();
    const rec = (await loadSaved(key))!;
    const shapes: [string, unknown][] = [
      ['a string', 'garbage'],
      ['no session', { ...rec, session: undefined }],
      ['cues not an array', { ...rec, session: { ...rec.session, cues: 7 } }],
      ['a null cue', { ...rec, session: { ...rec.session, cues: [null, ...rec.session.cues.slice(1)] } }],
      ['a question past the cues', { ...rec, session: { ...rec.session, chapters: [{ ...rec.session.chapters[0]!, endCue: 9999 }] } }],
      ['no doc', { ...rec, session: { ...rec.session, doc: null } }],
    ];
    for (const [what, shape] of shapes) {
      await save(key, shape as never);
      const back = await reload(false);
      const w = frame.contentWindow as FrameWindow;
      expect(back.session!.cues, `${what}: the transcript opened`).to.have.length(261);
      expect(back.session!.cues[0]!.text, what).not.to.equal('<v Host>A good edit');
      await back.updateComplete;
      const notice = await waitFor(() => back.shadowRoot!.querySelector<HTMLElement>('[part~="damaged"]'), `${what}: the notice`);
      expect(notice.textContent, what).to.match(/could not be read \(.+\), so the editor started from the transcript/);
      const link = notice.querySelector('a')!;
      expect(link.getAttribute('download')).to.match(/-damaged\.json$/);
      expect(JSON.parse(await (await fetch(link.href)).text()), `${what}: the record to download`).to.deep.equal(JSON.parse(JSON.stringify(shape)));
      expect(await loadDamaged(key), `${what}: kept aside in the store`).to.deep.equal(shape);
      expect(w.frameErrors, `${what}: no uncaught errors`).to.deep.equal([]);
    }
  });

  it('BAD: opening a file over changes not exported asks first (a keyboard dialog); replaced, the work stays recoverable and the leave warning stays on', async () => {
    const ed = await openFrame();
    ed._run({ type: 'text', cue: 0, text: 'Not exported yet' });
    await ed.updateComplete;
    expect(ed.unexported).to.equal(true);
    const file = new File([await (await fetch('/test/fixtures/talk.vtt')).text()], 'talk.vtt', { type: 'text/vtt' });
    const dialog = (): HTMLDialogElement | null => ed.shadowRoot!.querySelector<HTMLDialogElement>('dialog[part~="confirm"][open]');

    // Escape keeps the session.
    let opening = ed.openFiles([file]);
    await waitFor(dialog, 'the question');
    expect(dialog()!.textContent).to.match(/Open talk\.vtt over changes not exported\?/);
    frame.focus();
    await sendKeys({ press: 'Escape' });
    await opening;
    expect(dialog()).to.equal(null);
    expect(ed.session!.cues[0]!.text).to.equal('<v Host>Not exported yet');

    // Tab to Replace, Enter.
    opening = ed.openFiles([file]);
    await waitFor(dialog, 'the question again');
    await sendKeys({ press: 'Tab' });
    expect(ed.shadowRoot!.activeElement!.textContent!.trim()).to.equal('Replace');
    await sendKeys({ press: 'Enter' });
    await opening;
    expect(ed.session!.cues.length).to.be.lessThan(20);
    expect(ed.unexported, 'the replaced work is not exported').to.equal(true);
    const leave = new Event('beforeunload', { cancelable: true });
    frame.contentWindow!.dispatchEvent(leave);
    expect(leave.defaultPrevented, 'leaving still asks').to.equal(true);
    await ed.updateComplete;
    const notice = ed.shadowRoot!.querySelector('[part~="replaced"]')!;
    expect(notice.textContent).to.match(/previous session \(261 cues, with changes not exported\) was replaced; it is kept/);

    // A crash or reload (the frame gone, then opened again) keeps it: still not exported, one undo back.
    await ed.saved();
    frame.remove();
    await openFrame();
    const back = await waitFor(() => (frame.contentWindow as FrameWindow).restored && frameEditor(frame), 'restored editor');
    expect(back.unexported).to.equal(true);
    back.undo();
    expect(back.session!.cues[0]!.text).to.equal('<v Host>Not exported yet');
    back.redo();
    // And the notice's Restore brings it back in one step.
    back._run({ type: 'text', cue: 0, text: 'Changed again' });
    opening = back.openFiles([file]);
    await waitFor(() => back.shadowRoot!.querySelector<HTMLDialogElement>('dialog[open]'), 'the question after reload');
    button(back, 'Replace').click();
    await opening;
    await back.updateComplete;
    button(back, 'Restore the previous session').click();
    expect(back.session!.cues[0]!.text).to.match(/Changed again$/);
    expect(back.unexported).to.equal(true);
  });
});
