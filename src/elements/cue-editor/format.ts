/** `62.3456` -> `1:02.346`, `3725.5` -> `1:02:05.500`: times to the millisecond, for an editor. */
export function clockTime(seconds: number): string {
  const ms = Math.round((Number.isFinite(seconds) ? Math.max(0, seconds) : 0) * 1000);
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const frac = String(ms % 1000).padStart(3, '0');
  const mm = h ? String(m).padStart(2, '0') : String(m);
  return `${h ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}.${frac}`;
}

/** `0.1` -> `+100 ms`. */
export function signedMs(delta: number): string {
  const v = Math.round(delta * 1000);
  return `${v > 0 ? '+' : v < 0 ? '−' : ''}${Math.abs(v)} ms`;
}

/** Remembers the last result of `fn`, recomputing only when an argument changes identity. */
export function memo<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  let last: { args: A; value: R } | null = null;
  return (...args) => {
    if (!last || args.some((a, i) => a !== last!.args[i])) last = { args, value: fn(...args) };
    return last.value;
  };
}
