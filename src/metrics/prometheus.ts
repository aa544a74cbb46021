import type { RequestHandler } from 'express';
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import type { Metrics } from './port';

/** Latency buckets in seconds, from a Redis hop to a long submission. */
const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

/** A {@link Metrics} on its own prom-client registry, and the `GET /metrics` handler. */
export interface PrometheusMetrics {
  readonly metrics: Metrics;
  readonly registry: Registry;
  /** Answers with the Prometheus text format (`text/plain; version=0.0.4`). */
  readonly handler: RequestHandler;
}

/**
 * Metrics in Prometheus format (prom-client), names prefixed `tiktok_ad_bot_`, plus prom-client's
 * default Node metrics (`process_*`, `nodejs_*`). Each call makes a fresh registry, so several
 * bots in one process (tests) do not mix their counts.
 *
 * - `turns_total{platform,outcome}`, `turn_duration_seconds{platform}` (histogram)
 * - `model_calls_total{model,outcome}`, `model_call_duration_seconds{model}`,
 *   `model_tokens_total{model,kind}`
 * - `tiktok_calls_total{endpoint,code}`, `tiktok_call_duration_seconds{endpoint}`
 * - `submissions_total{outcome}`, `approvals_total{outcome}`
 * - `lock_wait_seconds` (histogram), `redis_errors_total{operation}`,
 *   `events_deduplicated_total{source}`
 */
export function createPrometheusMetrics(): PrometheusMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const metrics = recordingTo(instrumentsOn(registry));
  const handler: RequestHandler = async (_req, res) => {
    res.type(registry.contentType).send(await registry.metrics());
  };
  return { metrics, registry, handler };
}

/** The bot's counters and histograms, registered on `registry` (see {@link createPrometheusMetrics}). */
function instrumentsOn(registry: Registry) {
  const name = (n: string) => `tiktok_ad_bot_${n}`;
  const counter = <L extends string>(n: string, help: string, labelNames: L[]) =>
    new Counter({ name: name(n), help, labelNames, registers: [registry] });
  const histogram = <L extends string>(n: string, help: string, labelNames: L[]) =>
    new Histogram({ name: name(n), help, labelNames, buckets: SECONDS, registers: [registry] });
  return {
    turns: counter('turns_total', 'Chat events handled, by platform and outcome', [
      'platform',
      'outcome',
    ]),
    turnSeconds: histogram('turn_duration_seconds', 'Time to handle one chat event', ['platform']),
    modelCalls: counter('model_calls_total', 'Model turn proposals, by model and outcome', [
      'model',
      'outcome',
    ]),
    modelSeconds: histogram('model_call_duration_seconds', 'Model proposal latency', ['model']),
    modelTokens: counter('model_tokens_total', 'Tokens the model reported, by kind', [
      'model',
      'kind',
    ]),
    tiktokCalls: counter(
      'tiktok_calls_total',
      'TikTok API HTTP attempts, by endpoint and TikTok code (0 = ok, -1 = no envelope)',
      ['endpoint', 'code'],
    ),
    tiktokSeconds: histogram('tiktok_call_duration_seconds', 'TikTok API attempt latency', [
      'endpoint',
    ]),
    submissions: counter('submissions_total', 'Submissions to TikTok, by outcome', ['outcome']),
    approvals: counter('approvals_total', 'Approvals counted or refused', ['outcome']),
    lockWait: new Histogram({
      name: name('lock_wait_seconds'),
      help: 'Time waited for a thread lock',
      buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 30, 60],
      registers: [registry],
    }),
    redisErrors: counter('redis_errors_total', 'State store calls that failed', ['operation']),
    deduplicated: counter(
      'events_deduplicated_total',
      'Deliveries dropped because they were already handled',
      ['source'],
    ),
  };
}

/** The {@link Metrics} port over the instruments: one method per thing the bot counts. */
function recordingTo(m: ReturnType<typeof instrumentsOn>): Metrics {
  return {
    turn(platform, outcome, seconds) {
      m.turns.inc({ platform, outcome });
      m.turnSeconds.observe({ platform }, seconds);
    },
    modelCall(model, outcome, seconds) {
      m.modelCalls.inc({ model, outcome });
      m.modelSeconds.observe({ model }, seconds);
    },
    modelTokens(model, kind, count) {
      if (count > 0) m.modelTokens.inc({ model, kind }, count);
    },
    tiktokCall(endpoint, code, seconds) {
      m.tiktokCalls.inc({ endpoint, code: String(code) });
      m.tiktokSeconds.observe({ endpoint }, seconds);
    },
    submission(outcome) {
      m.submissions.inc({ outcome });
    },
    approval(outcome) {
      m.approvals.inc({ outcome });
    },
    lockWait(seconds) {
      m.lockWait.observe(seconds);
    },
    redisError(operation) {
      m.redisErrors.inc({ operation });
    },
    eventDeduplicated(source) {
      m.deduplicated.inc({ source });
    },
  };
}
