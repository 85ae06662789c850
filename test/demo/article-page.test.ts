/** The demo's article page: the published interview, as the page's own text, made interactive by `<cue-article>`. */
import { expect } from '@open-wc/testing';
import { waitFor } from '../elements/cue-transcript-helpers.js';
import type { CueArticle } from '../../src/elements/cue-article/cue-article.js';

describe('the demo article page', () => {
  it('GOOD: view source has the whole interview as published, labels and all', async () => {
    const [source, seed] = await Promise.all([
      fetch('/demo/index.html').then((r) => r.text()),
      fetch('/timings/source/try-rust-with-francesco-ciulla.txt').then((r) => r.text()),
    ]);
    const doc = new DOMParser().parseFromString(source, 'text/html');
    const article = doc.querySelector('cue-article')!;
    const blocks = [...article.children].map((el) => el.textContent!.replace(/\s+/g, ' ').trim());
    const published = seed.split('\n').filter((l) => l.trim());
    expect(blocks).to.deep.equal(published);
    expect(doc.querySelector('a[href="./transcript.html"]'), 'a link to the transcript-panel page').to.not.equal(null);
  });

  it('GOOD: in the page, every cue is matched to the article, and a seek highlights the words said', async () => {
    const frame = document.createElement('iframe');
    frame.style.setProperty('width', '1280px');
    frame.style.setProperty('height', '800px');
    frame.src = '/demo/index.html';
    document.body.append(frame);
    try {
      const el = await waitFor(() => frame.contentDocument?.querySelector<CueArticle>('cue-article')?.loadedTranscript && frame.contentDocument.querySelector<CueArticle>('cue-article'), 'article matched', 30000);
      const before = el.textContent;
      expect(el.unmatchedPassages().filter((u) => u.side === 'cue')).to.deep.equal([]);
      const video = frame.contentDocument!.querySelector('video')!;
      const cue = el.loadedTranscript!.cues.find((c) => c.id === 'q05-p2-s1')!;
      await waitFor(() => video.readyState >= 1, 'metadata', 30000);
      video.currentTime = cue.startTime + 0.2;
      const w = frame.contentWindow as Window & typeof globalThis;
      await waitFor(() => [...(w.CSS.highlights.get('cue-active') ?? [])].map(String).join() === cue.plainText.trim(), 'cue highlighted', 15000);
      expect(el.textContent).to.equal(before);
    } finally {
      frame.remove();
    }
  });
});
