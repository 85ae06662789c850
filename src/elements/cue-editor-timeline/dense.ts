/**
 * The timeline's cue lane when more cues are in view than can each be a
 * block (a long session seen whole): cues are painted on a canvas, one
 * state per pixel column, in time linear in cues plus pixels; only the
 * selected cue and boundary stay elements (they hold focus and the keys).
 */

/** More cues than this in view are painted, not rendered as blocks and handles. */
export const DENSE_CUES = 500;

/** Colours of the painted lane, read from the element's custom properties. */
export interface LaneColors {
  cue: string;
  untimed: string;
  problem: string;
}

interface LaneCue {
  readonly startTime: number;
  readonly endTime: number;
  readonly timed: boolean;
}

/** How many cues overlap [start, end]: a loop (cues may be out of order), stopping once past `limit`. */
export function visibleCount(cues: readonly LaneCue[], start: number, end: number, limit = Infinity): number {
  let n = 0;
  for (const c of cues) if (c.endTime >= start && c.startTime <= end && ++n > limit) break;
  return n;
}

/**
 * Per pixel column of a `width`-px lane showing [start, end): 0 nothing,
 * 1 a cue, 2 an untimed cue, 3 a cue with a problem (the strongest wins).
 */
export function laneColumns(cues: readonly LaneCue[], flagged: ReadonlySet<number>, start: number, end: number, width: number): Uint8Array {
  const cols = new Uint8Array(Math.max(0, width));
  const span = end - start;
  if (span <= 0 || width <= 0) return cols;
  cues.forEach((c, i) => {
    if (c.endTime < start || c.startTime > end) return;
    const kind = flagged.has(i) ? 3 : c.timed ? 1 : 2;
    const a = Math.max(0, Math.floor(((c.startTime - start) / span) * width));
    const b = Math.min(width - 1, Math.max(a, Math.ceil(((c.endTime - start) / span) * width) - 1));
    for (let x = a; x <= b; x++) if (cols[x]! < kind) cols[x] = kind;
  });
  return cols;
}

/** Paints the columns, with a 1 px gap every time a column's state starts, so runs of cues read as blocks. */
export function drawLane(canvas: HTMLCanvasElement, cols: Uint8Array, colors: LaneColors): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const { width, height } = canvas;
  ctx.clearRect(0, 0, width, height);
  const scale = width / Math.max(1, cols.length);
  const fill = ['', colors.cue, colors.untimed, colors.problem];
  let x = 0;
  while (x < cols.length) {
    const k = cols[x]!;
    let y = x + 1;
    while (y < cols.length && cols[y] === k) y++;
    if (k) {
      ctx.fillStyle = fill[k]!;
      ctx.fillRect(x * scale, 0, (y - x) * scale, height);
    }
    x = y;
  }
}
