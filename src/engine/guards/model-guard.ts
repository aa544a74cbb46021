import type { Keys } from '../../store/keys';
import type { StateStore } from '../../store/state-store';
import type { ChatEvent } from '../chat-event';
import type { Block } from '../reply';
import type { EngineSettings } from '../settings';

/** Default `MAX_MESSAGE_CHARS`. */
export const DEFAULT_MAX_MESSAGE_CHARS = 2000;

const HOUR_MS = 60 * 60 * 1000;

/**
 * Checks made before any model call (docs/reliability.md §9, OWASP LLM10):
 * - a message longer than `max_message_chars` (default 2000) is refused and never sent;
 * - LLM calls per chat user and per workspace per clock hour (`llm_calls_per_user_per_hour`,
 *   `llm_calls_per_workspace_per_hour`), counted in the store (`StateStore.increment`), so all
 *   processes sharing Redis share the count. Over quota, the user is told when the hour ends.
 * Returns the refusal to show, or `null` to go on (one call counted).
 */
export async function modelCallRefusal(
  store: StateStore,
  keys: Keys,
  event: ChatEvent,
  text: string,
  settings: EngineSettings,
  now: Date,
): Promise<Block | null> {
  const max = settings.guards?.max_message_chars ?? DEFAULT_MAX_MESSAGE_CHARS;
  if (text.length > max)
    return refusal(
      `That message is ${text.length} characters long; I read at most ${max} (MAX_MESSAGE_CHARS). Please send it shorter, e.g. only the fields to change. Nothing was changed.`,
    );
  const hour = Math.floor(now.getTime() / HOUR_MS);
  const until = new Date((hour + 1) * HOUR_MS).toISOString().slice(11, 16);
  const workspace = `${event.platform}:${event.workspace_id}`;
  const limits: Array<[string, number | null | undefined, string]> = [
    [`${workspace}:${event.user.id}`, settings.guards?.llm_calls_per_user_per_hour, 'you'],
    [workspace, settings.guards?.llm_calls_per_workspace_per_hour, 'this workspace'],
  ];
  for (const [who, limit, whom] of limits) {
    if (limit === null || limit === undefined) continue;
    const used = await store.increment(keys.llmCalls(who, hour), HOUR_MS + 60_000);
    if (used > limit)
      return refusal(
        `I have answered ${limit} messages for ${whom} this hour, the limit set for this bot. You can go on at ${until} UTC. Nothing was changed.`,
      );
  }
  return null;
}

function refusal(text: string): Block {
  return { type: 'text', tone: 'warning', text };
}
