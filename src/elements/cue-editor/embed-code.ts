import { css, html, nothing } from 'lit';
import { copyText } from '../../dom/clipboard.js';
import type { EditorSession } from '../../core/editor/index.js';
import type { MediaRef } from '../../storage/editor-store.js';
import { safeBaseName } from './export.js';

/**
 * "Embed code" for the session the editor has open: the two ways a publisher
 * puts it on a page (README, "Three ways"): the script tag with one
 * `<cue-player>`, and the iframe of the embed page with the parent page's
 * resize listener. File names come from the session (the recording as
 * opened, the transcript and chapters as Export names them), under the
 * address where the publisher will put them. Names are untrusted (a file
 * the user opened): they are escaped as attribute values, and the snippets
 * are shown and copied as text, never built as markup.
 */

/** Cueline's version, for the CDN addresses (test/elements/cue-editor.embed.test.ts checks it against package.json). */
export const CUELINE_VERSION = '0.1.0';

/** Where the CDN build is published (any CDN serving npm packages works the same way). */
export const CDN_BASE = `https://cdn.jsdelivr.net/npm/cueline@${CUELINE_VERSION}/dist/cdn/`;

/** The parent page's snippet from README: the frame follows the height the embed page posts. */
export const RESIZE_LISTENER = `<script>
  addEventListener('message', (event) => {
    const frame = document.getElementById('cueline-embed');
    if (!frame || event.source !== frame.contentWindow) return;
    const { type, height } = event.data ?? {};
    if (type === 'cue-embed-resize' && Number.isFinite(height)) frame.style.height = \`\${height}px\`;
  });
</script>`;

/** `text` as the value of a double-quoted HTML attribute. @see https://html.spec.whatwg.org/multipage/syntax.html#attributes-2 */
export function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The files a published session is made of: addresses as the publisher's page will use them. */
export interface EmbedFiles {
  media: string;
  transcript: string;
  /** '' when the session has no questions. */
  chapters: string;
  /** What the frame is called for assistive technology. */
  title: string;
}

/** The last path segment of a URL (decoded), or the text itself. */
function lastSegment(url: string): string {
  try {
    return decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '') || url;
  } catch {
    return url.replace(/^.*[\\/]/, '');
  }
}

/**
 * The addresses of the session's files under `base` (the folder they will be
 * published in; '' leaves them relative): the recording by its name as
 * opened, the transcript and chapters by the names Export gives them.
 */
export function embedFiles(session: EditorSession, name: string, media: MediaRef | null, base: string): EmbedFiles {
  const at = (file: string): string => {
    if (!base) return file;
    try {
      return new URL(encodeURI(file).replace(/[?#]/g, encodeURIComponent), base.endsWith('/') ? base : `${base}/`).href;
    } catch {
      return `${base.replace(/\/?$/, '/')}${file}`;
    }
  };
  const stem = safeBaseName(name);
  const mediaName = media?.kind === 'url' ? lastSegment(media.url) : media?.kind === 'file' ? media.name : 'recording.mp4';
  return {
    media: at(mediaName),
    transcript: at(`${stem}.vtt`),
    chapters: session.chapters.length ? at(`${stem}.chapters.vtt`) : '',
    title: `${stem}: recording, questions and transcript`,
  };
}

/** The script-tag way: the CDN module and one `<cue-player>`. */
export function scriptSnippet(files: EmbedFiles): string {
  const chapters = files.chapters ? ` chapters="${escapeAttribute(files.chapters)}"` : '';
  return (
    `<script type="module" src="${CDN_BASE}cueline.js"></script>\n` +
    `<cue-player src="${escapeAttribute(files.media)}" transcript="${escapeAttribute(files.transcript)}"${chapters}></cue-player>`
  );
}

/** The iframe way: the embed page with the files in its query, and the parent page's resize listener. */
export function iframeSnippet(files: EmbedFiles): string {
  const query = new URLSearchParams({ media: files.media, transcript: files.transcript, ...(files.chapters ? { chapters: files.chapters } : {}) });
  return (
    `<iframe id="cueline-embed" title="${escapeAttribute(files.title)}"\n` +
    `  src="${escapeAttribute(`${CDN_BASE}embed.html?${query}`)}"\n` +
    `  width="100%" height="900" allow="fullscreen" loading="lazy" style="border:0"></iframe>\n` +
    RESIZE_LISTENER
  );
}

/** The folder a recording opened by URL lives in: where its transcript is likely published too. */
function defaultBase(media: MediaRef | null): string {
  if (media?.kind !== 'url') return 'https://example.com/talks/';
  try {
    const url = new URL(media.url, document.baseURI);
    return url.protocol === 'http:' || url.protocol === 'https:' ? new URL('.', url).href : 'https://example.com/talks/';
  } catch {
    return 'https://example.com/talks/';
  }
}

/** What the dialog needs from the editor (never the element class itself). */
export interface EmbedHost extends HTMLElement {
  readonly session: EditorSession | null;
  readonly _name: string;
  readonly _mediaRef: MediaRef | null;
  readonly renderRoot: HTMLElement | DocumentFragment;
  requestUpdate(): void;
}

interface EmbedState {
  base: string | null;
  copied: string;
}
const states = new WeakMap<EmbedHost, EmbedState>();
const stateOf = (el: EmbedHost): EmbedState => states.get(el) ?? (states.set(el, { base: null, copied: '' }), states.get(el)!);

/** Opens the dialog (modal: Escape or Close closes it, focus returns to the button). */
function open(el: EmbedHost): void {
  stateOf(el).copied = '';
  el.requestUpdate();
  el.renderRoot.querySelector<HTMLDialogElement>('dialog[part~="embed"]')?.showModal();
}

async function copy(el: EmbedHost, which: 'script' | 'iframe', text: string): Promise<void> {
  const root = el.renderRoot as ShadowRoot;
  const how = await copyText(text, root);
  const field = root.querySelector<HTMLTextAreaElement>(`textarea[data-snippet="${which}"]`);
  const label = which === 'script' ? 'Script tag' : 'Iframe';
  if (how === 'manual') field?.select();
  stateOf(el).copied = how === 'manual' ? `${label}: the browser refused to copy; the code is selected, copy it with Ctrl+C.` : `${label} code copied.`;
  el.requestUpdate();
}

/** The toolbar's "Embed code…" button and its dialog. */
export function renderEmbedCode(el: EmbedHost): unknown {
  const s = el.session;
  const button = html`<button type="button" ?disabled=${!s} aria-haspopup="dialog" @click=${() => open(el)}>Embed code…</button>`;
  if (!s) return button;
  const state = stateOf(el);
  const base = state.base ?? defaultBase(el._mediaRef);
  const files = embedFiles(s, el._name, el._mediaRef, base);
  const script = scriptSnippet(files);
  const iframe = iframeSnippet(files);
  return html`${button}
    <dialog part="embed" class="embed" aria-labelledby="embed-title" @close=${() => ((state.copied = ''), el.requestUpdate())}>
      <h2 id="embed-title">Embed this session</h2>
      <p class="hint">Export the transcript${files.chapters ? ' and chapters' : ''}, put ${files.chapters ? 'them' : 'it'} with the recording where the page can load them, then paste one of these.</p>
      <label class="embed-base">Published at (the folder of the files)
        <input type="url" .value=${base} @input=${(e: Event) => ((state.base = (e.target as HTMLInputElement).value.trim()), el.requestUpdate())} />
      </label>
      <section aria-labelledby="embed-script-h">
        <h3 id="embed-script-h">Script tag (pages that allow scripts)</h3>
        <textarea readonly rows="3" data-snippet="script" aria-labelledby="embed-script-h" .value=${script}></textarea>
        <button type="button" @click=${() => void copy(el, 'script', script)}>Copy script tag</button>
      </section>
      <section aria-labelledby="embed-iframe-h">
        <h3 id="embed-iframe-h">Iframe (pages without scripts; the listener lets the frame follow its content)</h3>
        <textarea readonly rows="10" data-snippet="iframe" aria-labelledby="embed-iframe-h" .value=${iframe}></textarea>
        <button type="button" @click=${() => void copy(el, 'iframe', iframe)}>Copy iframe</button>
      </section>
      <p class="status" role="status">${state.copied || nothing}</p>
      <form method="dialog"><button value="close">Close</button></form>
    </dialog>`;
}

/** Styles of the dialog (added to the editor's). */
export const embedStyles = css`
  dialog.embed {
    width: min(46rem, 92vw);
    border: 1px solid light-dark(#cbd5e1, #334155);
    border-radius: 0.5rem;
  }
  dialog.embed textarea {
    display: block;
    box-sizing: border-box;
    width: 100%;
    margin: 0.3rem 0;
    font: 0.78rem/1.4 ui-monospace, 'DejaVu Sans Mono', monospace;
    resize: vertical;
  }
  dialog.embed .embed-base {
    display: grid;
    gap: 0.2rem;
  }
  dialog.embed h3 {
    font-size: 0.95rem;
    margin: 0.9rem 0 0.2rem;
  }
`;
