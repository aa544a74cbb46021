import { EmulatorError } from '../../../src/tiktok/emulator/envelope';
import { FAULT_RESPONSES, FaultControl, parseFaultSpec } from '../../../src/tiktok/emulator/faults';

/** The envelope code `control.apply(endpoint)` throws, or null when the call goes through. */
function codeOf(control: FaultControl, endpoint: string): number | null {
  try {
    control.apply(endpoint);
    return null;
  } catch (err) {
    if (err instanceof EmulatorError) return err.tiktok_code;
    throw err;
  }
}

// Codes from TikTok's code table (SDK python_sdk/business_api_client/tiktok_business/tiktok_code.py).
describe('FAULT_RESPONSES', () => {
  it('answers each kind with its TikTok code', () => {
    const codes = Object.fromEntries(
      Object.entries(FAULT_RESPONSES).map(([kind, { code }]) => [kind, code]),
    );
    expect(codes).toEqual({
      geo: 41000,
      auth: 40105,
      server: 50000,
      ratelimit: 40100,
      ratelimit_fc: 40016,
      ratelimit_field: 40132,
      ratelimit_bl: 61000,
      lose_reply: 0,
    });
    expect(FAULT_RESPONSES.ratelimit.message).toBe('Requests made too frequently');
    expect(FAULT_RESPONSES.auth.message).toBe('Access token is incorrect or has been revoked');
  });
});

describe('parseFaultSpec', () => {
  it.each([
    ['geo', { kind: 'geo' }],
    [
      { kind: 'server', times: 3 },
      { kind: 'server', times: 3 },
    ],
    [
      { kind: 'ratelimit', endpoint: 'ad/create/' },
      { kind: 'ratelimit', endpoint: 'ad/create/' },
    ],
    [
      { kind: 'lose_reply', as: 'timeout' },
      { kind: 'lose_reply', as: 'timeout' },
    ],
    ['off', 'off'],
    [{ kind: 'off', times: 2 }, 'off'],
  ])('%j → %j', (input, spec) => {
    expect(parseFaultSpec(input)).toEqual(spec);
  });

  it.each([
    [null, 'body must be {kind, times?, endpoint?}'],
    [42, 'body must be {kind, times?, endpoint?}'],
    [
      'flood',
      'kind must be one of off, geo, auth, server, ratelimit, ratelimit_fc, ratelimit_field, ratelimit_bl, lose_reply',
    ],
    [{ kind: 'server', times: 0 }, 'times must be a positive integer'],
    [{ kind: 'server', times: 1.5 }, 'times must be a positive integer'],
    [{ kind: 'server', times: '2' }, 'times must be a positive integer'],
    [{ kind: 'server', endpoint: 5 }, 'endpoint must be a string such as "ad/create/"'],
    [{ kind: 'server', as: '502' }, 'as is "502" or "timeout", and only for kind lose_reply'],
    [{ kind: 'lose_reply', as: '504' }, 'as is "502" or "timeout", and only for kind lose_reply'],
  ])('refuses %j: %s', (input, message) => {
    expect(parseFaultSpec(input)).toBe(message);
  });
});

describe('FaultControl', () => {
  it('fires a fault once by default, then lets calls through', () => {
    const control = new FaultControl();
    control.set('server');
    expect(codeOf(control, 'campaign/get/')).toBe(50000);
    expect(codeOf(control, 'campaign/get/')).toBeNull();
  });

  it('fires `times` times and lists what is left', () => {
    const control = new FaultControl();
    control.set({ kind: 'ratelimit', times: 2 });
    expect(control.list()).toEqual([{ kind: 'ratelimit', times: 2 }]);
    expect(codeOf(control, 'ad/get/')).toBe(40100);
    expect(control.list()).toEqual([{ kind: 'ratelimit', times: 1 }]);
    expect(codeOf(control, 'ad/get/')).toBe(40100);
    expect(control.list()).toEqual([]);
  });

  it('fires faults in the order they were set', () => {
    const control = new FaultControl();
    control.set('geo');
    control.set('auth');
    expect(codeOf(control, 'x/')).toBe(41000);
    expect(codeOf(control, 'x/')).toBe(40105);
  });

  it('hits only the named endpoint, and oauth2/ only when named', () => {
    const control = new FaultControl();
    control.set({ kind: 'server', endpoint: 'ad/create/' });
    control.set('geo');
    expect(codeOf(control, 'oauth2/access_token/')).toBeNull();
    expect(codeOf(control, 'campaign/create/')).toBe(41000);
    expect(codeOf(control, 'ad/create/')).toBe(50000);
    control.set({ kind: 'auth', endpoint: 'oauth2/access_token/' });
    expect(codeOf(control, 'oauth2/access_token/')).toBe(40105);
  });

  it('keeps lose_reply apart: apply skips it, takeLoss consumes it (502 by default)', () => {
    const control = new FaultControl();
    control.set({ kind: 'lose_reply', endpoint: 'campaign/create/' });
    control.set({ kind: 'lose_reply', as: 'timeout' });
    expect(codeOf(control, 'campaign/create/')).toBeNull();
    expect(control.takeLoss('campaign/create/')).toBe('502');
    expect(control.takeLoss('campaign/create/')).toBe('timeout');
    expect(control.takeLoss('campaign/create/')).toBeUndefined();
  });

  it('clears everything with clear() or "off"', () => {
    const control = new FaultControl();
    control.set({ kind: 'server', times: 5 });
    control.set('off');
    expect(control.list()).toEqual([]);
    control.set('geo');
    control.clear();
    expect(codeOf(control, 'x/')).toBeNull();
  });

  it('lists endpoint and as with each fault', () => {
    const control = new FaultControl();
    control.set({ kind: 'lose_reply', times: 2, endpoint: 'ad/create/', as: 'timeout' });
    expect(control.list()).toEqual([
      { kind: 'lose_reply', times: 2, endpoint: 'ad/create/', as: 'timeout' },
    ]);
  });
});
