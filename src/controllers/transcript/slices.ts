/**
 * Long work (parsing a 50 MB transcript, building its model, indexing it for
 * search) done in slices of a few milliseconds, handing the event loop back
 * in between, so input, painting and playback never wait on it for long.
 */

/** Milliseconds one slice may run before it hands the event loop back. */
export const SLICE_BUDGET_MS = 8;

let channel: MessageChannel | null = null;
const waiting: (() => void)[] = [];

/**
 * Resolves in a later task, queued behind the tasks already waiting (timers,
 * network, the page's own work), so a long job shares the event loop fairly.
 * A `MessageChannel` message, unlike `setTimeout`, is never clamped to 4 ms;
 * `scheduler.yield()` is not used because its continuation goes ahead of
 * every other task, which starves the page's timers until the job is done.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    if (!channel) {
      channel = new MessageChannel();
      channel.port1.onmessage = () => waiting.shift()?.();
    }
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });
}

/**
 * Runs `advance` (a step of resumable work that returns true once done, and
 * pauses when its `stop()` says so) a slice at a time until it is done,
 * yielding to the event loop between slices. Rejects with the signal's
 * reason once `signal` aborts.
 */
export async function runInSlices(advance: (stop: () => boolean) => boolean, signal?: AbortSignal, budget = SLICE_BUDGET_MS): Promise<void> {
  let deadline = 0;
  const stop = (): boolean => performance.now() >= deadline;
  for (;;) {
    signal?.throwIfAborted();
    deadline = performance.now() + budget;
    if (advance(stop)) return;
    await yieldToEventLoop();
  }
}

/**
 * `list.map(fn)` in slices (the deadline is checked every 256 items), for
 * lists too long to map in one task.
 */
export async function mapInSlices<T, U>(list: ArrayLike<T>, fn: (item: T) => U, signal?: AbortSignal): Promise<U[]> {
  const out: U[] = [];
  let i = 0;
  await runInSlices((stop) => {
    while (i < list.length) {
      out.push(fn(list[i++]!));
      if (i % 256 === 0 && stop()) return false;
    }
    return true;
  }, signal);
  return out;
}
