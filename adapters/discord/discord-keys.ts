import type { ThreadId } from '../../src/engine/ports';
import type { Keys } from '../../src/store/keys';

/**
 * The Discord adapter's own state keys, under the same prefix as the engine's (`Keys.prefix`),
 * so one prefix cleanup removes both. Deliveries are claimed by the engine, not here.
 */
export class DiscordKeys {
  constructor(readonly keys: Keys) {}

  /** A thread the bot started: its Discord thread id → the engine's {@link ThreadId}. */
  ownedThread(discordThreadId: string): string {
    return `${this.keys.prefix}discord:thread:${discordThreadId}`;
  }

  /** The message first posted for a reply `key` (later replies with the key edit it). */
  replyMessage(threadId: ThreadId, replyKey: string): string {
    return `${this.keys.prefix}discord:reply:{${threadId}}:${replyKey}`;
  }

  /** A bot message that carries an approval card → its thread (so reactions find the thread). */
  approvalCard(messageId: string): string {
    return this.keys.messageRef(`discord:${messageId}`);
  }
}
