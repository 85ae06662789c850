import { html, nothing } from 'lit';
import { plainText, type Problem } from '../../core/editor/index.js';
import { EDITOR_KEYS } from '../../controllers/editor/keys.js';
import { boundaryTime } from './actions.js';
import type { CueEditor } from './cue-editor.js';
import { clockTime } from './format.js';

/** The side panel: what is selected, the checks with their fixes, settings and the keys. */
export function renderPanel(el: CueEditor, problems: readonly Problem[]): unknown {
  const s = el.session;
  const b = el._boundary;
  const n = s?.cues.length ?? 0;
  const conf = el._align.confidence(b);
  const next = s?.cues[b];
  return html`<div part="panel" class="panel">
    <section aria-labelledby="sel-h">
      <h2 id="sel-h">Selection</h2>
      ${s
        ? html`<p class="sel">
              Boundary <strong>${b}</strong> of ${n} at <strong class="mono">${clockTime(boundaryTime(s, b))}</strong>${conf === undefined ? nothing : html` · confidence <strong>${Math.round(conf * 100)}%</strong>`}
            </p>
            <p class="hint">${next ? html`Cue ${b + 1}: “${excerpt(plainText(next.text))}”` : b === n ? 'The end of the last cue.' : nothing}</p>
            <p class="hint">Tap (T) as each cue begins: it sets the boundary that playback is crossing.</p>`
        : html`<p class="hint">Open a recording and a transcript: pick files, drop them here, or give URLs.</p>`}
    </section>
    <section aria-labelledby="checks-h">
      <h2 id="checks-h">Checks${renderChecksBadge(s ? problems.length : null)}</h2>
      ${problems.length
        ? html`<ul class="checks">
            ${problems.slice(0, 50).map(
              (p, k) => html`<li>
                <button type="button" class="link" @click=${() => el._run({ type: 'select-cue', cue: p.cueIndex, seek: true })}>${clockTime(p.time)}</button>
                <span>${p.message}</span>
                ${p.fix ? html`<button type="button" class="fix" @click=${() => el._run({ type: 'fix', problem: k })}>${p.fix.label}</button>` : nothing}
              </li>`,
            )}
            ${problems.length > 50 ? html`<li>…and ${problems.length - 50} more.</li>` : nothing}
          </ul>`
        : html`<p class="hint">${s ? 'No problems found.' : 'Nothing to check yet.'}</p>`}
    </section>
    <section aria-labelledby="settings-h">
      <h2 id="settings-h">Settings</h2>
      <label class="setting">Tap reaction time
        <input type="number" min="0" max="1000" step="10" .value=${String(Math.round(el.reactionTime * 1000))}
          @change=${(e: Event) => (el.reactionTime = Math.max(0, Number((e.target as HTMLInputElement).value) || 0) / 1000)} /> ms
      </label>
    </section>
    <details class="keys">
      <summary>Keyboard</summary>
      <dl>${EDITOR_KEYS.map((k) => html`<div><dt><kbd>${k.keys}</kbd></dt><dd>${k.does}</dd></div>`)}</dl>
    </details>
  </div>`;
}

/**
 * The checks count. None found is good news, not an error: a neutral badge
 * with a tick and the word "none"; problems get the error colour and a "!"
 * with the number, so colour is never the only sign. Read as "Checks: none"
 * or "Checks: 3 problems".
 */
function renderChecksBadge(count: number | null): unknown {
  if (count === null) return nothing;
  const state = count ? 'problems' : 'clear';
  return html`<span class="vh">:</span> <span part="checks-count" class="count ${state}" data-state=${state}
    ><span aria-hidden="true">${count ? '!' : '✓'}</span> ${count ? html`${count}<span class="vh"> ${count === 1 ? 'problem' : 'problems'}</span>` : 'none'}</span
  >`;
}

function excerpt(text: string): string {
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}
