import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import 'media-chrome';
import '../../src/elements/cue-transcript/define.js';
import '../../src/elements/cue-chapters/define.js';
import type { CueChapters } from '../../src/elements/cue-chapters/cue-chapters.js';
import type { CueTranscript } from '../../src/elements/cue-transcript/cue-transcript.js';
import {
  CLIP,
  DEMO_CHAPTERS,
  DEMO_MEDIA,
  DEMO_VTT,
  TALK,
  TALK_CHAPTERS,
  activeQuestion,
  click,
  cueEl,
  currentEntry,
  listed,
  metadata,
  nextEvent,
  openPage,
  part,
  playUntil,
  questionLinks,
  releaseMouse,
  rendered,
  scrollBox,
  seek,
  waitFor,
} from './cue-chapters-helpers.js';

/** Shift+key as a real key press (the key is then the upper-case letter). */
async function shift(key: string): Promise<void> {
  await sendKeys({ down: 'Shift' });
  await sendKeys({ press: key });
  await sendKeys({ up: 'Shift' });
}

interface Setup {
  video: HTMLVideoElement;
  nav: CueChapters;
  transcript: CueTranscript;
}

/** The small clip with its transcript, and a navigator bound to both. */
async function clipSetup(navAttrs = `chapters="${TALK_CHAPTERS}"`): Promise<Setup> {
  const wrap = await fixture<HTMLDivElement>(html`<div></div>`);
  wrap.innerHTML = `<video id="v" src="${CLIP}" preload="auto" muted></video>
    <cue-chapters id="nav" for="v" transcript="t" ${navAttrs}></cue-chapters>
    <cue-transcript id="t" for="v" src="${TALK}" chapters="${TALK_CHAPTERS}" style="height:200px"></cue-transcript>`;
  const nav = wrap.querySelector('cue-chapters')!;
  const transcript = wrap.querySelector('cue-transcript')!;
  const video = wrap.querySelector('video')!;
  await Promise.all([listed(nav), rendered(transcript), metadata(video)]);
  return { video, nav, transcript };
}

describe('<cue-chapters>', () => {
  afterEach(releaseMouse);

  it('GOOD: is accessible', async () => {
    const { nav } = await clipSetup();
    await expect(nav).to.be.accessible();
  });

  it('GOOD: lists each question with number, title, start and length; titles stay text', async () => {
    const { nav } = await clipSetup();
    const links = questionLinks(nav);
    expect(links).to.have.length(3);
    const text = (a: Element, p: string): string => a.querySelector(`[part~="${p}"]`)!.textContent!.replace(/\s+/g, ' ').trim();
    expect(links.map((a) => text(a, 'number'))).to.deep.equal(['1', '2', '3']);
    expect(text(links[0]!, 'title')).to.equal('Question 1: How do I start with Rust?');
    expect(text(links[2]!, 'title')).to.equal('Question 3: What about async & <b>tokio</b>?');
    expect(nav.shadowRoot!.querySelector('b')).to.equal(null);
    expect(text(links[1]!, 'meta')).to.equal('0:08, at 8 seconds · 0:06, 6 seconds long');
    // Links name the question by slug, so the browser can open or copy them too.
    expect(links[1]!.getAttribute('href')).to.equal('#q=is-the-borrow-checker-hard');
    expect(nav.shadowRoot!.querySelector('nav')!.getAttribute('aria-label')).to.equal('Questions');
  });

  it('GOOD: questions come from the media chapters track, else from the linked transcript', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div></div>`);
    wrap.innerHTML = `<video id="v2" src="${CLIP}" muted><track kind="chapters" src="${TALK_CHAPTERS}"></video>
      <cue-chapters id="a" for="v2"></cue-chapters>
      <cue-transcript id="t2" src="${TALK}"></cue-transcript>
      <cue-chapters id="b" transcript="t2"></cue-chapters>`;
    const [a, b] = [...wrap.querySelectorAll('cue-chapters')] as [CueChapters, CueChapters];
    await Promise.all([listed(a), listed(b)]);
    expect(questionLinks(a).map((l) => l.dataset['index'])).to.deep.equal(['0', '1', '2']);
    // No chapters anywhere: the transcript derives its questions, and the navigator shows those.
    const t = wrap.querySelector('cue-transcript')!;
    expect(questionLinks(b)).to.have.length(t.loadedTranscript!.questions.length);
    expect(questionLinks(b)[0]!.textContent).to.contain('How do I start with Rust?');
  });

  it('GOOD: a click seeks to the question and brings the transcript there', async () => {
    const { nav, video, transcript } = await clipSetup();
    const navigated = nextEvent(nav, 'cue-navigate');
    await click(questionLinks(nav)[1]!.querySelector('[part~="title"]')!);
    const e = await navigated;
    expect(e.detail.questionIndex).to.equal(1);
    expect(e.detail.trigger).to.equal('list');
    await waitFor(() => Math.abs(video.currentTime - 8) < 0.05, 'video at 8 s');
    await waitFor(() => currentEntry(nav) === 1, 'entry 2 current');
    await waitFor(() => activeQuestion(transcript) === 1, 'transcript at question 2');
    // The transcript brings that question's heading to the top of its view.
    const box = scrollBox(transcript).getBoundingClientRect();
    const heading = transcript.shadowRoot!.querySelector('[data-q="1"] [part~="heading"]')!;
    await waitFor(() => Math.abs(heading.getBoundingClientRect().top - box.top) < 40, 'heading at the top of the transcript');
    expect(video.paused).to.equal(true);
    expect(location.hash).to.equal('');
  });

  it('GOOD: Enter on a question, arrows in the list, Shift+N and Shift+P', async () => {
    const { nav, video } = await clipSetup();
    questionLinks(nav)[0]!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    expect(nav.shadowRoot!.activeElement).to.equal(questionLinks(nav)[2]);
    await sendKeys({ press: 'Enter' });
    await waitFor(() => Math.abs(video.currentTime - 14) < 0.05, 'video at 14 s');
    await waitFor(() => currentEntry(nav) === 2, 'entry 3 current');
    await shift('P');
    await waitFor(() => Math.abs(video.currentTime - 8) < 0.05, 'Shift+P: video at 8 s');
    await shift('N');
    await waitFor(() => Math.abs(video.currentTime - 14) < 0.05, 'Shift+N: video at 14 s');
  });

  it('GOOD: after Shift+N / Shift+P, keyboard focus moves to the new question, in the list and in the transcript', async () => {
    const { nav, transcript, video } = await clipSetup();
    const focusedCue = (): number => Number((transcript.shadowRoot!.activeElement as HTMLElement | null)?.dataset['cue'] ?? -1);
    await seek(video, 3);
    // In the list: focus on question 1's row, Shift+N moves it to question 2's row; the next arrow goes on from there.
    questionLinks(nav)[0]!.focus();
    await shift('N');
    await waitFor(() => Math.abs(video.currentTime - 8) < 0.05, 'Shift+N: video at 8 s');
    expect(nav.shadowRoot!.activeElement).to.equal(questionLinks(nav)[1]);
    await sendKeys({ press: 'ArrowDown' });
    expect(nav.shadowRoot!.activeElement).to.equal(questionLinks(nav)[2]);
    // In the transcript: on a cue of question 2, Shift+N moves focus to question 3's first cue, Shift+P back to question 2's.
    cueEl(transcript, 6).focus();
    await sendKeys({ press: 'ArrowDown' });
    expect(focusedCue()).to.equal(7);
    await shift('N');
    await waitFor(() => Math.abs(video.currentTime - 14) < 0.05, 'Shift+N: video at 14 s');
    expect(focusedCue()).to.equal(8);
    await sendKeys({ press: 'ArrowDown' });
    expect(focusedCue()).to.equal(9);
    await shift('P');
    await waitFor(() => Math.abs(video.currentTime - 8) < 0.05, 'Shift+P: video at 8 s');
    expect(focusedCue()).to.equal(5);
    await sendKeys({ press: 'ArrowDown' });
    expect(focusedCue()).to.equal(6);
  });

  it('GOOD: the buttons go to the previous and next question; previous restarts a question well under way', async () => {
    const { nav, video } = await clipSetup();
    await seek(video, 11);
    await click(part(nav, 'next'));
    await waitFor(() => Math.abs(video.currentTime - 14) < 0.05, 'next: 14 s');
    await seek(video, 18);
    await click(part(nav, 'previous'));
    await waitFor(() => Math.abs(video.currentTime - 14) < 0.05, 'previous restarts: 14 s');
    await click(part(nav, 'previous'));
    await waitFor(() => Math.abs(video.currentTime - 8) < 0.05, 'previous again: 8 s');
  });

  it('BAD: Shift+N typed into a text field is text, not a shortcut', async () => {
    const { nav, video } = await clipSetup();
    const input = document.createElement('input');
    nav.after(input);
    input.focus();
    await sendKeys({ type: 'N' });
    await shift('N');
    expect(video.currentTime).to.equal(0);
    input.remove();
  });

  it('GOOD: a cancelled cue-navigate does not seek', async () => {
    const { nav, video } = await clipSetup();
    nav.addEventListener('cue-navigate', (e) => e.preventDefault(), { once: true });
    await click(questionLinks(nav)[2]!);
    await new Promise((r) => setTimeout(r, 100));
    expect(video.currentTime).to.equal(0);
  });

  it('GOOD: playing marks progress; a question is marked heard once playback has left it, never while it plays', async () => {
    const { nav, video } = await clipSetup();
    video.playbackRate = 4;
    // Well past the middle of question 1 (2-8 s): heard enough, but still playing.
    await playUntil(video, 2, () => video.currentTime > 6.5, 8000);
    await nav.updateComplete;
    const first = questionLinks(nav)[0]!;
    expect(currentEntry(nav)).to.equal(0);
    expect(nav.heardIndices).to.deep.equal([]);
    expect(first.part.contains('heard')).to.equal(false);
    expect(first.textContent).not.to.contain('heard');
    // Its bar is filled as far as playback got.
    const bar = first.querySelector<HTMLElement>('[part~="progress-bar"]')!;
    const scale = new DOMMatrix(getComputedStyle(bar).transform).a;
    expect(scale).to.be.closeTo((video.currentTime - 2) / 6, 0.05);
    // Playing on into question 2: now question 1 is heard, and question 2 (playing) is not.
    await video.play();
    try {
      await waitFor(() => currentEntry(nav) === 1, 'question 2 playing', 8000);
    } finally {
      video.pause();
    }
    await nav.updateComplete;
    expect(nav.heardIndices).to.deep.equal([0]);
    expect(first.part.contains('heard')).to.equal(true);
    expect(first.textContent).to.contain('heard');
    expect(questionLinks(nav)[1]!.part.contains('heard')).to.equal(false);
  });

  it('GOOD: copy link on a question and on the moment give slug and time links, confirmed politely', async () => {
    const { nav, video } = await clipSetup();
    const copied = nextEvent(nav, 'cue-copy');
    await click(nav.shadowRoot!.querySelectorAll('[part~="copy-question"]')[1]!);
    const e = await copied;
    expect(e.detail.url).to.equal(`${location.href.split('#')[0]}#q=is-the-borrow-checker-hard`);
    const status = part(nav, 'copy-status');
    expect(status.getAttribute('aria-live')).to.equal('polite');
    if (e.detail.method !== 'manual') expect(status.textContent).to.contain('Link to question 2 copied');
    else expect(part<HTMLTextAreaElement>(nav, 'manual-copy-field').value).to.equal(e.detail.url);

    await seek(video, 12.34);
    await nav.updateComplete;
    const moment = nextEvent(nav, 'cue-copy');
    await click(part(nav, 'copy-moment'));
    expect((await moment).detail.url).to.match(/#t=12\.3$/);
  });
});

describe('<cue-chapters> with the demo media and media-chrome', () => {
  afterEach(releaseMouse);

  it('GOOD: the highlight moves across a question boundary during playback, with the transcript', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div></div>`);
    wrap.innerHTML = `<media-controller id="mc"><video id="dv" slot="media" src="${DEMO_MEDIA}" preload="auto" muted></video></media-controller>
      <cue-chapters mediacontroller="mc" transcript="dt" chapters="${DEMO_CHAPTERS}"></cue-chapters>
      <cue-transcript id="dt" mediacontroller="mc" src="${DEMO_VTT}" chapters="${DEMO_CHAPTERS}" style="height:200px"></cue-transcript>`;
    const nav = wrap.querySelector('cue-chapters')!;
    const transcript = wrap.querySelector('cue-transcript')!;
    const video = wrap.querySelector('video')!;
    await Promise.all([listed(nav), rendered(transcript)]);
    // Question 2 starts at 2:12.103.
    const boundary = 132.103;
    await playUntil(video, boundary - 0.6, () => video.currentTime > boundary + 0.3);
    await waitFor(() => currentEntry(nav) === 1, 'navigator on question 2');
    expect(activeQuestion(transcript)).to.equal(1);
    await seek(video, boundary - 0.3);
    await waitFor(() => currentEntry(nav) === 0, 'back on question 1 after a seek');
    expect(activeQuestion(transcript)).to.equal(0);
  });
});

describe('deep links', () => {
  const ready = (w: Window & typeof globalThis): boolean => {
    const nav = w.document.querySelector('cue-chapters');
    const video = w.document.querySelector('video');
    return !!nav?.shadowRoot?.querySelector('[part~="question"]') && !!video && video.readyState >= 1;
  };
  const frames: HTMLIFrameElement[] = [];
  afterEach(() => frames.splice(0).forEach((f) => f.remove()));

  const cases: [string, number, number][] = [
    ['#t=95', 95, 0],
    ['#t=1:35', 95, 0],
    ['#t=00:01:35.000', 95, 0],
    ['#q=5', 366.588, 4],
    ['#q=when-is-rust-not-the-right-choice-for-a-team-despite-all-its', 297.697, 3],
    ['#when-is-rust-not-the-right-choice-for-a-team-despite-all-its', 297.697, 3],
  ];
  for (const [hash, time, question] of cases) {
    it(`GOOD: opening the page with ${hash.slice(0, 40)} seeks to ${time} s without playing, transcript there`, async () => {
      const frame = await openPage(`/test/fixtures/player.html${hash}`, ready);
      frames.push(frame);
      const doc = frame.contentDocument!;
      const video = doc.querySelector('video')!;
      await waitFor(() => Math.abs(video.currentTime - time) < 0.05, `video at ${time}`);
      expect(video.paused).to.equal(true);
      const nav = doc.querySelector('cue-chapters')!;
      await waitFor(() => currentEntry(nav) === question, 'navigator on the question');
      const t = doc.querySelector('cue-transcript')!;
      await waitFor(() => activeQuestion(t) === question, 'transcript on the question');
      // The transcript scrolled to the moment: the cue spoken then is inside its scroll box.
      const box = t.shadowRoot!.querySelector('[part~="scroll-box"]')!.getBoundingClientRect();
      await waitFor(() => {
        const cue = t.shadowRoot!.querySelector('[aria-current="time"]') ?? t.shadowRoot!.querySelector(`[data-q="${question}"] [data-cue]`);
        const r = cue?.getBoundingClientRect();
        return r && r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
      }, 'cue scrolled into the transcript view');
    });
  }

  /** Whether `el` is wholly inside its window's viewport. */
  const inViewport = (el: Element): boolean => {
    const r = el.getBoundingClientRect();
    return r.top >= -1 && r.bottom <= el.ownerDocument.documentElement.clientHeight + 1;
  };

  it('GOOD: the message for a link that names no question is accessible', async () => {
    const url = location.href;
    history.replaceState(history.state, '', '#q=42');
    try {
      const { nav } = await clipSetup(`chapters="${TALK_CHAPTERS}" deep-links`);
      await waitFor(() => part(nav, 'link-status').textContent!.includes('42'), 'a message about question 42');
      await expect(nav).to.be.accessible();
    } finally {
      history.replaceState(history.state, '', url);
    }
  });

  it('GOOD: a deep link below the fold brings the player into view, on load and on hashchange', async () => {
    const frame = await openPage('/test/fixtures/player.html?below#q=3', ready);
    frames.push(frame);
    const w = frame.contentWindow!;
    const player = w.document.querySelector('media-controller')!;
    const video = w.document.querySelector('video')!;
    await waitFor(() => Math.abs(video.currentTime - 201.873) < 0.05, 'the link seeked to question 3');
    await waitFor(() => inViewport(player), 'the player scrolled into view (on load)', 10000);
    w.scrollTo(0, 0);
    await waitFor(() => !inViewport(player), 'scrolled back to the top');
    w.location.hash = '#t=95';
    await waitFor(() => Math.abs(video.currentTime - 95) < 0.05, 'hashchange: 95 s');
    await waitFor(() => inViewport(player), 'the player scrolled into view (on hashchange)', 10000);
    expect(video.paused).to.equal(true);
  });

  it('BAD: a link that names no question (#q=99, #q=bogus) says so politely, fires cue-error, and seeks nowhere', async () => {
    const frame = await openPage('/test/fixtures/player.html#q=99', ready);
    frames.push(frame);
    const w = frame.contentWindow!;
    const nav = w.document.querySelector('cue-chapters')!;
    const video = w.document.querySelector('video')!;
    const status = (): HTMLElement => part(nav, 'link-status');
    await waitFor(() => status().textContent!.includes('99'), 'a message about question 99');
    expect(status().getAttribute('role')).to.equal('status');
    expect(status().textContent).to.match(/not in this session/);
    const error = nextEvent(nav, 'cue-error');
    w.location.hash = '#q=bogus';
    const e = await error;
    expect(e.detail.source).to.equal('link');
    expect(e.detail.reason).to.equal('not-found');
    expect(e.detail.message).to.contain('bogus');
    await waitFor(() => status().textContent!.includes('bogus'), 'a message about "bogus"');
    expect(video.currentTime).to.equal(0);
    // Dismissed, it goes away; a link that lands clears it too.
    // A real click: the iframe's offset plus the button's place inside it.
    const f = frame.getBoundingClientRect();
    const b = part(nav, 'link-status-dismiss').getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(f.left + b.left + b.width / 2), Math.round(f.top + b.top + b.height / 2)] });
    await waitFor(() => status().textContent!.trim() === '' && status().getBoundingClientRect().height === 0, 'message dismissed');
    w.location.hash = '#q=nope';
    await waitFor(() => status().textContent!.includes('nope'), 'a message about "nope"');
    w.location.hash = '#q=3';
    await waitFor(() => Math.abs(video.currentTime - 201.873) < 0.05, 'a good link still lands');
    await waitFor(() => status().textContent!.trim() === '', 'the message cleared');
  });

  it('GOOD: hashchange jumps too; sync-url keeps the fragment on the question without adding history', async () => {
    const frame = await openPage('/test/fixtures/player.html?sync', ready);
    frames.push(frame);
    const w = frame.contentWindow!;
    const video = w.document.querySelector('video')!;
    w.location.hash = '#q=3';
    await waitFor(() => Math.abs(video.currentTime - 201.873) < 0.05, 'hashchange: question 3');
    const before = w.history.length;
    // Play across into question 4 (4:57.697): the URL follows by replaceState.
    await playUntil(video, 297.2, () => w.location.hash.startsWith('#q=when-is-rust'));
    expect(w.history.length).to.equal(before);
  });

  it('GOOD: a copied moment link opened in a new page lands at the same moment', async () => {
    const { nav, video } = await clipSetup();
    await seek(video, 6.4);
    await nav.updateComplete;
    const copied = nextEvent(nav, 'cue-copy');
    await click(part(nav, 'copy-moment'));
    const url = new URL((await copied).detail.url);
    expect(url.hash).to.equal('#t=6.4');
    const frame = await openPage(`/test/fixtures/player.html${url.hash}`, ready);
    frames.push(frame);
    const other = frame.contentDocument!.querySelector('video')!;
    await waitFor(() => Math.abs(other.currentTime - 6.4) < 0.05, 'lands at 6.4 s');
  });

  it('GOOD: a copied question link opened in a new page lands on that question', async () => {
    const frame = await openPage('/test/fixtures/player.html', ready);
    frames.push(frame);
    const nav = frame.contentDocument!.querySelector('cue-chapters')!;
    const copied = nextEvent(nav, 'cue-copy');
    nav.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="copy-question"]')[6]!.click();
    const url = new URL((await copied).detail.url);
    expect(url.hash).to.match(/^#q=how-does-rust/);
    const second = await openPage(`/test/fixtures/player.html${url.hash}`, ready);
    frames.push(second);
    const video = second.contentDocument!.querySelector('video')!;
    await waitFor(() => Math.abs(video.currentTime - 551.372) < 0.05, 'lands on question 7');
  });
});

describe('the demo page (transcript panel)', () => {
  it('GOOD: the seek bar\'s chapters, the navigator, the menu and the transcript agree, before and after a jump', async () => {
    const frame = await openPage('/demo/transcript.html', (w) => {
      const d = w.document;
      return d.querySelector('cue-chapters')?.shadowRoot?.querySelector('[part~="question"]') && (d.querySelector('cue-transcript') as CueTranscript | null)?.loadedTranscript;
    });
    const d = frame.contentDocument!;
    const video = d.querySelector('video')!;
    const track = [...video.textTracks].find((t) => t.kind === 'chapters')!;
    await waitFor(() => track.cues?.length, 'chapters track loaded');
    const bar = [...track.cues!].map((c) => c.startTime);
    const nav = d.querySelector('cue-chapters')!;
    const transcript = d.querySelector('cue-transcript')! as CueTranscript;
    const navStarts = questionLinks(nav).map((a) => a.querySelector('time')!.getAttribute('datetime'));
    expect(navStarts).to.deep.equal(bar.map((t) => `PT${Math.round(t * 1000) / 1000}S`));
    expect(transcript.loadedTranscript!.questions.map((q) => q.startTime)).to.deep.equal(bar);
    // Inside the frame, a click event (real pointer clicks are tested above, outside frames).
    questionLinks(nav)[9]!.click();
    await waitFor(() => currentEntry(nav) === 9 && activeQuestion(transcript) === 9, 'navigator and transcript on question 10');
    const menu = d.querySelector('cue-chapters-menu')!;
    await waitFor(() => menu.shadowRoot!.querySelector('[part~="button"]')!.textContent!.includes('Q 10/17'), 'menu on question 10');
    // The URL follows (the demo opts into sync-url).
    await waitFor(() => frame.contentWindow!.location.hash.startsWith('#q=rust-versus-go'), 'URL on question 10');
    frame.remove();
  });
});
