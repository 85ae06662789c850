import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface QuestionKeysOptions {
  previous(): void;
  next(): void;
}

/**
 * Shift+N / Shift+P: next and previous question. Listened for only on the
 * elements the navigator works with (itself, its `<media-controller>`, its
 * transcript), never on the whole page. media-chrome's own hotkeys are
 * lower-case letters, arrows, space, `<`, `>` and `?`, so upper-case N and P
 * leave them alone. A key already handled (`defaultPrevented`) is skipped,
 * so two navigators on one player move once.
 */
export class QuestionKeysController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: QuestionKeysOptions;
  #scopes: readonly (EventTarget | null)[] = [];
  #abort: AbortController | null = null;
  #connected = false;
  /** Turns the shortcuts off. */
  disabled = false;

  /** The keys, in media-chrome's `keysUsed` form. */
  static readonly keys = ['N', 'P'];

  constructor(host: ReactiveControllerHost & HTMLElement, options: QuestionKeysOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** Sets the other elements to listen on (the host is always one). */
  scope(targets: readonly (EventTarget | null)[]): void {
    if (targets.length === this.#scopes.length && targets.every((t, i) => t === this.#scopes[i])) return;
    this.#scopes = targets;
    if (this.#connected) this.#listen();
  }

  hostConnected(): void {
    this.#connected = true;
    this.#listen();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#abort?.abort();
    this.#abort = null;
  }

  #listen(): void {
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    const targets = new Set<EventTarget>([this.#host]);
    for (const t of this.#scopes) if (t) targets.add(t);
    for (const t of targets) t.addEventListener('keydown', this.#onKeydown as EventListener, { signal: abort.signal });
  }

  readonly #onKeydown = (e: KeyboardEvent): void => {
    if (this.disabled || e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || !e.shiftKey) return;
    if (e.key !== 'N' && e.key !== 'P') return;
    if (isEditable(e.composedPath()[0])) return;
    e.preventDefault();
    if (e.key === 'N') this.#options.next();
    else this.#options.previous();
  };
}

function isEditable(target: EventTarget | undefined): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'range', 'submit', 'reset'].includes(target.type);
}
