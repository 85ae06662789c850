import { cpSync, existsSync, mkdirSync } from 'node:fs';
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

/**
 * The CDN demo pages are plain HTML that load the CDN build (`dist/cdn/`) and no Vite output: the built
 * demo carries them as they are, with the CDN build (embed page included) and the files they name.
 */
const cdnPages: Plugin = {
  name: 'cueline-cdn-pages',
  apply: 'build',
  closeBundle() {
    const root = import.meta.dirname;
    const out = resolve(root, 'dist-demo');
    if (!existsSync(resolve(root, 'dist/cdn/cueline.js'))) throw new Error('build:demo needs the CDN build first (npm run build:cdn)');
    cpSync(resolve(root, 'dist/cdn'), resolve(out, 'dist/cdn'), { recursive: true });
    for (const f of ['cdn.html', 'embed-demo.html', 'embed-parent.js', 'demo.css', 'favicon.svg']) cpSync(resolve(root, 'demo', f), resolve(out, 'demo', f));
    mkdirSync(resolve(out, 'demo/media'), { recursive: true });
    cpSync(resolve(root, 'demo/media'), resolve(out, 'demo/media'), { recursive: true });
    cpSync(resolve(root, 'timings'), resolve(out, 'timings'), { recursive: true, filter: (f) => !f.includes('/source') });
  },
};

// The demo pages are users of the library: Vite serves them from the project
// root so they load `src/` directly, and `/timings/` and `/demo/media/` as-is.
export default defineConfig({
  root: '.',
  plugins: [demoHome, cdnPages],
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
        transcript: resolve(import.meta.dirname, 'demo/transcript.html'),
        editor: resolve(import.meta.dirname, 'demo/editor.html'),
      },
    },
  },
});
