import { html, nothing } from 'lit';
import type { CueEditor } from './cue-editor.js';
import { renderPanel } from './panels.js';
import { renderTabNotice } from './tabs.js';
import { renderJournalNotice } from './journal-notice.js';
import { renderToolbar } from './toolbar.js';

/** The editor's layout: toolbar, messages, timeline, then the player with its panel beside the cue list. */
export function renderEditor(el: CueEditor): unknown {
  const s = el.session;
  const problems = el.problems;
  const review = new Set(el._align.review);
  const progress = el._align.progress;
  const loader = el._loader;
  return html`<div class="frame" @dragover=${loader.dragOver} @dragleave=${loader.dragLeave} @drop=${loader.drop}>
    ${renderToolbar(el)}
    <div part="error" class="error ${el._errors.length ? '' : 'empty'}" role="alert">
      ${el._errors.length
        ? html`<ul>${el._errors.map((e) => html`<li>${e}</li>`)}</ul>
            <button type="button" class="dismiss" @click=${() => (el._errors = [])}>Dismiss</button>`
        : nothing}
    </div>
    <div class="save-alert" role="alert">${el._saveError
        ? html`<p part="save-error" class="notice save-error"><span>Changes are not being saved in this browser (${el._saveError}). Export to keep them.</span>
            <button type="button" @click=${() => void el._exportNow()}>Export…</button></p>`
      : nothing}${renderTabNotice(el)}</div>
    <div class="notices" aria-live="polite">
      ${el._replaced
        ? html`<p part="notice replaced" class="notice"><span>The previous session (${el._replaced.session.cues.length} cues, with changes not exported) was replaced; it is kept.</span>
            <button type="button" @click=${() => el._restoreReplaced()}>Restore the previous session</button>
            <button type="button" class="dismiss" @click=${() => (el._replaced = null)}>Dismiss</button></p>`
        : nothing}
      ${el._damaged
        ? html`<p part="notice damaged" class="notice save-error"><span>The session saved in this browser could not be read (${el._damaged.problem}), so the editor started from the transcript. The saved record is kept aside:</span>
            <a download=${el._damaged.name} href=${el._damaged.href}>Download it (JSON)</a></p>`
        : nothing}
      ${renderJournalNotice(el)}
      ${el._restored
        ? html`<p part="notice" class="notice"><span>${el._restored}</span>
            <button type="button" class="dismiss" @click=${() => (el._restored = '')}>Dismiss</button></p>`
        : nothing}
    </div>
    <div class="statusbar">
      <span part="clock" class="clock mono" title="Play position">0:00.000</span>
      <p part="status" class="status" aria-live="polite">${el._notice}</p>
      ${progress === null ? nothing : html`<progress max="1" .value=${progress} aria-label="Alignment progress"></progress>`}
      ${el._audio === 'loading' ? html`<progress aria-label="Reading the waveform"></progress>` : nothing}
    </div>
    <div class="zoom" role="group" aria-label="Timeline zoom">
      <button type="button" aria-label="Zoom out" title="-" @click=${() => el._ctx.zoom(-1)}>−</button>
      <button type="button" aria-label="Zoom in" title="=" @click=${() => el._ctx.zoom(1)}>+</button>
      <button type="button" title="0" @click=${() => el._ctx.zoom(0)}>Whole session</button>
    </div>
    <cue-editor-timeline
      .session=${s}
      .pyramid=${el._audioCtl.pyramid}
      .speech=${el._audioCtl.speech}
      .problems=${problems}
      .review=${review}
      .boundary=${el._boundary}
      .cue=${el._cue}
      .duration=${s?.duration ?? 0}
      aria-label="Timeline"
    ></cue-editor-timeline>
    <div class="work">
      <div class="side">
        <media-controller part="player" class="player">
          <video slot="media" src=${el._mediaSrc || nothing} preload="auto" playsinline></video>
          <media-control-bar>
            <media-play-button></media-play-button>
            <media-time-range></media-time-range>
            <media-mute-button></media-mute-button>
          </media-control-bar>
        </media-controller>
        ${renderPanel(el, problems)}
      </div>
      <cue-editor-list .session=${s} .problems=${problems} .review=${review} .selected=${el._cue} .active=${el._active}></cue-editor-list>
    </div>
    <dialog part="confirm" class="confirm" aria-labelledby="confirm-title" @close=${(e: Event) => el._confirmClosed((e.currentTarget as HTMLDialogElement).returnValue)}>
      ${el._confirm
        ? html`<form method="dialog">
            <h2 id="confirm-title">Open ${el._confirm.name} over changes not exported?</h2>
            <p>The open session has changes you have not exported. Opening the file replaces it (it stays one undo step back).</p>
            <div class="group">
              <button value="export" autofocus>Export first, then open</button>
              <button value="replace">Replace</button>
              <button value="cancel">Cancel</button>
            </div>
          </form>`
        : nothing}
    </dialog>
    ${el._dropping ? html`<div class="drop" aria-hidden="true">Drop a recording, a transcript (WebVTT, SRT, text) or a chapters file</div>` : nothing}
  </div>`;
}
