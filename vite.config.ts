import { resolve } from 'node:path';
import { defineConfig, type Connect, type Plugin } from 'vite';

/** `/` redirects to the interview page (the built pages keep their place under `demo/`). */
const toDemo: Connect.NextHandleFunction = (req, res, next) => {
  const path = req.url?.split('?')[0];
  if (path !== '/' && path !== '/index.html') return next();
  res.statusCode = 302;
  res.setHeader('Location', '/demo/index.html');
  res.end();
};

/** `/` is the demo, in `vite` and in `vite preview` of the built demo: the address Vite prints opens the interview page. */
const demoHome: Plugin = {
  name: 'cueline-demo-home',
  configureServer(server) {
    server.middlewares.use(toDemo);
  },
  configurePreviewServer(server) {
    server.middlewares.use(toDemo);
  },
};

// The demo pages are users of the library: Vite serves them from the project
// root so they load `src/` directly, and `/timings/` and `/demo/media/` as-is.
export default defineConfig({
  root: '.',
  plugins: [demoHome],
  server: { open: '/demo/index.html' },
  preview: { open: '/demo/index.html' },
  build: {
    outDir: 'dist-demo',
    target: 'es2022',
    // Transcript files stay files: inlined as `data:` URLs, a page's `connect-src 'self'` would block them.
    assetsInlineLimit: (file) => (/\.(vtt|srt|txt|json)$/i.test(file) ? false : undefined),
    rollupOptions: {
      input: {
        index: resolve(import.meta.dirname, 'demo/index.html'),
        editor: resolve(import.meta.dirname, 'demo/editor.html'),
      },
    },
  },
});
