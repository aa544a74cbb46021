import { Registry } from 'prom-client';
import type { AdmissionStats } from '../../src/admission/admission';
import { registerLoadGauges } from '../../src/metrics/load-gauges';

describe('registerLoadGauges', () => {
  it('reads every source at scrape time, under the tiktok_ad_bot_ names', async () => {
    const registry = new Registry();
    let stats: AdmissionStats = {
      inFlight: 3,
      peakInFlight: 9,
      queued: 2,
      queuedTotal: 40,
      refusedTotal: 1,
    };
    let model = { inFlight: 5, limit: 32 };
    let lag = 12.5;
    registerLoadGauges(registry, {
      admission: () => stats,
      model: () => model,
      loopLagMs: () => lag,
    });
    const values = async () =>
      Object.fromEntries(
        (await registry.getMetricsAsJSON()).map((m) => [m.name, m.values[0]?.value]),
      );
    expect(await values()).toEqual({
      tiktok_ad_bot_turns_in_flight: 3,
      tiktok_ad_bot_turns_queued: 2,
      tiktok_ad_bot_turns_queued_total: 40,
      tiktok_ad_bot_turns_refused_total: 1,
      tiktok_ad_bot_model_calls_in_flight: 5,
      tiktok_ad_bot_model_calls_limit: 32,
      tiktok_ad_bot_event_loop_lag_ms: 12.5,
    });
    stats = { inFlight: 0, peakInFlight: 9, queued: 0, queuedTotal: 41, refusedTotal: 4 };
    model = { inFlight: 0, limit: 8 };
    lag = 0;
    expect(await values()).toMatchObject({
      tiktok_ad_bot_turns_in_flight: 0,
      tiktok_ad_bot_turns_refused_total: 4,
      tiktok_ad_bot_model_calls_limit: 8,
      tiktok_ad_bot_event_loop_lag_ms: 0,
    });
  });

  it('gives each gauge its help text in the Prometheus exposition', async () => {
    const registry = new Registry();
    registerLoadGauges(registry, {
      admission: () => ({
        inFlight: 0,
        peakInFlight: 0,
        queued: 0,
        queuedTotal: 0,
        refusedTotal: 0,
      }),
      model: () => ({ inFlight: 0, limit: 1 }),
      loopLagMs: () => 0,
    });
    const text = await registry.metrics();
    expect(text).toContain(
      '# HELP tiktok_ad_bot_turns_refused_total Events refused because the queue was full',
    );
    expect(text).toContain('# TYPE tiktok_ad_bot_event_loop_lag_ms gauge');
    expect(text).toContain('tiktok_ad_bot_model_calls_limit 1');
  });
});
