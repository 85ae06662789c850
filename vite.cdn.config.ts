import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/**
 * The CDN build: one self-contained ES module per entry (lit, media-chrome and the elements in one file,
 * styles inside, no import map, no bundler), loadable from any CDN with a single
 * `<script type="module" src=".../dist/cdn/cueline.js">`.
 *
 * - `vite build -c vite.cdn.config.ts` writes `dist/cdn/cueline.js` (the player, navigator, search, transcript and `<cue-player>`).
 * - `vite build -c vite.cdn.config.ts --mode editor` writes `dist/cdn/cueline-editor.js` (the timing editor) beside it, and its
 *   Worker in `dist/cdn/assets/`, loaded relative to the editor file (`new URL(..., import.meta.url)`).
 *
 * Each file is self-contained, the editor too: a page that only plays never loads the editor, and a page that edits loads one
 * file. A page that loads both gets lit and media-chrome twice (the editor's definitions then defer to the player's through the
 * `customElements.get` guards); sharing a chunk would instead make the player two requests for every reader, to save bytes only
 * on the rare page that edits.
 */
export default defineConfig(({ mode }) => {
  const editor = mode === 'editor';
  return {
    root: '.',
    publicDir: false,
    // Lit's production build, without its dev-mode warnings.
    resolve: { conditions: ['production', 'module', 'browser', 'default'] },
    worker: { format: 'es' },
    build: {
      outDir: 'dist/cdn',
      emptyOutDir: !editor,
      target: 'es2022',
      minify: true,
      sourcemap: true,
      copyPublicDir: false,
      lib: {
        entry: resolve(import.meta.dirname, editor ? 'src/editor.ts' : 'src/cdn.ts'),
        formats: ['es'],
        fileName: () => (editor ? 'cueline-editor.js' : 'cueline.js'),
      },
      rollupOptions: { output: { minify: true } },
    },
  };
});
