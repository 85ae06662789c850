/**
 * What the editor's parts (timeline, cue list, panels) ask the editor to do.
 * They never change the session themselves: they dispatch an
 * `EditIntentEvent`, which bubbles inside the editor's shadow root only
 * (not composed), and `<cue-editor>` turns it into core operations.
 */
export type EditIntent =
  | { type: 'select-cue'; cue: number; seek?: boolean }
  | { type: 'select-boundary'; boundary: number; seek?: boolean }
  | { type: 'seek'; time: number }
  | {
      type: 'drag';
      phase: 'start' | 'move' | 'end' | 'cancel';
      target: 'boundary' | 'cue';
      /** Boundary index, or cue index. */
      index: number;
      /** Seconds: where the boundary, or the cue's start, is dragged to. */
      time: number;
      /** Which side of a boundary is dragged (unlinked drags). */
      side?: 'start' | 'end';
      linked: boolean;
    }
  | { type: 'nudge'; boundary: number; delta: number; linked: boolean }
  | { type: 'move-cue'; cue: number; delta: number; linked: boolean }
  | { type: 'text'; cue: number; text: string }
  | { type: 'speaker'; cue: number; speaker: string }
  | { type: 'title'; chapter: number; title: string }
  | { type: 'split'; cue: number; offset?: number }
  | { type: 'merge'; cue: number }
  | { type: 'fixed'; cue: number; fixed: boolean }
  | { type: 'fix'; problem: number }
  | { type: 'zoom'; start: number; end: number };

export const EDIT_INTENT = 'cue-edit-intent';

export class EditIntentEvent extends Event {
  readonly intent: EditIntent;
  constructor(intent: EditIntent) {
    super(EDIT_INTENT, { bubbles: true, composed: false });
    this.intent = intent;
  }
}

/** Dispatches an intent from `el` (a part inside the editor's shadow root). */
export function intend(el: Element, intent: EditIntent): void {
  el.dispatchEvent(new EditIntentEvent(intent));
}
