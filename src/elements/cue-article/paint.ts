/**
 * How `<cue-article>` shows ranges of the page's own text without changing
 * it: named CSS Custom Highlights (shared by every article on the page, each
 * adding and removing only its own ranges), and boxes laid over a range's
 * line boxes in the element's shadow root (the focus ring, the marker the
 * page scrolls to, and the highlight itself where the API is missing).
 * @see https://drafts.csswg.org/css-highlight-api-1/
 */
import { drawRangeBoxes } from '../../dom/range-boxes.js';
import { supportsHighlights } from '../../dom/search-highlights.js';

/** One named highlight's ranges that belong to one element. */
export class NamedHighlight {
  readonly name: string;
  #mine: AbstractRange[] = [];

  constructor(name: string) {
    this.name = name;
  }

  /** Replaces this element's ranges in the highlight (only those: other articles keep theirs). */
  set(ranges: readonly AbstractRange[]): void {
    if (!supportsHighlights()) return;
    let h = CSS.highlights.get(this.name);
    if (!h) {
      h = new Highlight();
      CSS.highlights.set(this.name, h);
    }
    for (const r of this.#mine) h.delete(r);
    for (const r of ranges) h.add(r);
    this.#mine = [...ranges];
    if (!h.size) CSS.highlights.delete(this.name);
  }

  clear(): void {
    this.set([]);
  }
}

/**
 * Boxes over a range's line boxes, positioned in the host's coordinates
 * through CSSOM (`style.setProperty`, never markup). The layer itself spans
 * the range's bounding box, so it can be scrolled into view like an element.
 */
export class RangeOverlay {
  readonly layer: HTMLElement;
  readonly #part: string;

  /** @param part - the part name of each box (`focus-ring`, `active-cue`, `active-word`). */
  constructor(doc: Document, part: string, layerPart: string) {
    this.layer = doc.createElement('div');
    this.layer.setAttribute('part', layerPart);
    this.layer.className = 'overlay';
    this.layer.hidden = true;
    this.#part = part;
  }

  /** Draws boxes over `range` (null hides them). Reads layout: call only when the range changed or the layout did. */
  show(range: Range | null, origin: HTMLElement): void {
    drawRangeBoxes(this.layer, range ? [range] : [], origin, this.#part);
  }
}

/** Default look of the highlights, for the page's own text (light DOM), added to the document once and removed with the last article. */
const PAGE_CSS = `
:where(cue-article, cue-article *)::highlight(cue-active) {
  background-color: var(--cue-active-background, light-dark(#fef3c7, #3b3212));
  color: var(--cue-active-color, inherit);
}
:where(cue-article, cue-article *)::highlight(cue-word) {
  background-color: var(--cue-spoken-background, light-dark(#fcd34d, #78580f));
}
:where(cue-article, cue-article *)::highlight(cue-search) {
  background-color: var(--cue-match-background, light-dark(#fde68a, #6b5410));
  color: var(--cue-match-color, inherit);
}
:where(cue-article, cue-article *)::highlight(cue-search-current) {
  background-color: var(--cue-current-match-background, light-dark(#f97316, #c2410c));
  color: var(--cue-current-match-color, #fff);
}
`;

const users = new WeakMap<Document, { sheet: CSSStyleSheet; count: number }>();

/** Adds the default highlight styles to `doc` (once per document); returns the function that takes them away again. */
export function adoptPageStyles(doc: Document): () => void {
  let entry = users.get(doc);
  if (!entry) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(PAGE_CSS);
    entry = { sheet, count: 0 };
    users.set(doc, entry);
  }
  if (entry.count++ === 0) doc.adoptedStyleSheets = [entry.sheet, ...doc.adoptedStyleSheets];
  let done = false;
  return () => {
    if (done) return;
    done = true;
    const e = users.get(doc)!;
    if (--e.count === 0) doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== e.sheet);
  };
}
