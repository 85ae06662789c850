/// <reference types="vite/client" />
// The demo page is a user of the library: it imports media-chrome and Cueline
// exactly as a publisher's page would.
import 'media-chrome';
import '../src/index.js';
// The transcript files come in as `?url` imports so a built demo ships them
// too (Vite rewrites <track src>, but not a custom element's attributes).
import transcript from '../timings/try-rust-with-francesco-ciulla.vtt?url';
import chapters from '../timings/try-rust-with-francesco-ciulla.chapters.vtt?url';

// The article page (`<cue-article>`) and the transcript-panel page (`<cue-transcript>`) share this module.
for (const el of document.querySelectorAll<HTMLElementTagNameMap['cue-transcript'] | HTMLElementTagNameMap['cue-article']>('cue-transcript, cue-article')) {
  if (new URL(transcript, location.href).href !== new URL(el.src, location.href).href) {
    el.src = transcript;
    el.chapters = chapters;
  }
}
