import {
  callToActionWords,
  isMediaReference,
  readBudget,
  readCallToAction,
  readMedia,
  readMusic,
  readName,
  readObjective,
  readUrl,
} from '../../../src/model/offline/values';

describe('readObjective', () => {
  it.each([
    ['traffic', { value: 'traffic', at: 0, end: 7 }],
    ['conversions', { value: 'conversions', at: 0, end: 11 }],
    ['more sales', { value: 'conversions', at: 5, end: 10 }],
    ['app installs', { value: 'app installs', at: 0, end: 12 }],
  ])('%s', (text, goal) => expect(readObjective(text, false)).toEqual(goal));

  it('finds no goal in other words', () => {
    expect(readObjective('hello there', false)).toBeNull();
  });
});

describe('readCallToAction / callToActionWords', () => {
  it('reads the TikTok value and where the phrase is', () => {
    expect(readCallToAction('shop now', false)).toEqual({ value: 'SHOP_NOW', at: 0, end: 8 });
    expect(readCallToAction('learn more please', false)).toEqual({
      value: 'LEARN_MORE',
      at: 0,
      end: 10,
    });
    expect(readCallToAction('sign up', false)).toEqual({ value: 'SIGN_UP', at: 0, end: 7 });
  });

  it('knows no CTA "buy", but keeps the words for the refusal', () => {
    expect(readCallToAction('buy', false)).toBeNull();
    expect(callToActionWords('buy')).toBe('buy');
    expect(callToActionWords('learn more please')).toBe('learn more');
  });
});

describe('readMusic', () => {
  it('reads no music, an existing id and an own track', () => {
    expect(readMusic('no music', false)).toEqual({ kind: 'none' });
    expect(readMusic('music_pop_2024', false)).toEqual({
      kind: 'existing',
      music_id: 'music_pop_2024',
    });
    expect(readMusic('I will upload my own track', false)).toEqual({ kind: 'custom' });
  });

  it('takes a bare "none" only when loose (music was asked)', () => {
    expect(readMusic('none', false)).toBeNull();
    expect(readMusic('none', true)).toEqual({ kind: 'none' });
  });
});

describe('readUrl', () => {
  it('reads an address without trailing punctuation', () => {
    expect(readUrl('boots.example.com.', false)).toBe('boots.example.com');
    expect(readUrl('link https://a.com/x', false)).toBe('https://a.com/x');
  });

  it('takes any text when loose (the address was asked), for the rule to judge', () => {
    expect(readUrl('nope', false)).toBeNull();
    expect(readUrl('nope', true)).toBe('nope');
  });
});

describe('readBudget', () => {
  it('reads an amount with currency and period', () => {
    expect(readBudget('$50 a day', false)).toEqual({ value: 50, currency: true, period: 'daily' });
    expect(readBudget('budget 1.2k total', false)).toEqual({
      value: 1200,
      currency: false,
      period: 'total',
    });
  });

  it('takes a bare number only when loose (the budget was asked)', () => {
    expect(readBudget('50', false)).toBeNull();
    expect(readBudget('50', true)).toEqual({ value: 50, currency: false, period: null });
  });
});

describe('media', () => {
  it('tells a reference to the library from a plain value', () => {
    expect(isMediaReference('the summer video')).toBe(true);
    expect(isMediaReference('#1 and #3')).toBe(true);
    expect(isMediaReference('the first two')).toBe(true);
    expect(isMediaReference('img_1, img_2')).toBe(false);
    expect(isMediaReference('Spring sale')).toBe(false);
  });

  it('reads ids, and the words of a description when loose', () => {
    expect(readMedia('img_1, img_2', false)).toEqual(['img_1', 'img_2']);
    expect(readMedia('the summer video', false)).toEqual([]);
    expect(readMedia('the summer video', true)).toEqual(['summer']);
  });
});

describe('readName', () => {
  it('reads a quoted name and where the rest starts', () => {
    expect(readName('"Big Boots" text hi')).toEqual({ name: 'Big Boots', restAt: 11 });
  });

  it('reads an unquoted name to the end', () => {
    expect(readName('Spring Sale')).toEqual({ name: 'Spring Sale', restAt: 11 });
  });
});
