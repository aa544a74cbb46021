import { EVENT_TTL_MS } from '../../src/engine/engine';
import type { StateStore } from '../../src/store/state-store';
import type { SlackKeys } from './keys';

/**
 * Claims every id atomically (Redis `SET NX PX` through `StateStore.setIfAbsent`), in order, and
 * returns true only when this call took all of them: the second and later deliveries of the
 * same Slack event (retries, and a post that came as both `message` and `app_mention`) get
 * false and must do nothing. Claims are kept for the engine's event TTL (2 h, longer than
 * Slack's retry window: reference/reliability.md §3.1), also when handling later fails.
 *
 * A retry whose first delivery never arrived finds no claim and is handled normally: retries are
 * never dropped just for carrying `x-slack-retry-num` (reliability.md §3.2).
 */
export async function claimAll(
  store: StateStore,
  keys: SlackKeys,
  ids: string[],
  ttlMs = EVENT_TTL_MS,
): Promise<boolean> {
  for (const id of ids) {
    if (!(await store.setIfAbsent(keys.claim(id), 1, ttlMs))) return false;
  }
  return true;
}
