import { TikTokTransport } from '../../../src/tiktok/client/transport';
import { EMULATOR_ADVERTISER_ID } from '../../../src/tiktok/emulator';
import { AUTH, apiError, trafficCampaign, useEmulator } from '../helpers';

const h = useEmulator();

describe('TikTokTransport against the emulator', () => {
  it('GET adds advertiser_id to the query and sends the token', async () => {
    const transport = new TikTokTransport({ baseUrl: h.baseUrl, sleep: async () => {} });
    const data = await transport.get<{ identity_list: unknown[] }>(AUTH, 'identity/get/', {
      identity_type: 'CUSTOMIZED_USER',
    });
    expect(data.identity_list).toHaveLength(1);
    expect(transport.calls).toBe(1);
  });

  it('POST adds advertiser_id to the body; postTracked keeps the envelope request_id', async () => {
    const transport = new TikTokTransport({ baseUrl: h.baseUrl, sleep: async () => {} });
    const r = await transport.postTracked<{ campaign_id: string; advertiser_id: string }>(
      AUTH,
      'campaign/create/',
      trafficCampaign({ campaign_name: 'Via transport' }),
    );
    expect(r.data.advertiser_id).toBe(EMULATOR_ADVERTISER_ID);
    expect(r.request_id).toMatch(/^\d{20}$/);
  });

  it('retries transient errors by the default policy (4 tries), counting every attempt', async () => {
    const waits: number[] = [];
    const transport = new TikTokTransport({
      baseUrl: h.baseUrl,
      sleep: async (ms) => {
        waits.push(ms);
      },
      random: () => 0.5,
    });
    h.emulator.faults.set({ kind: 'server', times: 10 });
    const err = await apiError(transport.get(AUTH, 'identity/get/', {}));
    expect(err.tiktok_code).toBe(50000);
    expect(transport.calls).toBe(4);
    // Full jitter at 0.5 of 500·2^(n-1) ms (DEFAULT_RETRY).
    expect(waits).toEqual([250, 500, 1000]);
  });

  it('postTracked with retry false sends once', async () => {
    const transport = new TikTokTransport({ baseUrl: h.baseUrl, sleep: async () => {} });
    h.emulator.faults.set({ kind: 'server', times: 10 });
    await apiError(transport.postTracked(AUTH, 'campaign/create/', trafficCampaign(), false));
    expect(transport.calls).toBe(1);
  });

  it('takes a custom retry policy', async () => {
    const transport = new TikTokTransport({
      baseUrl: h.baseUrl,
      sleep: async () => {},
      retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 1 },
    });
    h.emulator.faults.set({ kind: 'server', times: 10 });
    await apiError(transport.get(AUTH, 'identity/get/', {}));
    expect(transport.calls).toBe(2);
  });

  it('logs through a child logger tagged tiktok-client', async () => {
    const children: unknown[] = [];
    const lines: string[] = [];
    const child = {
      debug: (_f: unknown, msg: string) => lines.push(msg),
      info: (_f: unknown, msg: string) => lines.push(msg),
      warn: (_f: unknown, msg: string) => lines.push(msg),
      error: (_f: unknown, msg: string) => lines.push(msg),
    };
    const logger = {
      child: (bindings: unknown) => {
        children.push(bindings);
        return child;
      },
    };
    const transport = new TikTokTransport({
      baseUrl: h.baseUrl,
      sleep: async () => {},
      logger: logger as never,
    });
    await transport.get(AUTH, 'identity/get/', {});
    expect(children).toEqual([{ component: 'tiktok-client' }]);
    expect(lines).toEqual(['tiktok ok']);
  });
});
