import { looksLikeMediaId, splitMediaIds } from '../../../src/engine/media/media-ids';

describe('looksLikeMediaId', () => {
  it.each([
    'img_summer_1',
    'v10033g50000c4s4dpbc77u7ttle1f60',
    'ad-site-i18n-sg/202203285d0de5c8',
    '1234567',
  ])('%s may be an id', (token) => {
    expect(looksLikeMediaId(token)).toBe(true);
  });

  it.each(['first', 'library', 'two', '1', '3', '12345', 'ab', '-img_1', `a1${'x'.repeat(199)}`])(
    '%s is not an id',
    (token) => {
      expect(looksLikeMediaId(token)).toBe(false);
    },
  );
});

describe('splitMediaIds', () => {
  it('keeps ids and words apart, in order, once each, ignoring blanks', () => {
    expect(splitMediaIds([' img_1 ', 'first', 'img_2', 'img_1', '', 'first', 'beach'])).toEqual({
      ids: ['img_1', 'img_2'],
      words: ['first', 'beach'],
    });
  });
});
