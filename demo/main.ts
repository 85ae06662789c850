/// <reference types="vite/client" />
// The demo page is a user of the library: it imports media-chrome and Cueline
// exactly as a publisher's page would.
import 'media-chrome';
import '../src/index.js';
// The transcript files come in as `?url` imports so a built demo ships them
// too (Vite rewrites <track src>, but not a custom element's attributes).
import transcript from '../timings/try-rust-with-francesco-ciulla.vtt?url';
import chapters from '../timings/try-rust-with-francesco-ciulla.chapters.vtt?url';

const el = document.querySelector('cue-transcript');
if (el && new URL(transcript, location.href).href !== new URL(el.src, location.href).href) {
  el.src = transcript;
  el.chapters = chapters;
}
