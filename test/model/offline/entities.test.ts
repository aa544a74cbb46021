import {
  findAmounts,
  findMediaIds,
  findMusicIds,
  findQuotes,
  findUrls,
} from '../../../src/model/offline/entities';

const values = <T>(spans: Array<{ value: T }>) => spans.map((s) => s.value);

describe('findUrls', () => {
  it('finds https, www and bare addresses, without trailing punctuation or a closing bracket', () => {
    expect(findUrls('see https://shop.example.com/sale; now')).toEqual([
      { start: 4, end: 33, value: 'https://shop.example.com/sale' },
    ]);
    expect(values(findUrls('visit www.a.com.'))).toEqual(['www.a.com']);
    expect(values(findUrls('(shop.example.store)'))).toEqual(['shop.example.store']);
  });

  it('takes a look-alike international domain whole', () => {
    expect(values(findUrls('bооts.example.com/x'))).toEqual(['bооts.example.com/x']);
  });

  it('takes other schemes so the landing page rule can refuse them by name', () => {
    expect(values(findUrls('go to javascript:alert(1)'))).toEqual(['javascript:alert(1']);
    expect(values(findUrls('ftp://files.example.com/a'))).toEqual(['ftp://files.example.com/a']);
  });

  it('does not take the domain of an e-mail address', () => {
    expect(findUrls('mail a@b.com')).toEqual([]);
  });
});

describe('findMusicIds', () => {
  it('finds music_ ids and numbered music, track or song ids', () => {
    expect(findMusicIds('use music_pop_2024')).toEqual([
      { start: 4, end: 18, value: 'music_pop_2024' },
    ]);
    expect(values(findMusicIds('music id 7123456'))).toEqual(['7123456']);
    expect(values(findMusicIds('song #123'))).toEqual(['123']);
  });

  it('needs at least three digits', () => {
    expect(findMusicIds('music 12')).toEqual([]);
  });
});

describe('findMediaIds', () => {
  it("finds the emulator's and TikTok's library id formats, each whole", () => {
    expect(findMediaIds('img_summer_1 and vid_intro-2')).toEqual([
      { start: 0, end: 12, value: 'img_summer_1' },
      { start: 17, end: 28, value: 'vid_intro-2' },
    ]);
    expect(values(findMediaIds('ad-site-i18n-sg/202203285d0de5c8 ok'))).toEqual([
      'ad-site-i18n-sg/202203285d0de5c8',
    ]);
    expect(values(findMediaIds('v10033g50000c4s4dpbc77u7ttle1f60'))).toEqual([
      'v10033g50000c4s4dpbc77u7ttle1f60',
    ]);
  });

  it('does not take an id glued to a path', () => {
    expect(findMediaIds('xx/img_1')).toEqual([]);
  });
});

describe('findQuotes', () => {
  it('finds straight and curly quotes; the span covers the quotes, the value is inside', () => {
    expect(findQuotes('name "Big Sale" and text “Hi there”')).toEqual([
      { start: 5, end: 15, value: 'Big Sale' },
      { start: 25, end: 35, value: 'Hi there' },
    ]);
  });

  it("does not read apostrophes in it's or o'clock as quotes", () => {
    expect(values(findQuotes("it's o'clock 'quoted' yes"))).toEqual(['quoted']);
    expect(values(findQuotes("text: 'Joe's shop' ok"))).toEqual(["Joe's shop"]);
  });
});

describe('findAmounts', () => {
  it.each([
    ['budget $50 a day', 7, 10, { value: 50, currency: true, period: 'daily' }],
    ['1,200 USD in total', 0, 5, { value: 1200, currency: true, period: 'total' }],
    ['1.2k', 0, 4, { value: 1200, currency: false, period: null }],
    ['daily budget of 40', 16, 18, { value: 40, currency: false, period: 'daily' }],
    ['seventy five dollars per day', 0, 12, { value: 75, currency: true, period: 'daily' }],
    ['one hundred and twenty bucks', 0, 22, { value: 120, currency: true, period: null }],
  ])('%s', (text, start, end, amount) => {
    expect(findAmounts(text)).toEqual([{ start, end, value: amount }]);
  });

  it('skips percentages and digits inside words', () => {
    expect(findAmounts('50% off')).toEqual([]);
    expect(findAmounts('a1 b2')).toEqual([]);
  });

  it('gives several amounts in order', () => {
    expect(findAmounts('between 20 and $30').map((s) => s.value.value)).toEqual([20, 30]);
  });
});
