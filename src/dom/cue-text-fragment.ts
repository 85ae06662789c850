/**
 * Cue text to DOM, exactly as `VTTCue.getCueAsHTML()` builds it, without ever
 * parsing markup strings: every node is created with the DOM API.
 *
 * @see https://www.w3.org/TR/webvtt1/#dom-construction-rules
 */
import { parseCueText } from '../core/webvtt/cue-text.js';
import { formatTimestamp } from '../core/webvtt/timestamp.js';
import type { CueNode } from '../core/webvtt/types.js';

const HTML_NS = 'http://www.w3.org/1999/xhtml';

/** WebVTT node class to HTML element name. */
const TAGS = { c: 'span', v: 'span', lang: 'span', i: 'i', b: 'b', u: 'u', ruby: 'ruby', rt: 'rt' } as const;

function toDOM(node: CueNode, document: Document): Node {
  if (node.type === 'text') return document.createTextNode(node.value);
  if (node.type === 'timestamp') return document.createProcessingInstruction('timestamp', formatTimestamp(node.time));
  const element = document.createElementNS(HTML_NS, TAGS[node.type]);
  if (node.classes.length > 0) element.setAttribute('class', node.classes.join(' '));
  if (node.type === 'v') element.setAttribute('title', node.annotation);
  else if (node.type === 'lang') element.setAttribute('lang', node.annotation);
  return element;
}

/**
 * Builds the `DocumentFragment` that `VTTCue.getCueAsHTML()` returns for
 * `text`, owned by `document`: `c` → `span`, `i`/`b`/`u`/`ruby`/`rt` → same
 * element, `v` → `span title="voice"`, `lang` → `span lang="tag"`, classes →
 * `class`, inline timestamps → `timestamp` processing instructions
 * (`hh:mm:ss.ttt`), text → text nodes. Works iteratively, so deep nesting
 * cannot overflow the stack.
 *
 * @see https://www.w3.org/TR/webvtt1/#dom-construction-rules
 */
export function cueTextToFragment(text: string, document: Document): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const stack: [readonly CueNode[], number, Node][] = [[parseCueText(text), 0, fragment]];
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as [readonly CueNode[], number, Node];
    const node = top[0][top[1]++];
    if (!node) {
      stack.pop();
      continue;
    }
    const dom = toDOM(node, document);
    top[2].appendChild(dom);
    if (node.type !== 'text' && node.type !== 'timestamp') stack.push([node.children, 0, dom]);
  }
  return fragment;
}
