import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { minifyLitTemplates } from './build/vite-plugin-templates.js';

/** The embed page and its stylesheet, shipped as they are beside the scripts they load. */
const embedPage: Plugin = {
  name: 'cueline-embed-page',
  generateBundle() {
    for (const file of ['embed.html', 'embed.css']) {
      this.emitFile({ type: 'asset', fileName: file, source: readFileSync(resolve(import.meta.dirname, 'src/embed', file)) });
    }
  },
};

const entries = {
  production: ['src/cdn.ts', 'cueline.js'],
  editor: ['src/editor.ts', 'cueline-editor.js'],
  embed: ['src/embed/embed-page.ts', 'cueline-embed.js'],
} as const;

/**
 * The CDN build: one self-contained ES module per entry (lit, media-chrome and the elements in one file,
 * styles inside, no import map, no bundler), loadable from any CDN with a single
 * `<script type="module" src=".../dist/cdn/cueline.js">`.
 *
 * - `vite build -c vite.cdn.config.ts` writes `dist/cdn/cueline.js` (the player, navigator, search, transcript and `<cue-player>`).
 * - `--mode embed` writes `dist/cdn/embed.html` (the iframe page, `embed.html?media=…&transcript=…`), its stylesheet and
 *   `cueline-embed.js`, its small script (it reads the query and builds a `<cue-player>`; `cueline.js` defines it).
 * - `vite build -c vite.cdn.config.ts --mode editor` writes `dist/cdn/cueline-editor.js` (the timing editor) beside it, and its
 *   Worker in `dist/cdn/assets/`, loaded relative to the editor file (`new URL(..., import.meta.url)`).
 *
 * Each file is self-contained, the editor too: a page that only plays never loads the editor, and a page that edits loads one
 * file. A page that loads both gets lit and media-chrome twice (the editor's definitions then defer to the player's through the
 * `customElements.get` guards); sharing a chunk would instead make the player two requests for every reader, to save bytes only
 * on the rare page that edits.
 */
export default defineConfig(({ mode }) => {
  const [entry, file] = entries[mode as keyof typeof entries] ?? entries.production;
  return {
    plugins: [minifyLitTemplates(), ...(mode === 'embed' ? [embedPage] : [])],
    root: '.',
    publicDir: false,
    // Asset URLs (the editor's Worker) relative to the file that loads them, wherever a CDN puts it.
    base: './',
    // Lit's production build, without its dev-mode warnings.
    resolve: { conditions: ['production', 'module', 'browser', 'default'] },
    worker: { format: 'es' },
    build: {
      outDir: 'dist/cdn',
      emptyOutDir: file === 'cueline.js',
      target: 'es2022',
      minify: true,
      sourcemap: true,
      copyPublicDir: false,
      lib: {
        entry: resolve(import.meta.dirname, entry),
        formats: ['es'],
        fileName: () => file,
      },
      rollupOptions: { output: { minify: true, comments: { annotation: false } } },
    },
  };
});
