/**
 * Windowing for the cue list (no DOM): a long session is a flat sequence of
 * items (question headings and cues), of which only those near the scroll
 * position are rendered; the rest are stood in for by spacers whose heights
 * come from heights measured so far (an estimate for items never seen).
 * Everything here is linear in the number of items at worst, and the
 * per-scroll work is a binary search.
 */

/** The items of a session, in list order: `>= 0` is a cue index, `< 0` is question `-(v + 1)`. */
export interface ListItems {
  readonly items: Int32Array;
  /** Item index of each cue. */
  readonly itemOfCue: Int32Array;
  /** Item index of the question heading each item falls under (-1 before the first question). */
  readonly headingOf: Int32Array;
}

/** Lays out cues with the heading of each question before its first cue. */
export function listItems(cueCount: number, chapterStarts: readonly number[]): ListItems {
  const byCue = new Map<number, number[]>();
  chapterStarts.forEach((start, k) => {
    if (start >= 0 && start < cueCount) byCue.set(start, [...(byCue.get(start) ?? []), k]);
  });
  const total = cueCount + [...byCue.values()].reduce((a, ks) => a + ks.length, 0);
  const items = new Int32Array(total);
  const itemOfCue = new Int32Array(cueCount);
  const headingOf = new Int32Array(total);
  let at = 0;
  let heading = -1;
  for (let i = 0; i < cueCount; i++) {
    for (const k of byCue.get(i) ?? []) {
      heading = at;
      headingOf[at] = at;
      items[at++] = -(k + 1);
    }
    itemOfCue[i] = at;
    headingOf[at] = heading;
    items[at++] = i;
  }
  return { items, itemOfCue, headingOf };
}

/** Heights of items (px): measured where an item was rendered, else the mean of those measured. */
export class ItemHeights {
  #heights = new Float64Array(0);
  #offsets = new Float64Array(1);
  #sum = 0;
  #count = 0;
  #dirty = true;
  /** Px: the height assumed for an item before any is measured. */
  readonly initial: number;

  constructor(initial = 64) {
    this.initial = initial;
  }

  get length(): number {
    return this.#heights.length;
  }

  /** Px: the height assumed for an item not measured yet. */
  get estimate(): number {
    return this.#count ? this.#sum / this.#count : this.initial;
  }

  /** Makes room for `n` items, keeping what was measured for the first ones. */
  resize(n: number): void {
    if (n === this.#heights.length) return;
    const next = new Float64Array(n);
    next.set(this.#heights.subarray(0, Math.min(n, this.#heights.length)));
    this.#heights = next;
    this.#sum = 0;
    this.#count = 0;
    for (const h of next) if (h > 0) (this.#sum += h), this.#count++;
    this.#dirty = true;
  }

  /** Records a measured height; true when it differs from what was assumed. */
  measure(item: number, height: number): boolean {
    const old = this.#heights[item];
    if (old === undefined || height <= 0 || Math.abs(old - height) < 0.5) return false;
    if (old > 0) this.#sum -= old;
    else this.#count++;
    this.#sum += height;
    this.#heights[item] = height;
    this.#dirty = true;
    return true;
  }

  /** Px from the top of the list to the top of `item` (`length` gives the whole height). */
  offset(item: number): number {
    if (this.#dirty) this.#layout();
    return this.#offsets[Math.max(0, Math.min(item, this.#heights.length))]!;
  }

  /** The item at `y` px from the top (clamped to the items). */
  at(y: number): number {
    if (this.#dirty) this.#layout();
    const o = this.#offsets;
    let lo = 0;
    let hi = this.#heights.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (o[mid]! <= y) lo = mid;
      else hi = mid - 1;
    }
    return Math.max(0, lo);
  }

  #layout(): void {
    const n = this.#heights.length;
    if (this.#offsets.length !== n + 1) this.#offsets = new Float64Array(n + 1);
    const e = this.estimate;
    let y = 0;
    for (let i = 0; i < n; i++) {
      this.#offsets[i] = y;
      const h = this.#heights[i]!;
      y += h > 0 ? h : e;
    }
    this.#offsets[n] = y;
    this.#dirty = false;
  }
}

/** Half-open item ranges, sorted and merged: what to render. */
export function mergeRanges(ranges: readonly (readonly [number, number])[]): [number, number][] {
  const sorted = ranges.filter(([a, b]) => b > a).map(([a, b]): [number, number] => [a, b]).sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const r of sorted) {
    const last = out.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push(r);
  }
  return out;
}
