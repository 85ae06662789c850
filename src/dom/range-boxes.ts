/**
 * Draws a box (a `<div part=…>`) over each line box of `ranges` inside `layer`, an absolutely placed element
 * of `origin`'s, and sizes `layer` to their bounding box (so it can be scrolled into view like an element).
 * Positions go through the CSSOM, never a style attribute. Reads layout: call when the ranges or the layout changed.
 * Hides the layer when nothing is on screen.
 */
export function drawRangeBoxes(layer: HTMLElement, ranges: readonly Range[], origin: HTMLElement, part: string): void {
  const rects: DOMRect[] = [];
  for (const r of ranges) for (const x of r.getClientRects()) if (x.width > 0 && x.height > 0) rects.push(x);
  if (!rects.length) {
    layer.hidden = true;
    layer.replaceChildren();
    return;
  }
  let top = Infinity;
  let left = Infinity;
  let bottom = -Infinity;
  let right = -Infinity;
  for (const r of rects) {
    top = Math.min(top, r.top);
    left = Math.min(left, r.left);
    bottom = Math.max(bottom, r.bottom);
    right = Math.max(right, r.right);
  }
  const o = origin.getBoundingClientRect();
  place(layer, left - o.left - origin.clientLeft, top - o.top - origin.clientTop, right - left, bottom - top);
  layer.replaceChildren(
    ...rects.map((r) => {
      const box = layer.ownerDocument.createElement('div');
      box.setAttribute('part', part);
      place(box, r.left - left, r.top - top, r.width, r.height);
      return box;
    }),
  );
  layer.hidden = false;
}

const px = (n: number): string => `${Math.round(n * 100) / 100}px`;

function place(el: HTMLElement, l: number, t: number, w: number, h: number): void {
  el.style.setProperty('left', px(l));
  el.style.setProperty('top', px(t));
  el.style.setProperty('width', px(w));
  el.style.setProperty('height', px(h));
}
