import {
  EmulatorError,
  IdMaker,
  isoTime,
  newRequestId,
  paramError,
  tiktokTime,
} from '../../../src/tiktok/emulator/envelope';

const AT = Date.parse('2026-10-01T08:09:10.123Z');

describe('paramError', () => {
  it('throws a 40002 (PARAM_ERROR) with the message', () => {
    let thrown: unknown;
    try {
      paramError('budget: must be a number.');
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(EmulatorError);
    expect(thrown).toMatchObject({
      tiktok_code: 40002,
      message: 'budget: must be a number.',
      name: 'EmulatorError',
    });
  });
});

describe('newRequestId', () => {
  it('is the UTC second and a 6-digit sequence, 20 digits in all', () => {
    const id = newRequestId(AT);
    expect(id).toMatch(/^20261001080910\d{6}$/);
  });

  it('never repeats within the same second', () => {
    const ids = Array.from({ length: 50 }, () => newRequestId(AT));
    expect(new Set(ids).size).toBe(50);
    const [first, second] = ids.map((id) => Number(id.slice(14)));
    expect(second).toBe(((first ?? 0) + 1) % 1_000_000);
  });
});

describe('time formats', () => {
  it('tiktokTime is "YYYY-MM-DD HH:MM:SS" in UTC (campaign, ad group and ad objects)', () => {
    expect(tiktokTime(AT)).toBe('2026-10-01 08:09:10');
  });

  it('isoTime is ISO without milliseconds (file objects)', () => {
    expect(isoTime(AT)).toBe('2026-10-01T08:09:10Z');
  });
});

describe('IdMaker', () => {
  it('makes 19-digit ids: the prefix, then a zero-padded counter from 1', () => {
    const ids = new IdMaker('18');
    expect(ids.next()).toBe('1800000000000000001');
    expect(ids.next()).toBe('1800000000000000002');
    expect(ids.next()).toHaveLength(19);
  });

  it('counts separately per maker', () => {
    const a = new IdMaker('17');
    const b = new IdMaker('17');
    a.next();
    expect(b.next()).toBe('1700000000000000001');
  });
});
