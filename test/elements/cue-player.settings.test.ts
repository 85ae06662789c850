/**
 * The viewer's settings in `<cue-player>` (its transcript's toolbar): reachable at 1280 and 390 px, the panel on
 * screen, and the choices kept across a real reload of the page.
 */
import { expect } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import { VIEWER_PREFS_KEY } from '../../src/controllers/transcript/viewer-prefs.js';
import type { CueTranscript } from '../../src/elements/cue-transcript/cue-transcript.js';
import { closePages, openPlayerPage, overlaps, rect } from './cue-player-helpers.js';
import { releaseMouse, waitFor } from './cue-transcript-helpers.js';

const PAGE = '/test/fixtures/cue-player.html';
const part = (t: CueTranscript, name: string): HTMLElement => t.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`)!;

async function clickIn(el: Element): Promise<void> {
  el.scrollIntoView({ block: 'center', behavior: 'instant' });
  await new Promise((r) => setTimeout(r, 100));
  const r = el.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)] });
  await releaseMouse();
}

describe('<cue-player> viewer settings', () => {
  beforeEach(() => localStorage.removeItem(VIEWER_PREFS_KEY));
  afterEach(() => {
    closePages();
    localStorage.removeItem(VIEWER_PREFS_KEY);
  });

  for (const [width, height] of [
    [1280, 800],
    [390, 844],
  ] as const) {
    it(`GOOD: at ${width} px the settings sit in the transcript's toolbar and open on screen; kept across a reload`, async () => {
      const p = await openPlayerPage(PAGE, width, height);
      const t = p.transcript;
      const button = part(t, 'settings-button');
      const toolbar = part(t, 'toolbar');
      const b = rect(button);
      expect(b.width, 'shown').to.be.above(16);
      expect(b.left >= rect(toolbar).left - 0.5 && b.right <= rect(toolbar).right + 0.5 && b.top >= rect(toolbar).top - 0.5, 'inside the toolbar').to.equal(true);
      expect(overlaps(b, rect(part(t, 'search-input'))), 'clear of the search field').to.equal(false);
      await clickIn(button);
      await waitFor(() => (part(t, 'settings') as HTMLDetailsElement).open, 'open');
      const panel = rect(part(t, 'settings-panel'));
      expect(panel.left, 'panel on screen (left)').to.be.at.least(0);
      expect(panel.right, 'panel on screen (right)').to.be.at.most(p.w.innerWidth + 0.5);
      expect(panel.top, 'below its button').to.be.at.least(rect(button).bottom - 0.5);
      expect(panel.bottom, 'panel on screen (bottom)').to.be.at.most(p.w.innerHeight + 0.5);
      // Clicks (a real mouse) on the switch and a size.
      await clickIn(part(t, 'follow-switch'));
      await clickIn(t.shadowRoot!.querySelector('[part~="text-size-option"]:nth-of-type(3)')!);
      await waitFor(() => t.matches(':state(text-large)') && !t.following, 'larger, not following');
      // A real reload: the new page's player starts as the viewer left it.
      p.w.location.reload();
      await waitFor(() => p.frame.contentWindow?.document.readyState === 'complete' && p.frame.contentWindow.document.querySelector('cue-player') !== p.player, 'reloaded', 30000);
      const t2 = await waitFor(() => {
        const el = p.frame.contentWindow!.document.querySelector('cue-player')?.shadowRoot?.querySelector<CueTranscript>('cue-transcript');
        return el?.shadowRoot?.querySelector('[data-cue]') ? el : null;
      }, 'new player ready', 30000);
      expect(t2).to.not.equal(t);
      expect(t2.following).to.equal(false);
      expect(part(t2, 'follow-switch').getAttribute('aria-checked')).to.equal('false');
      expect(t2.matches(':state(text-large)')).to.equal(true);
    });
  }
});
