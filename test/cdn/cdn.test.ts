/**
 * The CDN build (`dist/cdn/cueline.js`, written by `npm run build:cdn`, which `npm test` runs first) loaded by
 * a plain HTML page (test/cdn/page.html: one script tag, no import map, no bundler, nothing from src/), in
 * Chromium and Firefox: it plays, highlights, seeks, navigates questions and searches.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { clickIn, closePages, openPlayerPage, playerScenarios } from '../elements/cue-player-helpers.js';
import { waitFor } from '../elements/cue-transcript-helpers.js';

const PAGE = '/test/cdn/page.html';

describe('the CDN build, from a plain HTML page', () => {
  before(async () => {
    const res = await fetch('/dist/cdn/cueline.js', { method: 'HEAD' });
    if (!res.ok) throw new Error('dist/cdn/cueline.js is missing: run `npm run build:cdn` first (npm test does)');
  });
  afterEach(closePages);

  it('GOOD: is one self-contained module: no bare imports, lit and media-chrome inside, the editor not loaded', async () => {
    const code = await (await fetch('/dist/cdn/cueline.js')).text();
    // Static imports and exports of the module: only relative ones (its on-demand chunks) may remain.
    const specifiers = [...code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["'`]([^"'`]+)["'`]/g)].map((m) => m[1]!);
    const dynamic = [...code.matchAll(/import\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]!);
    for (const s of [...specifiers, ...dynamic]) expect(s, `import of ${s}`).to.match(/^\.\.?\//);
    const p = await openPlayerPage(PAGE, 1280, 800);
    const loaded = p.w.performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname);
    // (The test server adds its own web-socket client to every page.)
    const scripts = loaded.filter((path) => /\.(m?js|ts)$/.test(path) && !path.startsWith('/__web-dev-server'));
    expect(scripts, 'scripts the page loaded').to.deep.equal(['/dist/cdn/cueline.js']);
    for (const tag of ['cue-player', 'cue-transcript', 'cue-chapters', 'cue-chapters-menu', 'cue-search-strip', 'media-controller', 'media-time-range'])
      expect(p.w.customElements.get(tag), tag).to.not.equal(undefined);
    expect(p.w.customElements.get('cue-editor'), 'the editor is not in the player file').to.equal(undefined);
  });

  it('GOOD: the search code is not loaded with the page, but when the reader clicks into the search field; results follow', async () => {
    const p = await openPlayerPage(PAGE, 1280, 800);
    const scripts = (): string[] =>
      p.w.performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((path) => path.startsWith('/dist/cdn/'));
    expect(scripts(), 'scripts loaded with the page').to.deep.equal(['/dist/cdn/cueline.js']);
    const input = p.transcript.shadowRoot!.querySelector<HTMLInputElement>('[part~="search-input"]')!;
    await clickIn(input);
    // A chunk next to the file (a relative URL, so any CDN path works); its size is in bench/ (npm run bench -- bundle).
    await waitFor(() => scripts().find((s) => /^\/dist\/cdn\/transcript-search-engine-[\w-]+\.js$/.test(s)), 'the search chunk loaded on focus');
    await sendKeys({ type: 'borrow checker' });
    const count = p.transcript.shadowRoot!.querySelector('[part~="search-count"]')!;
    await waitFor(() => /^1 of \d+$/.test(count.textContent!.trim()), 'results for the query');
  });

  playerScenarios(PAGE);
});
