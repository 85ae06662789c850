import { html, nothing } from 'lit';
import { loadState } from '../../storage/editor-store.js';
import type { CueEditor } from './cue-editor.js';

/**
 * `<cue-editor>` and the other tabs: the read-only state when another tab
 * edits the same `storage-key`, its notice, and the two ways out ("Edit here"
 * takes the session over from the newest saved state; "Reload latest" shows
 * that state and stays read-only). The logic of who may write is in the
 * tabs and autosave controllers; this is what the person sees and chooses.
 */

/** Why this tab is read-only. */
export type ReadOnlyReason = 'open-elsewhere' | 'taken-over' | 'newer-saved';

/** `cue-readonly`: the editor became read-only because another tab edits the session, or editable again ("Edit here"). */
export interface CueReadonlyDetail {
  readOnly: boolean;
  /**
   * `open-elsewhere`: another tab had the session open when this one started;
   * `taken-over`: another tab chose "Edit here"; `newer-saved`: another tab
   * saved newer changes and this tab's write was refused; `edit-here`: the
   * person chose to edit in this tab.
   */
  reason: ReadOnlyReason | 'edit-here';
}

declare global {
  interface HTMLElementEventMap {
    'cue-readonly': CustomEvent<CueReadonlyDetail>;
  }
}

function fire(el: CueEditor, detail: CueReadonlyDetail): void {
  el.dispatchEvent(new CustomEvent('cue-readonly', { bubbles: true, composed: true, detail }));
}

/** At start, before anything is read or written: is another tab editing this session? */
export async function startTabs(el: CueEditor): Promise<void> {
  if (el.noAutosave) return;
  if (!(await el._tabs.claim())) setReadOnly(el, 'open-elsewhere');
}

/** Stops this tab writing and editing, says why, and tells the page. */
export function setReadOnly(el: CueEditor, reason: ReadOnlyReason): void {
  el._autosave.paused = true;
  el._history.readOnly = true;
  el._tabs.owning = false;
  const was = el._readOnly;
  el._readOnly = reason;
  if (was !== reason) fire(el, { readOnly: true, reason });
}

/** Brings the newest saved state into the editor (the history, name and export state as saved). */
async function show(el: CueEditor, read: () => ReturnType<CueEditor['_autosave']['adopt']>): Promise<void> {
  const unsaved = el._autosave.pending || el._autosave.error !== null;
  const before = el.session;
  const restored = await read();
  if (!restored || 'damaged' in restored) return;
  const { saved } = restored;
  if (before && unsaved && before !== saved.session) el._replaced = { session: before, name: el._name };
  el._history.restore(saved.session, saved.history);
  el._name = saved.name;
  if (!saved.unexported) el.markExported();
}

/** "Edit here": takes the session over from the newest saved state; the other tab turns read-only. */
export async function editHere(el: CueEditor): Promise<void> {
  await el._tabs.claim(true);
  el._history.readOnly = false;
  await show(el, () => el._autosave.takeOver());
  el._readOnly = null;
  el.announce(`Editing here: ${el.session?.cues.length ?? 0} cues, as last saved. The other tab is now read-only.`);
  fire(el, { readOnly: false, reason: 'edit-here' });
}

/** "Reload latest": shows the newest saved state, still read-only. */
export async function reloadLatest(el: CueEditor): Promise<void> {
  await show(el, async () => el._autosave.adopt(await loadState(el.storageKey)));
  el._autosave.paused = true;
  el.announce(`Showing the latest saved session: ${el.session?.cues.length ?? 0} cues.`);
}

const TEXT: Record<ReadOnlyReason, string> = {
  'open-elsewhere': 'This session is open in another tab or window. This tab is read-only and saves nothing, so neither overwrites the other.',
  'taken-over': 'This session is now being edited in another tab or window. This tab is read-only; export to keep what it shows.',
  'newer-saved': 'Newer changes to this session were saved in another tab or window, so this tab’s latest changes were not saved over them. This tab is read-only; export to keep what it shows.',
};

/** The notice (role=alert) while this tab is read-only, with its choices. */
export function renderTabNotice(el: CueEditor): unknown {
  const reason = el._readOnly;
  if (!reason) return nothing;
  return html`<p part="notice other-tab" class="notice save-error"><span>${TEXT[reason]}</span>
    <button type="button" @click=${() => void editHere(el)}>Edit here</button>
    <button type="button" @click=${() => void reloadLatest(el)}>Reload latest</button>
    ${reason === 'open-elsewhere' ? nothing : html`<button type="button" @click=${() => void el._exportNow()}>Export…</button>`}</p>`;
}
