/**
 * The metrics port: what the engine, the TikTok client, the model and the adapters report, in
 * words of this domain. `prometheus.ts` implements it with prom-client; {@link NO_METRICS}
 * discards everything (the default, and `METRICS=off`).
 *
 * Label values are always from small closed sets (platform, outcome, model id, TikTok endpoint
 * and code): never thread, user, team or advertiser ids, names, or secrets.
 */
export interface Metrics {
  /** One handled chat event: `outcome` e.g. `ok`, `error`, `lock_timeout`; duration in s. */
  turn(platform: string, outcome: string, seconds: number): void;
  /** One model proposal (all of its HTTP requests): latency in s. */
  modelCall(model: string, outcome: string, seconds: number): void;
  /** Tokens a model reported, by `kind` (`prompt`, `output`, `thought`, `cached`). */
  modelTokens(model: string, kind: string, count: number): void;
  /** One TikTok HTTP attempt: the endpoint (`campaign/create/`), TikTok's `code` (0 = ok). */
  tiktokCall(endpoint: string, code: number, seconds: number): void;
  /** A submission attempt ended: `submitted` or `failed`. */
  submission(outcome: 'submitted' | 'failed'): void;
  /** An approval counted (`approved`), or refused (`refused`: self-approval, wrong state, bot). */
  approval(outcome: 'approved' | 'refused'): void;
  /** Time spent waiting for a thread's lock, s. */
  lockWait(seconds: number): void;
  /** A state-store (Redis) call failed. */
  redisError(operation: string): void;
  /** A delivery already handled was dropped: `source` e.g. `engine`, `slack`, `discord`. */
  eventDeduplicated(source: string): void;
}

/** A {@link Metrics} that records nothing. */
export const NO_METRICS: Metrics = {
  turn: () => {},
  modelCall: () => {},
  modelTokens: () => {},
  tiktokCall: () => {},
  submission: () => {},
  approval: () => {},
  lockWait: () => {},
  redisError: () => {},
  eventDeduplicated: () => {},
};
