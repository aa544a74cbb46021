import type { Proposal, TurnInput, TurnModel } from '../proposal';
import { understand } from './understand';

/**
 * A deterministic model that needs no key, in small stages (this folder): `normalise` →
 * `entities` and `clauses` (addresses, ids, amounts with `compromise` for number words, quotes)
 * → `intents` and `labels` (commands, questions, labels and corrections, with typo matching by
 * `fastest-levenshtein`) → `slots` (fill the draft's fields). It is the default when no Gemini
 * key is set, and what tests and the benchmark run. Like Gemini, it only proposes; the
 * engine's rules decide.
 */
export class OfflineTurnModel implements TurnModel {
  readonly name = 'offline';

  async propose(input: TurnInput): Promise<Proposal> {
    return understand(input);
  }
}
