import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import 'media-chrome';
import '../../src/elements/cue-chapters-menu/define.js';
import type { CueChaptersMenu } from '../../src/elements/cue-chapters-menu/cue-chapters-menu.js';
import { CLIP, TALK_CHAPTERS, click, metadata, nextEvent, releaseMouse, seek, waitFor } from './cue-chapters-helpers.js';

/** A media-chrome player with the menu in its control bar, taking media from the enclosing controller. */
async function player(): Promise<{ menu: CueChaptersMenu; video: HTMLVideoElement; mc: HTMLElement }> {
  const mc = await fixture<HTMLElement>(html`<media-controller style="width:480px;height:270px;overflow:hidden">
    <video slot="media" src=${CLIP} muted preload="auto"><track kind="chapters" src=${TALK_CHAPTERS} /></video>
    <media-control-bar>
      <media-play-button></media-play-button>
      <media-time-range></media-time-range>
      <cue-chapters-menu></cue-chapters-menu>
    </media-control-bar>
  </media-controller>`);
  const menu = mc.querySelector('cue-chapters-menu')!;
  const video = mc.querySelector('video')!;
  await metadata(video);
  await waitFor(() => !menu.shadowRoot!.querySelector('button')!.disabled, 'menu has questions');
  return { menu, video, mc };
}

/** WCAG contrast ratio of two opaque `rgb()` colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string): number => {
    const [r, g, bl] = c.match(/\d+(\.\d+)?/g)!.slice(0, 3).map((v) => {
      const x = Number(v) / 255;
      return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const button = (m: CueChaptersMenu): HTMLButtonElement => m.shadowRoot!.querySelector('[part~="button"]')!;
const items = (m: CueChaptersMenu): HTMLElement[] => [...m.shadowRoot!.querySelectorAll<HTMLElement>('[role="menuitemradio"]')];
const focused = (m: CueChaptersMenu): HTMLElement | null => m.shadowRoot!.activeElement as HTMLElement | null;

describe('<cue-chapters-menu> in a media-chrome control bar', () => {
  afterEach(releaseMouse);

  it('GOOD: is accessible, closed and open', async () => {
    const { menu } = await player();
    // As a viewer reaching for it would, point at the player so media-chrome shows its controls (axe reads their fade-out opacity).
    const r = button(menu).getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)] });
    await waitFor(() => !menu.closest('media-controller')!.hasAttribute('userinactive'), 'controls shown');
    await expect(menu).to.be.accessible();
    await menu.show();
    // axe computes contrast from the element stack at a point, which does not model the top layer the popup is in
    // (it blends in the player underneath): check the popup's real colours directly instead.
    await expect(menu).to.be.accessible({ ignoredRules: ['color-contrast'] });
    const popup = menu.shadowRoot!.querySelector<HTMLElement>('[role="menu"]')!;
    const title = menu.shadowRoot!.querySelector<HTMLElement>('[role="menuitemradio"]:not([aria-checked="true"]) [part~="title"]')!;
    expect(contrast(getComputedStyle(title).color, getComputedStyle(popup).backgroundColor)).to.be.at.least(4.5);
    menu.hide();
  });

  it('GOOD: a menu button: aria-haspopup, aria-expanded, and the question playing in its name', async () => {
    const { menu, video } = await player();
    const b = button(menu);
    expect(b.getAttribute('aria-haspopup')).to.equal('menu');
    expect(b.getAttribute('aria-expanded')).to.equal('false');
    await seek(video, 9);
    await waitFor(() => b.textContent!.includes('Q 2/3'), 'label shows Q 2/3');
    expect(b.getAttribute('aria-label')).to.equal('Questions, playing question 2 of 3');
  });

  it('GOOD: click opens on the question playing; a click on an item seeks, closes and returns focus', async () => {
    const { menu, video } = await player();
    await seek(video, 9);
    await click(button(menu));
    await waitFor(() => menu.open && items(menu).length === 3, 'menu open');
    expect(button(menu).getAttribute('aria-expanded')).to.equal('true');
    expect(focused(menu)).to.equal(items(menu)[1]);
    expect(items(menu)[1]!.getAttribute('aria-checked')).to.equal('true');
    // The popup is in the top layer: the player's overflow does not clip it, and it is on screen.
    const r = menu.shadowRoot!.querySelector('[role="menu"]')!.getBoundingClientRect();
    expect(r.height).to.be.greaterThan(50);
    expect(r.top).to.be.at.least(0);
    const navigated = nextEvent(menu, 'cue-navigate');
    await click(items(menu)[2]!.querySelector('[part~="title"]')!);
    expect((await navigated).detail.trigger).to.equal('menu');
    await waitFor(() => Math.abs(video.currentTime - 14) < 0.05, 'video at 14 s');
    expect(menu.open).to.equal(false);
    expect(focused(menu)).to.equal(button(menu));
  });

  it('GOOD: keyboard: ArrowDown opens, arrows wrap, a digit jumps, Enter chooses; Escape closes to the button', async () => {
    const { menu, video } = await player();
    button(menu).focus();
    await sendKeys({ press: 'ArrowDown' });
    await waitFor(() => menu.open && focused(menu) === items(menu)[0], 'open on the first');
    await sendKeys({ press: 'ArrowUp' });
    expect(focused(menu)).to.equal(items(menu)[2]);
    await sendKeys({ press: 'Home' });
    expect(focused(menu)).to.equal(items(menu)[0]);
    await sendKeys({ press: '2' });
    expect(focused(menu)).to.equal(items(menu)[1]);
    // media-chrome's hotkeys must not take the menu's keys: Space chooses, it does not play.
    await sendKeys({ press: ' ' });
    await waitFor(() => Math.abs(video.currentTime - 8) < 0.05, 'video at 8 s');
    expect(video.paused).to.equal(true);
    expect(focused(menu)).to.equal(button(menu));
    await sendKeys({ press: 'Enter' });
    await waitFor(() => menu.open, 'open again');
    await sendKeys({ press: 'Escape' });
    expect(menu.open).to.equal(false);
    expect(focused(menu)).to.equal(button(menu));
    expect(Math.abs(video.currentTime - 8)).to.be.lessThan(0.05);
  });

  it('GOOD: Shift+N inside the player goes to the next question', async () => {
    const { menu, video } = await player();
    button(menu).focus();
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'N' });
    await sendKeys({ up: 'Shift' });
    await waitFor(() => Math.abs(video.currentTime - 2) < 0.05, 'video at question 1');
  });
});

describe('<cue-chapters-menu> removed while open', () => {
  it('BAD: leaves no page-wide listener behind (it would keep the element alive)', async () => {
    const live = new Set<EventListenerOrEventListenerObject>();
    const add = window.addEventListener;
    const remove = window.removeEventListener;
    window.addEventListener = function (this: Window, type: string, fn: EventListenerOrEventListenerObject, opts?: boolean | AddEventListenerOptions) {
      if (type === 'pointerdown' && fn) {
        live.add(fn);
        const signal = typeof opts === 'object' ? opts.signal : undefined;
        signal?.addEventListener('abort', () => live.delete(fn));
      }
      return add.call(this, type, fn, opts);
    } as typeof window.addEventListener;
    window.removeEventListener = function (this: Window, type: string, fn: EventListenerOrEventListenerObject, opts?: boolean | EventListenerOptions) {
      if (type === 'pointerdown') live.delete(fn);
      return remove.call(this, type, fn, opts);
    } as typeof window.removeEventListener;
    try {
      const { menu, mc } = await player();
      const before = live.size;
      await menu.show();
      expect(live.size).to.equal(before + 1);
      menu.remove();
      expect(live.size).to.equal(before);
      mc.remove();
    } finally {
      window.addEventListener = add;
      window.removeEventListener = remove;
    }
  });
});
