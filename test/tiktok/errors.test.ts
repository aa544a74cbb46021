import {
  classifyTikTokCode,
  isLinkInvalid,
  NO_ENVELOPE_CODE,
  TikTokApiError,
} from '../../src/tiktok/errors';

describe('classifyTikTokCode (TikTok "Appendix – Return codes")', () => {
  it.each([
    [40102, 'auth'],
    [40104, 'auth'],
    [40105, 'auth'],
    [40106, 'auth'],
    [40110, 'auth'],
    [40113, 'auth'],
    [40130, 'auth'],
    [40001, 'permission'],
    [41000, 'permission'],
    [40118, 'permission'],
    [40300, 'permission'],
    [40301, 'permission'],
    [40016, 'rate_limit'],
    [40100, 'rate_limit'],
    [40132, 'rate_limit'],
    [61000, 'rate_limit'],
    [40202, 'transient'],
    [40901, 'transient'],
    [40902, 'transient'],
    [40913, 'transient'],
    [50000, 'transient'],
    [50002, 'transient'],
    [51017, 'transient'],
    [53103, 'transient'],
    [60001, 'transient'],
    [NO_ENVELOPE_CODE, 'transient'],
    [40002, 'validation'],
    [40007, 'validation'],
    [40053, 'validation'],
    [40101, 'validation'],
    [40900, 'validation'],
    [40911, 'validation'],
    [40502, 'validation'],
  ])('%i → %s', (code, expected) => {
    expect(classifyTikTokCode(code, 'some message')).toBe(expected);
  });

  it('puts 40001 under permission even when the message says "grant you"', () => {
    expect(
      classifyTikTokCode(
        40001,
        'advertiser does not grant you /file/video/ad/search/:GET permission',
      ),
    ).toBe('permission');
  });

  it("40133 is not in TikTok's table: rate_limit only when its message says QPS", () => {
    expect(classifyTikTokCode(40133, 'some message')).toBe('validation');
    expect(
      classifyTikTokCode(40133, "Advertiser (7000000000000000001)'s QPS (11) reaches QPS limit"),
    ).toBe('rate_limit');
  });

  it('reads a 40000 naming the access token as auth (token from another app)', () => {
    expect(classifyTikTokCode(40000, 'access_token does not belong to this app')).toBe('auth');
    expect(classifyTikTokCode(40000, 'Invalid params')).toBe('validation');
  });
});

describe('TikTokApiError', () => {
  it('carries the envelope fields, its class and whether to retry', () => {
    const err = new TikTokApiError({
      code: 40100,
      tiktok_message: 'Requests made too frequently',
      request_id: 'r1',
      http_status: 200,
      endpoint: 'ad/create/',
    });
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe('TikTokApiError');
    expect(err.error_class).toBe('rate_limit');
    expect(err.retryable).toBe(true);
    expect(err.request_id).toBe('r1');
    expect(err.message).toContain('40100');
    expect(err.message).toContain('ad/create/');

    const v = new TikTokApiError({ code: 40002, tiktok_message: 'x', http_status: 200 });
    expect(v.error_class).toBe('validation');
    expect(v.retryable).toBe(false);
    expect(v.request_id).toBeUndefined();
  });

  it('isLinkInvalid is true only for 40102, 40105, 40106', () => {
    const make = (code: number) =>
      new TikTokApiError({ code, tiktok_message: '', http_status: 200 });
    expect([40102, 40105, 40106].map((c) => isLinkInvalid(make(c)))).toEqual([true, true, true]);
    expect([40104, 40110, 40001, 50000].map((c) => isLinkInvalid(make(c)))).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect(isLinkInvalid(new Error('40105'))).toBe(false);
  });
});
