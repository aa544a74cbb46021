import { createPrometheusMetrics } from '../../src/metrics/prometheus';

describe('createPrometheusMetrics', () => {
  it('counts each port call under the tiktok_ad_bot_ names with its labels', async () => {
    const { metrics, registry } = createPrometheusMetrics();
    metrics.turn('slack', 'ok', 0.2);
    metrics.turn('slack', 'ok', 0.3);
    metrics.modelCall('offline', 'ok', 0.01);
    metrics.modelTokens('gemini', 'input', 120);
    metrics.modelTokens('gemini', 'output', 0);
    metrics.tiktokCall('campaign/create/', 40002, 0.05);
    metrics.submission('submitted');
    metrics.approval('approved');
    metrics.lockWait(0.002);
    metrics.redisError('get');
    metrics.eventDeduplicated('slack');
    const text = await registry.metrics();
    for (const line of [
      'tiktok_ad_bot_turns_total{platform="slack",outcome="ok"} 2',
      'tiktok_ad_bot_turn_duration_seconds_count{platform="slack"} 2',
      'tiktok_ad_bot_turn_duration_seconds_sum{platform="slack"} 0.5',
      'tiktok_ad_bot_model_calls_total{model="offline",outcome="ok"} 1',
      'tiktok_ad_bot_model_tokens_total{model="gemini",kind="input"} 120',
      'tiktok_ad_bot_tiktok_calls_total{endpoint="campaign/create/",code="40002"} 1',
      'tiktok_ad_bot_submissions_total{outcome="submitted"} 1',
      'tiktok_ad_bot_approvals_total{outcome="approved"} 1',
      'tiktok_ad_bot_lock_wait_seconds_count 1',
      'tiktok_ad_bot_redis_errors_total{operation="get"} 1',
      'tiktok_ad_bot_events_deduplicated_total{source="slack"} 1',
    ]) {
      expect(text).toContain(line);
    }
    // A zero token count adds no series.
    expect(text).not.toContain('kind="output"');
    // prom-client's default Node metrics come along.
    expect(text).toMatch(/^process_cpu_user_seconds_total /m);
  });

  it('keeps each instance on its own registry, so two bots in one process do not mix counts', async () => {
    const a = createPrometheusMetrics();
    const b = createPrometheusMetrics();
    a.metrics.submission('submitted');
    expect(await a.registry.metrics()).toContain(
      'tiktok_ad_bot_submissions_total{outcome="submitted"} 1',
    );
    expect(await b.registry.metrics()).not.toContain(
      'tiktok_ad_bot_submissions_total{outcome="submitted"}',
    );
  });

  it('serves the text format from its handler', async () => {
    const { metrics, handler, registry } = createPrometheusMetrics();
    metrics.approval('refused');
    let type = '';
    let body = '';
    const res = {
      type(value: string) {
        type = value;
        return res;
      },
      send(value: string) {
        body = value;
        return res;
      },
    };
    await handler({} as never, res as never, () => {});
    expect(type).toBe(registry.contentType);
    expect(body).toContain('tiktok_ad_bot_approvals_total{outcome="refused"} 1');
  });
});
