import { expect } from '@open-wc/testing';
import { labelAt, matchArticle, tokenize, type ArticleCueInput } from '../../../src/core/article/index.js';
import { EditedArticle, linesAsBlocks, loadSeed, score } from './fixtures.js';

const cue = (id: string, text: string, startTime: number, timed?: { time: number; offset: number }[]): ArticleCueInput => ({
  id,
  text,
  startTime,
  endTime: startTime + 1,
  ...(timed ? { timed } : {}),
});

/** The article text of each cue's ranges, joined. */
const placed = (text: string, ranges: readonly { start: number; end: number }[]): string => ranges.map((r) => text.slice(r.start, r.end)).join(' | ');

describe('core/article: words and labels', () => {
  it('GOOD: folds case, punctuation, typographic quotes and diacritics; dashes split words', () => {
    expect(tokenize('“Don’t” — Café, RUST-based 2026!').map((w) => w.norm)).to.deep.equal(['dont', 'cafe', 'rustbased', '2026']);
    expect(tokenize('one--two').map((w) => w.norm)).to.deep.equal(['one', 'two']);
  });

  it('GOOD: a word keeps its own punctuation in its range', () => {
    const t = 'He said, “yes.”';
    expect(tokenize(t).map((w) => t.slice(w.start, w.end))).to.deep.equal(['He', 'said,', '“yes.”']);
  });

  it('GOOD: labels at the start of a block: Q., speaker names, "asked:"', () => {
    const at = (s: string): string | null => {
      const l = labelAt(s, 0, s.length);
      return l ? s.slice(l.start, l.end) : null;
    };
    expect(at('Q. What does Rust adoption look like?')).to.equal('Q. ');
    expect(at('Francesco Ciulla: Rust has been growing')).to.equal('Francesco Ciulla: ');
    expect(at('A member of the audience asked: With the state')).to.equal('A member of the audience asked: ');
  });

  it('BAD: a sentence that merely contains a colon later is no label', () => {
    expect(labelAt('Rust has been voted the most loved language year after year, and here is why: it works', 0, 80)).to.equal(null);
    expect(labelAt('Quite so.', 0, 9)).to.equal(null);
  });
});

describe('core/article: matching small cases', () => {
  it('GOOD: a cue split over two paragraphs becomes two ranges, one per block', () => {
    const text = 'Alpha beta gamma.\nDelta epsilon zeta.';
    const m = matchArticle(linesAsBlocks(text), [cue('a', 'Alpha beta gamma. Delta epsilon zeta.', 0)]);
    expect(placed(text, m.cues[0]!.ranges)).to.equal('Alpha beta gamma. | Delta epsilon zeta.');
    expect(m.unmatched).to.deep.equal([]);
  });

  it('GOOD: two cues merged into one paragraph stay two ranges; the label is no part of either', () => {
    const text = 'Francesco Ciulla: First thing here. Second thing there.';
    const m = matchArticle(linesAsBlocks(text), [cue('a', 'First thing here.', 0), cue('b', 'Second thing there.', 1)]);
    expect(m.cues.map((c) => placed(text, c.ranges))).to.deep.equal(['First thing here.', 'Second thing there.']);
    expect(m.labels.map((l) => text.slice(l.start, l.end))).to.deep.equal(['Francesco Ciulla: ']);
    expect(m.coveredWords).to.equal(m.articleWords);
  });

  it('GOOD: a word edited for readability is inside its cue; article text no cue says is reported', () => {
    const text = 'We gonna ship it today. An editor added this line. Then we rest.';
    const cues = [cue('a', 'We are going to ship it today.', 0), cue('b', 'Then we rest.', 5)];
    const m = matchArticle(linesAsBlocks(text), cues);
    expect(placed(text, m.cues[0]!.ranges)).to.equal('We gonna ship it today.');
    const extra = m.unmatched.filter((u) => u.side === 'article');
    expect(extra.map((u) => u.text)).to.deep.equal(['An editor added this line.']);
    expect(extra[0]!.cueId).to.equal('a');
  });

  it('GOOD: a cue the article cut is reported with its id and the article text around where it was', () => {
    const text = 'One two three four. Nine ten eleven twelve.';
    const cues = [cue('a', 'One two three four.', 0), cue('b', 'Five six seven eight.', 2), cue('c', 'Nine ten eleven twelve.', 4)];
    const m = matchArticle(linesAsBlocks(text), cues);
    expect(m.cues[1]!.ranges).to.deep.equal([]);
    const [u] = m.unmatched;
    expect(u).to.include({ side: 'cue', cue: 1, cueId: 'b', text: 'Five six seven eight.' });
    expect(u!.before.endsWith('four.')).to.equal(true);
    expect(u!.after.startsWith(' Nine')).to.equal(true);
  });

  it('GOOD: inline word times become word ranges of the article', () => {
    const text = 'Rust is “fast” and safe.';
    const t = 'Rust is fast and safe.';
    const m = matchArticle(linesAsBlocks(text), [cue('a', t, 10, [{ time: 10.5, offset: t.indexOf('fast') }, { time: 11, offset: t.indexOf('and') }])]);
    expect(m.cues[0]!.words.map((w) => [w.time, text.slice(w.start, w.end)])).to.deep.equal([
      [10, 'Rust is'],
      [10.5, '“fast”'],
      [11, 'and safe.'],
    ]);
  });

  it('BAD: a stray common word elsewhere does not place a cue the article lacks', () => {
    const text = 'The cat sat on the mat all afternoon long.';
    const m = matchArticle(linesAsBlocks(text), [cue('x', 'Completely different words about the weather tomorrow morning.', 0)]);
    expect(m.cues[0]!.ranges).to.deep.equal([]);
    expect(m.unmatched.map((u) => u.side)).to.deep.equal(['cue', 'article']);
  });
});

describe('core/article: the seed session', () => {
  let article = '';
  let cues: ArticleCueInput[] = [];
  before(async () => ({ article, cues } = await loadSeed()));

  it('GOOD: every cue of the seed timings is placed exactly on its text in the published article', () => {
    const m = matchArticle(linesAsBlocks(article), cues);
    const truth = new EditedArticle(article, cues).truth;
    const s = score(m, truth, 0);
    console.log(`seed: ${JSON.stringify(s)} of ${cues.length} cues`);
    expect(s).to.deep.equal({ matched: cues.length, missed: 0, unmatched: 0, wrong: 0, wrongCues: [] });
    m.cues.forEach((c, k) => expect(placed(article, c.ranges).replace(' | ', ' ')).to.equal(cues[k]!.text.trim()));
    // The only article text no cue says: the line pointing to the recording, and the labels.
    expect(m.unmatched.map((u) => u.text)).to.deep.equal(['You can read or watch the full conversation here:']);
    expect(m.labels.length).to.equal(34);
  });

  it('GOOD: an edited copy (rephrased, cut, added, split, merged, quotes, dashes, labels): no cue misplaced', () => {
    const e = new EditedArticle(article, cues);
    const idx = (id: string): number => cues.findIndex((c) => c.id === id);
    // Words rephrased.
    e.inCue(idx('q01-p2-s1'), 'growing a lot', 'expanding rapidly');
    e.inCue(idx('q02-p2-s1'), 'As with every new technology', 'Like any new tech');
    e.inCue(idx('q03-p2-s1'), 'deliberately provocative', 'intentionally cheeky');
    // Sentences cut from the article, and added to it.
    const cut = ['q01-p3-s5', 'q04-p2-s2', 'q06-p3-s1'].map(idx);
    for (const k of cut) e.cut(k);
    e.addAfter(idx('q02-p2-s2'), 'Editor’s note: Francesco later expanded on this in his book.');
    e.addAfter(idx('q05-p2-s1'), 'We have shortened this answer slightly for length.');
    // Paragraphs split and merged.
    e.splitAfter(idx('q01-p3-s2'));
    e.mergeAfter(idx('q02-p2-s5'));
    // Labels, smart quotes and dashes.
    e.inCue(idx('q03-p2-s1'), 'Rust Is Hard to Learn', '“Rust Is Hard to Learn”');
    e.inCue(idx('q01-p3-s1'), ', and like', ' — and like');
    e.replace(e.text.indexOf('Francesco Ciulla:'), e.text.indexOf('Francesco Ciulla:') + 17, 'FRANCESCO CIULLA:');
    const m = matchArticle(linesAsBlocks(e.text), cues);
    const s = score(m, e.truth);
    console.log(`edited: ${JSON.stringify(s)} of ${cues.length} cues`);
    expect(s.wrong).to.equal(0);
    expect(s.unmatched).to.equal(cut.length);
    expect(s.missed).to.equal(0);
    expect(m.unmatched.filter((u) => u.side === 'cue' && u.text === cues[u.cue]!.text.trim()).map((u) => u.cue)).to.deep.equal(cut);
    const added = m.unmatched.filter((u) => u.side === 'article').map((u) => u.text);
    expect(added).to.include('Editor’s note: Francesco later expanded on this in his book.');
    expect(added).to.include('We have shortened this answer slightly for length.');
    // A rephrased cue covers its edited words.
    expect(placed(e.text, m.cues[idx('q02-p2-s1')]!.ranges)).to.equal('Like any new tech, the problem is not the technology itself.');
  });

  it('GOOD: heavier edits (every 7th cue rephrased, every 23rd cut, a sentence added to every 5th paragraph)', () => {
    const e = new EditedArticle(article, cues);
    const cut: number[] = [];
    cues.forEach((c, k) => {
      if (k % 23 === 11) {
        e.cut(k);
        cut.push(k);
      } else if (k % 7 === 3) {
        const words = c.text.trim().split(' ');
        if (words.length > 4) e.inCue(k, words[2]!, words[2]!.toUpperCase() === words[2] ? 'really' : 'truly');
      }
    });
    let p = 0;
    cues.forEach((_, k) => {
      const t = e.truth[k];
      if (t && e.text[t.end] === '\n' && p++ % 5 === 0) e.addAfter(k, 'This remark was added when the transcript was edited.');
    });
    const m = matchArticle(linesAsBlocks(e.text), cues);
    const s = score(m, e.truth);
    console.log(`heavily edited: ${JSON.stringify(s)} of ${cues.length} cues`);
    for (const k of s.wrongCues) console.log(k, JSON.stringify(cues[k]!.text), '->', JSON.stringify(placed(e.text, m.cues[k]!.ranges)), e.truth[k]);
    expect(s.wrong).to.equal(0);
    expect(s.unmatched).to.equal(cut.length);
    expect(s.missed).to.equal(0);
    expect(m.unmatched.filter((u) => u.side === 'article' && u.text.startsWith('This remark')).length).to.be.greaterThan(5);
  });

  it('GOOD: the cues against a different article: nothing is placed', () => {
    const other = 'Baking bread at home needs flour, water, salt and patience.\nKnead the dough for ten minutes, then let it rest overnight.';
    const m = matchArticle(linesAsBlocks(other), cues);
    expect(m.cues.filter((c) => c.ranges.length).length).to.be.lessThan(3);
  });
});
