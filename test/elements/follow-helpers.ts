/** Shared helpers for the follow-scroll tests (not a test file itself). */
import { executeServerCommand, sendMouse } from '@web/test-runner-commands';

/** A real mouse wheel turned over `target` (the middle of its part inside the window), through the browser's own input pipeline. */
export async function wheel(target: Element, deltaY: number): Promise<void> {
  const r = target.getBoundingClientRect();
  const top = Math.max(0, r.top);
  const bottom = Math.min(innerHeight, r.bottom);
  const position = [Math.round(r.left + r.width / 2), Math.round((top + bottom) / 2)];
  await executeServerCommand('send-wheel', { position, deltaY });
}

/** The visible part of a scroll box (its padding box less scrollbars), in viewport pixels. */
export function viewport(box: HTMLElement): { top: number; bottom: number } {
  const r = box.getBoundingClientRect();
  // Under CSS zoom, client sizes are in the box's own pixels and rectangles in the viewport's.
  const scale = box.offsetHeight ? r.height / box.offsetHeight : 1;
  const top = r.top + box.clientTop * scale;
  return { top, bottom: top + box.clientHeight * scale };
}

/**
 * Whether `item` is wholly inside the visible part of `box` (1 px of slack for rounding);
 * an item taller than the box, when it fills the box from its top half down.
 */
export function inside(box: HTMLElement, item: Element): boolean {
  const v = viewport(box);
  const r = item.getBoundingClientRect();
  if (r.height > v.bottom - v.top + 1) return r.top >= v.top - 1 && r.top <= (v.top + v.bottom) / 2 && r.bottom >= v.bottom - 1;
  return r.height > 0 && r.top >= v.top - 1 && r.bottom <= v.bottom + 1;
}

/** Where `item` is relative to the visible part of `box`, for failure messages. */
export function where(box: HTMLElement, item: Element | null): string {
  if (!item) return 'no item';
  const v = viewport(box);
  const r = item.getBoundingClientRect();
  return `item ${r.top.toFixed(1)}..${r.bottom.toFixed(1)}, box ${v.top.toFixed(1)}..${v.bottom.toFixed(1)}, scrollTop ${box.scrollTop}`;
}

/** The point at the middle of the box's vertical scrollbar (on the right in left-to-right text), or null without one. */
export function scrollbarPoint(box: HTMLElement): [number, number] | null {
  const r = box.getBoundingClientRect();
  const scale = box.offsetWidth ? r.width / box.offsetWidth : 1;
  const bar = (box.offsetWidth - box.clientWidth - 2 * box.clientLeft) * scale;
  if (bar < 4) return null;
  return [Math.floor(r.right - box.clientLeft * scale - bar / 2), Math.round(r.top + r.height * 0.75)];
}

/** Presses and releases the mouse on the box's scrollbar. */
export async function pressScrollbar(box: HTMLElement): Promise<boolean> {
  const at = scrollbarPoint(box);
  if (!at) return false;
  await sendMouse({ type: 'move', position: at });
  await sendMouse({ type: 'down' });
  await sendMouse({ type: 'up' });
  return true;
}

export const frames = async (n: number): Promise<void> => {
  for (let i = 0; i < n; i++) await new Promise((r) => requestAnimationFrame(r));
};

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Waits until the box's scroll position has not changed for `n` frames. */
export async function settled(box: HTMLElement, n = 8, ms = 8000): Promise<void> {
  let last = Number.NaN;
  let still = 0;
  const until = performance.now() + ms;
  while (still < n) {
    if (performance.now() > until) throw new Error('Timed out waiting for scrolling to settle');
    await frames(1);
    still = box.scrollTop === last ? still + 1 : 0;
    last = box.scrollTop;
  }
}
