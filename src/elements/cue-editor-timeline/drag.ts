import { intend } from '../cue-editor/intents.js';

/** Pointer travel (px) before a press becomes a drag; less is a click. */
const SLOP = 3;

interface Host extends HTMLElement {
  readonly secondsPerPixel: number;
  timeAt(clientX: number): number;
  readonly session: { cues: readonly { startTime: number; endTime: number }[] } | null;
}

interface Press {
  id: number;
  x: number;
  target: 'boundary' | 'cue' | 'track';
  index: number;
  side: 'start' | 'end';
  /** Seconds: the dragged edge (or the cue's start) when the press began. */
  origin: number;
  moved: boolean;
}

/**
 * Pointer handling for the timeline: a press on a boundary or a cue block
 * that travels becomes a drag (one `drag` intent per phase; Alt unlinks,
 * Escape cancels), a press that does not is a click (select, or seek on the
 * waveform). The host captures the pointer, so re-rendered blocks do not
 * lose it.
 */
export class TimelineDrag {
  readonly #host: Host;
  #press: Press | null = null;

  constructor(host: Host) {
    this.#host = host;
  }

  readonly down = (e: PointerEvent): void => {
    if (e.button !== 0 || this.#press) return;
    const hit = (e.composedPath()[0] as Element).closest?.('[data-boundary], [data-cue]') as HTMLElement | null;
    const cues = this.#host.session?.cues ?? [];
    let press: Press;
    if (hit?.dataset['boundary'] !== undefined) {
      const b = Number(hit.dataset['boundary']);
      const side = hit.dataset['side'] === 'end' ? 'end' : 'start';
      const origin = side === 'end' ? cues[b - 1]?.endTime : cues[b]?.startTime;
      press = { id: e.pointerId, x: e.clientX, target: 'boundary', index: b, side, origin: origin ?? 0, moved: false };
    } else if (hit?.dataset['cue'] !== undefined) {
      const i = Number(hit.dataset['cue']);
      press = { id: e.pointerId, x: e.clientX, target: 'cue', index: i, side: 'start', origin: cues[i]?.startTime ?? 0, moved: false };
    } else {
      press = { id: e.pointerId, x: e.clientX, target: 'track', index: -1, side: 'start', origin: 0, moved: false };
    }
    this.#press = press;
    const host = this.#host;
    host.setPointerCapture(e.pointerId);
    host.addEventListener('pointermove', this.#move);
    host.addEventListener('pointerup', this.#up);
    host.addEventListener('pointercancel', this.#cancel);
    addEventListener('keydown', this.#key, true);
    if (press.target !== 'track') e.preventDefault();
  };

  readonly #move = (e: PointerEvent): void => {
    const p = this.#press;
    if (!p || e.pointerId !== p.id || p.target === 'track') return;
    const dx = e.clientX - p.x;
    if (!p.moved && Math.abs(dx) < SLOP) return;
    const linked = !e.altKey;
    const time = p.origin + dx * this.#host.secondsPerPixel;
    const base = { target: p.target, index: p.index, side: p.side, linked } as const;
    if (!p.moved) {
      p.moved = true;
      intend(this.#host, { type: 'drag', phase: 'start', time: p.origin, ...base });
    }
    intend(this.#host, { type: 'drag', phase: 'move', time, ...base });
  };

  readonly #up = (e: PointerEvent): void => {
    const p = this.#press;
    if (!p || e.pointerId !== p.id) return;
    this.#release();
    const base = { target: p.target === 'cue' ? 'cue' : 'boundary', index: p.index, side: p.side, linked: !e.altKey, time: p.origin } as const;
    if (p.moved) intend(this.#host, { type: 'drag', phase: 'end', ...base });
    else if (p.target === 'boundary') intend(this.#host, { type: 'select-boundary', boundary: p.index });
    else if (p.target === 'cue') intend(this.#host, { type: 'select-cue', cue: p.index, seek: true });
    else intend(this.#host, { type: 'seek', time: Math.max(0, this.#host.timeAt(e.clientX)) });
  };

  readonly #cancel = (): void => {
    const p = this.#press;
    if (!p) return;
    this.#release();
    if (p.moved && p.target !== 'track') intend(this.#host, { type: 'drag', phase: 'cancel', target: p.target, index: p.index, side: p.side, linked: true, time: p.origin });
  };

  readonly #key = (e: KeyboardEvent): void => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    e.stopPropagation();
    this.#cancel();
  };

  #release(): void {
    const host = this.#host;
    if (this.#press && host.hasPointerCapture(this.#press.id)) host.releasePointerCapture(this.#press.id);
    this.#press = null;
    host.removeEventListener('pointermove', this.#move);
    host.removeEventListener('pointerup', this.#up);
    host.removeEventListener('pointercancel', this.#cancel);
    removeEventListener('keydown', this.#key, true);
  }
}
