/**
 * The editor's CDN file (`dist/cdn/cueline-editor.js`, `npm run build:cdn`): self-contained, it defines
 * `<cue-editor>` on a page that loads nothing else, and its Worker, emitted beside it in `assets/`, loads from
 * an address relative to the file (wherever a CDN puts it) and answers the editor's protocol.
 */
import { expect } from '@open-wc/testing';
import { waitFor } from '../elements/cue-transcript-helpers.js';

const EDITOR = '/dist/cdn/cueline-editor.js';

describe('the editor CDN file', () => {
  it('GOOD: defines <cue-editor> alone, with no bare imports', async () => {
    const code = await (await fetch(EDITOR)).text();
    expect(code).to.not.match(/(?:^|[;}])import\s*(?:[\w*{}\s,$]+from\s*)?["'`](?!\.\.?\/)[^"'`]+["'`]/);
    const frame = document.createElement('iframe');
    frame.srcdoc = `<!doctype html><script type="module" src="${new URL(EDITOR, location.href).href}"></script><cue-editor></cue-editor>`;
    document.body.append(frame);
    try {
      await waitFor(() => (frame.contentWindow as (Window & typeof globalThis) | null)?.customElements.get('cue-editor'), 'cue-editor defined', 15000);
      expect((frame.contentWindow as Window & typeof globalThis).customElements.get('cue-player')).to.equal(undefined);
    } finally {
      frame.remove();
    }
  });

  it('GOOD: its Worker loads from beside the file and analyses audio', async () => {
    const code = await (await fetch(EDITOR)).text();
    const rel = /new URL\(\s*[`'"](assets\/editor-worker-[\w-]+\.js)[`'"]\s*,\s*import\.meta\.url\s*\)/.exec(code)?.[1];
    expect(rel, 'the Worker URL is relative to the file').to.be.a('string');
    const worker = new Worker(new URL(rel!, new URL(EDITOR, location.href)), { type: 'module' });
    try {
      const reply = new Promise<{ type: string }>((resolve, reject) => {
        worker.onmessage = (e) => resolve(e.data);
        worker.onerror = (e) => reject(new Error(`worker error: ${e.message}`));
      });
      const rate = 8000;
      const samples = new Float32Array(rate * 2).map((_, i) => (i > rate ? Math.sin(i / 3) * 0.5 : 0));
      worker.postMessage({ type: 'begin', job: 1, sampleRate: rate, expectedLength: samples.length });
      worker.postMessage({ type: 'chunk', job: 1, samples });
      worker.postMessage({ type: 'end', job: 1 });
      const msg = await Promise.race([reply, new Promise<never>((_, r) => setTimeout(() => r(new Error('no reply')), 15000))]);
      expect(msg.type).to.equal('audio');
    } finally {
      worker.terminate();
    }
  });
});
