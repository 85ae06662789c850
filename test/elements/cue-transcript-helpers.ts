/** Shared helpers for the `<cue-transcript>` tests (not a test file itself). */
import { sendMouse } from '@web/test-runner-commands';
import type { CueTranscript } from '../../src/elements/cue-transcript/cue-transcript.js';

export const CLIP = '/test/fixtures/clip.mp4';
export const TALK = '/test/fixtures/talk.vtt';
export const TALK_CHAPTERS = '/test/fixtures/talk.chapters.vtt';
export const DEMO_MEDIA = '/demo/media/try-rust-with-francesco-ciulla.mp4';
export const DEMO_VTT = '/timings/try-rust-with-francesco-ciulla.vtt';
export const DEMO_CHAPTERS = '/timings/try-rust-with-francesco-ciulla.chapters.vtt';

/** Resolves once `check` returns a truthy value, polling each frame; rejects after `ms`. */
export async function waitFor<T>(check: () => T, message: string, ms = 8000): Promise<NonNullable<T>> {
  const until = performance.now() + ms;
  for (;;) {
    const value = check();
    if (value) return value as NonNullable<T>;
    if (performance.now() > until) throw new Error(`Timed out waiting for: ${message}`);
    await new Promise((r) => requestAnimationFrame(() => r(undefined)));
  }
}

/** Waits for the transcript to be rendered. */
export async function rendered(el: CueTranscript): Promise<void> {
  await waitFor(() => el.loadedTranscript && el.shadowRoot?.querySelector('[data-cue]'), 'transcript rendered');
  await el.updateComplete;
}

export async function metadata(media: { readyState: number } & EventTarget): Promise<void> {
  if (media.readyState >= 1) return;
  await new Promise((r) => media.addEventListener('loadedmetadata', r, { once: true }));
}

/** Seeks a paused media element and waits until the seek is done. */
export async function seek(media: HTMLMediaElement, time: number): Promise<void> {
  await metadata(media);
  const done = new Promise((r) => media.addEventListener('seeked', r, { once: true }));
  media.currentTime = time;
  await done;
}

export const cueEl = (el: CueTranscript, i: number): HTMLElement =>
  el.shadowRoot!.querySelector<HTMLElement>(`[data-cue="${i}"]`)!;

/** The cue marked as being spoken, or null. */
export const activeCue = (el: CueTranscript): HTMLElement | null =>
  el.shadowRoot!.querySelector<HTMLElement>('[aria-current="time"]');

export const activeIndex = (el: CueTranscript): number => Number(activeCue(el)?.dataset['cue'] ?? -1);

export const activeQuestion = (el: CueTranscript): number =>
  Number(el.shadowRoot!.querySelector<HTMLElement>('[part~="question"][aria-current="true"]')?.dataset['q'] ?? -1);

export const scrollBox = (el: CueTranscript): HTMLElement =>
  el.shadowRoot!.querySelector<HTMLElement>('[part~="scroll-box"]')!;

/**
 * A real mouse click at the middle of the first line of `target` (its first line
 * box wide enough to hit: an inline cue can start with a sliver at a line's end).
 */
export async function click(target: Element): Promise<void> {
  const rects = [...target.getClientRects()];
  const r = rects.find((x) => x.width >= 6 && x.height >= 4) ?? rects[0] ?? target.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(r.left + Math.min(r.width / 2, 20)), Math.round(r.top + r.height / 2)] });
}

/** Scrolls the transcript's box (as a reader would) until cue `i` is visible, then clicks it for real. */
export async function clickCue(el: CueTranscript, i: number): Promise<void> {
  const box = scrollBox(el);
  await scrollSettled(box);
  const cue = cueEl(el, i);
  const b = box.getBoundingClientRect();
  const r = cue.getBoundingClientRect();
  if (r.top < b.top || r.bottom > b.bottom) {
    box.scrollTop = cue.offsetTop - 20;
    await waitFor(() => {
      const now = cue.getBoundingClientRect();
      return now.top >= b.top && now.bottom <= b.bottom;
    }, `cue ${i} visible`);
  }
  await scrollSettled(box);
  await click(cue);
}

/** Waits until `box` has not scrolled for a few frames (a smooth scroll of the transcript's own may be running). */
export async function scrollSettled(box: HTMLElement): Promise<void> {
  let last = Number.NaN;
  let still = 0;
  for (let i = 0; i < 300 && still < 4; i++) {
    await new Promise((r) => requestAnimationFrame(r));
    still = box.scrollTop === last ? still + 1 : 0;
    last = box.scrollTop;
  }
}

/** Resets the mouse so one test's pressed state never leaks into the next. */
export async function releaseMouse(): Promise<void> {
  await sendMouse({ type: 'move', position: [0, 0] });
}

export const nextEvent = <K extends keyof HTMLElementEventMap>(target: EventTarget, type: K): Promise<HTMLElementEventMap[K]> =>
  new Promise((r) => target.addEventListener(type, r as EventListener, { once: true }));
