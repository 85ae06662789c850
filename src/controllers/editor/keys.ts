import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { NUDGE_STEPS } from '../../core/editor/index.js';

/** What the editor does for its keys. */
export interface EditorKeyActions {
  /** Tap to sync: the boundary playback is crossing goes at the play position (or the tap is refused, with a notice). */
  tap(): void;
  /** Move the selected boundary by `delta` seconds; unlinked with Alt. */
  nudge(delta: number, linked: boolean): void;
  /** Select the next (1) or previous (-1) boundary. */
  step(direction: 1 | -1): void;
  /** Play a second either side of the selected boundary; on repeat with Shift. */
  audition(repeat: boolean): void;
  split(): void;
  merge(): void;
  /** Select the next (1) or previous (-1) boundary to review after alignment: zoomed to it, and auditioned. */
  review(direction: 1 | -1): void;
  /** Zoom the timeline in (1), out (-1), or to the whole session (0). */
  zoom(direction: 1 | -1 | 0): void;
  togglePlay(): void;
  undo(): void;
  redo(): void;
  /** Cancel a drag or stop an audition; true when something was cancelled. */
  escape(): boolean;
}

/** One documented key binding, for the help list and for `keysUsed`. */
export interface KeyBinding {
  keys: string;
  does: string;
}

/** The editor's keys. None of them is a media-chrome hotkey (Space, k, j, l, m, f, c, p, arrows, <, >, ?) except Space, which does what media-chrome does with it. */
export const EDITOR_KEYS: readonly KeyBinding[] = [
  { keys: 'T', does: 'Tap: the boundary playback is crossing goes here (the nearest not yet tapped, within a few seconds)' },
  { keys: ', / .', does: 'Nudge the selected boundary 10 ms earlier / later' },
  { keys: '[ / ]', does: 'Nudge 100 ms' },
  { keys: 'Shift + [ / ]', does: 'Nudge 500 ms' },
  { keys: 'Alt + nudge or drag', does: 'Unlinked: move one side only' },
  { keys: 'B / Shift + B', does: 'Select the next / previous boundary' },
  { keys: 'A / Shift + A', does: 'Audition the boundary (once / on repeat)' },
  { keys: 'S / G', does: 'Split the selected cue at the play position / merge it with the next' },
  { keys: 'R / Shift + R', does: 'Next / previous boundary to review (zooms to it and plays it)' },
  { keys: '= / - / 0', does: 'Zoom in / out / whole session' },
  { keys: 'Space', does: 'Play or pause' },
  { keys: 'Ctrl + Z, Ctrl + Shift + Z or Ctrl + Y', does: 'Undo, redo' },
  { keys: 'Esc', does: 'Cancel a drag, stop an audition' },
];

/** The `key` values handled, for media-chrome's `keysUsed` protocol. */
export const EDITOR_KEYS_USED = ['t', 'T', ',', '.', '[', ']', '{', '}', 'b', 'B', 'a', 'A', 's', 'S', 'g', 'G', 'r', 'R', '=', '+', '-', '0', ' ', 'Escape', 'z', 'Z', 'y'];

/** Fields where keys type text (a range or a checkbox does not). */
const TEXT_FIELD = 'textarea, select, [role="textbox"], input:not([type="range"], [type="checkbox"], [type="radio"], [type="button"], [type="submit"], [type="file"], [type="color"])';

/** True when keys belong to what has focus: text fields and editable text. */
export function typingTarget(e: Event): boolean {
  for (const node of e.composedPath()) {
    if (!(node instanceof HTMLElement)) continue;
    if (node.isContentEditable || node.matches(TEXT_FIELD)) return true;
    if (node.localName.startsWith('cue-editor')) return false;
  }
  return false;
}

/** True when the key went to a control that handles Space itself: a button, a link, or anything inside media-chrome (its own hotkey). */
function spaceTarget(e: Event): boolean {
  return e.composedPath().some((n) => n instanceof HTMLElement && (n.localName.startsWith('media-') || n.matches('button, a[href], summary, [role="button"]')));
}

/**
 * The timing editor's keyboard map, on the host element: keys work wherever
 * focus is in the editor, except while typing (inputs, textareas, editable
 * text). None of its keys is a media-chrome hotkey but Space, which it
 * leaves to media-chrome's controls (and to buttons) when they have focus.
 * Nudge keys match by physical key (`code`), so Alt still works on layouts
 * where Alt changes the character.
 */
export class EditorKeysController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #actions: EditorKeyActions;

  constructor(host: ReactiveControllerHost & HTMLElement, actions: EditorKeyActions) {
    this.#host = host;
    this.#actions = actions;
    host.addController(this);
  }

  hostConnected(): void {
    this.#host.addEventListener('keydown', this.#onKey);
  }

  hostDisconnected(): void {
    this.#host.removeEventListener('keydown', this.#onKey);
  }

  readonly #onKey = (e: KeyboardEvent): void => {
    if (e.defaultPrevented || e.isComposing) return;
    const a = this.#actions;
    const mod = e.ctrlKey || e.metaKey;
    if (mod && !e.altKey) {
      const k = e.key.toLowerCase();
      if (typingTarget(e)) return; // the field's own undo
      if (k === 'z') e.shiftKey ? a.redo() : a.undo();
      else if (k === 'y') a.redo();
      else return;
      e.preventDefault();
      return;
    }
    if (mod) return;
    if (e.key === 'Escape') {
      if (a.escape()) e.preventDefault();
      return;
    }
    if (typingTarget(e)) return;
    const handled = this.#handle(e, a);
    if (handled) {
      e.preventDefault();
      e.stopPropagation();
    }
  };

  #handle(e: KeyboardEvent, a: EditorKeyActions): boolean {
    const linked = !e.altKey;
    const [fine, mid, coarse] = NUDGE_STEPS;
    switch (e.code) {
      case 'Comma':
        if (e.shiftKey) return false; // '<' is media-chrome's
        a.nudge(-fine, linked);
        return true;
      case 'Period':
        if (e.shiftKey) return false;
        a.nudge(fine, linked);
        return true;
      case 'BracketLeft':
        a.nudge(-(e.shiftKey ? coarse : mid), linked);
        return true;
      case 'BracketRight':
        a.nudge(e.shiftKey ? coarse : mid, linked);
        return true;
    }
    if (e.altKey) return false;
    switch (e.key) {
      case 't':
      case 'T':
        a.tap();
        return true;
      case 'b':
      case 'B':
        a.step(e.shiftKey ? -1 : 1);
        return true;
      case 'a':
      case 'A':
        a.audition(e.shiftKey);
        return true;
      case 's':
        a.split();
        return true;
      case 'g':
        a.merge();
        return true;
      case 'r':
      case 'R':
        a.review(e.shiftKey ? -1 : 1);
        return true;
      case '=':
      case '+':
        a.zoom(1);
        return true;
      case '-':
        a.zoom(-1);
        return true;
      case '0':
        a.zoom(0);
        return true;
      case ' ':
        if (spaceTarget(e)) return false;
        a.togglePlay();
        return true;
    }
    return false;
  }
}
