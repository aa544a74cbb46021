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

  /**
   * The thread's outbox: replies saved with the state they report, not yet delivered (a list,
   * in the thread's hash slot so the state and its replies are written in one step).
   */
  outbox(threadId: ThreadId): string {
    return `${this.prefix}outbox:{${threadId}}`;
  }

  /** The set of thread ids whose outbox may hold undelivered replies (looked at on restart). */
  outboxes(): string {
    return `${this.prefix}outboxes`;
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

  /** A workspace's append-only audit stream; `workspace` is `platform:workspace_id`. */
  auditStream(workspace: string): string {
    return `${this.prefix}audit:${workspace}`;
  }

  /**
   * One thread's audit records (a copy of its entries in {@link auditStream}, written in the
   * same step), so a thread's trail is read directly however busy its workspace is.
   */
  auditThread(threadId: ThreadId): string {
    return `${this.prefix}audit:thread:{${threadId}}`;
  }

  /** The daily budgets a workspace launched on one UTC day (`YYYY-MM-DD`): member → amount. */
  spendDay(workspace: string, day: string): string {
    return `${this.prefix}spend:${workspace}:${day}`;
  }

  /** Model calls in one clock hour by one chat user or workspace (`who`), hour as epoch hours. */
  llmCalls(who: string, hour: number): string {
    return `${this.prefix}llm:${who}:${hour}`;
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
