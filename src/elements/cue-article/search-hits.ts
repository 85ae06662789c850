import type { SearchHit } from '../../controllers/transcript/transcript-search.js';
import type { ArticlePlaces } from './places.js';

/** Where the first text of placed cue `k` starts in the article's text. */
function startOf(p: ArticlePlaces, k: number): number {
  return p.match.cues[k]?.ranges[0]?.start ?? 0;
}

/**
 * The hit (cue and time) for a search match starting at text offset `at`: the cue saying it (at the word's
 * time, when the file has word times), else, for words no cue says (a title, a standfirst), the next cue
 * spoken after them, else the last one before.
 */
export function hitAt(p: ArticlePlaces, at: number): SearchHit {
  const cue = p.cueAt(at);
  if (cue >= 0) return { cueIndex: cue, time: p.timeAt(cue, at) };
  const placed = p.placed;
  let lo = 0;
  let hi = placed.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (startOf(p, placed[mid]!) < at) lo = mid + 1;
    else hi = mid;
  }
  const k = placed[Math.min(lo, placed.length - 1)];
  return k === undefined ? { cueIndex: -1, time: Number.NaN } : { cueIndex: k, time: p.transcript.cues[k]!.startTime };
}

/** The text offset a search starts from: the start of the cue being spoken (`cue`), or the top of the article. */
export function searchFrom(p: ArticlePlaces | null, cue: number): number {
  return p && cue >= 0 ? startOf(p, cue) : 0;
}
