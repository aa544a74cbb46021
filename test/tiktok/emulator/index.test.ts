import {
  ALL_SCOPES,
  createTikTokEmulator,
  EMULATOR_ADVERTISER_ID,
  EMULATOR_APP_ID,
  EMULATOR_SECOND_ADVERTISER_ID,
  EMULATOR_SECRET,
  type TikTokEmulator,
} from '../../../src/tiktok/emulator';
import { raw, trafficCampaign } from '../helpers';

const running: TikTokEmulator[] = [];
async function started(options: Parameters<typeof createTikTokEmulator>[0] = {}) {
  const emulator = createTikTokEmulator(options);
  running.push(emulator);
  return { emulator, baseUrl: await emulator.listen(0) };
}
afterEach(async () => {
  await Promise.all(running.splice(0).map((e) => e.close()));
});

describe('createTikTokEmulator', () => {
  it('listens on an ephemeral 127.0.0.1 port and sets the base URL its previews use', async () => {
    const { emulator, baseUrl } = await started();
    expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(emulator.state.baseUrl).toBe(baseUrl);
  });

  it('brackets an IPv6 host in the base URL', async () => {
    const emulator = createTikTokEmulator();
    running.push(emulator);
    expect(await emulator.listen(0, '::1')).toMatch(/^http:\/\/\[::1\]:\d+$/);
  });

  it('closes idempotently, and a closed emulator no longer answers', async () => {
    const { emulator, baseUrl } = await started();
    await emulator.close();
    await emulator.close();
    await expect(fetch(`${baseUrl}/_emulator/counts`)).rejects.toThrow();
  });

  it('rejects listen on a taken port', async () => {
    const { baseUrl } = await started();
    const second = createTikTokEmulator();
    await expect(second.listen(Number(new URL(baseUrl).port))).rejects.toThrow(/EADDRINUSE/);
  });

  it('takes its own app credentials and clock', async () => {
    const now = Date.parse('2030-01-02T03:04:05Z');
    const { emulator, baseUrl } = await started({
      appId: 'my-app',
      secret: 'my-secret',
      now: () => now,
    });
    const auth_code = emulator.issueAuthCode();
    expect(emulator.state.authCodes.get(auth_code)?.expires_at).toBe(now + 3_600_000);
    const refused = await raw(baseUrl, 'POST', 'oauth2/access_token/', {
      body: { app_id: EMULATOR_APP_ID, secret: EMULATOR_SECRET, auth_code },
    });
    expect(refused.json.code).toBe(40101);
    const ok = await raw(baseUrl, 'POST', 'oauth2/access_token/', {
      body: { app_id: 'my-app', secret: 'my-secret', auth_code },
    });
    expect(ok.json.code).toBe(0);
  });

  it('counts created objects and calls per endpoint', async () => {
    const { emulator, baseUrl } = await started();
    const token = emulator.seedToken();
    await raw(baseUrl, 'POST', 'campaign/create/', {
      token,
      body: { advertiser_id: EMULATOR_ADVERTISER_ID, ...trafficCampaign() },
    });
    await raw(baseUrl, 'GET', 'campaign/get/', {
      token,
      query: { advertiser_id: EMULATOR_ADVERTISER_ID },
    });
    expect(emulator.counts()).toEqual({
      campaigns: 1,
      adgroups: 0,
      ads: 0,
      music_uploads: 0,
      calls: { 'campaign/create/': 1, 'campaign/get/': 1 },
    });
  });

  it('seeds tokens and revokes them (then 40105)', async () => {
    const { emulator, baseUrl } = await started();
    const token = emulator.seedToken({
      advertiser_ids: [EMULATOR_SECOND_ADVERTISER_ID],
      scope: [4],
    });
    expect(emulator.state.tokens.get(token)).toMatchObject({
      advertiser_ids: [EMULATOR_SECOND_ADVERTISER_ID],
      scope: [4],
    });
    emulator.revokeToken(token);
    emulator.revokeToken('never-issued');
    const r = await raw(baseUrl, 'GET', 'identity/get/', {
      token,
      query: { advertiser_id: EMULATOR_SECOND_ADVERTISER_ID },
    });
    expect(r.json.code).toBe(40105);
  });

  it('sets what the portal grants, and null restores the default', async () => {
    const { emulator } = await started();
    emulator.setPortalGrant({ advertiser_ids: [EMULATOR_SECOND_ADVERTISER_ID], scope: [2] });
    expect(emulator.state.portalGrant).toEqual({
      advertiser_ids: [EMULATOR_SECOND_ADVERTISER_ID],
      scope: [2],
    });
    emulator.setPortalGrant(null);
    expect(emulator.state.portalGrant).toEqual({
      advertiser_ids: [EMULATOR_ADVERTISER_ID],
      scope: [...ALL_SCOPES],
    });
  });

  it('logs one debug line per call with endpoint and code, never the token', async () => {
    const lines: Array<Record<string, unknown>> = [];
    const child = {
      debug: (fields: Record<string, unknown>) => lines.push(fields),
      info: (fields: Record<string, unknown>) => lines.push(fields),
      warn: (fields: Record<string, unknown>) => lines.push(fields),
      error: (fields: Record<string, unknown>) => lines.push(fields),
    };
    const children: unknown[] = [];
    const logger = {
      child: (bindings: unknown) => {
        children.push(bindings);
        return child;
      },
    };
    const { emulator, baseUrl } = await started({ logger: logger as never });
    const token = emulator.seedToken();
    await raw(baseUrl, 'GET', 'identity/get/', {
      token,
      query: { advertiser_id: EMULATOR_ADVERTISER_ID },
    });
    expect(children).toEqual([{ component: 'tiktok-emulator' }]);
    expect(lines).toContainEqual(expect.objectContaining({ endpoint: 'identity/get/', code: 0 }));
    expect(JSON.stringify(lines)).not.toContain(token);
  });
});
