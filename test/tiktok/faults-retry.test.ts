import { FAULT_RESPONSES, type FaultKind, IMAGES } from '../../src/tiktok/emulator';
import { AUTH, apiError, useEmulator } from './helpers';

const h = useEmulator();

describe('fault switches', () => {
  it.each<[FaultKind, number, string]>([
    ['geo', 41000, 'tiktok_permission'],
    ['auth', 40105, 'tiktok_auth'],
    ['server', 50000, 'tiktok_transient'],
    ['ratelimit', 40100, 'tiktok_rate_limited'],
  ])('%s → %i classified %s', async (kind, code, errorCode) => {
    h.emulator.faults.set(kind);
    const client = h.newClient({ retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 } });
    const err = await apiError(client.listImages(AUTH));
    expect(err.tiktok_code).toBe(code);
    expect(err.tiktok_message).toBe(FAULT_RESPONSES[kind].message);
    expect(err.code).toBe(errorCode);
    expect(err.http_status).toBe(200);
    // The fault was for one call only.
    await expect(client.listImages(AUTH)).resolves.toHaveLength(IMAGES.length);
  });

  it("ratelimit answers TikTok's wording", () => {
    expect(FAULT_RESPONSES.ratelimit.message).toBe('Requests made too frequently');
  });

  it('can be armed over HTTP, lasts `times` calls, and "off" clears it', async () => {
    const set = await fetch(`${h.baseUrl}/_emulator/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ kind: 'geo', times: 2 }),
    });
    expect(set.status).toBe(200);
    expect(await set.json()).toEqual({ faults: [{ kind: 'geo', times: 2 }] });
    const client = h.newClient({ retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 } });
    expect((await apiError(client.listVideos(AUTH))).tiktok_code).toBe(41000);
    expect((await apiError(client.listVideos(AUTH))).tiktok_code).toBe(41000);
    await expect(client.listVideos(AUTH)).resolves.toHaveLength(3);

    h.emulator.faults.set({ kind: 'server', times: 5 });
    const off = await fetch(`${h.baseUrl}/_emulator/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ kind: 'off' }),
    });
    expect(await off.json()).toEqual({ faults: [] });
    await expect(client.listVideos(AUTH)).resolves.toHaveLength(3);

    const bad = await fetch(`${h.baseUrl}/_emulator/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ kind: 'meteor' }),
    });
    expect(bad.status).toBe(400);
  });

  it('an endpoint-scoped fault hits only that endpoint', async () => {
    h.emulator.faults.set({ kind: 'server', endpoint: 'file/video/ad/search/' });
    const client = h.newClient({ retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 } });
    await expect(client.listImages(AUTH)).resolves.toHaveLength(IMAGES.length);
    expect((await apiError(client.listVideos(AUTH))).tiktok_code).toBe(50000);
  });

  it('faults skip oauth2/ endpoints unless scoped to them', async () => {
    h.emulator.faults.set('server');
    const grant = await h.client.exchangeAuthCode({
      app_id: h.emulator.state.appId,
      secret: h.emulator.state.secret,
      auth_code: h.emulator.issueAuthCode(),
    });
    expect(grant.access_token).not.toBe('');
    expect(h.emulator.faults.list()).toEqual([{ kind: 'server', times: 1 }]);
  });

  it('GET /_emulator/counts reports calls per endpoint, faulted ones included', async () => {
    const before = h.emulator.counts().calls['identity/get/'] ?? 0;
    h.emulator.faults.set('server');
    const client = h.newClient({ retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 } });
    await apiError(client.listIdentities(AUTH));
    await client.listIdentities(AUTH);
    const res = await fetch(`${h.baseUrl}/_emulator/counts`);
    const counts = (await res.json()) as { calls: Record<string, number> };
    expect(counts.calls['identity/get/']).toBe(before + 2);
  });
});

describe('client retries', () => {
  it.each<FaultKind>(['ratelimit', 'server'])(
    'retries %s and then succeeds, sleeping with growing backoff',
    async (kind) => {
      const delays: number[] = [];
      const client = h.newClient({
        retry: { attempts: 4, baseDelayMs: 100, maxDelayMs: 250 },
        sleep: async (ms) => {
          delays.push(ms);
        },
        random: () => 0.999,
      });
      h.emulator.faults.set({ kind, times: 3 });
      await expect(client.listImages(AUTH)).resolves.toHaveLength(IMAGES.length);
      expect(client.calls).toBe(4);
      // Full jitter with random≈1: just under min(max, base·2^n).
      expect(delays).toEqual([99, 199, 249]);
    },
  );

  it('is bounded: a fault lasting longer than `attempts` ends in the error after exactly `attempts` calls', async () => {
    const client = h.newClient({ retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 2 } });
    const before = h.emulator.counts().calls['file/image/ad/search/'] ?? 0;
    h.emulator.faults.set({ kind: 'server', times: 10 });
    const err = await apiError(client.listImages(AUTH));
    expect(err.tiktok_code).toBe(50000);
    expect(err.code).toBe('tiktok_transient');
    expect(client.calls).toBe(3);
    expect(h.emulator.counts().calls['file/image/ad/search/']).toBe(before + 3);
    expect(h.emulator.faults.list()).toEqual([{ kind: 'server', times: 7 }]);
  });

  it('defaults to 4 attempts for transient errors', async () => {
    const client = h.newClient();
    h.emulator.faults.set({ kind: 'server', times: 10 });
    const err = await apiError(client.listImages(AUTH));
    expect(err.code).toBe('tiktok_transient');
    expect(client.calls).toBe(4);
  });

  it.each<FaultKind>(['geo', 'auth'])('does not retry %s: one HTTP call', async (kind) => {
    const client = h.newClient();
    h.emulator.faults.set({ kind, times: 5 });
    const err = await apiError(client.listImages(AUTH));
    expect(err.retryable).toBe(false);
    expect(client.calls).toBe(1);
  });

  it('counts zero calls before anything is sent', () => {
    expect(h.newClient().calls).toBe(0);
  });
});
