import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/editor.js';
import type { CueEditor } from '../../src/elements/cue-editor/cue-editor.js';
import type { CueReadonlyDetail } from '../../src/elements/cue-editor/tabs.js';
import { clearSaved } from '../../src/storage/editor-store.js';
import { readBack } from './cue-editor-store-helpers.js';
import { SEED_CHAPTERS, SEED_VTT, status, waitFor } from './cue-editor-helpers.js';

type FrameWindow = Window & typeof globalThis & { restored?: unknown; readonlyEvents: CueReadonlyDetail[]; frameErrors: string[] };

/** Two editors on one storage key, each in its own same-origin frame: two tabs of one browser, as far as storage, locks and channels go. */
describe('<cue-editor> in two tabs on the same session', function () {
  this.timeout(120000);
  const key = `tabs-test-${Date.now()}`;
  const frames: HTMLIFrameElement[] = [];

  afterEach(async () => {
    // Take the focus back into this page before the frames go: Firefox leaves a page whose focused frame was
    // removed without focus, and the next test file's key presses would then reach nothing.
    window.focus();
    const anchor = document.createElement('button');
    document.body.append(anchor);
    anchor.focus();
    anchor.remove();
    for (const f of frames.splice(0)) f.remove();
    window.focus();
    await clearSaved(key);
  });

  const editorIn = (f: HTMLIFrameElement): CueEditor | null => f.contentDocument?.querySelector('cue-editor') ?? null;
  const win = (f: HTMLIFrameElement): FrameWindow => f.contentWindow as FrameWindow;

  async function openTab(extra = ''): Promise<[HTMLIFrameElement, CueEditor]> {
    const frame = document.createElement('iframe');
    frame.title = `Editor ${frames.length + 1}`;
    frame.style.cssText = 'width: 1000px; height: 420px; border: 0; display: block';
    frame.src = `/test/elements/cue-editor-frame.html?key=${key}&transcript=${SEED_VTT}&chapters=${SEED_CHAPTERS}${extra}`;
    const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
    document.body.append(frame);
    frames.push(frame);
    await loaded;
    const ed = await waitFor(() => editorIn(frame)?.session && editorIn(frame), 'editor in the frame', 30000);
    return [frame, ed];
  }

  const notice = (ed: CueEditor): HTMLElement | null => ed.shadowRoot!.querySelector<HTMLElement>('[part~="other-tab"]');
  const choice = (ed: CueEditor, name: string): HTMLButtonElement => [...notice(ed)!.querySelectorAll('button')].find((b) => b.textContent!.trim() === name)!;

  /** Presses a button of the notice with the keyboard (Enter), in its frame. */
  async function press(frame: HTMLIFrameElement, ed: CueEditor, name: string): Promise<void> {
    frame.focus();
    const button = choice(ed, name);
    button.focus();
    // Enter on the focused button, as a keyboard user would; where the runner's window has lost system focus
    // (Firefox, late in a full run), a key press reaches no frame, so the button is pressed by a click instead.
    if (document.hasFocus() && frame.contentDocument!.hasFocus() && ed.shadowRoot!.activeElement === button) await sendKeys({ press: 'Enter' });
    else button.click();
  }

  const text = (ed: CueEditor, i: number): string => ed.session!.cues[i]!.text;

  it('GOOD: the second tab says the session is open elsewhere and saves nothing; "Edit here" takes over and the first turns read-only, its work still exportable; a stale write never lands', async () => {
    const [fa, a] = await openTab();
    a._run({ type: 'text', cue: 0, text: 'From tab A' });
    await a.saved();
    expect(a.readOnly).to.equal(false);

    const [fb, b] = await openTab();
    await waitFor(() => b.readOnly || null, 'tab B read-only');
    await b.updateComplete;
    const nb = notice(b)!;
    expect(nb.textContent).to.match(/This session is open in another tab or window\. This tab is read-only and saves nothing/);
    expect(nb.parentElement!.getAttribute('role')).to.equal('alert');
    expect(nb.getBoundingClientRect().height).to.be.greaterThan(0);
    expect(win(fb).readonlyEvents).to.deep.equal([{ readOnly: true, reason: 'open-elsewhere' }]);
    expect(text(b, 0), 'B shows what A saved').to.match(/From tab A$/);
    expect(a.readOnly, 'A keeps editing').to.equal(false);
    expect(notice(a)).to.equal(null);

    // B refuses edits, and says why.
    b._run({ type: 'text', cue: 1, text: 'From tab B, refused' });
    await b.updateComplete;
    expect(text(b, 1)).not.to.match(/refused/);
    expect(status(b)).to.match(/Read-only: another tab or window edits this session/);

    // A edits on; B's "Reload latest" shows it, still read-only.
    a._run({ type: 'text', cue: 2, text: 'A again' });
    await a.saved();
    await press(fb, b, 'Reload latest');
    await waitFor(() => /A again$/.test(text(b, 2)) || null, 'B showing A’s latest');
    expect(b.readOnly).to.equal(true);

    // "Edit here" in B: B edits, A turns read-only with its notice and event.
    await press(fb, b, 'Edit here');
    await waitFor(() => !b.readOnly || null, 'B editing');
    await waitFor(() => a.readOnly || null, 'A read-only');
    expect(win(fb).readonlyEvents.at(-1)).to.deep.equal({ readOnly: false, reason: 'edit-here' });
    expect(win(fa).readonlyEvents).to.deep.equal([{ readOnly: true, reason: 'taken-over' }]);
    await a.updateComplete;
    expect(notice(a)!.textContent).to.match(/now being edited in another tab or window\. This tab is read-only; export to keep what it shows\./);
    expect(notice(b)).to.equal(null);
    expect(text(b, 2), 'B starts from the newest saved state').to.match(/A again$/);
    b._run({ type: 'text', cue: 3, text: 'From tab B' });
    await b.saved();
    expect((await readBack(key))!.session.cues[3]!.text).to.match(/From tab B$/);

    // Even if A's read-only state were bypassed, the store refuses its write.
    a._history.readOnly = false;
    a._autosave.paused = false;
    a._run({ type: 'text', cue: 4, text: 'Stale A' });
    await a.saved();
    expect(a._readOnly, 'A told at once its write was refused').to.equal('newer-saved');
    const stored = (await readBack(key))!;
    expect(stored.session.cues[4]!.text, 'the stale write did not land').not.to.match(/Stale A/);
    expect(stored.session.cues[3]!.text, 'B’s work intact').to.match(/From tab B$/);
    // A's unsaved work stays in memory and exportable.
    expect(a.exportSession().transcript).to.contain('Stale A');
    await a.updateComplete;
    expect(choice(a, 'Export…')).to.exist;
    expect(win(fa).frameErrors).to.deep.equal([]);
    expect(win(fb).frameErrors).to.deep.equal([]);
  });

  it('GOOD: without the Web Locks API the second tab is still told, over BroadcastChannel', async () => {
    const [, a] = await openTab('&locks=none');
    await a.saved();
    const [fb, b] = await openTab('&locks=none');
    await waitFor(() => b.readOnly || null, 'tab B read-only');
    expect(a.readOnly).to.equal(false);
    expect(win(fb).readonlyEvents).to.deep.equal([{ readOnly: true, reason: 'open-elsewhere' }]);
  });

  it('BAD: with neither Web Locks nor BroadcastChannel, the revision check still refuses the stale tab: it says so, keeps its edit in memory, and "Edit here" starts from the newer work', async () => {
    const [, a] = await openTab('&locks=none&bc=none');
    await a.saved();
    const [fb, b] = await openTab('&locks=none&bc=none');
    expect(b.readOnly, 'nothing to detect the other tab with').to.equal(false);
    // A saves after B read the store: B is now stale.
    a._run({ type: 'text', cue: 0, text: 'Newer, from A' });
    await a.saved();
    b._run({ type: 'text', cue: 1, text: 'Stale, from B' });
    await b.saved();
    expect(b._readOnly, 'B’s write refused at once').to.equal('newer-saved');
    await b.updateComplete;
    expect(notice(b)!.textContent).to.match(/Newer changes to this session were saved in another tab or window, so this tab’s latest changes were not saved over them/);
    expect(win(fb).readonlyEvents).to.deep.equal([{ readOnly: true, reason: 'newer-saved' }]);
    let stored = (await readBack(key))!;
    expect(stored.session.cues[0]!.text).to.match(/Newer, from A$/);
    expect(stored.session.cues[1]!.text).not.to.match(/Stale/);
    expect(text(b, 1), 'B’s edit kept in memory').to.match(/Stale, from B$/);

    // B chooses "Edit here": it starts from A's newer work, and its own refused edit stays recoverable.
    await press(fb, b, 'Edit here');
    await waitFor(() => !b.readOnly || null, 'B editing');
    expect(text(b, 0)).to.match(/Newer, from A$/);
    expect(text(b, 1)).not.to.match(/Stale/);
    await b.updateComplete;
    expect(b.shadowRoot!.querySelector('[part~="replaced"]')!.textContent).to.match(/previous session .* was replaced; it is kept/);
    // A, now stale, is refused in turn.
    a._run({ type: 'text', cue: 2, text: 'A after the take-over' });
    await a.saved();
    expect(a._readOnly, 'A refused at once').to.equal('newer-saved');
    stored = (await readBack(key))!;
    expect(stored.session.cues[2]!.text).not.to.match(/take-over/);
  });
});
