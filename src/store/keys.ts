import type { ThreadId } from '../engine/thread-id';

/**
 * Every state key, built in one place under one prefix (default `tab:`), so that several bots
 * or test suites can share a Redis database. Thread keys put the thread id in braces (a Redis
 * Cluster hash tag) so a thread's keys share a slot.
 */
export class Keys {
  constructor(readonly prefix = 'tab:') {}

  /** The thread's saved state (draft, approvals, submission). */
  thread(threadId: ThreadId): string {
    return `${this.prefix}thread:{${threadId}}`;
  }

  /** Read (never written) by the readiness check: one Redis round trip. */
  readiness(): string {
    return `${this.prefix}readyz`;
  }

  /** The per-thread turn lock. */
  threadLock(threadId: ThreadId): string {
    return `${this.prefix}lock:{${threadId}}`;
  }

  /**
   * The set of thread ids whose submission is in flight (started, not yet finished or failed),
   * so a restarted process can find and resume them.
   */
  submissionsInFlight(): string {
    return `${this.prefix}submissions:inflight`;
  }

  /** A running process's heartbeat (short TTL); while it exists, its submissions are its own. */
  owner(ownerId: string): string {
    return `${this.prefix}owner:${ownerId}`;
  }

  /** The claim that an event id was handled. */
  event(eventId: string): string {
    return `${this.prefix}event:${eventId}`;
  }

  /** Maps a platform message (e.g. an approval card's `ts`) back to its thread. */
  messageRef(platformMessageId: string): string {
    return `${this.prefix}msg:${platformMessageId}`;
  }

  /** A chat user's TikTok link (encrypted token, advertisers); `chatUserId` is `platform:ws:user`. */
  link(chatUserId: string): string {
    return `${this.prefix}link:${chatUserId}`;
  }

  /** A private link not yet completed, by the SHA-256 of its id (never the id itself). */
  oauthLink(linkIdHash: string): string {
    return `${this.prefix}oauth:link:${linkIdHash}`;
  }

  /** An OAuth `state` in flight, by its SHA-256 (the value itself is never stored). */
  oauthState(stateHash: string): string {
    return `${this.prefix}oauth:state:${stateHash}`;
  }
}
