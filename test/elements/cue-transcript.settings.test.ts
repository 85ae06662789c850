/**
 * The viewer's own switches in `<cue-transcript>`'s toolbar: follow along on or off, and the text size,
 * kept for the site in localStorage (`cueline:viewer-prefs`), reachable and usable with the keyboard alone.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/cue-transcript/define.js';
import type { CueTranscript } from '../../src/elements/cue-transcript/cue-transcript.js';
import { VIEWER_PREFS_KEY } from '../../src/controllers/transcript/viewer-prefs.js';
import { DEMO_CHAPTERS, DEMO_MEDIA, DEMO_VTT, activeCue, cueEl, metadata, rendered, scrollBox, waitFor } from './cue-transcript-helpers.js';
import { inside, where } from './follow-helpers.js';

const part = <T extends Element = HTMLElement>(t: CueTranscript, name: string): T => t.shadowRoot!.querySelector<T>(`[part~="${name}"]`)!;
const focused = (t: CueTranscript): Element | null => t.shadowRoot!.activeElement;
const stored = (): unknown => JSON.parse(localStorage.getItem(VIEWER_PREFS_KEY) ?? 'null');
const fontSize = (el: Element): number => parseFloat(getComputedStyle(el).fontSize);

/** A transcript with the boolean attributes `flags` (e.g. 'no-settings no-search'). */
async function mount(flags = ''): Promise<CueTranscript> {
  const wrap = await fixture<HTMLDivElement>(html`<div style="font-size: 16px"></div>`);
  const t = document.createElement('cue-transcript');
  t.src = DEMO_VTT;
  t.chapters = DEMO_CHAPTERS;
  for (const flag of flags.split(' ').filter(Boolean)) t.setAttribute(flag, '');
  t.style.setProperty('height', '320px');
  wrap.append(t);
  await rendered(t);
  return t;
}

describe('<cue-transcript> viewer settings', () => {
  beforeEach(() => localStorage.removeItem(VIEWER_PREFS_KEY));
  afterEach(() => localStorage.removeItem(VIEWER_PREFS_KEY));

  it('GOOD: is accessible open and closed; defaults: following on, default size', async () => {
    const t = await mount();
    await expect(t).to.be.accessible();
    const details = part<HTMLDetailsElement>(t, 'settings');
    expect(details.open).to.equal(false);
    expect(part(t, 'settings-button').getAttribute('aria-label')).to.equal('Transcript settings');
    details.open = true;
    await t.updateComplete;
    await expect(t).to.be.accessible();
    const sw = part(t, 'follow-switch');
    expect(sw.getAttribute('role')).to.equal('switch');
    expect(sw.getAttribute('aria-checked')).to.equal('true');
    const radios = [...t.shadowRoot!.querySelectorAll<HTMLInputElement>('[part~="text-size"] input[type="radio"]')];
    expect(radios.map((r) => r.value)).to.deep.equal(['small', 'medium', 'large', 'x-large']);
    expect(radios.find((r) => r.checked)?.value).to.equal('medium');
    expect(part(t, 'text-size').querySelector('legend')?.textContent).to.equal('Text size');
    expect(t.matches(':state(text-medium)')).to.equal(true);
    expect(t.following).to.equal(true);
  });

  it('GOOD: keyboard only: Tab to the button, Enter opens, Space switches following off, arrows change the size, Escape closes', async () => {
    const t = await mount();
    const before = fontSize(cueEl(t, 3));
    part<HTMLInputElement>(t, 'search-input').focus();
    // Tab past the search's buttons (disabled while there is no query) to the settings button.
    await sendKeys({ press: 'Tab' });
    expect(focused(t)).to.equal(part(t, 'settings-button'));
    await sendKeys({ press: 'Enter' });
    await waitFor(() => part<HTMLDetailsElement>(t, 'settings').open, 'settings open');
    await sendKeys({ press: 'Tab' });
    expect(focused(t)).to.equal(part(t, 'follow-switch'));
    await sendKeys({ press: ' ' });
    await waitFor(() => part(t, 'follow-switch').getAttribute('aria-checked') === 'false', 'switch off');
    expect(t.following).to.equal(false);
    expect(stored()).to.deep.equal({ follow: false });
    await sendKeys({ press: 'Tab' });
    expect((focused(t) as HTMLInputElement).value, 'the checked size is the tab stop').to.equal('medium');
    await sendKeys({ press: 'ArrowRight' });
    await waitFor(() => t.matches(':state(text-large)'), 'larger');
    expect(fontSize(cueEl(t, 3))).to.be.closeTo(before * 1.25, 0.5);
    await sendKeys({ press: 'ArrowRight' });
    await waitFor(() => t.matches(':state(text-x-large)'), 'largest');
    expect(fontSize(cueEl(t, 3))).to.be.closeTo(before * 1.5, 0.5);
    expect(t.matches(':state(text-large)')).to.equal(false);
    expect(stored()).to.deep.equal({ follow: false, textSize: 'x-large' });
    // No inline style: the size is a state of the host.
    expect(t.hasAttribute('style') && t.getAttribute('style')!.includes('font')).to.equal(false);
    await sendKeys({ press: 'Escape' });
    await waitFor(() => !part<HTMLDetailsElement>(t, 'settings').open, 'closed');
    expect(focused(t)).to.equal(part(t, 'settings-button'));
    // And back on with the keyboard.
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await waitFor(() => part(t, 'follow-switch').getAttribute('aria-checked') === 'true', 'switch on (Enter)');
    expect(t.following).to.equal(true);
  });

  it('GOOD: remembered for the site: a new element (as after a reload) starts as the viewer left the last one', async () => {
    const a = await mount();
    part<HTMLDetailsElement>(a, 'settings').open = true;
    await a.updateComplete;
    part(a, 'follow-switch').click();
    part<HTMLInputElement>(a, 'text-size').querySelector<HTMLInputElement>('input[value="small"]')!.click();
    await a.updateComplete;
    const b = await mount();
    expect(b.following).to.equal(false);
    expect(part(b, 'follow-switch').getAttribute('aria-checked')).to.equal('false');
    expect(b.matches(':state(text-small)')).to.equal(true);
    expect(part(b, 'text-size').querySelector<HTMLInputElement>('input[value="small"]')!.checked).to.equal(true);
    // A record that is not ours is ignored.
    localStorage.setItem(VIEWER_PREFS_KEY, '{"follow":"yes","textSize":"huge"}');
    const c = await mount();
    expect(c.following).to.equal(true);
    expect(c.matches(':state(text-medium)')).to.equal(true);
    localStorage.setItem(VIEWER_PREFS_KEY, 'not json');
    const d = await mount();
    expect(d.following).to.equal(true);
  });

  it('GOOD: with storage blocked or full nothing throws, and the switches still work for the page', async () => {
    const errors: string[] = [];
    const onError = (e: ErrorEvent): void => void errors.push(e.message);
    window.addEventListener('error', onError);
    const own = Object.getOwnPropertyDescriptor(window, 'localStorage');
    const setItem = Storage.prototype.setItem;
    try {
      // Blocked: reading `localStorage` itself throws, as in a sandboxed frame or with site data blocked.
      Object.defineProperty(window, 'localStorage', {
        configurable: true,
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
      const t = await mount();
      part<HTMLDetailsElement>(t, 'settings').open = true;
      await t.updateComplete;
      part(t, 'follow-switch').click();
      part(t, 'text-size').querySelector<HTMLInputElement>('input[value="large"]')!.click();
      await t.updateComplete;
      expect(t.following).to.equal(false);
      expect(t.matches(':state(text-large)')).to.equal(true);
      if (own) Object.defineProperty(window, 'localStorage', own);
      else delete (window as { localStorage?: Storage }).localStorage;
      // Full: every write throws a QuotaExceededError.
      Storage.prototype.setItem = () => {
        throw new DOMException('Quota exceeded', 'QuotaExceededError');
      };
      const u = await mount();
      part<HTMLDetailsElement>(u, 'settings').open = true;
      await u.updateComplete;
      part(u, 'follow-switch').click();
      await u.updateComplete;
      expect(u.following).to.equal(false);
      expect(errors).to.deep.equal([]);
    } finally {
      Storage.prototype.setItem = setItem;
      if (own) Object.defineProperty(window, 'localStorage', own);
      window.removeEventListener('error', onError);
    }
    expect(localStorage.getItem(VIEWER_PREFS_KEY)).to.equal(null);
  });

  it('GOOD: no-settings hides the control (stored choices still apply); page no-follow is the default the switch starts from', async () => {
    const hidden = await mount('no-settings');
    expect(hidden.shadowRoot!.querySelector('[part~="settings"]')).to.equal(null);
    expect(part(hidden, 'search-input')).to.not.equal(null);
    const none = await mount('no-settings no-search');
    expect(none.shadowRoot!.querySelector('[part~="toolbar"]')).to.equal(null);
    const paged = await mount('no-follow');
    expect(part(paged, 'follow-switch').getAttribute('aria-checked')).to.equal('false');
    expect(paged.following).to.equal(false);
    part(paged, 'follow-switch').click();
    await paged.updateComplete;
    expect(paged.following, "the viewer's choice wins over the page's default").to.equal(true);
    localStorage.setItem(VIEWER_PREFS_KEY, JSON.stringify({ follow: false, textSize: 'large' }));
    const kept = await mount('no-settings');
    expect(kept.following).to.equal(false);
    expect(kept.matches(':state(text-large)')).to.equal(true);
  });

  it('GOOD: following off leaves the view where the reader is while the recording plays; on again returns to now', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div>
      <video id="sv" src=${DEMO_MEDIA} muted preload="auto" playsinline></video>
      <cue-transcript for="sv" src=${DEMO_VTT} chapters=${DEMO_CHAPTERS} style="height: 260px"></cue-transcript>
    </div>`);
    const video = wrap.querySelector('video')!;
    const t = wrap.querySelector<CueTranscript>('cue-transcript')!;
    await Promise.all([rendered(t), metadata(video)]);
    const box = scrollBox(t);
    part<HTMLDetailsElement>(t, 'settings').open = true;
    await t.updateComplete;
    part(t, 'follow-switch').focus();
    await sendKeys({ press: ' ' });
    await waitFor(() => !t.following, 'following off');
    const top = box.scrollTop;
    // The recording moves far on (and plays): the view stays.
    const seeked = new Promise((r) => video.addEventListener('seeked', r, { once: true }));
    video.currentTime = 400;
    await seeked;
    await video.play();
    const playing = await waitFor(() => activeCue(t), 'a cue spoken', 10000);
    await new Promise((r) => setTimeout(r, 1500));
    expect(box.scrollTop, 'the view did not move').to.equal(top);
    expect(inside(box, playing)).to.equal(false);
    // On again: back to now.
    await sendKeys({ press: ' ' });
    await waitFor(() => t.following, 'following on');
    await waitFor(() => {
      const now = activeCue(t);
      return now && inside(box, now);
    }, `the cue being spoken in view (${where(box, activeCue(t))})`, 8000);
    video.pause();
  });
});
