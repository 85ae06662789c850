import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/editor.js';
import type { CueEditor } from '../../src/elements/cue-editor/cue-editor.js';
import { click, list, row, status, timeline, waitFor } from './cue-editor-helpers.js';

/** A WebVTT of `n` cues (4 s apart, 3 s long), one question per 500 cues; made here, never committed. */
function longVtt(n: number): { transcript: string; chapters: string } {
  const ts = (t: number): string => {
    const ms = Math.round(t * 1000);
    const p = (v: number, w = 2): string => String(v).padStart(w, '0');
    return `${p(Math.floor(ms / 3_600_000))}:${p(Math.floor(ms / 60_000) % 60)}:${p(Math.floor(ms / 1000) % 60)}.${p(ms % 1000, 3)}`;
  };
  const cues: string[] = ['WEBVTT', ''];
  const chapters: string[] = ['WEBVTT', ''];
  for (let i = 0; i < n; i++) {
    cues.push(`c${i}`, `${ts(i * 4)} --> ${ts(i * 4 + 3)}`, `${i % 500 === 0 ? '<v Host>' : ''}Sentence number ${i + 1} of the long talk.`, '');
    if (i % 500 === 0) chapters.push(`q${i / 500 + 1}`, `${ts(i * 4)} --> ${ts(Math.min(n, i + 500) * 4 - 1)}`, `Question ${i / 500 + 1}`, '');
  }
  return { transcript: cues.join('\n'), chapters: chapters.join('\n') };
}

const N = 70_000;

describe('<cue-editor> with a long transcript', function () {
  // Opening is seconds; the margin is for a loaded machine. Nothing here times anything.
  this.timeout(240000);

  it('GOOD: opens 70,000 cues from a picked file, shows them, scrolls to the last by keys, and edits one', async () => {
    const el = await fixture<CueEditor>(html`<cue-editor no-autosave></cue-editor>`);
    const { transcript, chapters } = longVtt(N);
    await el.openFiles([new File([transcript], 'long70k.vtt', { type: 'text/vtt' }), new File([chapters], 'long70k.chapters.vtt', { type: 'text/vtt' })]);
    await waitFor(() => el.session, 'session opened', 120000);
    expect(el.session!.cues).to.have.length(N);
    expect(el.session!.chapters).to.have.length(N / 500);
    expect(status(el)).to.match(/Opened long70k\.vtt: 70000 cues, 140 questions/);

    // The list shows the first cues, and says how long it is; it does not build a row per cue.
    const l = list(el);
    await waitFor(() => row(el, 0), 'first row rendered', 60000);
    await l.updateComplete;
    expect(row(el, 0).querySelector('textarea')!.value).to.equal('Sentence number 1 of the long talk.');
    expect(row(el, 0).getAttribute('aria-setsize')).to.equal(String(N + N / 500));
    const rendered = l.shadowRoot!.querySelectorAll('[part~="cue"]').length;
    expect(rendered).to.be.greaterThan(3);
    expect(rendered).to.be.lessThan(1000);
    expect(l.shadowRoot!.querySelector('[part~="chapter"] input')!.getAttribute('aria-label')).to.equal('Title of question 1');

    // The timeline shows the whole session as a painted lane, with the selected cue still a block.
    const t = timeline(el);
    await t.updateComplete;
    expect(t.shadowRoot!.querySelector<HTMLCanvasElement>('canvas[part~="lane"]')!.hidden).to.equal(false);
    expect(t.shadowRoot!.querySelectorAll('[part~="cue"]')).to.have.length(1);
    expect(t.shadowRoot!.querySelectorAll('[part~="boundary"]').length).to.be.lessThan(3);

    // Keys: from the first cue's time, End goes to the last cue, which is rendered, in view and focused.
    await click(row(el, 0).querySelector('[part~="time"]')!);
    await sendKeys({ press: 'End' });
    await waitFor(() => el.selection.cue === N - 1 && l.shadowRoot!.activeElement?.closest('[data-cue]')?.getAttribute('data-cue') === String(N - 1), 'last cue focused', 30000);
    const last = row(el, N - 1);
    expect(last.querySelector('textarea')!.value).to.equal(`Sentence number ${N} of the long talk.`);
    const box = l.shadowRoot!.querySelector<HTMLElement>('[part~="list"]')!.getBoundingClientRect();
    await waitFor(() => {
      const r = row(el, N - 1)?.getBoundingClientRect();
      return r && r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
    }, 'last row scrolled into view', 30000);
    await sendKeys({ press: 'ArrowUp' });
    await waitFor(() => el.selection.cue === N - 2, 'ArrowUp selects the cue before', 30000);

    // Edit the text of the last cue by typing; the session and the list both have it.
    const area = row(el, N - 1).querySelector('textarea')!;
    await click(area);
    await sendKeys({ press: 'End' });
    await sendKeys({ type: ' Edited.' });
    await sendKeys({ press: 'Tab' });
    await waitFor(() => el.session!.cues[N - 1]!.text.endsWith('Edited.'), 'text edit applied', 30000);
    expect(el.session!.cues[N - 1]!.text).to.equal(`Sentence number ${N} of the long talk. Edited.`);
    expect(el.session!.cues).to.have.length(N);
    expect(el.history!.past.length).to.be.greaterThan(0);
    el.undo();
    await waitFor(() => el.session!.cues[N - 1]!.text === `Sentence number ${N} of the long talk.`, 'undone', 30000);
    await l.updateComplete;
    expect(row(el, N - 1).querySelector('textarea')!.value).to.equal(`Sentence number ${N} of the long talk.`);
  });
});
