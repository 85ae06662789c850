import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/cue-transcript/define.js';
import type { CueTranscript } from '../../src/elements/cue-transcript/cue-transcript.js';
import { buildTranscript } from '../../src/core/transcript/index.js';
import { TALK, TALK_CHAPTERS, activeIndex, cueEl, nextEvent, rendered, scrollBox, waitFor } from './cue-transcript-helpers.js';

async function standalone(attrs = ''): Promise<CueTranscript> {
  const wrap = await fixture<HTMLDivElement>(html`<div></div>`);
  // Attributes as written in markup, to exercise attribute parsing.
  wrap.innerHTML = `<cue-transcript src="${TALK}" chapters="${TALK_CHAPTERS}" ${attrs}></cue-transcript>`;
  const el = wrap.querySelector('cue-transcript')!;
  await rendered(el);
  return el;
}

describe('<cue-transcript> document', () => {
  it('GOOD: is accessible', async () => {
    const el = await standalone();
    await expect(el).to.be.accessible();
  });

  it('GOOD: is a region the page can name with aria-labelledby', async () => {
    const root = await fixture<HTMLDivElement>(html`<section>
      <h2 id="th">Interview transcript</h2>
      <cue-transcript aria-labelledby="th" src=${TALK} chapters=${TALK_CHAPTERS}></cue-transcript>
    </section>`);
    const el = root.querySelector('cue-transcript')!;
    await rendered(el);
    await expect(root).to.be.accessible();
  });

  it('GOOD: questions are headings (level 3 by default) with their start time', async () => {
    const el = await standalone();
    const headings = [...el.shadowRoot!.querySelectorAll('h3')];
    expect(headings.map((h) => h.querySelector('[part~="question-title"]')!.textContent!.trim())).to.deep.equal([
      'How do I start with Rust?',
      'Is the borrow checker hard?',
      'What about async & <b>tokio</b>?',
    ]);
    expect(headings.map((h) => h.querySelector('time')!.textContent)).to.deep.equal(['0:02', '0:08', '0:14']);
    expect(headings[0]!.querySelector('time')!.getAttribute('datetime')).to.equal('PT2S');
  });

  it('BAD: a question asked in the words of its title is shown once: its heading carries the asking cue', async () => {
    const el = await standalone();
    const [q1, q2, q3] = [0, 1, 2].map((i) => el.shadowRoot!.querySelector<HTMLElement>(`[data-q="${i}"]`)!);
    for (const [section, cue, text, asker] of [
      [q1!, 1, 'How do I start with Rust?', 'Audience member'],
      [q2!, 5, 'Is the borrow checker hard?', 'Interviewer'],
    ] as const) {
      expect(section.textContent!.split(text).length - 1, `"${text}" once`).to.equal(1);
      const h = section.querySelector('h3')!;
      // The heading holds the cue itself: a seek target, named with its time.
      expect(h.querySelector(`[data-cue="${cue}"]`)).to.equal(cueEl(el, cue));
      expect(cueEl(el, cue).getAttribute('role')).to.equal('button');
      // The asker is named in the heading, with a colon for screen readers.
      expect(h.querySelector('[part~="speaker"]')!.textContent).to.equal(`${asker}:`);
      expect(section.querySelector('[part~="answer"]')!.textContent).not.to.contain(text);
      expect(section.querySelector('div[part~="asked"]')).to.equal(null);
    }
    // A title in the editor's own words ("What about async & <b>tokio</b>?") heads the question as asked ("What about async?").
    expect(q3!.querySelector('h3 [data-cue]')).to.equal(null);
    expect(q3!.querySelector('div[part~="asked"]')!.textContent).to.contain('What about async?');
  });

  it('GOOD: heading-level sets the heading element', async () => {
    const el = await standalone('heading-level="2"');
    expect(el.shadowRoot!.querySelectorAll('h2')).to.have.length(3);
    expect(el.shadowRoot!.querySelectorAll('h3')).to.have.length(0);
    el.headingLevel = 5;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('h5')).to.have.length(3);
  });

  it('GOOD: answers are paragraphs grouped from caption cues, the speaker named where it changes', async () => {
    const el = await standalone();
    const q1 = el.shadowRoot!.querySelector('[data-q="0"]')!;
    const paragraphs = [...q1.querySelectorAll('p')];
    // The answer's two paragraphs (2 cues + 1 cue); the question as asked is the heading.
    expect(paragraphs.map((p) => p.querySelectorAll('[data-cue]').length)).to.deep.equal([2, 1]);
    expect(paragraphs.map((p) => p.querySelector('[part~="speaker"]')?.textContent ?? '')).to.deep.equal(['Francesco Ciulla', '']);
    expect(q1.querySelector('h3 [part~="asked"]')!.textContent).to.contain('How do I start with Rust?');
    expect(q1.querySelector('[part~="answer"]')!.textContent).to.contain('Install rustup first.');
    // The introduction sits outside any question, with no heading.
    const intro = el.shadowRoot!.querySelector('[part~="untitled"]')!;
    expect(intro.textContent).to.contain('Welcome to the session.');
    expect(intro.querySelector('h1,h2,h3,h4,h5,h6')).to.equal(null);
  });

  it('GOOD: each cue is a button whose accessible name starts with its time', async () => {
    const el = await standalone();
    const cue = cueEl(el, 2);
    expect(cue.getAttribute('role')).to.equal('button');
    expect(cue.getAttribute('aria-label')).to.equal('3 seconds: Install rustup first.');
    // Cues are not live: the only live regions are the search count and the copy confirmation, polite and silent until used.
    const live = [...el.shadowRoot!.querySelectorAll('[aria-live]')].map((e) => `${e.getAttribute('part')}:${e.getAttribute('aria-live')}:${e.textContent!.trim()}`);
    expect(live.sort()).to.deep.equal(['copy-status:polite:', 'search-status:polite:']);
  });

  it('BAD: markup in cue text and chapter titles stays text', async () => {
    const el = await standalone();
    const last = cueEl(el, 10);
    expect(last.textContent).to.equal('<img src=x onerror="window.__pwned=1"> stays text.');
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    // Real cue markup becomes real elements.
    expect(cueEl(el, 7).querySelector('i')!.textContent).to.equal('later');
  });

  it('GOOD: the transcript property renders a model set from script', async () => {
    const el = await fixture<CueTranscript>(html`<cue-transcript></cue-transcript>`);
    el.transcript = buildTranscript(
      [
        { id: 'a', startTime: 0, endTime: 1, text: '<v Ann>One.' },
        { id: 'b', startTime: 1, endTime: 2, text: '<v Bob>Two?' },
      ],
      [{ id: 'c1', startTime: 0, endTime: 2, text: 'Only chapter' }],
    );
    await rendered(el);
    expect(el.shadowRoot!.querySelector('h3')!.textContent).to.contain('Only chapter');
    expect([...el.shadowRoot!.querySelectorAll('[data-cue]')].map((c) => c.textContent)).to.deep.equal(['One.', 'Two?']);
  });

  it('GOOD: fires cue-load with the transcript', async () => {
    const el = document.createElement('cue-transcript');
    el.src = TALK;
    const loaded = nextEvent(el, 'cue-load');
    document.body.append(el);
    try {
      const e = await loaded;
      expect(e.detail.transcript.cues).to.have.length(11);
      expect(e.detail.errors).to.deep.equal([]);
      expect(e.bubbles && e.composed).to.equal(true);
    } finally {
      el.remove();
    }
  });
});

describe('<cue-transcript> keyboard without media', () => {
  it('GOOD: is one tab stop; arrows, Home and End move between cues', async () => {
    const before = await fixture<HTMLButtonElement>(html`<button>before</button>`);
    const el = document.createElement('cue-transcript');
    el.src = TALK;
    before.after(el);
    await rendered(el);
    // An earlier test file may have left the browser's focus in a frame: keyboard focus starts from this page.
    window.focus();
    before.focus();
    // The search field above the transcript is the first stop, the viewer's settings the next, the cues the next.
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('search-input');
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('settings-button');
    await sendKeys({ press: 'Tab' });
    const focused = (): number => Number((el.shadowRoot!.activeElement as HTMLElement | null)?.dataset['cue'] ?? -1);
    expect(focused()).to.equal(0);
    expect(el.shadowRoot!.querySelectorAll('[tabindex="0"]')).to.have.length(1);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowRight' });
    expect(focused()).to.equal(2);
    await sendKeys({ press: 'ArrowUp' });
    expect(focused()).to.equal(1);
    await sendKeys({ press: 'End' });
    expect(focused()).to.equal(10);
    await sendKeys({ press: 'Home' });
    expect(focused()).to.equal(0);
    expect(el.shadowRoot!.querySelectorAll('[tabindex="0"]')).to.have.length(1);
    // Focus is visible.
    await waitFor(() => getComputedStyle(cueEl(el, 0)).outlineStyle !== 'none', 'a visible focus outline');
    // Moving focus paused following, so the next tab stop is "Back to now"; the cues were one stop.
    expect(el.following).to.equal(false);
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.getAttribute('part') ?? 'none').to.equal('back-to-now');
    el.remove();
  });

  it('GOOD: PageDown and PageUp move by question', async () => {
    const el = await standalone();
    cueEl(el, 0).focus();
    const focused = (): number => Number((el.shadowRoot!.activeElement as HTMLElement | null)?.dataset['cue'] ?? -1);
    const seen: number[] = [];
    for (const key of ['PageDown', 'PageDown', 'PageDown', 'PageDown', 'PageUp', 'PageUp', 'ArrowDown', 'PageUp']) {
      await sendKeys({ press: key });
      seen.push(focused());
    }
    // Questions start at cues 1, 5 and 8; past the last, the end; PageUp from inside a question goes to its start.
    expect(seen).to.deep.equal([1, 5, 8, 10, 8, 5, 6, 5]);
  });

  it('GOOD: a cue moved to by keyboard is scrolled into view inside the box only', async () => {
    const el = await standalone('style="max-height: 120px"');
    const box = scrollBox(el);
    cueEl(el, 0).focus();
    await sendKeys({ press: 'End' });
    await waitFor(() => box.scrollTop > 0, 'box scrolled to the last cue');
    expect(document.scrollingElement!.scrollTop).to.equal(0);
    expect(activeIndex(el)).to.equal(-1);
  });
});
