import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

/** `/` is the demo: the address Vite prints opens the interview page. */
const demoHome: Plugin = {
  name: 'cueline-demo-home',
  configureServer(server) {
    server.middlewares.use((req, res, next) => {
      if (req.url !== '/' && req.url !== '/index.html') return next();
      res.statusCode = 302;
      res.setHeader('Location', '/demo/index.html');
      res.end();
    });
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
    rollupOptions: {
      input: {
        index: resolve(import.meta.dirname, 'demo/index.html'),
        editor: resolve(import.meta.dirname, 'demo/editor.html'),
      },
    },
  },
});
