import { html, svg, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

/** The transcript's text sizes, smallest first; `medium` is the page's own size. */
export const TEXT_SIZES = ['small', 'medium', 'large', 'x-large'] as const;
export type TextSize = (typeof TEXT_SIZES)[number];

const SIZE_LABELS: Record<TextSize, string> = { small: 'Smaller', medium: 'Default', large: 'Larger', 'x-large': 'Largest' };

/**
 * The `localStorage` key under which a viewer's own choices are kept for the whole site (every
 * transcript and player of the origin): JSON `{"follow": boolean, "textSize": TextSize}`, each field
 * present only once the viewer has chosen it.
 */
export const VIEWER_PREFS_KEY = 'cueline:viewer-prefs';

/** What the viewer chose; a missing field means "as the page says". */
export interface ViewerPrefs {
  follow?: boolean;
  textSize?: TextSize;
}

/** The site's storage, or null where it is blocked (a sandboxed frame, storage off): reading `localStorage` itself may throw. */
function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** The stored choices; `{}` when there are none, storage is blocked, or the record is not ours. */
export function readViewerPrefs(): ViewerPrefs {
  try {
    const raw = storage()?.getItem(VIEWER_PREFS_KEY);
    const data: unknown = raw ? JSON.parse(raw) : null;
    if (!data || typeof data !== 'object') return {};
    const { follow, textSize } = data as Record<string, unknown>;
    const prefs: ViewerPrefs = {};
    if (typeof follow === 'boolean') prefs.follow = follow;
    if (TEXT_SIZES.includes(textSize as TextSize)) prefs.textSize = textSize as TextSize;
    return prefs;
  } catch {
    return {};
  }
}

/** Keeps the choices; false when storage is blocked or full (they then last as long as the page). */
export function writeViewerPrefs(prefs: ViewerPrefs): boolean {
  try {
    const s = storage();
    if (!s) return false;
    s.setItem(VIEWER_PREFS_KEY, JSON.stringify(prefs));
    return true;
  } catch {
    return false;
  }
}

export interface ViewerPrefsOptions {
  /** The host's custom states, where the text size is shown (`:state(text-large)`). */
  states(): CustomStateSet | undefined;
  /** The viewer switched following on or off. */
  onFollow(on: boolean): void;
}

const gear = svg`<svg viewBox="0 0 24 24" width="1.2em" height="1.2em" aria-hidden="true" focusable="false"><path fill="currentColor" d="M19.4 13a7.6 7.6 0 0 0 0-2l2.1-1.6-2-3.5-2.5 1a7.4 7.4 0 0 0-1.7-1l-.4-2.7h-4l-.4 2.7a7.4 7.4 0 0 0-1.7 1l-2.5-1-2 3.5L4.6 11a7.6 7.6 0 0 0 0 2l-2.1 1.6 2 3.5 2.5-1c.5.4 1.1.7 1.7 1l.4 2.7h4l.4-2.7a7.4 7.4 0 0 0 1.7-1l2.5 1 2-3.5ZM12 15.5a3.5 3.5 0 1 1 0-7 3.5 3.5 0 0 1 0 7Z"/></svg>`;

/**
 * A viewer's own switches, as Able Player and YouTube give them: following the cue being spoken on or
 * off, and the transcript's text size, remembered for the site under `VIEWER_PREFS_KEY`. Read when the
 * host connects (so every new transcript, after a reload too, starts as the viewer left the last one);
 * a change is kept at once. Storage that is blocked or full never throws: the choice then lasts the page.
 *
 * The control is a disclosure (`<details>`) in the host's toolbar: a switch (`role="switch"`,
 * `aria-checked`) and a radio group of sizes. Escape, or focus leaving it, closes it.
 */
export class ViewerPrefsController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: ViewerPrefsOptions;
  #prefs: ViewerPrefs = {};

  constructor(host: ReactiveControllerHost & HTMLElement, options: ViewerPrefsOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    this.#prefs = readViewerPrefs();
    this.#showSize();
  }

  /** Following is off: by the viewer's own choice, else by the page's `no-follow`. */
  followOff(pageNoFollow: boolean): boolean {
    return this.#prefs.follow === undefined ? pageNoFollow : !this.#prefs.follow;
  }

  get textSize(): TextSize {
    return this.#prefs.textSize ?? 'medium';
  }

  /** Switches following on or off for this viewer (kept for the site). */
  setFollow(on: boolean): void {
    this.#prefs = { ...this.#prefs, follow: on };
    writeViewerPrefs(this.#prefs);
    this.#host.requestUpdate();
    this.#options.onFollow(on);
  }

  /** Sets the transcript's text size for this viewer (kept for the site). */
  setTextSize(size: TextSize): void {
    this.#prefs = { ...this.#prefs, textSize: size };
    writeViewerPrefs(this.#prefs);
    this.#showSize();
    this.#host.requestUpdate();
  }

  /** A custom state per size on the host: the styles scale the text from it, and a page can too. */
  #showSize(): void {
    const states = this.#options.states();
    if (!states) return;
    for (const s of TEXT_SIZES) {
      try {
        if (s === this.textSize) states.add(`text-${s}`);
        else states.delete(`text-${s}`);
      } catch {
        // A browser with the older dashed-ident states only: the text keeps its size.
      }
    }
  }

  readonly #onKeydown = (e: KeyboardEvent): void => {
    if (e.key !== 'Escape') return;
    const details = e.currentTarget as HTMLDetailsElement;
    if (!details.open) return;
    e.preventDefault();
    e.stopPropagation();
    details.open = false;
    details.querySelector('summary')?.focus();
  };

  readonly #onFocusOut = (e: FocusEvent): void => {
    const details = e.currentTarget as HTMLDetailsElement;
    const to = e.relatedTarget as Node | null;
    if (details.open && to && !details.contains(to)) details.open = false;
  };

  render(pageNoFollow: boolean): TemplateResult {
    const following = !this.followOff(pageNoFollow);
    const size = this.textSize;
    return html`<details part="settings" @keydown=${this.#onKeydown} @focusout=${this.#onFocusOut}>
      <summary part="settings-button" aria-label="Transcript settings" title="Transcript settings">${gear}</summary>
      <div part="settings-panel">
        <button part="follow-switch" type="button" role="switch" aria-checked=${following ? 'true' : 'false'} @click=${() => this.setFollow(!following)}>
          <span part="switch-track" aria-hidden="true"></span>Follow along
        </button>
        <fieldset part="text-size">
          <legend>Text size</legend>
          ${TEXT_SIZES.map(
            (s) => html`<label part="text-size-option"
              ><input type="radio" name="text-size" value=${s} .checked=${s === size} @change=${() => this.setTextSize(s)} />${SIZE_LABELS[s]}</label
            >`,
          )}
        </fieldset>
      </div>
    </details>`;
  }
}
