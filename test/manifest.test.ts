/**
 * The Custom Elements Manifest (what editors, docs and linters read) against what the elements really use.
 * `/custom-elements.json` is made afresh by the analyzer for each run (see web-test-runner.config.mjs),
 * so this checks the JSDoc as it is now. The elements are mounted and driven through their main states
 * (playing, a search, an open menu, a load error, problems in a file, an editor with audio, an export,
 * an alignment); what they render and dispatch meanwhile is recorded and compared with the manifest.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CSSResultOrNative, LitElement } from 'lit';
import 'media-chrome';
import '../src/index.js';
import '../src/editor.js';
import type { CueChaptersMenu } from '../src/elements/cue-chapters-menu/cue-chapters-menu.js';
import type { CueEditor } from '../src/elements/cue-editor/cue-editor.js';
import type { CueTranscript } from '../src/elements/cue-transcript/cue-transcript.js';
import { CLIP, TALK, TALK_CHAPTERS, click as clickAt, clickCue, metadata, rendered, seek, waitFor } from './elements/cue-transcript-helpers.js';
import { button, ready } from './elements/cue-editor-helpers.js';

/** Elements a page also uses on their own; a composite of them need not document their properties again. */
const PUBLIC_PIECES = ['cue-transcript', 'cue-chapters', 'cue-chapters-menu', 'cue-search-strip'];
const TAGS = ['cue-transcript', 'cue-article', 'cue-chapters', 'cue-chapters-menu', 'cue-search-strip', 'cue-editor', 'cue-editor-timeline', 'cue-editor-list', 'cue-player'];

interface Named {
  name: string;
}
interface Declaration {
  name: string;
  tagName?: string;
  customElement?: boolean;
  attributes?: Named[];
  cssParts?: Named[];
  cssProperties?: Named[];
  events?: Named[];
}
interface Manifest {
  modules: { path: string; declarations?: Declaration[] }[];
}

const names = (list: Named[] | undefined): string[] => [...new Set((list ?? []).map((x) => x.name))].sort();
const sorted = (set: Iterable<string>): string[] => [...new Set(set)].sort();
const missing = (used: Iterable<string>, documented: string[]): string[] => sorted(used).filter((x) => !documented.includes(x));

let manifest: Map<string, Declaration>;
/** Part names each element's shadow root showed. */
const parts = new Map<string, Set<string>>(TAGS.map((t) => [t, new Set()]));
/** Event types each element dispatched on itself. */
const events = new Map<string, Set<string>>(TAGS.map((t) => [t, new Set()]));
/** Our elements each element renders inside its shadow root (their custom properties reach in). */
const nested = new Map<string, Set<string>>(TAGS.map((t) => [t, new Set()]));

/** Records the parts of every Cueline element in `root`, and of those nested in their shadow roots. */
function collect(root: ParentNode = document): void {
  for (const el of root.querySelectorAll<HTMLElement>(TAGS.join(','))) {
    const tag = el.localName;
    const shadow = el.shadowRoot;
    if (!shadow) continue;
    for (const p of shadow.querySelectorAll('[part]')) for (const token of p.part) parts.get(tag)!.add(token);
    for (const inner of shadow.querySelectorAll(TAGS.join(','))) nested.get(tag)!.add(inner.localName);
    collect(shadow);
  }
}

/** `--cue-*` custom properties an element's own styles read (`var(--cue-…)`). */
function styleProperties(tag: string): Set<string> {
  const ctor = customElements.get(tag) as unknown as typeof LitElement;
  const text = (ctor.elementStyles as CSSResultOrNative[])
    .map((s) => (s instanceof CSSStyleSheet ? [...s.cssRules].map((r) => r.cssText).join('\n') : s.cssText))
    .join('\n');
  return new Set([...text.matchAll(/var\(\s*(--cue-[\w-]+)/g)].map((m) => m[1]!));
}

/** Brings `target` into the viewport, then clicks it for real. */
async function click(target: Element): Promise<void> {
  target.scrollIntoView({ block: 'center' });
  await new Promise((r) => requestAnimationFrame(r));
  await clickAt(target);
}

const realDispatch = EventTarget.prototype.dispatchEvent;

describe('Custom Elements Manifest', function () {
  this.timeout(180000);

  before(async () => {
    const res = await fetch('/custom-elements.json');
    expect(res.ok, 'custom-elements.json is served').to.equal(true);
    const json = (await res.json()) as Manifest;
    manifest = new Map();
    for (const m of json.modules) for (const d of m.declarations ?? []) if (d.tagName) manifest.set(d.tagName, d);

    EventTarget.prototype.dispatchEvent = function (this: EventTarget, event: Event): boolean {
      if (this instanceof HTMLElement && events.has(this.localName)) events.get(this.localName)!.add(event.type);
      return realDispatch.call(this, event);
    };

    // A player: media-chrome controller, the chapters menu in its bar, a transcript, chapters and a search strip.
    const page = await fixture<HTMLDivElement>(html`<div>
      <media-controller id="mc" style="width:480px;height:270px">
        <video slot="media" src=${CLIP} muted preload="auto" crossorigin="anonymous"><track kind="chapters" src=${TALK_CHAPTERS} default /></video>
        <media-control-bar><media-play-button></media-play-button><cue-chapters-menu></cue-chapters-menu></media-control-bar>
      </media-controller>
      <cue-chapters mediacontroller="mc" chapters=${TALK_CHAPTERS} transcript="t"></cue-chapters>
      <cue-transcript id="t" mediacontroller="mc" src=${TALK} chapters=${TALK_CHAPTERS}></cue-transcript>
      <cue-search-strip transcript="t"></cue-search-strip>
      <cue-article for="v" src=${TALK}><p>Welcome to the talk.</p></cue-article>
      <cue-transcript id="gone" src="/test/fixtures/no-such-file.vtt"></cue-transcript>
      <cue-transcript id="bad" src="/test/fixtures/bad-cues.vtt"></cue-transcript>
      <cue-player src=${CLIP} transcript=${TALK} chapters=${TALK_CHAPTERS} style="width:900px"></cue-player>
    </div>`);
    const transcript = page.querySelector<CueTranscript>('#t')!;
    const video = page.querySelector('video')!;
    const chapters = page.querySelector<HTMLElement>('cue-chapters')!;
    const menu = page.querySelector<CueChaptersMenu>('cue-chapters-menu')!;
    await rendered(transcript);
    await waitFor(() => page.querySelector('#gone')!.shadowRoot?.querySelector('[part~="error"]'), 'load error shown');
    await waitFor(() => page.querySelector('#bad')!.shadowRoot?.querySelector('[part~="problems"]'), 'problems shown');
    await waitFor(() => chapters.shadowRoot?.querySelector('[part~="question"]'), 'chapters listed');
    await metadata(video);
    const player = page.querySelector('cue-player')!;
    await waitFor(() => player.shadowRoot?.querySelector('[part]'), 'player rendered');
    collect();

    // Playing through the first question: active cue, paragraph, answer and question; heard marks; progress.
    await seek(video, 2);
    await video.play();
    await waitFor(() => video.currentTime > 8.3, 'played into the second question', 20000);
    video.pause();
    collect();

    // A click on a cue (cue-activate, then a seek request to the controller).
    transcript.scrollIntoView({ block: 'start' });
    const activated = new Promise((r) => transcript.addEventListener('cue-activate', r, { once: true }));
    await clickCue(transcript, 1);
    // A single click counts once it is clearly not the start of a double click.
    await activated;
    collect();

    // A search with results: the toolbar's parts and the strip's ticks.
    transcript.shadowRoot!.querySelector<HTMLInputElement>('[part~="search-input"]')!.focus();
    await sendKeys({ type: 'the' });
    await waitFor(() => page.querySelector('cue-search-strip')!.shadowRoot?.querySelector('[part~="tick"]'), 'search ticks');
    await sendKeys({ press: 'Enter' });
    collect();

    // The menu open, then a question chosen in the chapters list (cue-navigate, seek request).
    await click(menu.shadowRoot!.querySelector('[part~="button"]')!);
    await waitFor(() => menu.open, 'menu open');
    collect();
    await sendKeys({ press: 'Escape' });
    await click(chapters.shadowRoot!.querySelectorAll<HTMLElement>('[part~="question"]')[2]!);
    collect();
    page.remove();

    // The editor with a recording and its transcript: an edit, an export, an alignment.
    const editor = await fixture<CueEditor>(html`<cue-editor src=${CLIP} transcript=${TALK} chapters=${TALK_CHAPTERS} no-autosave></cue-editor>`);
    await ready(editor);
    collect();
    // A nudge on the timeline by key, a cue chosen in the list by click (both ask the editor by an intent event).
    const tl = editor.shadowRoot!.querySelector('cue-editor-timeline')!;
    tl.shadowRoot!.querySelector<HTMLElement>('[part~="boundary"][tabindex="0"]')!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await click(editor.shadowRoot!.querySelector('cue-editor-list')!.shadowRoot!.querySelectorAll('[part~="time"]')[2]!);
    collect();
    editor._run({ type: 'nudge', boundary: 2, delta: 0.1, linked: true });
    await click(button(editor, 'Export…'));
    await editor.updateComplete;
    collect();
    await editor.align();
    await editor.updateComplete;
    collect();
  });

  after(() => {
    EventTarget.prototype.dispatchEvent = realDispatch;
  });

  it('GOOD: lists every element, and only the registered ones', () => {
    expect(sorted(manifest.keys())).to.deep.equal(sorted(TAGS));
    for (const tag of TAGS) expect(customElements.get(tag), tag).to.be.a('function');
  });

  for (const tag of TAGS) {
    describe(`<${tag}>`, () => {
      it('GOOD: attributes are the ones the element observes, by their real names', () => {
        const observed = (customElements.get(tag) as unknown as { observedAttributes: string[] }).observedAttributes;
        expect(names(manifest.get(tag)!.attributes)).to.deep.equal(sorted(observed));
      });

      it('GOOD: every part it renders is documented, one entry per part', () => {
        const seen = parts.get(tag)!;
        expect(seen.size, 'parts seen').to.be.greaterThan(0);
        expect(missing(seen, names(manifest.get(tag)!.cssParts)), 'undocumented parts').to.deep.equal([]);
        for (const p of manifest.get(tag)!.cssParts ?? []) expect(p.name, 'a part name').to.match(/^[a-z][a-z0-9-]*$/);
      });

      it('GOOD: documents the --cue-* properties its styles and its inner elements read, and no others', () => {
        const used = new Set(styleProperties(tag));
        // <cue-player> composes public elements, each documenting its own properties (they inherit
        // through it); the editor's inner elements are its own and are documented with it.
        const own = (inner: string): boolean => tag !== 'cue-player' || !PUBLIC_PIECES.includes(inner);
        for (const inner of nested.get(tag)!) if (own(inner)) for (const p of styleProperties(inner)) used.add(p);
        const documented = names(manifest.get(tag)!.cssProperties);
        expect(missing(used, documented), 'undocumented custom properties').to.deep.equal([]);
        expect(missing(documented, sorted(used)), 'documented but unused').to.deep.equal([]);
      });

      it('GOOD: every event it dispatched is documented', () => {
        expect(missing(events.get(tag)!, names(manifest.get(tag)!.events)), 'undocumented events').to.deep.equal([]);
      });
    });
  }

  it('GOOD: the driven states reached the events the manifest promises for the player elements', () => {
    // So the comparison above is not vacuous: these were really dispatched.
    expect(sorted(events.get('cue-transcript')!)).to.include.members(['cue-load', 'cue-error', 'cue-change', 'cue-activate', 'cue-search', 'mediaseekrequest']);
    expect(sorted(events.get('cue-chapters')!)).to.include.members(['cue-navigate', 'mediaseekrequest']);
    expect(sorted(events.get('cue-editor')!)).to.include.members(['cue-open', 'cue-edit', 'cue-align']);
    expect(sorted(events.get('cue-editor-timeline')!)).to.include.members(['cue-edit-intent']);
    expect(sorted(events.get('cue-editor-list')!)).to.include.members(['cue-edit-intent']);
  });
});
