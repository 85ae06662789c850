/**
 * Two `<cue-player>`s on one page stay independent: keys, search, follow and deep links. A link without a prefix
 * (`#t=`, `#q=`) is the first player's; `#<id>:t=` / `#<id>:q=` names one by its id.
 */
import { expect } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { CueTranscript } from '../../src/elements/cue-transcript/cue-transcript.js';
import { closePages, openPlayerPage, type PlayerPage } from './cue-player-helpers.js';
import { releaseMouse, waitFor } from './cue-transcript-helpers.js';
import { inside, wheel } from './follow-helpers.js';

const PAGE = '/test/elements/cue-player-two.html';

interface Two {
  p: PlayerPage;
  one: { video: HTMLVideoElement; transcript: CueTranscript; root: ShadowRoot };
  two: { video: HTMLVideoElement; transcript: CueTranscript; root: ShadowRoot };
}

async function open(hash = ''): Promise<Two> {
  const p = await openPlayerPage(PAGE + hash, 1280, 800, 'one');
  const pick = (id: string): Two['one'] => {
    const root = p.d.getElementById(id)!.shadowRoot!;
    return { root, video: root.querySelector('video')!, transcript: root.querySelector<CueTranscript>('cue-transcript')! };
  };
  const two = pick('two');
  await waitFor(() => two.transcript.shadowRoot?.querySelector('[data-cue]') && two.video.readyState >= 1, 'second player ready', 30000);
  return { p, one: pick('one'), two };
}

async function clickIn(el: Element): Promise<void> {
  // Scrolled until it is wholly in the frame's viewport (where the page is still settling, one scroll may not do).
  const win = el.ownerDocument.defaultView!;
  const visible = (): boolean => {
    const b = el.getBoundingClientRect();
    return b.height > 0 && b.top >= 0 && b.bottom <= win.innerHeight && b.left >= 0 && b.right <= win.innerWidth;
  };
  for (let i = 0; i < 30 && (i === 0 || !visible()); i++) {
    el.scrollIntoView({ block: 'center', behavior: 'instant' });
    await new Promise((r) => setTimeout(r, 100));
  }
  const r = el.getClientRects()[0] ?? el.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(r.left + Math.min(r.width / 2, 30)), Math.round(r.top + r.height / 2)] });
  await releaseMouse();
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('two <cue-player>s on one page', () => {
  afterEach(closePages);

  it('GOOD: a key or click in one never acts on the other', async () => {
    const { one, two } = await open();
    const t = one.transcript.loadedTranscript!;
    // A click on a sentence of the first, then arrows and Enter: only the first moves.
    const i = t.cues.findIndex((c) => c.startTime > 200);
    await clickIn(one.transcript.shadowRoot!.querySelector(`[data-cue="${i}"]`)!);
    await waitFor(() => Math.abs(one.video.currentTime - t.cues[i]!.startTime) < 0.3, 'first seeked');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await waitFor(() => Math.abs(one.video.currentTime - t.cues[i + 1]!.startTime) < 0.3, 'first seeked on Enter');
    // Shift+N: the first's next question.
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'N' });
    await sendKeys({ up: 'Shift' });
    const next = t.questions.find((q) => q.startTime > t.cues[i + 1]!.startTime + 0.5)!;
    await waitFor(() => Math.abs(one.video.currentTime - next.startTime) < 0.3, 'first to its next question');
    // media-chrome's play button and its hotkeys (k) in the first.
    await clickIn(one.root.querySelector('media-play-button')!);
    await waitFor(() => !one.video.paused, 'first playing');
    await sendKeys({ press: 'k' });
    await waitFor(() => one.video.paused, 'first paused by its k');
    await sleep(300);
    expect(two.video.currentTime, 'the second never moved').to.equal(0);
    expect(two.video.paused, 'nor played').to.equal(true);
    expect(two.transcript.shadowRoot!.activeElement, 'nor took focus').to.equal(null);
    expect(two.transcript.activeCueIndex).to.be.at.most(0);
  });

  it('GOOD: a search in one highlights only in it, and on its own seek bar', async () => {
    const { one, two } = await open();
    await clickIn(one.transcript.shadowRoot!.querySelector('[part~="search-input"]')!);
    await sendKeys({ type: 'rust' });
    await waitFor(() => one.transcript.searchState.hits.length > 2, 'matches in the first');
    const ticks = (root: ShadowRoot): number => root.querySelector('cue-search-strip')!.shadowRoot!.querySelectorAll('[part~="tick"]').length;
    await waitFor(() => ticks(one.root) > 2, 'ticks on the first seek bar');
    expect(ticks(two.root)).to.equal(0);
    expect(two.transcript.searchState.query).to.equal('');
    const highlights = (one.transcript.ownerDocument.defaultView as Window & typeof globalThis).CSS.highlights;
    const owner = (r: AbstractRange): Node => r.startContainer.getRootNode();
    {
      const ranges = [...(highlights.get('cue-search') ?? [])];
      expect(ranges.length).to.be.above(0);
      expect(ranges.every((r) => owner(r) === one.transcript.shadowRoot), 'every painted match is in the first').to.equal(true);
      // The second searches too: each keeps its own matches.
      await clickIn(two.transcript.shadowRoot!.querySelector('[part~="search-input"]')!);
      await sendKeys({ type: 'ownership' });
      await waitFor(() => two.transcript.searchState.hits.length > 0, 'matches in the second');
      const after = [...(highlights.get('cue-search') ?? [])];
      expect(after.some((r) => owner(r) === one.transcript.shadowRoot), "the first's matches stay").to.equal(true);
      expect(after.some((r) => owner(r) === two.transcript.shadowRoot), "the second's are painted").to.equal(true);
      expect(one.transcript.searchState.query).to.equal('rust');
    }
  });

  it('GOOD: scrolling one transcript pauses following only there; the other goes on following', async () => {
    const { one, two } = await open();
    one.video.muted = true;
    two.video.muted = true;
    for (const v of [one.video, two.video]) {
      const seeked = new Promise((r) => v.addEventListener('seeked', r, { once: true }));
      v.currentTime = 300;
      await seeked;
    }
    await Promise.all([one.video.play(), two.video.play()]);
    const box = (t: CueTranscript): HTMLElement => t.shadowRoot!.querySelector<HTMLElement>('[part~="scroll-box"]')!;
    const now = (t: CueTranscript): HTMLElement | null => t.shadowRoot!.querySelector<HTMLElement>('[aria-current="time"]');
    await waitFor(() => now(one.transcript) && now(two.transcript) && inside(box(one.transcript), now(one.transcript)!), 'both following', 15000);
    two.transcript.scrollIntoView({ block: 'center', behavior: 'instant' });
    await sleep(200);
    await wheel(box(two.transcript), -1500);
    await waitFor(() => !two.transcript.following, 'the second paused by the wheel');
    expect(one.transcript.following, 'the first still follows').to.equal(true);
    // The first keeps its spoken cue in view as it changes.
    const from = one.transcript.activeCueIndex;
    await waitFor(() => one.transcript.activeCueIndex > from + 1, 'the first played on', 20000);
    await waitFor(() => inside(box(one.transcript), now(one.transcript)!), 'its cue in view');
    expect(two.transcript.following).to.equal(false);
    one.video.pause();
    two.video.pause();
  });

  for (const [hash, who] of [
    ['#t=300', 'one'],
    ['#two:t=300', 'two'],
    ['#one:t=300', 'one'],
  ] as const) {
    it(`GOOD: the deep link ${hash} moves only the ${who === 'one' ? 'first' : 'second'} player`, async () => {
      const { one, two } = await open(hash);
      const [hit, miss] = who === 'one' ? [one, two] : [two, one];
      await waitFor(() => Math.abs(hit.video.currentTime - 300) < 0.5, `${who} at 300 s`, 15000);
      await sleep(500);
      expect(miss.video.currentTime, 'the other stays at the start').to.equal(0);
      const status = (root: ShadowRoot): string => root.querySelector('cue-chapters')!.shadowRoot!.querySelector('[part~="link-status"]')?.textContent?.trim() ?? '';
      expect(status(miss.root), 'and says nothing about a link that is not its').to.equal('');
    });
  }

  it('GOOD: a hashchange to #two:q=<slug> moves the second; the second copies links with its prefix', async () => {
    const { p, one, two } = await open();
    const t = two.transcript.loadedTranscript!;
    p.w.location.hash = `#two:q=${t.questions[3]!.slug}`;
    await waitFor(() => Math.abs(two.video.currentTime - t.questions[3]!.startTime) < 0.5, 'second at question 4');
    expect(one.video.currentTime).to.equal(0);
    // The link a reader copies from the second names the second.
    const nav = two.root.querySelector('cue-chapters')!;
    const copied: string[] = [];
    nav.addEventListener('cue-copy', (e) => copied.push(String((e as CustomEvent<{ url?: string; text?: string }>).detail.url ?? '')));
    {
      // (What the link says is under test here; the button's own clicks are tested in cue-chapters.)
      nav.shadowRoot!.querySelectorAll<HTMLElement>('[part~="copy-question"]')[2]!.click();
      await waitFor(() => copied.length, 'a link copied');
      expect(copied[0]).to.match(new RegExp(`#two:q=${t.questions[2]!.slug}$`));
      // And the first's links have no prefix.
      const first = one.root.querySelector('cue-chapters')!;
      const got: string[] = [];
      first.addEventListener('cue-copy', (e) => got.push(String((e as CustomEvent<{ url?: string }>).detail.url ?? '')));
      first.shadowRoot!.querySelectorAll<HTMLElement>('[part~="copy-question"]')[2]!.click();
      await waitFor(() => got.length, 'a link copied from the first');
      expect(got[0]).to.match(new RegExp(`#q=${t.questions[2]!.slug}$`));
    }
  });

  it('GOOD: the second player\'s question links and its "Copy quote with link" carry its prefix, and the quote\'s link lands in it', async () => {
    const { p, one, two } = await open();
    const t = two.transcript.loadedTranscript!;
    const hrefs = (root: ShadowRoot): string[] =>
      [...root.querySelector('cue-chapters')!.shadowRoot!.querySelectorAll('a[part~="question"]')].map((a) => a.getAttribute('href')!);
    await waitFor(() => hrefs(two.root).length === t.questions.length, 'question links');
    expect(hrefs(two.root)).to.deep.equal(t.questions.map((q) => `#two:q=${q.slug}`));
    expect(hrefs(one.root)).to.deep.equal(t.questions.map((q) => `#q=${q.slug}`));
    // A passage selected in the second's transcript, copied with the button.
    const k = t.cues.findIndex((c) => c.startTime > 250);
    const cueEl = two.transcript.shadowRoot!.querySelector(`[data-cue="${k}"]`)!;
    cueEl.scrollIntoView({ block: 'center', behavior: 'instant' });
    const text = p.d.createTreeWalker(cueEl, NodeFilter.SHOW_TEXT).nextNode() as Text;
    p.w.getSelection()!.setBaseAndExtent(text, 0, text, text.data.length);
    const button = await waitFor(() => two.transcript.shadowRoot!.querySelector<HTMLButtonElement>('[part~="copy-passage"]'), 'copy quote button');
    const copied = new Promise<{ url: string; text: string }>((r) =>
      two.transcript.addEventListener('cue-copy', (e) => r((e as CustomEvent<{ url: string; text: string }>).detail), { once: true }),
    );
    button.click();
    const detail = await copied;
    const time = Math.round(t.cues[k]!.startTime * 10) / 10;
    expect(new URL(detail.url).hash).to.equal(`#two:t=${time}`);
    expect(detail.text.endsWith(`#two:t=${time}`)).to.equal(true);
    p.w.getSelection()!.removeAllRanges();
    // The link lands in the second player, not the first.
    p.w.location.hash = new URL(detail.url).hash;
    await waitFor(() => Math.abs(two.video.currentTime - time) < 0.5, 'second at the quote');
    expect(one.video.currentTime).to.equal(0);
  });
});
