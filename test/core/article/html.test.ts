import { expect } from '@open-wc/testing';
import { escapeHtml, matchArticle, transcriptToHtml } from '../../../src/core/article/index.js';
import { buildTranscript } from '../../../src/core/transcript/index.js';
import { parseWebVTT } from '../../../src/core/webvtt/index.js';

const load = async (path: string): Promise<string> => (await fetch(path)).text();

describe('core/article: transcript to HTML', () => {
  it('BAD: text from the files never becomes markup', () => {
    const vtt = 'WEBVTT\n\na\n00:00:01.000 --> 00:00:02.000\n<v A&B "x">1 &lt; 2 &amp; <b>bold</b> &lt;script&gt;alert(1)&lt;/script&gt;\n';
    const chapters = 'WEBVTT\n\nq1\n00:00:00.000 --> 00:00:05.000\n&lt;img src=x onerror=alert(1)&gt; & "quotes"\n';
    const out = transcriptToHtml(buildTranscript(parseWebVTT(vtt).cues, parseWebVTT(chapters).cues));
    expect(out).not.to.include('<script');
    expect(out).not.to.include('<img');
    expect(out).to.include('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out).to.include('<strong>A&amp;B &quot;x&quot;:</strong>');
    expect(out).to.include('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;</h2>');
    const doc = new DOMParser().parseFromString(out, 'text/html');
    expect(doc.querySelectorAll('script, img, b').length).to.equal(0);
    expect(escapeHtml(`<>&"'`)).to.equal('&lt;&gt;&amp;&quot;&#39;');
  });

  it('GOOD: the seed as HTML: a heading per question, labels where the speaker changes, and every cue matches it back', async () => {
    const [vtt, chapters] = await Promise.all([load('/timings/try-rust-with-francesco-ciulla.vtt'), load('/timings/try-rust-with-francesco-ciulla.chapters.vtt')]);
    const t = buildTranscript(parseWebVTT(vtt).cues, parseWebVTT(chapters).cues);
    const out = transcriptToHtml(t, { headingLevel: 3 });
    const doc = new DOMParser().parseFromString(out, 'text/html');
    const headings = [...doc.querySelectorAll('h3')];
    expect(headings.map((h) => h.textContent)).to.deep.equal(t.questions.map((q) => q.title));
    expect(headings.map((h) => h.id)).to.deep.equal(t.questions.map((q) => q.slug));
    expect(doc.querySelector('h3 + p strong')!.textContent).to.equal('Francesco Ciulla:');
    // Matched back as an article: every cue placed.
    const blocks: { start: number; end: number }[] = [];
    let text = '';
    for (const el of doc.body.children) {
      if (text) text += '\n';
      blocks.push({ start: text.length, end: text.length + el.textContent!.length });
      text += el.textContent;
    }
    const m = matchArticle({ text, blocks }, t.cues.map((c) => ({ id: c.id, text: c.plainText, startTime: c.startTime, endTime: c.endTime })));
    expect(m.cues.filter((c) => !c.ranges.length).length).to.equal(0);
  });
});
