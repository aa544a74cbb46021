import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { BotError } from '../../src/errors/bot-error';
import {
  classifyTikTokCode,
  isLinkInvalid,
  isRetryableCode,
  NO_ENVELOPE_CODE,
  TikTokApiError,
} from '../../src/tiktok/errors';

describe('classifyTikTokCode (TikTok "Appendix – Return codes")', () => {
  it.each([
    [40102, 'tiktok_auth'],
    [40104, 'tiktok_auth'],
    [40105, 'tiktok_auth'],
    [40106, 'tiktok_auth'],
    [40110, 'tiktok_auth'],
    [40113, 'tiktok_auth'],
    [40130, 'tiktok_auth'],
    [40001, 'tiktok_permission'],
    [41000, 'tiktok_permission'],
    [40118, 'tiktok_permission'],
    [40300, 'tiktok_permission'],
    [40301, 'tiktok_permission'],
    [40016, 'tiktok_rate_limited'],
    [40100, 'tiktok_rate_limited'],
    [40132, 'tiktok_rate_limited'],
    [61000, 'tiktok_rate_limited'],
    [40202, 'tiktok_transient'],
    [40901, 'tiktok_transient'],
    [40902, 'tiktok_transient'],
    [40913, 'tiktok_transient'],
    [50000, 'tiktok_transient'],
    [50002, 'tiktok_transient'],
    [51017, 'tiktok_transient'],
    [53103, 'tiktok_transient'],
    [60001, 'tiktok_transient'],
    [NO_ENVELOPE_CODE, 'tiktok_transient'],
    [40002, 'tiktok_invalid_request'],
    [40007, 'tiktok_invalid_request'],
    [40053, 'tiktok_invalid_request'],
    [40101, 'tiktok_invalid_request'],
    [40900, 'tiktok_invalid_request'],
    [40911, 'tiktok_invalid_request'],
    [40502, 'tiktok_invalid_request'],
  ])('%i → %s', (code, expected) => {
    expect(classifyTikTokCode(code, 'some message')).toBe(expected);
  });

  it('puts 40001 under tiktok_permission even when the message says "grant you"', () => {
    expect(
      classifyTikTokCode(
        40001,
        'advertiser does not grant you /file/video/ad/search/:GET permission',
      ),
    ).toBe('tiktok_permission');
  });

  it("40133 is not in TikTok's table: tiktok_rate_limited only when its message says QPS", () => {
    expect(classifyTikTokCode(40133, 'some message')).toBe('tiktok_invalid_request');
    expect(
      classifyTikTokCode(40133, "Advertiser (7000000000000000001)'s QPS (11) reaches QPS limit"),
    ).toBe('tiktok_rate_limited');
  });

  it('reads a 40000 naming the access token as tiktok_auth (token from another app)', () => {
    expect(classifyTikTokCode(40000, 'access_token does not belong to this app')).toBe(
      'tiktok_auth',
    );
    expect(classifyTikTokCode(40000, 'Invalid params')).toBe('tiktok_invalid_request');
  });
});

describe('TikTokApiError', () => {
  it('carries the envelope fields, its class and whether to retry', () => {
    const err = new TikTokApiError({
      tiktok_code: 40100,
      tiktok_message: 'Requests made too frequently',
      request_id: 'r1',
      http_status: 200,
      endpoint: 'ad/create/',
    });
    expect(err).toBeInstanceOf(BotError);
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe('TikTokApiError');
    expect(err.tiktok_code).toBe(40100);
    expect(err.code).toBe('tiktok_rate_limited');
    expect(err.retryable).toBe(true);
    expect(err.request_id).toBe('r1');
    expect(err.message).toContain('40100');
    expect(err.message).toContain('ad/create/');

    const v = new TikTokApiError({ tiktok_code: 40002, tiktok_message: 'x', http_status: 200 });
    expect(v.code).toBe('tiktok_invalid_request');
    expect(v.retryable).toBe(false);
    expect(v.request_id).toBeUndefined();
  });

  it('takes a given code for a failure without an envelope, and never resends 40050', () => {
    const page = new TikTokApiError({
      tiktok_code: NO_ENVELOPE_CODE,
      tiktok_message: 'HTTP 404 without a TikTok envelope',
      http_status: 404,
      code: 'tiktok_invalid_request',
    });
    expect([page.code, page.retryable]).toEqual(['tiktok_invalid_request', false]);
    const duplicated = new TikTokApiError({
      tiktok_code: 40050,
      tiktok_message: 'Duplicated requests have been sent.',
      http_status: 200,
    });
    expect([duplicated.code, duplicated.retryable]).toEqual(['tiktok_transient', false]);
    expect(isRetryableCode('tiktok_transient')).toBe(true);
    expect(isRetryableCode('tiktok_rate_limited')).toBe(true);
    expect(isRetryableCode('tiktok_auth')).toBe(false);
  });

  it('isLinkInvalid is true only for 40102, 40105, 40106', () => {
    const make = (code: number) =>
      new TikTokApiError({ tiktok_code: code, tiktok_message: '', http_status: 200 });
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

describe('the TikTok client knows nothing of the engine', () => {
  function sourceFiles(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return sourceFiles(path);
      return entry.name.endsWith('.ts') ? [path] : [];
    });
  }

  it('no file under src/tiktok/ imports from src/engine/', () => {
    const engineDir = `${join(__dirname, '../../src/engine')}/`;
    const files = sourceFiles(join(__dirname, '../../src/tiktok'));
    expect(files.length).toBeGreaterThan(10);
    const offenders = files.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)]
        .map((m) => m[1] ?? '')
        .filter(
          (name) => name.startsWith('.') && resolve(dirname(file), name).startsWith(engineDir),
        )
        .map((name) => `${file}: ${name}`),
    );
    expect(offenders).toEqual([]);
  });
});
