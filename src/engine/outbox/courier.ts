import { randomBytes } from 'node:crypto';
import type { Logger } from '../../logging/logger';
import type { Keys } from '../../store/keys';
import type { OutboxEntry, StateStore } from '../../store/state-store';
import type { Reply, ReplySink } from '../reply';
import { type Platform, parseThreadId } from '../thread-id';

/** What an outbox entry holds: the reply, when it was saved, and the process that saved it. */
export interface OutboxReply {
  reply: Reply;
  /** ISO 8601, server clock. */
  at: string;
  /** `ProcessOwner.id` of the process that saved it; absent without an owner. */
  owner?: string;
}

/** What {@link ReplyCourier} needs. */
export interface ReplyCourierDeps {
  store: StateStore;
  keys: Keys;
  logger: Logger;
  /** This process as owner of what it saves (`ProcessOwner`); `isGone` for another's entries. */
  owner?: { id: string; isGone(ownerId: string): Promise<boolean> };
  now?: () => Date;
  /**
   * How long an entry saved by a process that still lives is left to that process before a
   * sweep sends it (its own delivery failed or is stuck). Default {@link SWEEP_GRACE_MS}.
   */
  graceMs?: number;
  /**
   * How long a sweep keeps trying a reply the platform would not take; older ones are logged
   * and dropped. Default {@link GIVE_UP_AFTER_MS}.
   */
  giveUpMs?: number;
}

/** Default {@link ReplyCourierDeps.giveUpMs}: 30 minutes. */
export const GIVE_UP_AFTER_MS = 30 * 60_000;

/** Default {@link ReplyCourierDeps.graceMs}: 60 s. */
export const SWEEP_GRACE_MS = 60_000;

/**
 * Delivers replies from the thread outboxes (the replies saved with the state they report,
 * `StateStore.saveWithOutbox`) and records each one delivered (`outboxDelivered`) as soon as
 * the sink has it, so a restart sends only what was not (at least once; a resend after a
 * crash between a post and its mark carries `delivery_retry`, so the adapter can find the
 * post instead of repeating it). Per thread, one delivery runs at a time in this process and
 * replies go in the order they were saved.
 *
 * The sink's contract: it resolves once the platform has the reply, or once the platform has
 * refused it for good (the adapter logs that); it rejects when the reply may be sent again
 * later (network, rate limit after retries). A rejected reply stays in the outbox and holds
 * back the thread's later ones (they wait behind it in the outbox, other threads do not): the
 * next delivery of that thread, or the next {@link sweep}, starts again from the oldest.
 * Replies that report nothing saved ({@link sendUnsaved}) are not in the outbox and go out at
 * once, blocked or not.
 */
export class ReplyCourier {
  /** Per thread: the last delivery queued, and ids marked delivered while it runs. */
  private readonly threads = new Map<string, { tail: Promise<void>; sent: Set<string> }>();
  /** Threads whose oldest undelivered entry the sink rejected in this process. */
  private readonly blocked = new Set<string>();
  private readonly now: () => Date;

  constructor(private readonly deps: ReplyCourierDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  /** Outbox entries for `replies`, each with a new random id, to save with a state. */
  entriesFor(replies: Reply[]): Array<OutboxEntry<OutboxReply>> {
    const at = this.now().toISOString();
    const owner = this.deps.owner?.id;
    return replies.map((reply) => ({
      id: randomBytes(8).toString('hex'),
      value: { reply, at, ...(owner ? { owner } : {}) },
    }));
  }

  /** The outbox key of a thread, and the index of outboxes, for `saveWithOutbox`. */
  outboxOf(thread_id: string): { key: string; index: { key: string; member: string } } {
    const { keys } = this.deps;
    return { key: keys.outbox(thread_id), index: { key: keys.outboxes(), member: thread_id } };
  }

  /**
   * Sends `entries`, just saved in `thread_id`'s outbox, after the thread's earlier deliveries,
   * marking each one delivered; when an earlier entry of the thread was refused, from the
   * outbox's oldest entry instead, so none overtakes it. Resolves when done; never rejects.
   */
  send(thread_id: string, entries: Array<OutboxEntry<OutboxReply>>, sink?: ReplySink) {
    return this.enqueue(thread_id, async (sent) => {
      if (!this.blocked.has(thread_id))
        return this.deliver(thread_id, entries, sent, sink, { saved: true });
      const fresh = new Set(entries.map((e) => e.id));
      return sink && this.fromOldest(thread_id, sent, sink, fresh);
    });
  }

  /**
   * Sends replies that report nothing saved (a question, a refusal, a store failure), in
   * order with the thread's other deliveries; nothing to mark. Never rejects.
   */
  sendUnsaved(thread_id: string, replies: Reply[], sink?: ReplySink): Promise<void> {
    const entries = replies.map((reply) => ({ id: '', value: { reply, at: '' } }));
    return this.enqueue(thread_id, (sent) =>
      this.deliver(thread_id, entries, sent, sink, { saved: false }),
    );
  }

  /**
   * Sends what is left in `thread_id`'s outbox, oldest first: entries whose process is gone (or
   * was this one), or older than the grace time. Returns how many were sent.
   */
  sweep(thread_id: string, sink: ReplySink): Promise<number> {
    let count = 0;
    return this.enqueue(thread_id, async (sent) => {
      count = await this.fromOldest(thread_id, sent, sink, new Set());
    }).then(() => count);
  }

  /**
   * Sweeps every indexed outbox (on start and now and then: the bot's restart sends what a
   * dead process saved but did not deliver), with the sink of each thread's platform; drops
   * empty outboxes from the index. Returns the number of replies sent.
   */
  async sweepAll(sinkFor: (platform: Platform) => ReplySink | undefined): Promise<number> {
    const { store, keys, logger } = this.deps;
    let total = 0;
    for (const thread_id of await store.members(keys.outboxes())) {
      const sink = sinkFor(parseThreadId(thread_id).platform);
      if (!sink) continue;
      const sent = await this.sweep(thread_id, sink);
      if (sent > 0)
        logger.info({ thread_id, replies: sent }, 'sent replies saved before a restart');
      total += sent;
      if ((await store.outboxPending(keys.outbox(thread_id))).length === 0)
        await store.removeMember(keys.outboxes(), thread_id);
    }
    return total;
  }

  /** Resolves when every delivery queued so far for `thread_id` has run. */
  idle(thread_id: string): Promise<void> {
    return this.threads.get(thread_id)?.tail ?? Promise.resolve();
  }

  /**
   * Delivers the thread's outbox from its oldest entry up to the first one not yet due (another
   * live process's, within the grace time); drops, with an error log, entries older than the
   * give-up time. Every entry not in `fresh` (just saved, never tried) may have been tried
   * before, so it goes with `delivery_retry`. Returns the number sent.
   */
  private async fromOldest(
    thread_id: string,
    sent: Set<string>,
    sink: ReplySink,
    fresh: Set<string>,
  ): Promise<number> {
    const { store, keys } = this.deps;
    const pending = await store.outboxPending<OutboxReply>(keys.outbox(thread_id));
    const due: Array<OutboxEntry<OutboxReply>> = [];
    for (const entry of pending) {
      if (sent.has(entry.id)) continue;
      if (this.ageMs(entry.value) > (this.deps.giveUpMs ?? GIVE_UP_AFTER_MS)) {
        this.deps.logger.error(
          { thread_id, saved_at: entry.value.at },
          'a saved reply could not be delivered for too long; dropped',
        );
        await this.mark(thread_id, entry.id, sent);
        continue;
      }
      if (!(await this.isDue(entry.value))) break;
      due.push(entry);
    }
    return this.deliver(thread_id, due, sent, sink, { saved: true, retry: (id) => !fresh.has(id) });
  }

  private async isDue(entry: OutboxReply): Promise<boolean> {
    const { owner } = this.deps;
    if (!entry.owner || !owner || entry.owner === owner.id) return true;
    if (this.ageMs(entry) > (this.deps.graceMs ?? SWEEP_GRACE_MS)) return true;
    return owner.isGone(entry.owner);
  }

  private ageMs(entry: OutboxReply): number {
    return this.now().getTime() - Date.parse(entry.at);
  }

  private enqueue(thread_id: string, job: (sent: Set<string>) => Promise<unknown>) {
    const thread = this.threads.get(thread_id) ?? { tail: Promise.resolve(), sent: new Set() };
    const tail = thread.tail
      .then(() => job(thread.sent))
      .then(
        () => undefined,
        (err: unknown) => this.deps.logger.error({ err, thread_id }, 'reply delivery failed'),
      );
    thread.tail = tail;
    this.threads.set(thread_id, thread);
    void tail.then(() => {
      if (this.threads.get(thread_id)?.tail === tail) this.threads.delete(thread_id);
    });
    return tail;
  }

  /**
   * Sends entries in order; stops at the first the sink rejects (the rest wait for a sweep, in
   * order, and the thread is blocked until its oldest entry goes out). A progress card's entry
   * followed in the same batch by a newer one with the same `key` is marked without being
   * sent, and so is any older one still waiting in the outbox when a newer one goes out: only
   * the card's last state shows. `how.saved`: the entries are in the outbox (marked, sent with
   * `delivery_id`); `how.retry`: which of them go with `delivery_retry`. Returns the number sent.
   */
  private async deliver(
    thread_id: string,
    entries: Array<OutboxEntry<OutboxReply>>,
    sent: Set<string>,
    sink: ReplySink | undefined,
    how: { saved: boolean; retry?: (id: string) => boolean },
  ): Promise<number> {
    const { saved } = how;
    let count = 0;
    for (const [i, entry] of entries.entries()) {
      // A sweep queued before this delivery may have sent it already.
      if (saved && sent.has(entry.id)) continue;
      const { reply } = entry.value;
      const replaced =
        reply.key !== undefined &&
        entries.slice(i + 1).some((e) => e.value.reply.key === reply.key);
      if (!replaced && sink) {
        if (saved && reply.key !== undefined) await this.dropSuperseded(thread_id, entry, sent);
        const retry = saved && how.retry?.(entry.id) === true;
        try {
          await sink(
            saved
              ? { ...reply, delivery_id: entry.id, ...(retry ? { delivery_retry: true } : {}) }
              : reply,
          );
          count += 1;
        } catch (err) {
          if (saved) this.blocked.add(thread_id);
          this.deps.logger.warn({ err, thread_id }, 'reply not delivered; kept for a later try');
          return count;
        }
      }
      if (saved) await this.mark(thread_id, entry.id, sent);
    }
    if (saved) this.blocked.delete(thread_id);
    return count;
  }

  /**
   * Marks delivered, unsent, the entries saved before `entry` in the thread's outbox that have
   * its `key`: `entry` is the card's newer state, and one of them sent later (by a sweep, after
   * their process is known gone or a refusal is retried) would put the card back to an older
   * state. Entries are appended in save order, so "before `entry` in the list" means older.
   */
  private async dropSuperseded(
    thread_id: string,
    entry: OutboxEntry<OutboxReply>,
    sent: Set<string>,
  ): Promise<void> {
    const pending = await this.deps.store
      .outboxPending<OutboxReply>(this.deps.keys.outbox(thread_id))
      .catch((err: unknown) => {
        this.deps.logger.warn(
          { err, thread_id },
          'outbox not read; an older card state may follow',
        );
        return [] as Array<OutboxEntry<OutboxReply>>;
      });
    const at = pending.findIndex((e) => e.id === entry.id);
    for (const older of pending.slice(0, Math.max(at, 0))) {
      if (older.value.reply.key === entry.value.reply.key && !sent.has(older.id))
        await this.mark(thread_id, older.id, sent);
    }
  }

  private async mark(thread_id: string, id: string, sent: Set<string>): Promise<void> {
    sent.add(id);
    await this.deps.store
      .outboxDelivered(this.deps.keys.outbox(thread_id), id)
      .catch((err: unknown) =>
        this.deps.logger.warn({ err, thread_id }, 'delivery mark not saved; the reply may repeat'),
      );
  }
}
