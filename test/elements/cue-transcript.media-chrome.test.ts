import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import 'media-chrome';
import '../../src/elements/cue-transcript/define.js';
import type { CueTranscript } from '../../src/elements/cue-transcript/cue-transcript.js';
import {
  CLIP,
  TALK,
  TALK_CHAPTERS,
  activeIndex,
  activeQuestion,
  clickCue,
  cueEl,
  metadata,
  nextEvent,
  releaseMouse,
  rendered,
  seek,
  waitFor,
} from './cue-transcript-helpers.js';

/**
 * A custom media element that is not a `<video>`: it wraps one in its shadow
 * root and exposes the HTMLMediaElement interface, like media-chrome's custom
 * media elements (`<hls-video>`, `<mux-video>`) do.
 */
class TestMediaElement extends HTMLElement {
  static readonly events = ['play', 'playing', 'pause', 'ended', 'seeking', 'seeked', 'timeupdate', 'loadedmetadata', 'durationchange', 'emptied', 'loadstart', 'volumechange', 'ratechange', 'loadeddata', 'canplay', 'waiting'];
  readonly video = document.createElement('video');

  constructor() {
    super();
    this.attachShadow({ mode: 'open' }).append(this.video);
    this.video.muted = true;
    this.video.preload = 'auto';
    // Media events do not bubble out of a shadow root: re-dispatch them from the host.
    for (const type of TestMediaElement.events) this.video.addEventListener(type, () => this.dispatchEvent(new Event(type)));
  }
  static get observedAttributes(): string[] {
    return ['src'];
  }
  attributeChangedCallback(_name: string, _old: string | null, value: string | null): void {
    if (value) this.video.src = value;
  }
  get currentTime(): number {
    return this.video.currentTime;
  }
  set currentTime(t: number) {
    this.video.currentTime = t;
  }
  get paused(): boolean {
    return this.video.paused;
  }
  get duration(): number {
    return this.video.duration;
  }
  get readyState(): number {
    return this.video.readyState;
  }
  get muted(): boolean {
    return this.video.muted;
  }
  set muted(m: boolean) {
    this.video.muted = m;
  }
  get volume(): number {
    return this.video.volume;
  }
  set volume(v: number) {
    this.video.volume = v;
  }
  play(): Promise<void> {
    return this.video.play();
  }
  pause(): void {
    this.video.pause();
  }
}
customElements.define('test-media-element', TestMediaElement);

afterEach(releaseMouse);

describe('<cue-transcript> inside a <media-controller>', function () {
  // Late in a full Firefox run, right after the 343k-cue test, Firefox has once held a key press of this file
  // unanswered past the runner's 20 s command limit (the browser busy, not the element wrong: the file passes
  // alone and in Chromium). One more try there; a real failure fails twice.
  if (navigator.userAgent.includes('Firefox')) this.retries(1);
  async function inside(): Promise<{ video: HTMLVideoElement; el: CueTranscript }> {
    const root = await fixture<HTMLDivElement>(html`<div>
      <media-controller style="display: block; width: 480px; height: 400px">
        <video slot="media" src=${CLIP} muted preload="auto"></video>
        <cue-transcript noautohide src=${TALK} chapters=${TALK_CHAPTERS} style="max-height: 300px; font-size: 12px"></cue-transcript>
      </media-controller>
    </div>`);
    const el = root.querySelector('cue-transcript')!;
    const video = root.querySelector('video')!;
    await rendered(el);
    await metadata(video);
    return { video, el };
  }

  it('GOOD: is accessible and receives media state from the controller', async () => {
    const { el } = await inside();
    await waitFor(() => el.mediaPaused === true && typeof el.mediaCurrentTime === 'number', 'media state received');
    await expect(el).to.be.accessible();
  });

  it("GOOD: follows the controller's media, and a click seeks through mediaseekrequest", async () => {
    const { video, el } = await inside();
    await seek(video, 4);
    await waitFor(() => activeIndex(el) === 2, 'cue 2');
    let requested = Number.NaN;
    el.addEventListener('mediaseekrequest', (e) => (requested = (e as CustomEvent<number>).detail));
    await clickCue(el, 5);
    await waitFor(() => requested === 8, 'a seek to 8 s requested');
    await waitFor(() => Math.abs(video.currentTime - 8) < 0.01, 'media-chrome seeked the video to 8 s');
    await waitFor(() => activeIndex(el) === 5 && activeQuestion(el) === 1, 'cue 5 in question 1');
  });

  it("GOOD: the controller's hotkeys leave the transcript's keys alone", async () => {
    const { video, el } = await inside();
    await waitFor(() => el.mediaPaused === true, 'linked');
    cueEl(el, 0).focus();
    const volume = video.volume;
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'ArrowRight' });
    expect(el.shadowRoot!.activeElement).to.equal(cueEl(el, 2));
    await new Promise((r) => setTimeout(r, 100));
    // ArrowRight would have seeked 10 s, ArrowUp/Down changed the volume.
    expect(video.currentTime).to.equal(0);
    expect(video.volume).to.equal(volume);
    await sendKeys({ press: ' ' });
    await waitFor(() => Math.abs(video.currentTime - 3.6) < 0.01, 'Space seeked to cue 2');
    await new Promise((r) => setTimeout(r, 100));
    // Space would have toggled play.
    expect(video.paused).to.equal(true);
  });

  it('GOOD: during playback the highlight moves per frame from the media, not at timeupdate pace', async () => {
    const { video, el } = await inside();
    await seek(video, 6.1);
    await waitFor(() => activeIndex(el) === 3, 'cue 3');
    const change = new Promise<number>((r) =>
      el.addEventListener('cue-change', (e) => e.detail.cueIndex === 4 && r(e.detail.time)),
    );
    await video.play();
    const time = await change;
    video.pause();
    expect(time).to.be.at.least(6.499);
    expect(time - 6.5).to.be.below(0.2);
  });
});

describe('<cue-transcript mediacontroller>', () => {
  it('GOOD: links to a controller by id, receives its state and seeks through it', async () => {
    const root = await fixture<HTMLDivElement>(html`<div>
      <media-controller id="mc" style="display: block; width: 160px; height: 90px">
        <video slot="media" src=${CLIP} muted preload="auto"></video>
      </media-controller>
      <cue-transcript mediacontroller="mc" src=${TALK} chapters=${TALK_CHAPTERS} style="max-height: 300px; font-size: 12px"></cue-transcript>
    </div>`);
    const el = root.querySelector('cue-transcript')!;
    const video = root.querySelector('video')!;
    await rendered(el);
    await metadata(video);
    await waitFor(() => el.mediaPaused === true && typeof el.mediaCurrentTime === 'number', 'state received by id');
    await seek(video, 10.5);
    await waitFor(() => activeIndex(el) === 6, 'cue 6');
    const activated = nextEvent(el, 'cue-activate');
    await clickCue(el, 3);
    await activated;
    await waitFor(() => Math.abs(video.currentTime - 5) < 0.01, 'seeked to 5 s through the controller');
    await waitFor(() => activeIndex(el) === 3, 'cue 3');
    // Unlinking stops the state: a seek of that video no longer reaches the transcript.
    el.mediaController = '';
    await el.updateComplete;
    await seek(video, 15);
    await new Promise((r) => setTimeout(r, 150));
    expect(activeIndex(el)).to.equal(3);
  });

  it('GOOD: media state properties alone drive the highlight', async () => {
    const el = await fixture<CueTranscript>(html`<cue-transcript src=${TALK}></cue-transcript>`);
    await rendered(el);
    el.mediaCurrentTime = 10.5;
    await el.updateComplete;
    expect(activeIndex(el)).to.equal(6);
  });
});

describe('<cue-transcript for> a custom media element', () => {
  it('GOOD: follows and seeks an element that only has the HTMLMediaElement interface', async () => {
    const root = await fixture<HTMLDivElement>(html`<div>
      <cue-transcript for="cm" src=${TALK} style="max-height: 300px; font-size: 12px"></cue-transcript>
      <test-media-element id="cm" src=${CLIP}></test-media-element>
    </div>`);
    const media = root.querySelector<TestMediaElement>('test-media-element')!;
    const el = root.querySelector('cue-transcript')!;
    await rendered(el);
    await metadata(media.video);
    await seek(media.video, 4);
    await waitFor(() => activeIndex(el) === 2, 'cue 2');
    await clickCue(el, 8);
    await waitFor(() => Math.abs(media.currentTime - 14) < 0.01, 'custom media seeked to 14 s');
    await seek(media.video, 6.1);
    await media.play();
    await waitFor(() => activeIndex(el) === 4, 'cue 4 while the custom media plays');
    media.pause();
  });
});
