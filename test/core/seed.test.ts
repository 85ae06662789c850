import { expect } from '@open-wc/testing';
import { activeCueIndex, buildTranscript, questionIndexAt } from '../../src/core/transcript/index.js';
import { parseWebVTT, serializeWebVTT } from '../../src/core/webvtt/index.js';

const load = async (path: string): Promise<string> => (await fetch(path)).text();

/** The questions as the source text asks them, in order. */
function sourceQuestions(source: string): string[] {
  const out: string[] = [];
  for (const line of source.split('\n')) {
    if (line.startsWith('Q. ')) out.push(line.slice(3).trim());
    const audience = /^A member of the audience asked: (.*)$/.exec(line);
    if (audience) out.push(audience[1]!.trim());
  }
  return out;
}

describe('the seed session', () => {
  let source = '';
  let transcriptText = '';
  let chaptersText = '';
  before(async () => {
    [source, transcriptText, chaptersText] = await Promise.all([
      load('/timings/source/try-rust-with-francesco-ciulla.txt'),
      load('/timings/try-rust-with-francesco-ciulla.vtt'),
      load('/timings/try-rust-with-francesco-ciulla.chapters.vtt'),
    ]);
  });

  it('GOOD: both files parse with zero errors', () => {
    expect(parseWebVTT(transcriptText).errors).to.deep.equal([]);
    expect(parseWebVTT(chaptersText).errors).to.deep.equal([]);
  });

  it("GOOD: the model finds the 17 questions in the source's order", () => {
    const t = buildTranscript(parseWebVTT(transcriptText).cues, parseWebVTT(chaptersText).cues);
    const expected = sourceQuestions(source);
    expect(expected).to.have.length(17);
    expect(t.questions.map((q) => q.title)).to.deep.equal(expected);
  });

  it('GOOD: each question is asked, then answered by Francesco Ciulla, in paragraphs', () => {
    const t = buildTranscript(parseWebVTT(transcriptText).cues, parseWebVTT(chaptersText).cues);
    expect(t.speakers).to.include.members(['Host', 'Interviewer', 'Audience member', 'Francesco Ciulla']);
    for (const q of t.questions) {
      expect(q.asker, q.title).to.equal(q.number === 17 ? 'Audience member' : 'Interviewer');
      expect(t.paragraphs[q.answerStart]!.speaker).to.equal('Francesco Ciulla');
      expect(q.paragraphEnd - q.answerStart, `answer paragraphs of question ${q.number}`).to.be.at.least(1);
    }
    // The source's answers have 1 to 4 paragraphs; the model keeps them.
    const q6 = t.questions[5]!;
    expect(q6.paragraphEnd - q6.answerStart).to.equal(4);
  });

  it('GOOD: lookups at known times land in the right question and cue', () => {
    const t = buildTranscript(parseWebVTT(transcriptText).cues, parseWebVTT(chaptersText).cues);
    const q5 = t.questions[4]!;
    expect(questionIndexAt(t, q5.startTime + 0.001)).to.equal(4);
    const first = t.cues[t.paragraphs[q5.paragraphStart]!.cueStart]!;
    expect(activeCueIndex(t, first.startTime + 0.01)).to.equal(first.index);
    expect(questionIndexAt(t, 1)).to.equal(-1);
  });
});

describe('the seed session written back', () => {
  for (const path of ['/timings/try-rust-with-francesco-ciulla.vtt', '/timings/try-rust-with-francesco-ciulla.chapters.vtt']) {
    it(`GOOD: serializeWebVTT(parseWebVTT(${path.split('/').pop()})) is byte-identical`, async () => {
      const text = await load(path);
      expect(serializeWebVTT(parseWebVTT(text))).to.equal(text);
    });
  }
});
