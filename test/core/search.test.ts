import { expect } from '@open-wc/testing';
import { createSearchIndex, foldText, searchTranscript } from '../../src/core/search.js';

describe('searchTranscript', () => {
  const texts = ['Rust is fast.', 'Crème brûlée with RUST.', 'Google’s team', '', 'rust rust'];
  const index = createSearchIndex(texts);
  const cases: [string, string, [number, number, number][]][] = [
    ['GOOD: ignores case', 'rust', [[0, 0, 4], [1, 18, 22], [4, 0, 4], [4, 5, 9]]],
    ['GOOD: ignores diacritics in the text', 'creme brulee', [[1, 0, 12]]],
    ['GOOD: ignores diacritics in the query', 'BRÛLÉE', [[1, 6, 12]]],
    ['GOOD: curly and straight apostrophes match', "google's", [[2, 0, 8]]],
    ['GOOD: surrounding whitespace ignored, inner whitespace collapsed', '  is   fast ', [[0, 5, 12]]],
    ['GOOD: a match never spans two cues', 'fast. crème', []],
    ['BAD: empty query', '   ', []],
    ['BAD: no match', 'golang', []],
  ];
  for (const [name, query, expected] of cases) {
    it(`${name}: ${JSON.stringify(query)}`, () => {
      expect(searchTranscript(index, query).map((m) => [m.cue, m.start, m.end])).to.deep.equal(expected);
    });
  }

  it('GOOD: offsets point at the original text, including where folding changes length', () => {
    const idx = createSearchIndex(['ﬁne ﬁsh', 'Ｉ ok']);
    const [m] = searchTranscript(idx, 'fish');
    expect(m).to.deep.equal({ cue: 0, start: 4, end: 7 });
    expect('ﬁne ﬁsh'.slice(m!.start, m!.end)).to.equal('ﬁsh');
  });

  it('GOOD: limit caps the matches', () => {
    expect(searchTranscript(index, 'rust', 2)).to.have.length(2);
  });

  it('GOOD: folding', () => {
    expect(foldText('Ça Déjà “Vu”')).to.equal('ca deja "vu"');
  });

  it('GOOD: empty index', () => {
    expect(searchTranscript(createSearchIndex([]), 'a')).to.deep.equal([]);
  });
});
