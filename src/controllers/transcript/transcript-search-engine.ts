/**
 * The part of transcript search that only a query needs: the folded index and its matcher (core/search) and the
 * painter of matches (dom/search-highlights). {@link TranscriptSearchController} loads it with `import()` when the
 * reader first focuses the search field or a query arrives, so a page that only plays does not load it up front
 * (in the CDN build it is a chunk of its own beside `cueline.js`).
 */
export { searchTranscript, startSearchIndex } from '../../core/search.js';
export { SearchHighlights } from '../../dom/search-highlights.js';
