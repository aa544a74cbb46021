import { asList, num, str, tracked } from '../../../src/tiktok/client/parse';

describe('tracked', () => {
  it('adds the envelope request_id when there is one', () => {
    expect(tracked({ campaign_id: 'c1' }, 'req-1')).toEqual({
      campaign_id: 'c1',
      request_id: 'req-1',
    });
  });

  it('returns the value itself when there is none', () => {
    const value = { campaign_id: 'c1' };
    expect(tracked(value, undefined)).toBe(value);
    expect(tracked(value, undefined)).toEqual({ campaign_id: 'c1' });
  });
});

describe('str', () => {
  it.each([
    [undefined, ''],
    [null, ''],
    ['abc', 'abc'],
    [1234567890123, '1234567890123'],
    [0, '0'],
    [false, 'false'],
  ])('%j → %j', (value, out) => {
    expect(str(value)).toBe(out);
  });
});

describe('num', () => {
  it.each([
    [12.5, 12.5],
    ['20', 20],
    ['1e3', 1000],
    ['', 0],
    ['abc', 0],
    [undefined, 0],
    [null, 0],
    [Number.NaN, 0],
    [Number.POSITIVE_INFINITY, 0],
    ['-3', -3],
  ])('%j → %j', (value, out) => {
    expect(num(value)).toBe(out);
  });
});

describe('asList', () => {
  it('keeps the objects of a list and drops everything else', () => {
    expect(asList([{ a: 1 }, null, 'x', 3, { b: 2 }])).toEqual([{ a: 1 }, { b: 2 }]);
  });

  it.each([undefined, null, 'list', { list: [] }, 5])('%j is not a list: []', (value) => {
    expect(asList(value)).toEqual([]);
  });
});
