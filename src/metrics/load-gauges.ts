import { Gauge, type Registry } from 'prom-client';
import type { AdmissionStats } from '../admission/admission';

/** What the load gauges read, when `/metrics` is scraped. */
export interface LoadSources {
  admission: () => AdmissionStats;
  /** Model calls in flight now, and their bound (`MAX_MODEL_CALLS_IN_FLIGHT`). */
  model: () => { inFlight: number; limit: number };
  /** How late the event loop runs, in ms (worst of the last window). */
  loopLagMs: () => number;
}

/**
 * Gauges of the admission control and the model bound, read at scrape time (prom-client
 * `collect`): `tiktok_ad_bot_turns_in_flight`, `…_turns_queued`, `…_turns_queued_total`,
 * `…_turns_refused_total`, `…_model_calls_in_flight`, `…_model_calls_limit`,
 * `…_event_loop_lag_ms`. (The two `_total` are gauges of counters kept by admission control.)
 */
export function registerLoadGauges(registry: Registry, sources: LoadSources): void {
  const gauge = (name: string, help: string, read: () => number) =>
    new Gauge({
      name: `tiktok_ad_bot_${name}`,
      help,
      registers: [registry],
      collect() {
        this.set(read());
      },
    });
  gauge('turns_in_flight', 'Turns running now', () => sources.admission().inFlight);
  gauge('turns_queued', 'Events waiting for a place now', () => sources.admission().queued);
  gauge(
    'turns_queued_total',
    'Events that waited because every place was taken',
    () => sources.admission().queuedTotal,
  );
  gauge(
    'turns_refused_total',
    'Events refused because the queue was full',
    () => sources.admission().refusedTotal,
  );
  gauge('model_calls_in_flight', 'Model calls in flight now', () => sources.model().inFlight);
  gauge('model_calls_limit', 'Bound on model calls in flight', () => sources.model().limit);
  gauge('event_loop_lag_ms', 'How late the event loop runs (ms)', sources.loopLagMs);
}
