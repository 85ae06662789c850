/**
 * The text of an article as the page has it, for `matchArticle`: one string
 * made of its text nodes, with a block (paragraph, heading, list item) per
 * block-level element, and the way back from string offsets to DOM Ranges
 * over those same text nodes. Reads the DOM, never changes it.
 */
import { lastKeyAtOrBefore } from '../core/sorted.js';
import type { ArticleText, TextSpan } from '../core/article/index.js';

/** Elements whose text is not part of the article's prose. */
const SKIP = new Set(['script', 'style', 'template', 'noscript', 'svg', 'math', 'button', 'select', 'textarea', 'input', 'audio', 'video', 'iframe', 'object']);

const BLOCK = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'dt', 'dd', 'blockquote', 'pre', 'div', 'section', 'article',
  'header', 'footer', 'aside', 'figure', 'figcaption', 'table', 'tr', 'td', 'th', 'ul', 'ol', 'dl', 'main', 'nav', 'hr', 'br',
]);

/** The article's text nodes, where each starts in the string, and its blocks with the element of each. */
export class ArticleDom implements ArticleText {
  readonly text: string;
  readonly blocks: TextSpan[];
  /** The element of each block (the nearest block-level ancestor of its text; the root for loose text). */
  readonly blockElements: Element[];
  readonly #nodes: Text[];
  readonly #starts: number[];
  readonly #index = new Map<Text, number>();

  constructor(root: Element) {
    const nodes: Text[] = [];
    const starts: number[] = [];
    const blocks: TextSpan[] = [];
    const blockElements: Element[] = [];
    let text = '';
    let open: Element | null = null;
    let openAt = 0;
    const close = (): void => {
      if (open && text.length > openAt) {
        blocks.push({ start: openAt, end: text.length });
        blockElements.push(open);
      }
      open = null;
    };
    const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT, {
      acceptNode: (n) => (n instanceof Element && SKIP.has(n.localName) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!(n instanceof Text)) {
        // A new block-level element ends the block before it (text after it starts another).
        if (BLOCK.has((n as Element).localName)) close();
        continue;
      }
      const block = blockOf(n, root);
      if (block !== open) {
        close();
        // A virtual line break between blocks (in no text node) keeps their words apart.
        if (text.length) text += '\n';
        open = block;
        openAt = text.length;
      }
      nodes.push(n);
      starts.push(text.length);
      text += n.data;
    }
    close();
    this.text = text;
    this.blocks = blocks;
    this.blockElements = blockElements;
    this.#nodes = nodes;
    this.#starts = starts;
    nodes.forEach((n, i) => this.#index.set(n, i));
  }

  /** A live Range over the text nodes holding `[start, end)` of the string. */
  range(start: number, end: number): Range {
    const r = new Range();
    const [sn, so] = this.#point(start, false);
    const [en, eo] = this.#point(end, true);
    r.setStart(sn, so);
    r.setEnd(en, eo);
    return r;
  }

  /** The string offset of a DOM point inside the article (a caret from a hit test), or -1 when it is not in a text node of it. */
  offsetOf(node: Node, offset: number): number {
    const i = node instanceof Text ? this.#index.get(node) : undefined;
    return i === undefined ? -1 : this.#starts[i]! + Math.min(offset, (node as Text).data.length);
  }

  /** Index of the block holding string offset `at`, or -1. */
  blockAt(at: number): number {
    return lastKeyAtOrBefore(this.blocks, at, (b) => b.start);
  }

  #point(at: number, end: boolean): [Text, number] {
    let i = lastKeyAtOrBefore(this.#starts, at, (s) => s);
    // An end on a node's start is the previous node's end (the range does not reach into the next one).
    if (end && i > 0 && this.#starts[i] === at) i--;
    const node = this.#nodes[Math.max(0, i)]!;
    return [node, Math.max(0, Math.min(node.data.length, at - this.#starts[Math.max(0, i)]!))];
  }
}

function blockOf(n: Node, root: Element): Element {
  for (let e = n.parentElement; e && e !== root; e = e.parentElement) if (BLOCK.has(e.localName)) return e;
  return root;
}

