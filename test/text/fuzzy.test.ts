import { allowedEdits, closestWord, compact, matchTypo, typoDistance } from '../../src/text/fuzzy';

describe('typoDistance', () => {
  it.each([
    ['now', 'now', 0],
    ['nwo', 'now', 1],
    ['muisc', 'music', 1],
    ['ab', 'ba', 1],
    // two swaps, or a swap of letters that are not neighbours, are plain Levenshtein
    ['abcd', 'badc', 3],
    ['abc', 'cba', 2],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
    ['a', 'b', 1],
  ])('%s → %s is %i', (a, b, d) => {
    expect(typoDistance(a, b)).toBe(d);
  });
});

describe('allowedEdits', () => {
  it.each([
    [0, 0],
    [3, 0],
    [4, 1],
    [6, 1],
    [7, 2],
    [20, 2],
  ])('%i letters allow %i edits', (length, edits) => {
    expect(allowedEdits(length)).toBe(edits);
  });
});

describe('compact', () => {
  it.each([
    ['Shop-now!', 'shopnow'],
    ['  Sign up  ', 'signup'],
    ['Music_123', 'music123'],
    ['Bücher', 'bcher'],
    ['', ''],
  ])('%j → %j', (text, out) => {
    expect(compact(text)).toBe(out);
  });
});

describe('matchTypo', () => {
  const labels = ['Learn more', 'Read more', 'Shop now', 'Sign up'];

  it('matches the closest candidate, as given, with its distance', () => {
    expect(matchTypo('shop nwo', labels)).toEqual({
      kind: 'match',
      candidate: 'Shop now',
      distance: 1,
    });
    expect(matchTypo('Learn more', labels)).toEqual({
      kind: 'match',
      candidate: 'Learn more',
      distance: 0,
    });
  });

  it('calls a typo ambiguous when two meanings are equally close', () => {
    expect(matchTypo('cart', ['card', 'care', 'cast'], { meaning: (c) => c })).toEqual({
      kind: 'ambiguous',
      candidates: ['card', 'care'],
    });
  });

  it('calls it ambiguous when the best changes the first letter and a rival one edit further keeps it', () => {
    // "lead more": Read more is 1 edit (l→r), Learn more 2, but keeps the first letter.
    expect(matchTypo('lead more', labels)).toEqual({
      kind: 'ambiguous',
      candidates: ['Read more', 'Learn more'],
    });
  });

  it('matches when the best keeps the first letter, though a rival is one edit further', () => {
    expect(matchTypo('shop nxw', ['Shop now', 'Shap nxx'])).toEqual({
      kind: 'match',
      candidate: 'Shop now',
      distance: 1,
    });
  });

  it('treats candidates of the same meaning as one choice', () => {
    expect(matchTypo('sigup', ['sign up', 'signup'])).toEqual({
      kind: 'match',
      candidate: 'sign up',
      distance: 1,
    });
    expect(
      matchTypo('colour', ['color', 'colours'], { meaning: () => 'the same thing' }),
    ).toMatchObject({ kind: 'match' });
  });

  it.each([
    ['too far', 'banana', labels, {}],
    ['under 4 letters takes no edit', 'shp', ['shop'], {}],
    ['nothing but punctuation', '!!!', labels, {}],
    ['no candidates', 'shop', [], {}],
    ['beyond maxEdits', 'shop nwo', labels, { maxEdits: 0 }],
  ])('finds nothing: %s', (_name, word, candidates, options) => {
    expect(matchTypo(word, candidates, options)).toBeNull();
  });

  it('lets maxEdits widen the reach of a short word', () => {
    expect(matchTypo('shp', ['shop'], { maxEdits: 1 })).toEqual({
      kind: 'match',
      candidate: 'shop',
      distance: 1,
    });
  });
});

describe('closestWord', () => {
  it.each([
    ['trafic', ['traffic', 'conversions'], 'traffic'],
    ['TRAFFIC', ['traffic', 'conversions'], 'traffic'],
    ['lead more', ['Learn more', 'Read more'], null],
    ['reach', ['traffic', 'conversions'], null],
  ])('%j among %j → %j', (word, candidates, out) => {
    expect(closestWord(word, candidates)).toBe(out);
  });
});
