import { html, nothing } from 'lit';
import type { CueEditor } from './cue-editor.js';
import { safeBaseName } from './export.js';

/** The newest saved changes that could not be read back: why, how many, and a download of them. */
export interface DamagedJournal {
  problem: string;
  count: number;
  href: string;
  name: string;
}

/** What the notice needs, from the records kept aside (as JSON; as text when they are not JSON-able). */
export function damagedJournal(key: string, problem: string, kept: readonly unknown[]): DamagedJournal {
  let text: string;
  try {
    text = JSON.stringify(kept, null, 2);
  } catch {
    text = String(kept);
  }
  const href = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  return { problem, count: kept.length, href, name: `${safeBaseName(key)}-damaged-changes.json` };
}

/** The notice that the session came back without its newest saved changes (they are kept aside, downloadable). */
export function renderJournalNotice(el: CueEditor): unknown {
  const d = el._damagedJournal;
  if (!d) return nothing;
  const them = d.count === 1 ? 'it' : 'them';
  return html`<p part="notice damaged" class="notice save-error"><span>The latest ${d.count === 1 ? 'saved change' : `${d.count} saved changes`} could not be read back (${d.problem}); the session is restored up to ${them}, and the unreadable part is kept aside:</span>
    <a download=${d.name} href=${d.href}>Download ${them} (JSON)</a>
    <button type="button" class="dismiss" @click=${() => (el._damagedJournal = null)}>Dismiss</button></p>`;
}
