import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/editor.js';
import type { CueEditor } from '../../src/elements/cue-editor/cue-editor.js';
import { CUELINE_VERSION, escapeAttribute, RESIZE_LISTENER } from '../../src/elements/cue-editor/embed-code.js';
import { button, click, CLIP, SEED_CHAPTERS, SEED_VTT, waitFor } from './cue-editor-helpers.js';

const dialog = (el: CueEditor): HTMLDialogElement => el.shadowRoot!.querySelector<HTMLDialogElement>('dialog[part~="embed"]')!;
const snippet = (el: CueEditor, which: 'script' | 'iframe'): string => dialog(el).querySelector<HTMLTextAreaElement>(`textarea[data-snippet="${which}"]`)!.value;

/** Records what the editor copies (and still lets the browser copy it). */
function watchClipboard(): { copied: string[]; restore(): void } {
  const copied: string[] = [];
  const clip = navigator.clipboard;
  const real = clip.writeText;
  clip.writeText = (text: string) => {
    copied.push(text);
    return real.call(clip, text);
  };
  return { copied, restore: () => void (clip.writeText = real) };
}

async function openDialog(el: CueEditor): Promise<void> {
  await click(button(el, 'Embed code…'));
  await waitFor(() => dialog(el).open, 'embed dialog open');
  await el.updateComplete;
}

describe('<cue-editor> embed code', function () {
  this.timeout(60000);
  let clipboard: ReturnType<typeof watchClipboard> | null = null;
  afterEach(() => clipboard?.restore());

  it('GOOD: the version in the CDN addresses is the package version', async () => {
    const pkg = (await (await fetch('/package.json')).json()) as { version: string };
    expect(CUELINE_VERSION).to.equal(pkg.version);
  });

  it('GOOD: gives the script tag and the iframe for the open session, each copied by its button, from the keyboard too', async () => {
    const el = await fixture<CueEditor>(html`<cue-editor no-autosave transcript=${SEED_VTT} chapters=${SEED_CHAPTERS}></cue-editor>`);
    await waitFor(() => el.session, 'session');
    await el.openMedia(`${location.origin}${CLIP}`);
    await el.updateComplete;
    await openDialog(el);
    await expect(dialog(el)).to.be.accessible();
    // The folder defaults to the one the recording was opened from.
    const base = `${location.origin}/test/fixtures/`;
    expect(snippet(el, 'script')).to.equal(
      `<script type="module" src="https://cdn.jsdelivr.net/npm/cueline@${CUELINE_VERSION}/dist/cdn/cueline.js"></script>\n` +
        `<cue-player src="${base}clip.mp4" transcript="${base}try-rust-with-francesco-ciulla.vtt" chapters="${base}try-rust-with-francesco-ciulla.chapters.vtt"></cue-player>`,
    );
    const q = (u: string): string => encodeURIComponent(u);
    expect(snippet(el, 'iframe')).to.equal(
      `<iframe id="cueline-embed" title="try-rust-with-francesco-ciulla: recording, questions and transcript"\n` +
        `  src="https://cdn.jsdelivr.net/npm/cueline@${CUELINE_VERSION}/dist/cdn/embed.html?media=${q(`${base}clip.mp4`)}&amp;transcript=${q(`${base}try-rust-with-francesco-ciulla.vtt`)}&amp;chapters=${q(`${base}try-rust-with-francesco-ciulla.chapters.vtt`)}"\n` +
        `  width="100%" height="900" allow="fullscreen" loading="lazy" style="border:0"></iframe>\n` +
        RESIZE_LISTENER,
    );
    // The listener is README's, word for word.
    const readme = await (await fetch('/README.md')).text();
    expect(readme).to.include(RESIZE_LISTENER);

    clipboard = watchClipboard();
    await click(button(el, 'Copy script tag'));
    await waitFor(() => dialog(el).querySelector('[role="status"]')!.textContent!.includes('copied'), 'copied notice');
    // By keys: Tab from the first copy button reaches the iframe's field, then its button; Enter copies.
    button(el, 'Copy script tag').focus();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(button(el, 'Copy iframe'));
    await sendKeys({ press: 'Enter' });
    await waitFor(() => clipboard!.copied.length === 2, 'both copied');
    expect(clipboard.copied).to.deep.equal([snippet(el, 'script'), snippet(el, 'iframe')]);
    await sendKeys({ press: 'Escape' });
    await waitFor(() => !dialog(el).open, 'Escape closes');
  });

  it('BAD: a hostile file name stays text: escaped in the attribute, never markup in the editor', async () => {
    const el = await fixture<CueEditor>(html`<cue-editor no-autosave></cue-editor>`);
    const vtt = await (await fetch(SEED_VTT)).text();
    const clip = await (await fetch(CLIP)).blob();
    const hostile = 'a"><script>alert(1)</script><img src=x onerror=alert(2)>';
    await el.openFiles([new File([vtt], `${hostile}.vtt`, { type: 'text/vtt' }), new File([clip], `${hostile}.mp4`, { type: 'video/mp4' })]);
    await waitFor(() => el.session, 'session');
    await openDialog(el);
    // Relative names (no folder): the name as opened, escaped as an attribute value.
    const input = dialog(el).querySelector<HTMLInputElement>('input[type="url"]')!;
    input.focus();
    input.select();
    await sendKeys({ press: 'Backspace' });
    await el.updateComplete;
    const script = snippet(el, 'script');
    expect(script).to.include(`src="${escapeAttribute(`${hostile}.mp4`)}"`);
    expect(script).to.include('src="a&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;.mp4"');
    // Parsed as HTML, the snippet is one <script> (the CDN's) and one <cue-player> with the name as its src.
    const doc = new DOMParser().parseFromString(script, 'text/html');
    expect(doc.querySelectorAll('script')).to.have.length(1);
    expect(doc.querySelectorAll('img')).to.have.length(0);
    expect(doc.querySelector('cue-player')!.getAttribute('src')).to.equal(`${hostile}.mp4`);
    const frame = new DOMParser().parseFromString(snippet(el, 'iframe'), 'text/html');
    expect(frame.querySelectorAll('iframe, script')).to.have.length(2);
    expect(new URL(frame.querySelector('iframe')!.src).searchParams.get('media')).to.equal(`${hostile}.mp4`);
    // Nothing of the name became an element in the editor.
    expect(el.shadowRoot!.querySelectorAll('img, script')).to.have.length(0);
  });
});
