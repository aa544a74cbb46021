import { CALL_TO_ACTIONS as BOT_CALL_TO_ACTIONS } from '../../../src/ad/call-to-action';
import { EmulatorError } from '../../../src/tiktok/emulator/envelope';
import {
  CALL_TO_ACTIONS,
  checkEnum,
  checkText,
  isHttpUrl,
  isInt64String,
  notExist,
  OBJECTIVE_TYPES,
  optNumber,
  optString,
  optStringArray,
  parseTikTokTime,
  reqString,
  requireFields,
  tiktokLength,
} from '../../../src/tiktok/emulator/rules';

/** The code and message `fn` throws as an EmulatorError; fails when it throws nothing. */
function rejection(fn: () => unknown): { code: number; message: string } {
  try {
    fn();
  } catch (err) {
    if (err instanceof EmulatorError) return { code: err.tiktok_code, message: err.message };
    throw err;
  }
  throw new Error('expected an EmulatorError');
}

describe('enums', () => {
  it("holds TikTok's 30 call to action values, the same set as the bot's own list", () => {
    expect(CALL_TO_ACTIONS).toHaveLength(30);
    expect([...CALL_TO_ACTIONS].sort()).toEqual([...BOT_CALL_TO_ACTIONS].sort());
  });

  it('lets both objectives the bot creates through', () => {
    expect(OBJECTIVE_TYPES).toContain('TRAFFIC');
    expect(OBJECTIVE_TYPES).toContain('WEB_CONVERSIONS');
  });
});

// 40002 "Missing required field(s): …", the wording TikTok answers with.
describe('requireFields', () => {
  it('passes when every field holds something (0 and false count)', () => {
    expect(() =>
      requireFields({ a: 'x', b: 0, c: false, d: [1] }, ['a', 'b', 'c', 'd']),
    ).not.toThrow();
  });

  it('names every missing, null, empty or empty-list field, with the prefix', () => {
    expect(
      rejection(() =>
        requireFields({ b: null, c: '', d: [] }, ['a', 'b', 'c', 'd'], 'creatives[0].'),
      ),
    ).toEqual({
      code: 40002,
      message:
        'Missing required field(s): creatives[0].a, creatives[0].b, creatives[0].c, creatives[0].d.',
    });
  });
});

describe('optString / reqString', () => {
  it('gives the string, or undefined when absent', () => {
    expect(optString({ name: 'x' }, 'name')).toBe('x');
    expect(optString({ name: null }, 'name')).toBeUndefined();
    expect(reqString({ name: 'x' }, 'name')).toBe('x');
  });

  it('refuses other types and missing required ones', () => {
    expect(rejection(() => optString({ name: 5 }, 'name', 'p.'))).toEqual({
      code: 40002,
      message: 'p.name: must be a string.',
    });
    expect(rejection(() => reqString({}, 'name')).message).toBe('Missing required field(s): name.');
  });
});

describe('checkEnum', () => {
  it('passes allowed values and undefined', () => {
    expect(checkEnum('CPC', ['CPC', 'OCPM'], 'billing_event')).toBe('CPC');
    expect(checkEnum(undefined, ['CPC'], 'billing_event')).toBeUndefined();
  });

  it('names the field, the value and the allowed values', () => {
    expect(rejection(() => checkEnum('cpc', ['CPC', 'OCPM'], 'billing_event'))).toEqual({
      code: 40002,
      message: 'billing_event: invalid value "cpc". Allowed values: CPC, OCPM.',
    });
  });
});

describe('optNumber', () => {
  it.each([
    [{ budget: 20 }, 20],
    [{ budget: '20.5' }, 20.5],
    [{ budget: ' 7 ' }, 7],
    [{ budget: null }, undefined],
    [{}, undefined],
  ])('%j → %j', (params, value) => {
    expect(optNumber(params, 'budget')).toBe(value);
  });

  it.each([
    [{ budget: '' }],
    [{ budget: 'twenty' }],
    [{ budget: true }],
    [{ budget: [] }],
    [{ budget: 'Infinity' }],
  ])('refuses %j', (params) => {
    expect(rejection(() => optNumber(params, 'budget'))).toEqual({
      code: 40002,
      message: 'budget: must be a number.',
    });
  });
});

describe('optStringArray', () => {
  it('gives the ids as strings, or undefined when absent', () => {
    expect(optStringArray({ ids: ['a', 2] }, 'ids')).toEqual(['a', '2']);
    expect(optStringArray({}, 'ids')).toBeUndefined();
  });

  it.each([[{ ids: 'a' }], [{ ids: [{}] }], [{ ids: [null] }]])('refuses %j', (params) => {
    expect(rejection(() => optStringArray(params, 'ids')).message).toBe(
      'ids: must be an array of strings.',
    );
  });
});

// Chinese/Japanese/Korean count 2 (SDK CampaignCreateBody.md, bububa model/campaign/create.go).
describe('tiktokLength', () => {
  it.each([
    ['Summer', 6],
    ['夏季', 4],
    ['한국', 4],
    ['カタ', 4],
    ['ｱ', 2],
    ['', 0],
  ])('%j counts %i', (text, length) => {
    expect(tiktokLength(text)).toBe(length);
  });
});

describe('checkText', () => {
  it('passes text within min..max without emoji', () => {
    expect(() => checkText('abc', 'campaign_name', 1, 3)).not.toThrow();
  });

  it.each([
    ['', 1, 100, 'ad_text: length must be between 1 and 100 characters (got 0).'],
    ['abcd', 1, 3, 'ad_text: length must be between 1 and 3 characters (got 4).'],
    ['夏夏', 1, 3, 'ad_text: length must be between 1 and 3 characters (got 4).'],
    ['Buy 🔥', 1, 100, 'ad_text: emoji are not allowed.'],
  ])('refuses %j', (text, min, max, message) => {
    expect(rejection(() => checkText(text, 'ad_text', min, max))).toEqual({ code: 40002, message });
  });
});

describe('isInt64String', () => {
  it.each([
    ['1', true],
    ['7000000000000000001', true],
    ['1234567890123456789', true],
    ['12345678901234567890', false],
    ['', false],
    ['-1', false],
    ['1e5', false],
    [123, false],
  ])('%j: %s', (value, ok) => {
    expect(isInt64String(value)).toBe(ok);
  });
});

// SDK AdgroupCreateBody.md: `schedule_start_time` is "YYYY-MM-DD HH:MM:SS" in UTC+0.
describe('parseTikTokTime', () => {
  it('reads the time as UTC epoch ms', () => {
    expect(parseTikTokTime('2026-10-01 08:09:10', 'schedule_start_time')).toBe(
      Date.UTC(2026, 9, 1, 8, 9, 10),
    );
    expect(parseTikTokTime('2028-02-29 23:59:59', 't')).toBe(Date.UTC(2028, 1, 29, 23, 59, 59));
  });

  it.each([
    '2026-10-01T08:09:10',
    '2026-10-01 08:09',
    '2026-10-01',
    '2026-02-30 00:00:00',
    '2026-13-01 00:00:00',
    '2026-10-01 24:00:00',
    ' 2026-10-01 08:09:10',
  ])('refuses %j', (value) => {
    expect(rejection(() => parseTikTokTime(value, 'schedule_start_time'))).toEqual({
      code: 40002,
      message: 'schedule_start_time: Time format should be %Y-%m-%d %H:%M:%S. Please try again.',
    });
  });
});

describe('isHttpUrl', () => {
  it.each([
    ['https://example.com/a', true],
    ['http://example.com', true],
    ['ftp://example.com', false],
    ['javascript:alert(1)', false],
    ['example.com', false],
    ['', false],
  ])('%j: %s', (value, ok) => {
    expect(isHttpUrl(value)).toBe(ok);
  });
});

describe('notExist', () => {
  it('throws 40007 naming the field and the id', () => {
    expect(rejection(() => notExist('campaign_id', '123'))).toEqual({
      code: 40007,
      message: 'campaign_id: 123 does not exist.',
    });
  });
});
