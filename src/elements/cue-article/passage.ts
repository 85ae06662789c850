import type { PassageSource } from '../../controllers/transcript/passage-copy.js';
import type { ArticlePlaces } from './places.js';
import { hitAt } from './search-hits.js';

/** The text offset where `range` starts in the article's text, past blanks; -1 when it holds none of it. */
function startOffset(p: ArticlePlaces, range: Range): number {
  let at = -1;
  if (range.startContainer instanceof Text) at = p.dom.offsetOf(range.startContainer, range.startOffset);
  if (at < 0) {
    const root = range.commonAncestorContainer;
    const walker = (root.ownerDocument ?? document).createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n && at < 0; n = walker.nextNode()) if (range.intersectsNode(n)) at = p.dom.offsetOf(n, 0);
  }
  if (at < 0) return -1;
  const text = p.dom.text;
  while (at < text.length && /\s/.test(text[at]!)) at++;
  return at;
}

/**
 * "Copy quote with link" over the article's own text: the reader's selection in the page (light DOM), the cue
 * it starts in (or, from a label or heading, the next cue said), and its time (the first timed word, else the
 * cue's start).
 */
export function articlePassages(host: HTMLElement, places: () => ArticlePlaces | null): PassageSource {
  return {
    range() {
      const sel = host.ownerDocument.getSelection();
      if (!sel || !sel.rangeCount || sel.isCollapsed) return null;
      const r = sel.getRangeAt(0);
      return host.contains(r.startContainer) && host.contains(r.endContainer) ? r : null;
    },
    passage(live) {
      const p = places();
      const text = live.toString().trim();
      if (!p || !text) return null;
      const at = startOffset(p, live);
      const hit = at >= 0 ? hitAt(p, at) : null;
      return hit && hit.cueIndex >= 0 ? { text, cueIndex: hit.cueIndex, time: hit.time } : null;
    },
  };
}
