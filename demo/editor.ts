// The editor demo is a user of the library: it loads the separate editor
// entry, and offers the seed session two ways through the element's API.
import '../src/editor.js';

const editor = document.querySelector('cue-editor')!;
const seed = {
  media: './media/try-rust-with-francesco-ciulla.mp4',
  timed: '../timings/try-rust-with-francesco-ciulla.vtt',
  chapters: '../timings/try-rust-with-francesco-ciulla.chapters.vtt',
  text: '../timings/source/try-rust-with-francesco-ciulla.txt',
};

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-seed]')) {
  button.addEventListener('click', () => {
    const timed = button.dataset['seed'] === 'timed';
    void editor.openTranscriptUrl(timed ? seed.timed : seed.text, timed ? seed.chapters : '');
    if (!editor.media?.currentSrc.endsWith(seed.media.slice(1))) void editor.openMedia(seed.media);
  });
}
