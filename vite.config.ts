import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// The demo pages are users of the library: Vite serves them from the project
// root so they load `src/` directly, and `/timings/` and `/demo/media/` as-is.
export default defineConfig({
  root: '.',
  server: { open: '/demo/index.html' },
  preview: { open: '/demo/index.html' },
  build: {
    outDir: 'dist-demo',
    target: 'es2022',
    rollupOptions: {
      input: {
        index: resolve(import.meta.dirname, 'demo/index.html'),
        editor: resolve(import.meta.dirname, 'demo/editor.html'),
      },
    },
  },
});
