import type { Transcript } from '../../core/transcript/index.js';

/**
 * Where PageDown/PageUp go from cue `index`: the first cue of the next (or
 * previous) question; past the last (or first) one, the transcript's end.
 */
export function pageTarget(t: Transcript, index: number, direction: 1 | -1): number {
  const starts: number[] = [];
  for (const q of t.questions) {
    const first = t.paragraphs[q.paragraphStart];
    if (first && q.paragraphEnd > q.paragraphStart) starts.push(first.cueStart);
  }
  const found = direction > 0 ? starts.find((s) => s > index) : starts.filter((s) => s < index).pop();
  return found ?? (direction > 0 ? t.cues.length - 1 : 0);
}
