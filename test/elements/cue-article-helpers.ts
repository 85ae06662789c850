/** Shared helpers for the `<cue-article>` tests (not a test file itself). */
import { sendMouse } from '@web/test-runner-commands';
import type { CueArticle } from '../../src/elements/cue-article/cue-article.js';
import { waitFor } from './cue-transcript-helpers.js';

export const SEED_TEXT = '/timings/source/try-rust-with-francesco-ciulla.txt';

/** The published article as paragraphs built with DOM APIs: "Q." in `<strong>`, a heading for the title. */
export async function articleInto(el: HTMLElement): Promise<void> {
  const text = await (await fetch(SEED_TEXT)).text();
  const lines = text.split('\n').filter((l) => l.trim());
  lines.forEach((line, i) => {
    const p = document.createElement(i === 0 ? 'h1' : 'p');
    if (line.startsWith('Q. ')) {
      const q = document.createElement('strong');
      q.textContent = 'Q.';
      p.append(q, line.slice(2));
    } else p.textContent = line;
    el.append(p);
  });
}

/** The ranges a named highlight holds, as text. */
export function highlighted(name: string): string[] {
  const h = CSS.highlights.get(name);
  return h ? [...h].map((r) => (r instanceof Range ? r.toString() : new Range().toString())) : [];
}

export async function loaded(el: CueArticle): Promise<void> {
  await waitFor(() => el.loadedTranscript, 'article matched', 15000);
  await el.updateComplete;
}

/** The first client rect of the article text `[from, from + text.length)` found after `after`, for a real click. */
export function textRect(el: HTMLElement, text: string): DOMRect {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    const i = n.data.indexOf(text);
    if (i < 0) continue;
    const r = new Range();
    r.setStart(n, i);
    r.setEnd(n, i + text.length);
    return r.getClientRects()[0]!;
  }
  throw new Error(`"${text}" is not in the article`);
}

/** Scrolls the page so `text` is in view, then clicks its middle for real. */
export async function clickText(el: HTMLElement, text: string): Promise<void> {
  let r = textRect(el, text);
  if (r.top < 40 || r.bottom > innerHeight - 40) {
    scrollTo({ top: scrollY + r.top - innerHeight / 3, behavior: 'instant' });
    await new Promise((res) => requestAnimationFrame(res));
    r = textRect(el, text);
  }
  await sendMouse({ type: 'click', position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)] });
}
