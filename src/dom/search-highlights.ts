/**
 * Paints search matches in rendered cue elements: with the CSS Custom
 * Highlight API where the browser has it (ranges registered in
 * `CSS.highlights`, styled by `::highlight(cue-search)` and
 * `::highlight(cue-search-current)` in the shadow root holding the text),
 * else by wrapping each match in `<mark>` elements built with DOM APIs.
 * Text is never parsed as markup either way.
 * @see https://drafts.csswg.org/css-highlight-api-1/
 */
import type { SearchMatch } from '../core/search.js';

/** Highlight names; styles use `::highlight(cue-search)` and `::highlight(cue-search-current)`. */
export const MATCH_HIGHLIGHT = 'cue-search';
export const CURRENT_HIGHLIGHT = 'cue-search-current';

/** Where a cue's plain-text offsets fall in its DOM text nodes. */
interface TextMap {
  nodes: Text[];
  /** Per node: plain-text offset where it starts. */
  starts: number[];
  /** Per node: plain offset (relative to the node's start) -> offset in node.data, or null when they coincide. */
  maps: (Uint32Array | null)[];
}

/** One text-node piece of a match. */
interface Piece {
  node: Text;
  start: number;
  end: number;
}

const BREAK = /[ \t]*[\r\n]+[ \t]*/g;

/**
 * Maps a cue element's text nodes to the transcript's `plainText`, which
 * turns line breaks (with the blanks around them) into one space per text
 * node and trims the ends.
 */
function textMap(cue: Element): TextMap {
  const walker = cue.ownerDocument.createTreeWalker(cue, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  const starts: number[] = [];
  const maps: (Uint32Array | null)[] = [];
  let offset = 0;
  let lead = -1;
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    const data = n.data;
    let map: number[] | null = null;
    let length = data.length;
    if (/[\r\n]/.test(data)) {
      map = [];
      let last = 0;
      for (const m of data.matchAll(BREAK)) {
        for (let i = last; i < m.index; i++) map.push(i);
        map.push(m.index);
        last = m.index + m[0].length;
      }
      for (let i = last; i <= data.length; i++) map.push(i);
      length = map.length - 1;
    }
    if (lead < 0) {
      const text = map ? data.replace(BREAK, ' ') : data;
      const trimmed = text.length - text.trimStart().length;
      if (trimmed < text.length) lead = offset + trimmed;
    }
    nodes.push(n);
    starts.push(offset);
    maps.push(map ? Uint32Array.from(map) : null);
    offset += length;
  }
  const shift = Math.max(0, lead);
  return { nodes, starts: starts.map((s) => s - shift), maps };
}

/** The text-node pieces covering plain-text [start, end) of a cue. */
function pieces(map: TextMap, start: number, end: number): Piece[] {
  const out: Piece[] = [];
  for (let i = 0; i < map.nodes.length; i++) {
    const node = map.nodes[i]!;
    const from = map.starts[i]!;
    const m = map.maps[i] ?? null;
    const length = m ? m.length - 1 : node.data.length;
    const a = Math.max(start, from) - from;
    const b = Math.min(end, from + length) - from;
    if (b <= a) continue;
    out.push({ node, start: m ? m[a]! : a, end: m ? m[b]! : b });
  }
  return out;
}

/** Whether this browser has the CSS Custom Highlight API. */
export function supportsHighlights(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

/**
 * Search matches painted into one transcript's cue elements. Several
 * transcripts on a page share the two named highlights; each adds and
 * removes only its own ranges.
 */
export class SearchHighlights {
  readonly #useApi: boolean;
  readonly #maps = new WeakMap<Element, TextMap>();
  #ranges: AbstractRange[] = [];
  #current: AbstractRange | null = null;
  #marks: HTMLElement[] = [];
  #currentMarks: HTMLElement[] = [];

  /** @param fallback - use `<mark>` elements even where the Highlight API exists. */
  constructor(fallback = false) {
    this.#useApi = !fallback && supportsHighlights();
  }

  /** 'highlight-api' or 'mark'. */
  get mode(): 'highlight-api' | 'mark' {
    return this.#useApi ? 'highlight-api' : 'mark';
  }

  /** The `<mark>` elements of the current match (fallback mode), for scrolling to it. */
  get currentMarks(): readonly HTMLElement[] {
    return this.#currentMarks;
  }

  /**
   * Paints `matches` in `cues` (elements by cue index), `current` distinct.
   * Only matches in cues `from` to `to` (inclusive) are painted: a caller
   * passes the cues in and near view, so a keystroke costs the same with
   * twenty matches or two thousand, and repaints as the view scrolls.
   */
  paint(cues: readonly (HTMLElement | undefined)[], matches: readonly SearchMatch[], current: number, from = 0, to = Infinity): void {
    this.clear();
    if (!matches.length) return;
    const first = firstAtOrAfter(matches, from);
    let end = first;
    while (end < matches.length && matches[end]!.cue <= to) end++;
    if (this.#useApi) this.#paintApi(cues, matches, current, first, end);
    else this.#paintMarks(cues, matches, current, first, end);
  }

  /** Moves the distinct mark to match `current`. */
  setCurrent(cues: readonly (HTMLElement | undefined)[], matches: readonly SearchMatch[], current: number): void {
    if (this.#useApi) {
      const registry = CSS.highlights;
      const h = registry.get(CURRENT_HIGHLIGHT);
      if (this.#current) h?.delete(this.#current);
      this.#current = null;
      const m = matches[current];
      const cue = m ? cues[m.cue] : undefined;
      if (!m || !cue) return;
      const range = this.#range(cue, m);
      if (!range) return;
      this.#current = range;
      this.#highlight(CURRENT_HIGHLIGHT).add(range);
    } else {
      for (const el of this.#currentMarks) el.part.remove('search-current');
      this.#currentMarks = this.#marks.filter((el) => el.dataset['match'] === String(current));
      for (const el of this.#currentMarks) el.part.add('search-current');
    }
  }

  /** Removes every mark this instance painted. */
  clear(): void {
    if (this.#useApi) {
      const registry = CSS.highlights;
      const all = registry.get(MATCH_HIGHLIGHT);
      for (const r of this.#ranges) all?.delete(r);
      if (this.#current) registry.get(CURRENT_HIGHLIGHT)?.delete(this.#current);
    } else {
      const parents = new Set<Node>();
      for (const mark of this.#marks) {
        const parent = mark.parentNode;
        if (!parent) continue;
        parents.add(parent);
        parent.replaceChild(mark.firstChild ?? mark.ownerDocument.createTextNode(''), mark);
      }
      // Joins the split text back into its first node, the one the template engine holds on to.
      for (const p of parents) p.normalize();
    }
    this.#ranges = [];
    this.#current = null;
    this.#marks = [];
    this.#currentMarks = [];
  }

  #highlight(name: string): Highlight {
    let h = CSS.highlights.get(name);
    if (!h) {
      h = new Highlight();
      if (name === CURRENT_HIGHLIGHT) h.priority = 1;
      CSS.highlights.set(name, h);
    }
    return h;
  }

  #map(cue: Element): TextMap {
    let map = this.#maps.get(cue);
    if (!map) {
      map = textMap(cue);
      this.#maps.set(cue, map);
    }
    return map;
  }

  #range(cue: Element, m: SearchMatch): StaticRange | null {
    const ps = pieces(this.#map(cue), m.start, m.end);
    const first = ps[0];
    const last = ps[ps.length - 1];
    if (!first || !last) return null;
    return new StaticRange({ startContainer: first.node, startOffset: first.start, endContainer: last.node, endOffset: last.end });
  }

  #paintApi(cues: readonly (HTMLElement | undefined)[], matches: readonly SearchMatch[], current: number, first: number, end: number): void {
    const ranges: AbstractRange[] = [];
    for (let i = first; i < end; i++) {
      const m = matches[i]!;
      const cue = cues[m.cue];
      const r = cue ? this.#range(cue, m) : null;
      if (r) ranges.push(r);
    }
    const h = this.#highlight(MATCH_HIGHLIGHT);
    for (const r of ranges) h.add(r);
    this.#ranges = ranges;
    this.setCurrent(cues, matches, current);
  }

  #paintMarks(cues: readonly (HTMLElement | undefined)[], matches: readonly SearchMatch[], current: number, first: number, end: number): void {
    // Wrap from the last match back, so splitting a text node never shifts an offset still to be used.
    const marks: HTMLElement[] = [];
    for (let i = end - 1; i >= first; i--) {
      const m = matches[i]!;
      const cue = cues[m.cue];
      if (!cue) continue;
      const ps = pieces(textMap(cue), m.start, m.end);
      for (let k = ps.length - 1; k >= 0; k--) {
        const p = ps[k]!;
        const tail = p.node.splitText(p.start);
        tail.splitText(p.end - p.start);
        const mark = cue.ownerDocument.createElement('mark');
        mark.part.add('search-match');
        mark.dataset['match'] = String(i);
        tail.replaceWith(mark);
        mark.append(tail);
        marks.push(mark);
      }
    }
    this.#marks = marks.reverse();
    this.setCurrent(cues, matches, current);
  }
}

/** Index of the first match in a cue at or after `cue` (matches are in cue order). */
function firstAtOrAfter(matches: readonly SearchMatch[], cue: number): number {
  let lo = 0;
  let hi = matches.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (matches[mid]!.cue < cue) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
