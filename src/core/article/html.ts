/**
 * A transcript as clean semantic HTML to paste into an article: question
 * headings, speaker labels where the speaker changes, one paragraph per
 * transcript paragraph. Every piece of text is escaped; nothing from the
 * files becomes markup. Pure: no DOM.
 */
import { askedAsTitled, type Transcript } from '../transcript/index.js';

/** Options for `transcriptToHtml`. */
export interface TranscriptHtmlOptions {
  /** Level (1-6) of the question headings. Default 2. */
  headingLevel?: number;
  /** Label the asker's paragraphs "Q." (as interviews are published) rather than with the asker's name. Default true. */
  questionMark?: boolean;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe inside an element or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/**
 * The transcript as HTML: `<h2 id="slug">` per question (its title), then its
 * paragraphs as `<p>`, each starting with `<strong>Speaker:</strong>` where
 * the speaker changes (the question as asked, when its words are not the
 * title's, with `<strong>Q.</strong>`). Paragraphs outside any question (an
 * introduction) come without a heading. Ends with a line break.
 */
export function transcriptToHtml(t: Transcript, options: TranscriptHtmlOptions = {}): string {
  const level = Math.min(6, Math.max(1, Math.round(options.headingLevel ?? 2)));
  const qMark = options.questionMark ?? true;
  const out: string[] = [];
  let question = -2;
  let speaker = '';
  for (const p of t.paragraphs) {
    if (p.question !== question) {
      question = p.question;
      speaker = '';
      const q = t.questions[question];
      if (q) out.push(`<h${level} id="${escapeHtml(q.slug)}">${escapeHtml(q.title)}</h${level}>`);
    }
    const q = t.questions[p.question];
    const asking = !!q && p.index < q.answerStart && q.answerStart > q.paragraphStart;
    if (asking && askedAsTitled(t, p.question)) continue;
    const text = t.cues
      .slice(p.cueStart, p.cueEnd)
      .map((c) => c.plainText.trim())
      .filter(Boolean)
      .join(' ');
    if (!text) continue;
    let label = '';
    if (asking && qMark) label = 'Q.';
    else if (p.speaker && p.speaker !== speaker) label = `${p.speaker}:`;
    speaker = p.speaker;
    out.push(`<p>${label ? `<strong>${escapeHtml(label)}</strong> ` : ''}${escapeHtml(text)}</p>`);
  }
  return out.join('\n') + '\n';
}
