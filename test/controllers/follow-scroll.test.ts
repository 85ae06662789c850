import { expect, fixture, html as testHtml } from '@open-wc/testing';
import { emulateMedia, sendKeys, sendMouse } from '@web/test-runner-commands';
import { LitElement, css, html } from 'lit';
import { FollowScrollController } from '../../src/controllers/transcript/follow-scroll.js';
import { waitFor } from '../elements/cue-transcript-helpers.js';
import { frames, inside, pressScrollbar, scrollbarPoint, settled, sleep, wheel, where } from '../elements/follow-helpers.js';

/** A host as the elements use it: a scroll box of 120 lines of uneven height in its shadow root, followed by the controller. */
class FollowTestHost extends LitElement {
  static override styles = css`
    [part='box'] {
      height: 181px;
      overflow: auto;
      padding: 3px 7px;
      font: 13.3px/1.37 sans-serif;
    }
    p {
      margin: 0.3em 0;
    }
    p:nth-child(3n) {
      padding-block: 0.37px;
    }
    :host(.zoomed) [part='box'] {
      zoom: 1.25;
    }
    :host(.stuck) [part='box'] {
      /* A page's sticky header over the top 60 px of the box, said the CSS way. */
      scroll-padding-top: 60px;
    }
  `;
  readonly follow = new FollowScrollController(this);
  updates = 0;

  get box(): HTMLElement {
    return this.renderRoot.querySelector<HTMLElement>('[part="box"]')!;
  }

  item(i: number): HTMLElement {
    return this.renderRoot.querySelector<HTMLElement>(`[data-i="${i}"]`)!;
  }

  protected override render(): unknown {
    return html`<div part="box" tabindex="-1">
      ${Array.from({ length: 120 }, (_, i) => html`<p data-i=${i} tabindex="-1">${i}: ${'word '.repeat(3 + ((i * 7) % 11))}</p>`)}
      <input aria-label="A field inside the box" />
    </div>`;
  }

  protected override updated(): void {
    this.updates++;
    this.follow.attach(this.box);
  }
}
customElements.define('follow-test-host', FollowTestHost);

async function host(cls = ''): Promise<FollowTestHost> {
  const el = await fixture<FollowTestHost>(testHtml`<follow-test-host class=${cls}></follow-test-host>`);
  await el.updateComplete;
  return el;
}

/** Waits for the end of a smooth scroll of ours (`scrollend`, or the box standing still). */
async function scrolled(box: HTMLElement): Promise<void> {
  await frames(2);
  await settled(box);
}

/** Reveals item after item, smoothly, some while the previous scroll is still running. */
async function revealSteps(el: FollowTestHost): Promise<void> {
  for (const [i, wait] of [
    [14, true],
    [31, false],
    [33, true],
    [57, true],
    [58, false],
    [61, true],
    [90, true],
    [40, true],
    [119, true],
  ] as const) {
    el.follow.reveal(el.item(i), true);
    if (wait) await scrolled(el.box);
    else await frames(3);
    expect(el.follow.following, `following after revealing item ${i}`).to.equal(true);
  }
  expect(inside(el.box, el.item(119)), where(el.box, el.item(119))).to.equal(true);
}

describe('FollowScrollController: our own scrolls never pause following', () => {
  afterEach(async () => {
    document.body.style.removeProperty('zoom');
    await sendMouse({ type: 'move', position: [0, 0] });
  });

  it('GOOD: smooth reveals, overlapping ones included, land their item in view and keep following on', async () => {
    const el = await host();
    await revealSteps(el);
  });

  it('GOOD: with scroll-padding-top (a sticky header over the box), reveals and showAtTop land below it', async () => {
    const el = await host('stuck');
    const below = (i: number): number => el.item(i).getBoundingClientRect().top - el.box.getBoundingClientRect().top;
    for (const i of [40, 90, 20]) {
      el.follow.reveal(el.item(i), false);
      await frames(2);
      expect(below(i), `item ${i} below the 60 px header`).to.be.at.least(59);
      expect(inside(el.box, el.item(i)), where(el.box, el.item(i))).to.equal(true);
    }
    el.follow.showAtTop(el.item(70), false);
    await frames(2);
    expect(below(70)).to.be.closeTo(60, 1.5);
    expect(el.follow.following).to.equal(true);
  });

  it('GOOD: smooth scrolls to fractional targets keep following on', async () => {
    const el = await host();
    for (const top of [10.4, 123.6, 124.1, 700.5, 699.49, 1333.333, 2.7]) {
      el.follow.scrollTo(top, true);
      await scrolled(el.box);
      expect(el.follow.following, `following after scrolling to ${top}`).to.equal(true);
    }
  });

  it('GOOD: under CSS zoom on the box (a stylesheet), reveals land in view and keep following on', async () => {
    const el = await host('zoomed');
    expect(getComputedStyle(el.box).zoom).to.equal('1.25');
    await revealSteps(el);
  });

  for (const zoom of ['1.1', '0.9', '1.33']) {
    it(`GOOD: under page zoom ${zoom} (fractional scroll positions), reveals land in view and keep following on`, async () => {
      document.body.style.setProperty('zoom', zoom);
      const el = await host();
      await revealSteps(el);
      el.follow.scrollTo(333.3, true);
      await scrolled(el.box);
      expect(el.follow.following).to.equal(true);
    });
  }

  it('GOOD: scrolls that are not the reader\'s (a script, the box shrinking, the zoom changing) do not pause', async () => {
    const el = await host();
    el.box.scrollTop = 200.5;
    await frames(2);
    el.follow.scrollTo(1e6);
    await frames(2);
    // The box grows: the browser clamps its scroll position, with a scroll event.
    el.box.style.setProperty('height', '400px');
    await frames(3);
    document.body.style.setProperty('zoom', '1.2');
    await frames(3);
    document.body.style.removeProperty('zoom');
    await frames(3);
    expect(el.follow.following).to.equal(true);
    expect(el.updates).to.equal(1);
  });

  it('GOOD: focus we move ourselves (ours(), preventScroll) to an item out of view does not pause', async () => {
    const el = await host();
    el.follow.reveal(el.item(80), true);
    el.follow.ours(() => el.item(80).focus({ preventScroll: true }));
    await scrolled(el.box);
    expect(el.follow.following).to.equal(true);
    expect(el.shadowRoot!.activeElement).to.equal(el.item(80));
  });

  it('GOOD: with prefers-reduced-motion, reveals jump, land in view and keep following on', async function () {
    if (!matchMedia('(prefers-reduced-motion: reduce)').matches && navigator.userAgent.includes('Firefox')) this.skip();
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      const el = await host();
      el.follow.reveal(el.item(70), true);
      // No animation: there at once.
      expect(inside(el.box, el.item(70)), where(el.box, el.item(70))).to.equal(true);
      await revealSteps(el);
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });
});

describe('FollowScrollController: the reader taking over pauses following', () => {
  afterEach(async () => {
    await sendMouse({ type: 'move', position: [0, 0] });
  });

  it('BAD: a real wheel pauses, and stops a smooth scroll of ours in flight', async () => {
    const el = await host();
    el.follow.scrollTo(3000, true);
    await frames(2);
    await wheel(el.box, -120);
    await waitFor(() => !el.follow.following, 'paused by the wheel');
    await settled(el.box);
    expect(el.box.scrollTop).to.be.below(2500);
    expect(el.updates, 'the host re-rendered for "back to now"').to.be.at.least(2);
  });

  for (const key of ['PageDown', 'ArrowDown', 'End', ' ']) {
    it(`BAD: ${key === ' ' ? 'Space' : key} on the box pauses, and scrolls it`, async () => {
      const el = await host();
      el.box.focus();
      await sendKeys({ press: key });
      await waitFor(() => !el.follow.following, `paused by ${key}`);
      await waitFor(() => el.box.scrollTop > 0, 'the key scrolled the box');
    });
  }

  it('GOOD: a key the host uses (preventDefault) or typed into a field does not pause', async () => {
    const el = await host();
    el.box.addEventListener('keydown', (e) => e.key === 'ArrowDown' && e.preventDefault());
    el.item(0).focus();
    await sendKeys({ press: 'ArrowDown' });
    const field = el.renderRoot.querySelector('input')!;
    field.focus({ preventScroll: true });
    el.follow.resume();
    await sendKeys({ press: ' ' });
    await sendKeys({ press: 'End' });
    await sleep(50);
    expect(el.follow.following).to.equal(true);
  });

  it('BAD: a press on the scrollbar pauses (with classic scrollbars)', async function () {
    const el = await host();
    if (!scrollbarPoint(el.box)) this.skip();
    expect(await pressScrollbar(el.box)).to.equal(true);
    await waitFor(() => !el.follow.following, 'paused by the scrollbar');
  });

  it('GOOD: a press on the box\'s padding (not its scrollbar) alone does not pause', async () => {
    const el = await host();
    const r = el.box.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(r.left + 3), Math.round(r.top + 1)] });
    await sleep(50);
    expect(el.follow.following).to.equal(true);
  });

  it('BAD: the reader tabbing to an item out of view pauses', async () => {
    const el = await host();
    const before = await fixture<HTMLButtonElement>(testHtml`<button>before</button>`);
    el.before(before);
    el.item(90).tabIndex = 0;
    window.focus();
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(el.item(90));
    await waitFor(() => !el.follow.following, 'paused by tabbing out of view');
  });

  it('GOOD: a click on an item in view (focus by the pointer) does not pause', async () => {
    const el = await host();
    const r = el.item(2).getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(r.left + 10), Math.round(r.top + r.height / 2)] });
    await sleep(50);
    expect(el.follow.following).to.equal(true);
  });
});
