/** Shared helpers for the navigator tests (not a test file itself). */
import type { CueChapters } from '../../src/elements/cue-chapters/cue-chapters.js';
import { waitFor } from './cue-transcript-helpers.js';

export * from './cue-transcript-helpers.js';

/** Waits until the navigator lists its questions. */
export async function listed(el: HTMLElement): Promise<void> {
  await waitFor(() => el.shadowRoot?.querySelector('[part~="question"]'), 'questions listed');
  await (el as CueChapters).updateComplete;
}

export const questionLinks = (el: HTMLElement): HTMLAnchorElement[] => [
  ...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('a[part~="question"]'),
];

/** Index of the entry marked aria-current, or -1. */
export const currentEntry = (el: HTMLElement): number =>
  questionLinks(el).findIndex((a) => a.getAttribute('aria-current') === 'true');

export const part = <E extends HTMLElement = HTMLElement>(el: HTMLElement, name: string): E =>
  el.shadowRoot!.querySelector<E>(`[part~="${name}"]`)!;

/** Plays `media` from `from` until `until` holds (or `ms` pass), then pauses. */
export async function playUntil(media: HTMLMediaElement, from: number, until: () => unknown, ms = 6000): Promise<void> {
  await waitFor(() => media.readyState >= 1, 'metadata');
  const seeked = new Promise((r) => media.addEventListener('seeked', r, { once: true }));
  media.currentTime = from;
  await seeked;
  media.muted = true;
  await media.play();
  try {
    await waitFor(until, 'playback reached the condition', ms);
  } finally {
    media.pause();
  }
}

/** Loads `src` in an iframe and resolves with its window once `ready` holds in it. */
export async function openPage(src: string, ready: (w: Window & typeof globalThis) => unknown): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width:800px;height:900px;border:0';
  frame.src = src;
  document.body.append(frame);
  await waitFor(() => {
    const w = frame.contentWindow as (Window & typeof globalThis) | null;
    try {
      return w && w.document.readyState !== 'loading' && ready(w);
    } catch {
      return false;
    }
  }, `page ${src} ready`, 20000);
  return frame;
}
