import type { Proposal, TurnInput, TurnModel } from '../model/proposal';
import { Semaphore } from './semaphore';

/** Default bound on model calls in flight per process (config `MAX_MODEL_CALLS_IN_FLIGHT`). */
export const DEFAULT_MAX_MODEL_CALLS_IN_FLIGHT = 32;

/**
 * A {@link TurnModel} that lets at most `limit` calls run at once in this process; the others
 * wait their turn in arrival order. Each `propose` is one place for its whole life (the Gemini
 * model's retries and corrective call run inside it), so the number of HTTP requests to the
 * model in flight never exceeds `limit`. `inFlight` / `peak` / `waiting` are for metrics and
 * the bench.
 */
export class BoundedTurnModel implements TurnModel {
  readonly name: string;
  private readonly places: Semaphore;

  /** @throws RangeError when `limit` is not a positive integer. */
  constructor(
    private readonly inner: TurnModel,
    limit = DEFAULT_MAX_MODEL_CALLS_IN_FLIGHT,
  ) {
    this.name = inner.name;
    this.places = new Semaphore(limit);
  }

  get limit(): number {
    return this.places.limit;
  }
  get inFlight(): number {
    return this.places.inFlight;
  }
  get peak(): number {
    return this.places.peak;
  }
  get waiting(): number {
    return this.places.waiting;
  }

  propose(input: TurnInput): Promise<Proposal> {
    return this.places.run(() => this.inner.propose(input));
  }
}
