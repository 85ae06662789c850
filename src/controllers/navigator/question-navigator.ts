import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { FragmentTarget } from '../../core/links.js';
import { isHeard, listenedBetween, nextQuestionIndex, previousQuestionIndex } from '../../core/navigation.js';
import { questionIndexAt, type Transcript } from '../../core/transcript/index.js';
import { nextQuestionChange } from '../../core/transcript/boundaries.js';
import { ChaptersSourceController, type ChaptersOrigin, type TranscriptHostLike } from './chapters-source.js';
import { DeepLinkController } from './deep-link.js';
import { IdRefController } from '../id-ref.js';
import { MediaBindingController } from '../media-binding.js';
import { QuestionKeysController } from './question-keys.js';

type Host = ReactiveControllerHost & HTMLElement;

/** Same slack as the transcript: a seek to a question's start may land a hair early. */
const SLACK = 0.001;

/** What a linked transcript may offer to be brought to a question (all optional: duck-typed). */
interface RevealableTranscript extends TranscriptHostLike {
  revealQuestion?(index: number): void;
  resumeFollow?(): void;
}

/** How the viewer asked to move. */
export type NavigateTrigger = 'list' | 'previous' | 'next' | 'keyboard' | 'menu' | 'deep-link';

export interface QuestionNavigatorOptions {
  /**
   * Per frame while playing, and on each seek: the host calls `update(time)`
   * and then updates what depends on time only (one hook, so the whole
   * per-frame cost can be timed at the host).
   */
  frame(time: number): void;
  /** The viewer asked to go to a question; return false to cancel (the host's cancelable event). */
  onNavigate(index: number, trigger: NavigateTrigger): boolean;
}

/**
 * Everything a question navigator does besides rendering: binds media like
 * `<cue-transcript>` (`for`, `mediacontroller`), loads the questions
 * (chapters URL, media chapters track, or a linked transcript), tracks the
 * question playing and the questions heard in this visit, moves between
 * questions (and brings a linked transcript along), listens for Shift+N /
 * Shift+P, and reads and writes deep links.
 */
export class QuestionNavigatorController implements ReactiveController {
  readonly #host: Host;
  readonly #options: QuestionNavigatorOptions;
  readonly #binding: MediaBindingController;
  readonly #transcriptRef: IdRefController<RevealableTranscript>;
  readonly #source: ChaptersSourceController;
  readonly #keys: QuestionKeysController;
  readonly deepLinks: DeepLinkController;
  #model: Transcript | null = null;
  #origin: ChaptersOrigin | null = null;
  #message = '';
  #chapters = '';
  #current = -1;
  #last = Number.NaN;
  #listened = new Float64Array(0);
  #heard: ReadonlySet<number> = new Set();

  constructor(host: Host, options: QuestionNavigatorOptions) {
    this.#host = host;
    this.#options = options;
    this.#binding = new MediaBindingController(host, {
      onTime: (time) => this.#options.frame(time),
      // Sleeps until the next question starts or ends (timeupdate keeps the heard count going between).
      nextChange: (time) => (this.#model ? nextQuestionChange(this.#model, time + SLACK) - SLACK : Number.POSITIVE_INFINITY),
      onMedia: () => this.#sync(),
    });
    this.#transcriptRef = new IdRefController<RevealableTranscript>(host, () => this.#sync());
    this.#source = new ChaptersSourceController(host, {
      onLoad: (model, origin) => this.#setModel(model, origin, ''),
      onEmpty: (message) => this.#setModel(null, null, message),
    });
    this.#keys = new QuestionKeysController(host, {
      previous: () => this.go(this.previousIndex, 'keyboard'),
      next: () => this.go(this.nextIndex, 'keyboard'),
    });
    this.deepLinks = new DeepLinkController(host, {
      go: (target) => this.#goTarget(target),
      player: () => this.#binding.controller ?? (this.#binding.media instanceof Element ? this.#binding.media : null),
      serves: (el) => el === this.#transcriptRef.element,
    });
    host.addController(this);
  }

  hostConnected(): void {}

  /** Sets the inputs from the host's attributes. */
  configure(input: { mediaId: string; controllerId: string; transcriptId: string; chapters: string; noKeys: boolean }): void {
    this.#binding.mediaId = input.mediaId;
    this.#binding.controllerId = input.controllerId;
    this.#transcriptRef.id = input.transcriptId;
    this.#keys.disabled = input.noKeys;
    if (input.chapters !== this.#chapters) {
      this.#chapters = input.chapters;
      this.#sync();
    }
  }

  /** media-chrome reported state: its media may have just been attached. */
  refresh(): void {
    this.#binding.refresh();
  }

  /** The questions shown (a chapters-only model, or the linked transcript's), or null. */
  get model(): Transcript | null {
    return this.#model;
  }

  get origin(): ChaptersOrigin | null {
    return this.#origin;
  }

  /** Why there are no questions, when loading failed; else ''. */
  get message(): string {
    return this.#message;
  }

  /** Media time, seconds (NaN before the first reading). */
  get time(): number {
    return this.#last;
  }

  /** Index of the question playing, or -1. */
  get current(): number {
    return this.#current;
  }

  /** Questions heard in this visit (indices): played long enough and then left, never the one playing. A new set whenever it changes. */
  get heard(): ReadonlySet<number> {
    return this.#heard;
  }

  get previousIndex(): number {
    return this.#model ? previousQuestionIndex(this.#model, this.#timeOrZero()) : -1;
  }

  get nextIndex(): number {
    return this.#model ? nextQuestionIndex(this.#model, this.#timeOrZero()) : -1;
  }

  /** The linked transcript element, or null. */
  get transcript(): HTMLElement | null {
    return this.#transcriptRef.element;
  }

  /** Goes to question `index` at the viewer's request: seeks (never plays) and brings the transcript to it. */
  go(index: number, trigger: NavigateTrigger): boolean {
    const q = this.#model?.questions[index];
    if (!q || !this.#options.onNavigate(index, trigger)) return false;
    this.#seek(q.startTime, index);
    return true;
  }

  #goTarget(target: FragmentTarget): boolean {
    if (target.time === null) return false;
    if (target.question !== null && !this.#options.onNavigate(target.question, 'deep-link')) return false;
    this.#seek(target.time, target.question ?? -1);
    return true;
  }

  #seek(time: number, question: number): void {
    this.#binding.seek(time);
    const t = this.#transcriptRef.element;
    if (!t) return;
    if (question >= 0 && typeof t.revealQuestion === 'function') t.revealQuestion(question);
    else t.resumeFollow?.();
  }

  #timeOrZero(): number {
    return Number.isNaN(this.#last) ? 0 : this.#last;
  }

  #sync(): void {
    this.#source.update({ chapters: this.#chapters, media: this.#binding.media, transcript: this.#transcriptRef.element });
    const controller = this.#binding.controller;
    this.#keys.scope([controller, this.#transcriptRef.element]);
  }

  #setModel(model: Transcript | null, origin: ChaptersOrigin | null, message: string): void {
    if (model === this.#model && message === this.#message) return;
    this.#model = model;
    this.#origin = origin;
    this.#message = message;
    this.#listened = new Float64Array(model?.questions.length ?? 0);
    this.#heard = new Set();
    this.#current = -2;
    this.deepLinks.setModel(model);
    this.#host.requestUpdate();
    this.update(this.#last, true);
    this.#binding.replan();
  }

  /** Whether the media is playing. */
  get playing(): boolean {
    const media = this.#binding.media;
    return !!media && !media.paused;
  }

  /** The media's playback rate (1 when unknown). */
  get rate(): number {
    const r = (this.#binding.media as { playbackRate?: number } | null)?.playbackRate;
    return typeof r === 'number' && r > 0 ? r : 1;
  }

  /**
   * Per frame: one binary search, a subtraction, and a host update only when
   * the question changes. Returns the question playing (-1 for none).
   */
  update(time: number, force = false): number {
    const model = this.#model;
    const previous = this.#last;
    this.#last = time;
    const current = model && !Number.isNaN(time) ? questionIndexAt(model, time + SLACK) : -1;
    const media = this.#binding.media;
    if (current >= 0 && model && !this.#heard.has(current)) {
      this.#listened[current] = (this.#listened[current] ?? 0) + (media && !media.paused ? listenedBetween(previous, time, this.rate) : 0);
    }
    // A question is heard once playback has left it (or the recording ended in it), never while it plays.
    const left = this.#current !== current ? this.#current : (media as { ended?: boolean } | null)?.ended ? current : -1;
    if (model && left >= 0 && !this.#heard.has(left) && isHeard(model.questions[left]!, this.#listened[left] ?? 0)) {
      this.#heard = new Set([...this.#heard, left]);
      this.#host.requestUpdate();
    }
    // The first reading (or losing it) enables "Copy link to this moment".
    if (Number.isNaN(previous) !== Number.isNaN(time)) this.#host.requestUpdate();
    if (current !== this.#current || force) {
      this.#current = current;
      this.deepLinks.follow(current);
      this.#host.requestUpdate();
    }
    return current;
  }
}
