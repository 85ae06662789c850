import { html, nothing } from 'lit';
import { NUDGE_STEPS, undoLabel, redoLabel } from '../../core/editor/index.js';
import type { CueEditor } from './cue-editor.js';
import { remakeExport } from './export.js';
import { renderEmbedCode } from './embed-code.js';
import { signedMs } from './format.js';
import { sessionToWebVTT } from '../../core/editor/index.js';
import { CAPTIONS_ACCEPT, CAPTIONS_FORMATS } from '../../core/captions/index.js';

const RATES = [0.5, 0.75, 1, 1.25, 1.5, 1.75, 2];
const ACCEPT = 'audio/*,video/*,.vtt,.srt,.txt,text/vtt,text/plain';
const CAPTIONS_TITLE = `Timed captions of the same recording (${CAPTIONS_FORMATS}): their word times go onto the open transcript's words.`;

/** A toggle button (aria-pressed). */
function toggle(label: string, pressed: boolean, onClick: () => void, title = ''): unknown {
  return html`<button type="button" aria-pressed=${pressed ? 'true' : 'false'} title=${title || nothing} @click=${onClick}>${label}</button>`;
}

/** The editor's toolbar: groups of buttons, each doing what a key does. */
export function renderToolbar(el: CueEditor): unknown {
  const h = el.history;
  const s = el.session;
  const cue = s?.cues[el._cue];
  const run = el._align;
  const u = h && undoLabel(h);
  const r = h && redoLabel(h);
  const nudges = [...NUDGE_STEPS].reverse().map((d) => -d).concat([...NUDGE_STEPS]);
  const actions = el._keyActions;
  return html`<div part="toolbar" class="toolbar">
    <div role="group" aria-label="Open" class="group">
      <label class="button file">
        Open files…
        <input type="file" multiple accept=${ACCEPT} @change=${(e: Event) => {
          const input = e.target as HTMLInputElement;
          if (input.files) void el.openFiles(input.files);
          input.value = '';
        }} />
      </label>
      <label class="button file" title=${CAPTIONS_TITLE}>
        Captions for timing…
        <input type="file" accept=${CAPTIONS_ACCEPT} ?disabled=${!s} title=${CAPTIONS_TITLE} @change=${async (e: Event) => {
          const input = e.target as HTMLInputElement;
          const file = input.files?.[0];
          input.value = '';
          if (file) el.openCaptions(await file.text(), file.name);
        }} />
      </label>
      <details class="url">
        <summary>From URL</summary>
        <form @submit=${(e: SubmitEvent) => {
          e.preventDefault();
          const data = new FormData(e.target as HTMLFormElement);
          const media = String(data.get('media') ?? '').trim();
          const text = String(data.get('transcript') ?? '').trim();
          const captions = String(data.get('captions') ?? '').trim();
          const opened = text ? el.openTranscriptUrl(text, String(data.get('chapters') ?? '').trim()) : Promise.resolve(true);
          if (captions) void opened.then((ok) => ok && el.openCaptionsUrl(captions));
          if (media) void el.openMedia(media);
        }}>
          <label>Recording <input name="media" type="url" placeholder="https://…/talk.mp4" /></label>
          <label>Transcript <input name="transcript" type="url" placeholder="…/talk.vtt, .srt or .txt" /></label>
          <label>Chapters <input name="chapters" type="url" placeholder="…/talk.chapters.vtt (optional)" /></label>
          <label>Captions for timing <input name="captions" type="url" placeholder="…/talk.en.vtt, .srt or .json (optional)" title=${CAPTIONS_FORMATS} /></label>
          <p class="hint">Captions for timing: ${CAPTIONS_FORMATS}. Their word times go onto the transcript's words.</p>
          <button type="submit">Open</button>
        </form>
      </details>
    </div>
    <div role="group" aria-label="History" class="group">
      <button type="button" ?disabled=${u == null} aria-label=${u ? `Undo ${u}` : 'Undo'} title="Ctrl+Z" @click=${() => el.undo()}>Undo</button>
      <button type="button" ?disabled=${r == null} aria-label=${r ? `Redo ${r}` : 'Redo'} title="Ctrl+Shift+Z or Ctrl+Y" @click=${() => el.redo()}>Redo</button>
    </div>
    <div role="group" aria-label="Timing" class="group">
      <button type="button" class="primary" ?disabled=${!s} title="T" @click=${() => actions.tap()}>Tap</button>
      <span role="group" aria-label="Nudge the selected boundary" class="nudges">
        ${nudges.map((d) => html`<button type="button" ?disabled=${!s} aria-label=${`Nudge ${signedMs(d)}`} @click=${() => actions.nudge(d, true)}>${signedMs(d).replace(' ms', '')}</button>`)}
      </span>
      ${toggle('Ripple', el.ripple, () => (el.ripple = !el.ripple), 'Shift all later cues too')}
      ${toggle('Linked', !el.unlinked, () => (el.unlinked = !el.unlinked), 'Move touching neighbours together (hold Alt to unlink once)')}
    </div>
    <div role="group" aria-label="Cue" class="group">
      <button type="button" ?disabled=${!cue} title="S" @click=${() => actions.split()}>Split</button>
      <button type="button" ?disabled=${!s || el._cue >= s.cues.length - 1} title="G" @click=${() => actions.merge()}>Merge</button>
      ${toggle('Anchor', !!cue?.fixed, () => el._run({ type: 'fixed', cue: el._cue, fixed: !cue?.fixed }), 'Anchored cues keep their times when aligning')}
    </div>
    <div role="group" aria-label="Listen" class="group">
      <button type="button" ?disabled=${!s} title="A" @click=${() => actions.audition(false)}>Audition</button>
      ${toggle('Repeat', el._playback.repeat, () => (el._playback.repeat ? el._playback.stop(true) : actions.audition(true)), 'Shift+A')}
      <label class="rate">Speed
        <select @change=${(e: Event) => el._setRate(Number((e.target as HTMLSelectElement).value))}>
          ${RATES.map((x) => html`<option value=${x} ?selected=${x === el._rate}>${x}×</option>`)}
        </select>
      </label>
    </div>
    <div role="group" aria-label="Align" class="group">
      ${run.running
        ? html`<button type="button" class="primary" @click=${() => el.cancelAlign()}>Cancel alignment</button>`
        : html`<button type="button" class="primary" ?disabled=${!s} @click=${() => void el.align()}>Align</button>`}
      <button type="button" ?disabled=${!run.review.length} aria-label="Previous boundary to review" title="Shift+R" @click=${() => actions.review(-1)}>‹</button>
      <span class="count" aria-hidden="true">${run.review.length} to review</span>
      <button type="button" ?disabled=${!run.review.length} aria-label=${`Next boundary to review (${run.review.length})`} title="R" @click=${() => actions.review(1)}>›</button>
    </div>
    <div role="group" aria-label="Export" class="group">
      ${el._export
        ? html`<a part="download" download=${el._export.transcript.name} href=${el._export.transcript.href} @click=${() => exported(el, 'transcript')}>${el._export.transcript.name}</a>
            <a part="download" download=${el._export.chapters.name} href=${el._export.chapters.href} @click=${() => exported(el, 'chapters')}>${el._export.chapters.name}</a>`
        : html`<button type="button" ?disabled=${!s} @click=${() => (el._export = remakeExport(el._export, el.session, el._name))}>Export…</button>`}
      ${renderEmbedCode(el)}
    </div>
  </div>`;
}

/** The user downloaded an export file: no leave warning for this session, and `cue-export` for the page. */
function exported(el: CueEditor, file: 'transcript' | 'chapters'): void {
  const links = el._export;
  if (!links) return;
  el.markExported();
  const text = sessionToWebVTT(links.session)[file];
  el.dispatchEvent(new CustomEvent('cue-export', { bubbles: true, composed: true, detail: { file, name: links[file].name, text } }));
}
