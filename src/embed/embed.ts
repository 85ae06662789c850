/**
 * The embed page's script (`dist/cdn/embed.html`, loaded beside `cueline.js`): for platforms that allow an
 * iframe but no page scripts. Reads the page's query, `?media=…&transcript=…&chapters=…&poster=…&t=…`, builds
 * one `<cue-player>` from it, honours `#t=` / `#q=` deep links (on load and on every change of the fragment,
 * through `<cue-player deep-links>`), and tells the parent page its height on every change as
 * `{ type: 'cue-embed-resize', height }` (CSS pixels) through `postMessage`, so the parent can size the frame.
 *
 * The query is untrusted: only `http:`/`https:` URLs (absolute, or relative to this page) are used, and only
 * ever as attribute values; nothing from it becomes markup.
 */

/** The message the embed page posts to its parent. */
export interface CueEmbedResizeMessage {
  type: 'cue-embed-resize';
  /** Height of the embed page's content, CSS pixels. */
  height: number;
}

/** `value` as an absolute http(s) URL resolved against `base`, or null (missing, unparsable, or another scheme). */
export function safeUrl(value: string | null, base: string): string | null {
  if (!value) return null;
  try {
    const url = new URL(value, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** A start time as given (`95`, `1:35`, `00:01:35.000`), or null: digits, colons and one decimal point only. */
export function safeTime(value: string | null): string | null {
  return value && /^\d{1,3}(?::\d{1,2}){0,2}(?:\.\d{1,3})?$/.test(value) ? value : null;
}

function showProblem(doc: Document, text: string): void {
  const p = doc.createElement('p');
  p.className = 'cue-embed-problem';
  p.setAttribute('role', 'alert');
  p.textContent = text;
  doc.body.append(p);
}

/** Builds the embed page in `doc` from its URL. Returns the player, or null when the query names no usable media or transcript. */
export function mountEmbed(doc: Document = document): HTMLElement | null {
  const win = doc.defaultView!;
  const here = win.location.href;
  const query = new URLSearchParams(win.location.search);
  const media = safeUrl(query.get('media'), here);
  const transcript = safeUrl(query.get('transcript'), here);
  if (!media || !transcript) {
    showProblem(doc, 'This embed needs a recording (media=) and a transcript (transcript=), as http(s) addresses.');
    return null;
  }
  const player = doc.createElement('cue-player');
  player.setAttribute('src', media);
  player.setAttribute('transcript', transcript);
  const chapters = safeUrl(query.get('chapters'), here);
  if (chapters) player.setAttribute('chapters', chapters);
  const poster = safeUrl(query.get('poster'), here);
  if (poster) player.setAttribute('poster', poster);
  // Files from another origin than this page's are read with CORS (their server must allow it).
  const origin = win.location.origin;
  if ([media, transcript, chapters].some((u) => u && new URL(u).origin !== origin)) player.setAttribute('crossorigin', 'anonymous');
  player.setAttribute('deep-links', '');
  // `?t=` is a start time for frames whose URL cannot carry a fragment; a fragment given with it wins.
  const t = safeTime(query.get('t'));
  if (t && !win.location.hash) win.history.replaceState(win.history.state, '', `#t=${t}`);
  doc.body.append(player);

  if (win.parent !== win) {
    let last = -1;
    const report = (): void => {
      const height = Math.ceil(doc.documentElement.getBoundingClientRect().height);
      if (height === last) return;
      last = height;
      const message: CueEmbedResizeMessage = { type: 'cue-embed-resize', height };
      // The height is not a secret, and the embedding page's origin is not known here.
      win.parent.postMessage(message, '*');
    };
    new ResizeObserver(report).observe(doc.documentElement);
  }
  return player;
}
