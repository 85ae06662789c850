/// <reference types="vite/client" />
// The editor demo is a user of the library: it loads the separate editor
// entry, and offers the seed session two ways through the element's API.
// Files come in as `?url` imports so the built demo ships them too.
import '../src/editor.js';
import media from './media/try-rust-with-francesco-ciulla.mp4?url';
import timed from '../timings/try-rust-with-francesco-ciulla.vtt?url';
import chapters from '../timings/try-rust-with-francesco-ciulla.chapters.vtt?url';
import text from '../timings/source/try-rust-with-francesco-ciulla.txt?url';

const editor = document.querySelector('cue-editor')!;
// Read when the editor starts, unless it restores a saved session instead.
editor.src = media;
editor.transcript = timed;
editor.chapters = chapters;

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-seed]')) {
  button.addEventListener('click', () => {
    const exact = button.dataset['seed'] === 'timed';
    void editor.openTranscriptUrl(exact ? timed : text, exact ? chapters : '');
    if (!editor.media?.currentSrc.endsWith(media)) void editor.openMedia(media);
  });
}
