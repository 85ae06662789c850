/** Shared helpers for the `<cue-editor>` tests (not a test file itself). */
import { sendMouse } from '@web/test-runner-commands';
import { waitFor as waitForFrames } from './cue-transcript-helpers.js';
import type { CueEditor } from '../../src/elements/cue-editor/cue-editor.js';
import type { CueEditorList } from '../../src/elements/cue-editor-list/cue-editor-list.js';
import type { CueEditorTimeline } from '../../src/elements/cue-editor-timeline/cue-editor-timeline.js';

export const SEED_MEDIA = '/demo/media/try-rust-with-francesco-ciulla.mp4';
export const SEED_VTT = '/timings/try-rust-with-francesco-ciulla.vtt';
export const SEED_CHAPTERS = '/timings/try-rust-with-francesco-ciulla.chapters.vtt';
export const SEED_TEXT = '/timings/source/try-rust-with-francesco-ciulla.txt';
export const CLIP = '/test/fixtures/clip.mp4';

/** `waitFor` from the transcript helpers, with a longer default: editor tests decode 22 minutes of audio. */
export function waitFor<T>(check: () => T, message: string, ms = 15000): Promise<NonNullable<T>> {
  return waitForFrames(check, message, ms);
}

export const $ = <T extends Element = HTMLElement>(el: CueEditor, selector: string): T =>
  el.shadowRoot!.querySelector<T>(selector)!;

export const timeline = (el: CueEditor): CueEditorTimeline => $<CueEditorTimeline>(el, 'cue-editor-timeline');
export const list = (el: CueEditor): CueEditorList => $<CueEditorList>(el, 'cue-editor-list');

/** A button of the editor by its visible text or accessible name. */
export function button(el: CueEditor, name: string): HTMLButtonElement {
  const all = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')];
  const b = all.find((x) => x.textContent!.trim() === name || x.getAttribute('aria-label') === name);
  if (!b) throw new Error(`no button "${name}"`);
  return b;
}

export const status = (el: CueEditor): string => $(el, '[part~="status"]').textContent!.trim();
export const errorText = (el: CueEditor): string => $(el, '[part~="error"]').textContent!.replace(/\s+/g, ' ').trim();

/** The handle of boundary `b` in the timeline (its start side). */
export const handle = (el: CueEditor, b: number): HTMLElement =>
  timeline(el).shadowRoot!.querySelector<HTMLElement>(`[data-boundary="${b}"][data-side="start"]`)!;

export const block = (el: CueEditor, i: number): HTMLElement =>
  timeline(el).shadowRoot!.querySelector<HTMLElement>(`[data-cue="${i}"]`)!;

export const row = (el: CueEditor, i: number): HTMLElement => list(el).shadowRoot!.querySelector<HTMLElement>(`[data-cue="${i}"]`)!;

/** Centre of an element, in viewport pixels. */
export function centre(target: Element): [number, number] {
  const r = target.getBoundingClientRect();
  return [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)];
}

/** A real mouse click at the centre of `target`. */
export async function click(target: Element): Promise<void> {
  target.scrollIntoView({ block: 'center' });
  await sendMouse({ type: 'click', position: centre(target) });
}

/** A real drag by `dx` pixels from the centre of `target`, in steps. */
export async function drag(target: Element, dx: number, steps = 5): Promise<void> {
  const [x, y] = centre(target);
  await sendMouse({ type: 'move', position: [x, y] });
  await sendMouse({ type: 'down' });
  for (let k = 1; k <= steps; k++) await sendMouse({ type: 'move', position: [Math.round(x + (dx * k) / steps), y] });
  await sendMouse({ type: 'up' });
}

/** Waits until the editor has a session with its waveform read. */
export async function ready(el: CueEditor, audio = true): Promise<void> {
  await waitFor(() => el.session, 'session opened');
  if (audio) await waitFor(() => el._audio === 'ready' || el._audio === 'failed', 'waveform read', 60000);
  if (el._audio === 'failed') throw new Error(`audio failed: ${errorText(el)}`);
  await el.updateComplete;
}

/** Zooms the timeline to [start, end] seconds and waits for it to render. */
export async function view(el: CueEditor, start: number, end: number): Promise<void> {
  const t = timeline(el);
  t.setView(start, end);
  await t.updateComplete;
}

/** The window of test/elements/cue-editor-frame.html: what its page script records. */
export type EditorFrameWindow = Window & typeof globalThis & { restored?: { savedAt: number }; frameErrors: string[] };

/** The `<cue-editor>` inside an editor frame, once there is one. */
export const editorIn = (f: HTMLIFrameElement): CueEditor | null => f.contentDocument?.querySelector('cue-editor') ?? null;

/**
 * Opens test/elements/cue-editor-frame.html (an editor saving under `key`, on the seed session) in an iframe
 * appended to the page, and waits until its editor has a session. `extra` is appended to the frame's query.
 */
export async function openEditorFrame(key: string, extra = ''): Promise<{ frame: HTMLIFrameElement; editor: CueEditor }> {
  const frame = document.createElement('iframe');
  frame.title = 'Editor';
  frame.style.cssText = 'width: 1000px; height: 800px; border: 0';
  frame.src = `/test/elements/cue-editor-frame.html?key=${key}&transcript=${SEED_VTT}&chapters=${SEED_CHAPTERS}${extra}`;
  const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
  document.body.append(frame);
  await loaded;
  const editor = await waitFor(() => editorIn(frame)?.session && editorIn(frame), 'editor in the frame', 60000);
  return { frame, editor };
}
