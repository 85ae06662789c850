import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/editor.js';
import { sessionFromWebVTT, sessionToWebVTT } from '../../src/core/editor/index.js';
import type { CueEditor } from '../../src/elements/cue-editor/cue-editor.js';
import type { CueEditorErrorDetail } from '../../src/elements/cue-editor/events.js';
import { $, block, button, click, drag, errorText, handle, list, ready, row, SEED_CHAPTERS, SEED_VTT, status, timeline, view, waitFor } from './cue-editor-helpers.js';

/** Presses `key` with modifiers held (puppeteer takes no combos in `press`). */
async function chord(mods: string[], key: string): Promise<void> {
  for (const m of mods) await sendKeys({ down: m });
  await sendKeys({ press: key });
  for (const m of [...mods].reverse()) await sendKeys({ up: m });
}

async function seedEditor(): Promise<CueEditor> {
  const el = await fixture<CueEditor>(html`<cue-editor no-autosave transcript=${SEED_VTT} chapters=${SEED_CHAPTERS}></cue-editor>`);
  await ready(el, false);
  return el;
}

/** Shows boundary `b` in the timeline, zoomed to ±5 s, and selects it with a real click. */
async function selectBoundary(el: CueEditor, b: number): Promise<HTMLElement> {
  const t = el.session!.cues[b]!.startTime;
  await view(el, t - 5, t + 5);
  timeline(el).scrollIntoView({ block: 'center' });
  await click(handle(el, b));
  await el.updateComplete;
  expect(el.selection.boundary).to.equal(b);
  return handle(el, b);
}

describe('<cue-editor>', () => {
  it('is accessible with the seed session open', async () => {
    const el = await seedEditor();
    await expect(el).to.be.accessible({ ignoredRules: ['video-caption'] });
  });

  it('GOOD: opens the seed WebVTT with its questions, in the list and on the timeline', async () => {
    const el = await seedEditor();
    expect(el.session!.cues).to.have.length(261);
    expect(el.session!.chapters).to.have.length(17);
    expect(status(el)).to.match(/Opened try-rust-with-francesco-ciulla\.vtt: 261 cues, 17 questions/);
    const rows = list(el).shadowRoot!.querySelectorAll('[part~="cue"]');
    expect(rows).to.have.length(261);
    expect(list(el).shadowRoot!.querySelectorAll('[part~="chapter"] input')).to.have.length(17);
    expect(timeline(el).shadowRoot!.querySelectorAll('[part~="chapter"]')).to.have.length(17);
    expect(row(el, 0).querySelector('textarea')!.value).to.equal('Try Rust With Your Own Hands and Eyes with Francesco Ciulla');
    expect(el.unexported).to.equal(false);
  });

  it('GOOD: nudges the selected boundary by 10, 100 and 500 ms from the keyboard; undo and redo by keys and buttons', async () => {
    const el = await seedEditor();
    const start = el.session!.cues[5]!.startTime;
    const h = await selectBoundary(el, 5);
    h.focus();
    await sendKeys({ press: 'BracketRight' });
    expect(el.session!.cues[5]!.startTime).to.be.closeTo(start + 0.1, 1e-9);
    await sendKeys({ press: 'Period' });
    expect(el.session!.cues[5]!.startTime).to.be.closeTo(start + 0.11, 1e-9);
    await chord(['Shift'], 'BracketRight');
    expect(el.session!.cues[5]!.startTime).to.be.closeTo(start + 0.61, 1e-9);
    await sendKeys({ press: 'Comma' });
    expect(el.session!.cues[5]!.startTime).to.be.closeTo(start + 0.6, 1e-9);
    await sendKeys({ press: 'BracketLeft' });
    expect(el.session!.cues[5]!.startTime).to.be.closeTo(start + 0.5, 1e-9);
    // The boundary's own slider keys nudge too.
    handle(el, 5).focus();
    await sendKeys({ press: 'ArrowRight' });
    expect(el.session!.cues[5]!.startTime).to.be.closeTo(start + 0.6, 1e-9);
    expect(el.unexported).to.equal(true);

    await chord(['Control'], 'KeyZ');
    expect(el.session!.cues[5]!.startTime).to.be.closeTo(start + 0.5, 1e-9);
    await el.updateComplete;
    expect(status(el)).to.equal('Undid: Nudge boundary.');
    for (let k = 0; k < 5; k++) await click(button(el, 'Undo Nudge boundary'));
    expect(el.session!.cues[5]!.startTime).to.equal(start);
    await el.updateComplete;
    expect(button(el, 'Undo').disabled).to.equal(true);
    handle(el, 5).focus();
    await chord(['Control', 'Shift'], 'KeyZ');
    expect(el.session!.cues[5]!.startTime).to.be.closeTo(start + 0.1, 1e-9);
    await chord(['Control'], 'KeyY');
    expect(el.session!.cues[5]!.startTime).to.be.closeTo(start + 0.11, 1e-9);
    await el.updateComplete;
    await click(button(el, 'Redo Nudge boundary'));
    expect(el.session!.cues[5]!.startTime).to.be.closeTo(start + 0.61, 1e-9);
  });

  it('GOOD: a drag of a boundary is one undo step and lands where the pointer went', async () => {
    const el = await seedEditor();
    const start = el.session!.cues[20]!.startTime;
    const h = await selectBoundary(el, 20);
    const steps = el.history!.past.length;
    const spp = timeline(el).secondsPerPixel;
    await drag(h, 40, 8);
    const moved = el.session!.cues[20]!.startTime - start;
    expect(moved).to.be.closeTo(40 * spp, 2 * spp);
    expect(el.history!.past.length).to.equal(steps + 1);
    expect(el.history!.past.at(-1)!.label).to.equal('Drag boundary');
    el.undo();
    expect(el.session!.cues[20]!.startTime).to.equal(start);
  });

  it('GOOD: dragging a cue block moves it; with ripple every later cue moves too', async () => {
    const el = await seedEditor();
    const before = el.session!;
    await view(el, before.cues[30]!.startTime - 4, before.cues[30]!.startTime + 6);
    timeline(el).scrollIntoView({ block: 'center' });
    await click(button(el, 'Ripple'));
    expect(el.ripple).to.equal(true);
    const spp = timeline(el).secondsPerPixel;
    await drag(block(el, 30), -30, 6);
    const d = el.session!.cues[30]!.startTime - before.cues[30]!.startTime;
    expect(d).to.be.closeTo(-30 * spp, 2 * spp);
    expect(el.session!.cues[30]!.endTime - before.cues[30]!.endTime).to.be.closeTo(d, 1e-6);
    expect(el.session!.cues[200]!.startTime - before.cues[200]!.startTime).to.be.closeTo(d, 1e-6);
    expect(el.session!.cues[29]).to.equal(before.cues[29]);
    expect(el.history!.past.length).to.equal(1);
  });

  it('GOOD: touching boundaries are linked; Alt unlinks them for one move', async () => {
    const el = await seedEditor();
    el._run({ type: 'select-cue', cue: 10 });
    await el.updateComplete;
    list(el).focusCue(10);
    await sendKeys({ press: 's' });
    expect(el.session!.cues).to.have.length(262);
    const joint = el.session!.cues[11]!.startTime;
    expect(el.session!.cues[10]!.endTime).to.equal(joint);
    const h = await selectBoundary(el, 11);
    h.focus();
    await sendKeys({ press: 'BracketRight' });
    expect(el.session!.cues[10]!.endTime).to.be.closeTo(joint + 0.1, 1e-9);
    expect(el.session!.cues[11]!.startTime).to.be.closeTo(joint + 0.1, 1e-9);
    await chord(['Alt'], 'BracketRight');
    expect(el.session!.cues[10]!.endTime).to.be.closeTo(joint + 0.1, 1e-9);
    expect(el.session!.cues[11]!.startTime).to.be.closeTo(joint + 0.2, 1e-9);
  });

  it('GOOD: splits and merges cues with the buttons and keys', async function () {
    const el = await seedEditor();
    const original = el.session!.cues[3]!;
    list(el).focusCue(3);
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(el.selection.cue).to.equal(4);
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(el.selection.cue).to.equal(3);
    await click(button(el, 'Split'));
    expect(el.session!.cues).to.have.length(262);
    const [a, b] = [el.session!.cues[3]!, el.session!.cues[4]!];
    expect(a.endTime).to.equal(b.startTime);
    expect(`${a.text} ${b.text.replace('<v Host>', '')}`.replace(/\s+/g, ' ')).to.equal(original.text);
    el._run({ type: 'select-cue', cue: 3 });
    await el.updateComplete;
    await click(button(el, 'Merge'));
    expect(el.session!.cues).to.have.length(261);
    expect(el.session!.cues[3]!.text.replace(/\s+/g, ' ')).to.equal(original.text.replace(/\s+/g, ' '));
    list(el).focusCue(3);
    await sendKeys({ press: 's' });
    expect(el.session!.cues).to.have.length(262);
    el._run({ type: 'select-cue', cue: 3 });
    list(el).focusCue(3);
    await sendKeys({ press: 'g' });
    expect(el.session!.cues).to.have.length(261);
  });

  it('GOOD: editor keys never fire while typing; a text edit is one undo step', async function () {
    const el = await seedEditor();
    const before = el.session!;
    const area = row(el, 2).querySelector('textarea')!;
    area.focus();
    area.setSelectionRange(area.value.length, area.value.length);
    await sendKeys({ type: ' ts][g.,' });
    expect(el.session).to.equal(before);
    // Leaving the field commits the edit. (Not with Tab: in Firefox, tabbing past the page's last
    // field moves the system focus to the browser's own toolbar, and later test files lose focus.)
    area.blur();
    expect(el.session!.cues).to.have.length(261);
    expect(el.session!.cues[2]!.text).to.equal(`${before.cues[2]!.text} ts][g.,`);
    expect(el.session!.cues[2]!.startTime).to.equal(before.cues[2]!.startTime);
    expect(el.history!.past).to.have.length(1);

    const speaker = row(el, 2).querySelector<HTMLInputElement>('[part~="speaker"]')!;
    speaker.focus();
    speaker.select();
    await sendKeys({ type: 'Narrator' });
    await sendKeys({ press: 'Enter' });
    await waitFor(() => el.session!.cues[2]!.text.startsWith('<v Narrator>'), 'speaker committed', 3000);
    expect(el.session!.cues[2]!.speaker).to.equal('Narrator');

    const title = list(el).shadowRoot!.querySelector<HTMLInputElement>('[part~="chapter"] input')!;
    title.focus();
    title.select();
    await sendKeys({ type: 'Why Rust, & why <now>?' });
    await sendKeys({ press: 'Enter' });
    await waitFor(() => el.session!.chapters[0]!.title !== before.chapters[0]!.title, 'title committed', 3000);
    expect(el.session!.chapters[0]!.title).to.equal('Why Rust, &amp; why &lt;now&gt;?');
    el.undo();
    el.undo();
    el.undo();
    expect(el.session!.cues).to.deep.equal(before.cues);
    expect(el.session!.chapters).to.deep.equal(before.chapters);
  });

  it('GOOD: checks flag planted problems on the timeline and in the list, and fix them in one step', async () => {
    const el = await fixture<CueEditor>(html`<cue-editor no-autosave></cue-editor>`);
    const vtt = [
      'WEBVTT', '',
      '00:00:01.000 --> 00:00:04.000', '<v A>One.', '',
      '00:00:03.500 --> 00:00:06.000', '<v A>Two overlaps one.', '',
      '00:00:06.000 --> 00:00:07.000', '<v A>Three has no length.', '',
      '00:00:20.000 --> 00:00:22.000', '<v A>Four after a long gap.', '',
      '00:00:10.000 --> 00:00:12.000', '<v A>Five out of order.', '',
    ].join('\n');
    expect(el.openTranscript(vtt, 'planted.vtt')).to.equal(true);
    // A file cannot hold a cue without length (the parser rejects it): plant one in the session.
    const s = el.session!;
    el.session = { ...s, cues: s.cues.map((c, i) => (i === 2 ? { ...c, endTime: c.startTime } : c)) };
    await el.updateComplete;
    const kinds = el.problems.map((p) => p.kind);
    expect(kinds).to.include.members(['overlap', 'zero-length', 'long-gap', 'order']);
    const panel = $(el, '[part~="panel"]');
    expect(panel.textContent).to.contain('Cue 2 starts 0.500 s before cue 1 ends.');
    expect(timeline(el).shadowRoot!.querySelectorAll('[part~="problem"]').length).to.equal(el.problems.length);
    expect(row(el, 1).getAttribute('part')).to.contain('flagged');
    expect(row(el, 1).querySelector('[part~="problem"]')!.textContent).to.contain('before cue 1 ends');

    const fix = [...panel.querySelectorAll<HTMLButtonElement>('button.fix')].find((b) => b.textContent === 'End cue 1 where cue 2 starts')!;
    await click(fix);
    expect(el.session!.cues[0]!.endTime).to.equal(3.5);
    expect(el.problems.map((p) => p.kind)).not.to.include('overlap');
    await click([...panel.querySelectorAll<HTMLButtonElement>('button.fix')].find((b) => b.textContent === 'Sort cues by start time')!);
    expect(el.session!.cues.map((c) => c.startTime)).to.deep.equal([1, 3.5, 6, 10, 20]);
    el.undo();
    el.undo();
    expect(el.problems.map((p) => p.kind)).to.include.members(['overlap', 'order', 'zero-length']);
  });

  it('GOOD: no problems is not shown as an error: a neutral badge reading "Checks: none"; problems are red with a "!" and the count', async () => {
    const el = await fixture<CueEditor>(html`<cue-editor no-autosave></cue-editor>`);
    const clean = ['WEBVTT', '', '00:00:01.000 --> 00:00:04.000', '<v A>One.', '', '00:00:04.000 --> 00:00:06.000', '<v A>Two.', ''].join('\n');
    expect(el.openTranscript(clean, 'clean.vtt')).to.equal(true);
    await el.updateComplete;
    expect(el.problems).to.have.length(0);
    const heading = (): HTMLElement => $(el, '#checks-h');
    /** The heading's text as a screen reader gets it: aria-hidden parts left out. */
    const spoken = (): string => {
      const copy = heading().cloneNode(true) as HTMLElement;
      copy.querySelectorAll('[aria-hidden="true"]').forEach((n) => n.remove());
      return copy.textContent!.replace(/\s+/g, ' ').trim();
    };
    const rgb = (c: string): number[] => c.match(/[\d.]+/g)!.slice(0, 3).map(Number);
    const badge = (): HTMLElement => heading().querySelector<HTMLElement>('[part~="checks-count"]')!;
    expect(spoken()).to.equal('Checks: none');
    expect(badge().dataset['state']).to.equal('clear');
    const [r, g] = rgb(getComputedStyle(badge()).color);
    expect(g!, 'the clear badge is not red').to.be.greaterThan(r!);
    const clearColour = getComputedStyle(badge()).color;

    const overlap = ['WEBVTT', '', '00:00:01.000 --> 00:00:04.000', '<v A>One.', '', '00:00:03.000 --> 00:00:06.000', '<v A>Two.', ''].join('\n');
    expect(el.openTranscript(overlap, 'overlap.vtt')).to.equal(true);
    await el.updateComplete;
    expect(el.problems.length).to.be.greaterThan(0);
    expect(spoken()).to.equal(`Checks: ${el.problems.length} problem${el.problems.length === 1 ? '' : 's'}`);
    expect(badge().dataset['state']).to.equal('problems');
    expect(badge().textContent).to.contain('!');
    const [r2, g2] = rgb(getComputedStyle(badge()).color);
    expect(r2!, 'the problems badge is red').to.be.greaterThan(g2!);
    expect(getComputedStyle(badge()).color).not.to.equal(clearColour);
  });

  it('GOOD: on a phone (390 px) the question labels Q1-Q17 never overlap; zoomed in, every label shows', async () => {
    await setViewport({ width: 390, height: 844 });
    try {
      const el = await seedEditor();
      const tl = timeline(el);
      await tl.updateComplete;
      expect(tl.getBoundingClientRect().width).to.be.at.most(390);
      const labels = (): HTMLElement[] => [...tl.shadowRoot!.querySelectorAll<HTMLElement>('[part~="chapter"]')];
      const overlap = (a: DOMRect, b: DOMRect): boolean => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
      /** No two labels' boxes (text or tick) overlap; returns how many show their text. */
      const check = (): number => {
        const all = labels();
        const rects = all.map((l) => l.getBoundingClientRect());
        rects.forEach((a, i) => rects.slice(i + 1).forEach((b, k) => expect(overlap(a, b), `${all[i]!.textContent} and ${all[i + 1 + k]!.textContent} overlap`).to.equal(false)));
        return rects.filter((r) => r.width > 10).length;
      };
      expect(labels()).to.have.length(17);
      expect(check(), 'labels with their text showing, whole session on a phone').to.be.at.least(12);
      expect(labels()[0]!.getBoundingClientRect().width, 'Q1 shows').to.be.greaterThan(10);
      for (const l of labels()) expect(l.title, 'every marker keeps its question').to.not.equal('');

      await view(el, 0, 700);
      const shown = labels();
      expect(check(), 'zoomed to 0-700 s').to.equal(shown.length);
      expect(shown.length).to.be.at.least(7);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('BAD: a malformed file names line and column, fires cue-error and keeps the session', async () => {
    const el = await seedEditor();
    const before = el.session;
    const bad = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nfine\n\n00:00:03.000 --> 00:00:0x.000\nbroken\n';
    const event = oneEvent(el, 'cue-error');
    expect(el.openTranscript(bad, 'broken.vtt')).to.equal(false);
    const detail = (await event).detail as CueEditorErrorDetail;
    expect(detail.fileName).to.equal('broken.vtt');
    expect(detail.line).to.equal(6);
    expect(detail.column).to.be.greaterThan(0);
    await el.updateComplete;
    expect(errorText(el)).to.contain('Could not open broken.vtt; nothing was changed.');
    expect(errorText(el)).to.match(new RegExp(`broken\\.vtt, line 6, column ${detail.column}:`));
    expect(el.session).to.equal(before);

    const srt = '1\n00:00:01,000 --> 00:00:02,000\nHello\n\n2\n00:00:03,000 -> 00:00:04,000\nBad arrow\n';
    const e2 = oneEvent(el, 'cue-error');
    expect(el.openTranscript(srt, 'talk.srt')).to.equal(false);
    expect(((await e2).detail as CueEditorErrorDetail).line).to.be.greaterThan(1);
    await el.updateComplete;
    expect(errorText(el)).to.match(/talk\.srt, line \d+, column \d+/);
    expect(el.session).to.equal(before);
  });

  it('GOOD: export links carry safe names; exporting and importing gives back the same session', async () => {
    const el = await seedEditor();
    el._run({ type: 'nudge', boundary: 7, delta: 0.1, linked: true });
    el._run({ type: 'fixed', cue: 9, fixed: true });
    el._run({ type: 'split', cue: 12 });
    el._name = '../My talk: <final>?.vtt';
    await el.updateComplete;
    await click(button(el, 'Export…'));
    await el.updateComplete;
    const links = [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('a[download]')];
    expect(links.map((a) => a.download)).to.deep.equal(['My-talk-final.vtt', 'My-talk-final.chapters.vtt']);
    expect(links.every((a) => a.href.startsWith('blob:'))).to.equal(true);
    const [transcript, chapters] = await Promise.all(links.map(async (a) => (await fetch(a.href)).text()));
    expect(transcript).to.equal(sessionToWebVTT(el.session!).transcript);
    const again = sessionFromWebVTT(transcript!, chapters!);
    expect(again.cues).to.deep.equal(el.session!.cues);
    expect(again.chapters).to.deep.equal(el.session!.chapters);

    // Untouched cues come out exactly as they were in the file.
    const original = await (await fetch(SEED_VTT)).text();
    const block30 = original.split('\n\n').find((b) => b.startsWith(el.session!.cues[30]!.id))!;
    expect(transcript).to.contain(block30);

    expect(el.unexported).to.equal(true);
    const exported = oneEvent(el, 'cue-export');
    links[0]!.addEventListener('click', (e) => e.preventDefault(), { once: true });
    await click(links[0]!);
    expect((await exported).detail.name).to.equal('My-talk-final.vtt');
    expect(el.unexported).to.equal(false);
  });

  it('GOOD: the cue list follows selection from the timeline; Enter on a cue block seeks', async () => {
    const el = await seedEditor();
    await view(el, 40, 60);
    const i = el.session!.cues.findIndex((c) => c.startTime > 42);
    timeline(el).scrollIntoView({ block: 'center' });
    await click(block(el, i));
    await el.updateComplete;
    expect(el.selection.cue).to.equal(i);
    expect(row(el, i).getAttribute('part')).to.contain('selected-cue');
    await waitFor(() => Math.abs(el.media!.currentTime - el.session!.cues[i]!.startTime) < 0.01 || el.media!.readyState === 0, 'seeked');
  });
});
