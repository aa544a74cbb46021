import type { ThreadId } from '../../src/engine/ports';
import type { Keys } from '../../src/store/keys';

/**
 * The Slack adapter's state keys, under the bot's key prefix (`Keys.prefix`, default `tab:`),
 * so they live next to the engine's keys and a test's random prefix covers them too.
 */
export class SlackKeys {
  constructor(private readonly keys: Keys) {}

  /** A message the bot posted (`ts` in `channel` of workspace `team_id`) → its {@link MessageRef}. */
  message(team_id: string, channel: string, ts: string): string {
    return this.keys.messageRef(`slack:${team_id}:${channel}:${ts}`);
  }

  /** The message first posted for an engine reply `key` in a thread (for `chat.update`). */
  replyKey(thread_id: ThreadId, key: string): string {
    return `${this.keys.prefix}slack:reply:{${thread_id}}:${key}`;
  }

  /** A workspace's (or Enterprise Grid org's) installation from Slack's OAuth install. */
  installation(id: string): string {
    return `${this.keys.prefix}slack:installation:${id}`;
  }
}

/**
 * What a bot message belongs to: its thread, and whether it carries the approval request (only
 * reactions on such a card count as votes).
 */
export interface MessageRef {
  thread_id: ThreadId;
  approval?: boolean;
  /** The engine reply key the message was posted for (approval cards: their card key). */
  card_key?: string;
}

/** Where a keyed reply was posted, so later replies with the same key update it. */
export interface PostedRef {
  channel: string;
  ts: string;
}
