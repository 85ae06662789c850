/**
 * Defines `<cue-transcript>` and `<cue-search-strip>` in the order `?order=` names, as a page that
 * imports the elements one by one does: `strip-first`, or `transcript-first`, where the strip is
 * only defined when the test calls `defineStrip()` (after it has searched), so the order is real.
 */
const w = window as unknown as { defineStrip: () => Promise<unknown> };
const strip = (): Promise<unknown> => import('../../src/elements/cue-search-strip/define.js');
if (new URLSearchParams(location.search).get('order') === 'strip-first') {
  await strip();
  await import('../../src/elements/cue-transcript/define.js');
  w.defineStrip = async () => undefined;
} else {
  await import('../../src/elements/cue-transcript/define.js');
  w.defineStrip = strip;
}
export {};
