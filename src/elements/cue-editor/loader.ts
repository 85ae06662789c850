import { setDuration } from '../../core/editor/index.js';
import type { CueEditor } from './cue-editor.js';
import { WorkerStartError } from '../../controllers/editor/audio.js';
import { TRUSTED_TYPES_POLICY } from '../../dom/trusted-script-url.js';
import { toProblems, type CueEditorErrorDetail, type CueWorkerErrorDetail } from './events.js';
import { safeBaseName } from './export.js';
import { describeError, importTranscript, isChaptersFile, isMediaFile } from './import.js';

/** Last path segment of a URL, decoded: the name a fetched file is shown and exported under. */
function urlName(url: string): string {
  try {
    return decodeURIComponent(new URL(url, location.href).pathname.split('/').pop() ?? '') || url;
  } catch {
    return url;
  }
}

/**
 * Getting material into `<cue-editor>`: restoring the saved session or
 * reading the element's URLs, opening recordings (URL or local file, kept
 * local), transcripts (text, URL, picked or dropped files), and reporting
 * what could not be opened without touching the session already open.
 */
export class Loader {
  readonly #el: CueEditor;
  #objectUrl = '';
  /** The recording opened last, to read again when the element comes back after being removed. */
  #media: string | File | null = null;
  /** True once the first load (restore or attributes) ran. */
  started = false;

  constructor(el: CueEditor) {
    this.#el = el;
  }

  /** Restores the saved session, else opens the element's `transcript` and `src`. */
  async start(): Promise<void> {
    const el = this.#el;
    const restored = await el._autosave.restore().catch((e: unknown) => {
      // No store to read (a private window): say so now, not after the first edit is lost.
      el._autosave.unavailable(e);
      return null;
    });
    this.started = true;
    if (restored && 'damaged' in restored) {
      // Never a blank editor: say so, offer the record for download, and start from the page's own transcript.
      el._damaged = { problem: restored.problem, href: damagedUrl(restored.damaged), name: `${safeBaseName(el.storageKey)}-damaged.json` };
    } else if (restored) {
      const { saved, media } = restored;
      const kept = el._history.restore(saved.session, saved.history);
      el._name = saved.name;
      if (!saved.unexported) el.markExported();
      const when = new Date(saved.savedAt).toLocaleTimeString();
      el._restored = `Restored your session saved at ${when}: ${saved.session.cues.length} cues${saved.unexported ? ', with changes not exported yet' : ''}${kept || saved.history === undefined ? '' : '; its undo history could not be read and starts afresh'}.`;
      el.dispatchEvent(new CustomEvent('cue-restore', { bubbles: true, composed: true, detail: { session: saved.session, savedAt: saved.savedAt } }));
      if (media && saved.media?.kind === 'file') await this.openMedia(new File([media], saved.media.name, { type: media.type }), false);
      else if (saved.media?.kind === 'url') await this.openMedia(saved.media.url, false);
      else if (el.src) await this.openMedia(el.src);
      return;
    }
    if (el.transcript) await this.openUrl(el.transcript, el.chapters);
    if (el.src) await this.openMedia(el.src);
  }

  dispose(): void {
    if (this.#objectUrl) URL.revokeObjectURL(this.#objectUrl);
    this.#objectUrl = '';
  }

  /**
   * The element is back in a document after being removed: removal stopped
   * the waveform read (and revoked a local file's object URL), so read the
   * recording again unless its waveform was complete and its URL still valid.
   */
  reconnected(): void {
    const m = this.#media;
    if (m !== null && (this.#el._audio !== 'ready' || typeof m !== 'string')) void this.openMedia(m, false);
  }

  /** Plays `source` and reads its waveform. `remember` keeps a local file for the next restore. */
  async openMedia(source: string | File, remember = true): Promise<void> {
    const el = this.#el;
    this.dispose();
    const local = typeof source !== 'string';
    if (local) this.#objectUrl = URL.createObjectURL(source);
    el._mediaSrc = local ? this.#objectUrl : source;
    el._mediaRef = local ? { kind: 'file', name: source.name } : { kind: 'url', url: source };
    if (remember) {
      await el._autosave.keepMedia(local ? source : null);
      el._autosave.schedule();
    }
    el._audio = 'loading';
    el.announce(`Reading the waveform of ${local ? source.name : urlName(source)}…`);
    this.#media = source;
    try {
      const duration = await el._audioCtl.load(source);
      el._setDuration(duration);
      el.announce(`Recording ready: ${local ? source.name : urlName(source)}.`);
    } catch (e) {
      // Superseded by a newer recording, or the element was removed: not a failure (reconnecting reads it again).
      if ((e as Error).name === 'AbortError') return;
      if (e instanceof WorkerStartError) return this.workerFailed(e);
      el._audio = 'failed';
      el._errors = [`Could not read the recording: ${(e as Error).message}`];
    }
  }

  /** The Worker could not start (Trusted Types, a script that did not load): shown where the errors are, and `cue-worker-error`. */
  workerFailed(e: WorkerStartError): void {
    const el = this.#el;
    el._audio = 'failed';
    el._errors = [e.message];
    const detail: CueWorkerErrorDetail = { reason: e.reason, policy: TRUSTED_TYPES_POLICY, message: e.message };
    el.dispatchEvent(new CustomEvent('cue-worker-error', { bubbles: true, composed: true, detail }));
  }

  /** Opens a transcript from its text; reports errors and keeps the open session when there are any. */
  openText(text: string, name: string, chapters: string | null): boolean {
    const el = this.#el;
    const duration = el.media?.duration;
    const r = importTranscript(text, name, chapters, duration);
    if (!r.ok) {
      const shown = r.errors.slice(0, 5).map((e) => describeError(e, e.source === 'chapters' ? `${name} (chapters)` : name));
      if (r.errors.length > 5) shown.push(`…and ${r.errors.length - 5} more.`);
      el._errors = [`Could not open ${name || 'the transcript'}; nothing was changed.`, ...shown];
      this.#fail(name, 'not-webvtt', shown[0] ?? '', toProblems(r.errors, name), r.errors[0]?.line ?? 0, r.errors[0]?.column ?? 0);
      return false;
    }
    const session = duration && Number.isFinite(duration) ? setDuration(r.session, Math.max(duration, r.session.duration)) : r.session;
    el._errors = [];
    // Opening over work not exported: that work stays one step back (undo, and "Restore" in a notice), and the
    // leave warning stays on, since it still exists only here. Only an export marks it exported.
    const previous = el.unexported ? { session: el.session!, name: el._name } : null;
    el._history.open(session, `Open ${name || 'transcript'}`);
    el._name = name;
    el._boundary = 0;
    el._cue = 0;
    el._align.reset();
    el._replaced = previous;
    if (!previous) el.markExported();
    el.announce(`Opened ${name || 'the transcript'}: ${session.cues.length} cues, ${session.chapters.length} questions${r.format === 'text' ? ', not timed yet' : ''}.`);
    el.dispatchEvent(new CustomEvent('cue-open', { bubbles: true, composed: true, detail: { session, name, format: r.format } }));
    return true;
  }

  async openUrl(url: string, chaptersUrl = ''): Promise<boolean> {
    const name = urlName(url);
    try {
      const [text, chapters] = await Promise.all([fetchText(url), chaptersUrl ? fetchText(chaptersUrl) : Promise.resolve(null)]);
      return this.openText(text, name, chapters);
    } catch (e) {
      const status = (e as { status?: number }).status ?? 0;
      this.#el._errors = [`Could not fetch ${name}: ${(e as Error).message}`];
      this.#fail(name, status ? 'http' : 'network', (e as Error).message, [], 0, 0, status);
      return false;
    }
  }

  async openFiles(files: File[]): Promise<void> {
    const media = files.find(isMediaFile);
    const texts = files.filter((f) => f !== media);
    const chapters = texts.find(isChaptersFile) ?? null;
    const transcript = texts.find((f) => f !== chapters) ?? null;
    if (transcript) {
      const choice = this.#el.unexported ? await this.#el._confirmReplace(transcript.name) : 'replace';
      if (choice === 'cancel') return;
      if (choice === 'export') await this.#el._exportNow(true);
      this.openText(await transcript.text(), transcript.name, chapters ? await chapters.text() : null);
    }
    else if (chapters) this.#el._errors = [`${chapters.name} is a chapters file: open it together with its transcript.`];
    if (media) await this.openMedia(media);
  }

  #fail(fileName: string, reason: CueEditorErrorDetail['reason'], message: string, errors: CueEditorErrorDetail['errors'], line: number, column: number, status = 0): void {
    const detail: CueEditorErrorDetail = { reason, source: errors[0]?.source ?? 'transcript', message, url: fileName, status, errors, fileName, line, column };
    this.#el.dispatchEvent(new CustomEvent('cue-error', { bubbles: true, composed: true, detail }));
  }

  readonly dragOver = (e: DragEvent): void => {
    if (!e.dataTransfer?.types.includes('Files')) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    this.#el._dropping = true;
  };

  readonly dragLeave = (e: DragEvent): void => {
    if (e.relatedTarget === null || !(e.currentTarget as Element).contains(e.relatedTarget as Node)) this.#el._dropping = false;
  };

  readonly drop = (e: DragEvent): void => {
    e.preventDefault();
    this.#el._dropping = false;
    if (e.dataTransfer?.files.length) void this.openFiles([...e.dataTransfer.files]);
  };
}

/** A download URL for a damaged record, as JSON (or as text when it is not JSON-able). */
function damagedUrl(record: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(record, null, 2) ?? String(record);
  } catch {
    text = String(record);
  }
  return URL.createObjectURL(new Blob([text], { type: 'application/json' }));
}

async function fetchText(url: string): Promise<string> {
  const res = await fetch(url);
  if (!res.ok) throw Object.assign(new Error(`HTTP ${res.status}`), { status: res.status });
  return res.text();
}
