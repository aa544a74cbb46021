import type { webApi } from '@slack/bolt';
import { parseThreadId, type Reply, type ReplySink } from '../../src/engine/ports';
import { BotError } from '../../src/errors/bot-error';
import type { Logger } from '../../src/logging/logger';
import type { StateStore } from '../../src/store/state-store';
import type { MessageRef, PostedRef, SlackKeys } from './keys';
import type { SlackMessage } from './limits';
import { slackErrorCode } from './log-fields';
import { postedParts, replyMetadata } from './posted-replies';
import { renderReply } from './render';

/** Finds the bot token (`xoxb-…`) for a workspace (`team_id`). */
export type TokenFor = (team_id: string) => Promise<string>;

/** What {@link SlackDelivery} needs. */
export interface SlackDeliveryDeps {
  /** A Web API client (Bolt's `app.client`); the token is passed per call. */
  client: webApi.WebClient;
  tokenFor: TokenFor;
  store: StateStore;
  keys: SlackKeys;
  /** How long posted messages stay findable (reactions, buttons, thread ownership), in ms. */
  messageTtlMs: number;
  logger: Logger;
  /** Counts each thread's queued deliveries as work in flight (a shutdown waits for them). */
  track?: ((work: Promise<unknown>) => void) | undefined;
}

/**
 * Delivers engine replies to Slack from the thread id alone (`slack:<team_id>:<channel>:<thread_ts>`),
 * so it works for answers to a Slack request and for replies that are not (the OAuth callback's
 * `account_linked`, a submission's progress):
 * - a plain reply → `chat.postMessage` in the thread (`thread_ts`);
 * - a reply with `key` → the first one is posted, later ones with the same key `chat.update`
 *   that message (key → `ts` kept in the store, so this survives a restart);
 * - a reply with `private_to` → `conversations.open` + `chat.postMessage` in the DM, never the
 *   thread (docs.slack.dev/reference/methods/conversations.open);
 * - a reply with `ephemeral_to` → `chat.postEphemeral` in the thread, seen only by that user
 *   (docs.slack.dev/reference/methods/chat.postEphemeral; not kept by Slack, so not remembered).
 *
 * Messages that reactions, clicks or thread replies point at (roots, approval cards, messages
 * with buttons) are remembered (`ts` → thread, and whether it is an approval card) so they find
 * their thread after a restart; plain text replies are not (one Redis write fewer each).
 *
 * A reply from the outbox (`delivery_id`) is posted with that id in its message metadata; when
 * an earlier attempt may have posted it (`delivery_retry`: a crash before the delivery mark),
 * the thread is read first and the parts found there are not posted again (a keyed card found
 * there is remembered for its later edits). Slack has no idempotency key for posts, so this
 * look-up is the only guard; it costs one `conversations.replies` per retried reply, none on a
 * first attempt. A DM or ephemeral reply is not looked up (a DM needs `im:history`, which the
 * bot does not ask for; Slack keeps no ephemeral message).
 * @throws the Web API's errors (`WebAPIPlatformError` for `ok:false`, …) after its retries.
 */
export class SlackDelivery {
  /** Per thread, the last reply queued (each waits for the one before it). */
  private readonly queues = new Map<string, Promise<void>>();

  constructor(private readonly deps: SlackDeliveryDeps) {}

  /**
   * The `ReplySink` for `ConversationEngine.handle(event, sink)`: the reply is queued behind
   * the thread's earlier replies and posted in order; the promise resolves once Slack has it,
   * so the engine then marks it delivered in the thread's outbox (the engine has already saved
   * the turn and released the thread, so a conversation's next message does not wait for
   * these posts). A reply Slack refuses for good (its `ok:false` error code) is logged and
   * resolves: sending it again would not help. Any other failure (network, HTTP 5xx, rate
   * limited past the Web API's retries) is logged and rejects: the reply stays in the outbox
   * for a later try.
   */
  readonly sink: ReplySink = async (reply) => {
    try {
      await this.deliver(reply);
    } catch (error) {
      const slack_error = slackErrorCode(error);
      const thread_id = reply.thread_id;
      if (slack_error) {
        this.deps.logger.warn({ slack_error, thread_id }, 'Slack refused a reply');
        return;
      }
      this.deps.logger.error({ err: error, thread_id }, 'a reply could not be delivered');
      throw error;
    }
  };

  /**
   * Delivers `reply` after the thread's earlier replies (see {@link sink}); resolves once it is
   * in Slack, rejects with the Web API's error.
   */
  deliver(reply: Reply): Promise<void> {
    // Each entry is already settled-safe (never rejects), so a failed reply does not stop the next.
    const before = this.queues.get(reply.thread_id) ?? Promise.resolve();
    const done = before.then(() => this.send(reply));
    const settled = done.catch(() => {});
    this.queues.set(reply.thread_id, settled);
    void settled.then(() => {
      if (this.queues.get(reply.thread_id) === settled) this.queues.delete(reply.thread_id);
    });
    this.deps.track?.(settled);
    return done;
  }

  private async send(reply: Reply): Promise<void> {
    const { client, store, keys } = this.deps;
    const thread = parseThreadId(reply.thread_id);
    if (thread.platform !== 'slack')
      throw new BotError('thread_id_invalid', `Not a Slack thread: ${reply.thread_id}`);
    const team_id = thread.workspace;
    const token = await this.deps.tokenFor(team_id);
    const messages = renderReply(reply);
    const approval = reply.blocks.some((b) => b.type === 'approval_request');

    if (reply.ephemeral_to) {
      for (const message of messages)
        await client.chat.postEphemeral({
          token,
          channel: thread.channel,
          user: reply.ephemeral_to.id,
          thread_ts: thread.thread,
          text: message.text,
          blocks: message.blocks as webApi.KnownBlock[],
        });
      return;
    }

    if (reply.private_to) {
      const opened = await client.conversations.open({ token, users: reply.private_to.id });
      const dm = opened.channel?.id;
      if (!dm)
        throw new BotError('chat_reply_incomplete', 'conversations.open returned no channel');
      for (const [part, message] of messages.entries())
        await this.post(
          token,
          team_id,
          dm,
          undefined,
          message,
          { thread_id: reply.thread_id },
          reply.delivery_id === undefined ? undefined : replyMetadata(reply.delivery_id, part),
        );
      return;
    }

    const place = this.placer(reply, token);
    let rest = [...messages.entries()];
    if (reply.key !== undefined) {
      const [first, ...others] = rest;
      rest = others;
      if (first) {
        const key = keys.replyKey(reply.thread_id, reply.key);
        const posted = await store.get<PostedRef>(key);
        if (posted) {
          await client.chat.update({
            token,
            channel: posted.channel,
            ts: posted.ts,
            text: first[1].text,
            blocks: first[1].blocks as webApi.KnownBlock[],
          });
        } else {
          const ts = await place(first[0], first[1], {
            thread_id: reply.thread_id,
            ...(approval ? { approval: true, card_key: reply.key } : {}),
          });
          await store.set(key, { channel: thread.channel, ts }, this.deps.messageTtlMs);
        }
      }
    }
    for (const [part, message] of rest) {
      await place(part, message, {
        thread_id: reply.thread_id,
        ...(approval ? { approval: true } : {}),
      });
    }
  }

  /**
   * Places message `part` of `reply` in its thread: posts it with the reply's metadata, unless
   * an earlier attempt already did (looked up once per reply, and only for a `delivery_retry`),
   * in which case the message found is remembered as a new post would be. Returns its `ts`.
   */
  private placer(reply: Reply, token: string) {
    const thread = parseThreadId(reply.thread_id);
    const { delivery_id } = reply;
    let earlier: Promise<Map<number, string>> | undefined;
    const lookUp = () => {
      if (delivery_id === undefined || reply.delivery_retry !== true)
        return Promise.resolve(new Map<number, string>());
      earlier ??= postedParts(
        { client: this.deps.client, token, channel: thread.channel, thread_ts: thread.thread },
        delivery_id,
        this.deps.logger,
      );
      return earlier;
    };
    return async (part: number, message: SlackMessage, ref: MessageRef): Promise<string> => {
      const found = (await lookUp()).get(part);
      if (found !== undefined) {
        this.deps.logger.info(
          { thread_id: reply.thread_id, ts: found },
          'a retried reply was already in Slack; not posted again',
        );
        await this.remember(thread.workspace, thread.channel, found, message, ref);
        return found;
      }
      const metadata = delivery_id === undefined ? undefined : replyMetadata(delivery_id, part);
      return this.post(
        token,
        thread.workspace,
        thread.channel,
        thread.thread,
        message,
        ref,
        metadata,
      );
    };
  }

  /**
   * Posts one message (in a thread when `thread_ts` is set) and remembers its `ts` with `ref`
   * (or `ref(ts)`, for a thread root whose thread id is its own `ts`) when something will look
   * it up: a thread root, an approval card (reactions) or a message with buttons (clicks).
   * `metadata`, when given, goes with the post (see `posted-replies.ts`).
   * @returns the new message's `ts`.
   */
  async post(
    token: string,
    team_id: string,
    channel: string,
    thread_ts: string | undefined,
    message: SlackMessage,
    ref: MessageRef | ((ts: string) => MessageRef),
    metadata?: webApi.MessageMetadata,
  ): Promise<string> {
    const result = await this.deps.client.chat.postMessage({
      token,
      channel,
      ...(thread_ts ? { thread_ts } : {}),
      text: message.text,
      blocks: message.blocks as webApi.KnownBlock[],
      unfurl_links: false,
      unfurl_media: false,
      ...(metadata ? { metadata } : {}),
    });
    const ts = result.ts;
    if (!ts) throw new BotError('chat_reply_incomplete', 'chat.postMessage returned no ts');
    await this.remember(team_id, result.channel ?? channel, ts, message, ref);
    this.deps.logger.debug({ channel, ts, blocks: message.blocks.length }, 'posted to Slack');
    return ts;
  }

  /**
   * Remembers a posted message's `ref` under its `ts`, when something will look it up. Only
   * messages people act on (thread roots, approval cards, buttons) need it; a plain notice
   * writes none, so it is also delivered while Redis fails.
   */
  private async remember(
    team_id: string,
    channel: string,
    ts: string,
    message: SlackMessage,
    ref: MessageRef | ((ts: string) => MessageRef),
  ): Promise<void> {
    if (!needsRef(message, ref)) return;
    await this.deps.store.set(
      this.deps.keys.message(team_id, channel, ts),
      typeof ref === 'function' ? ref(ts) : ref,
      this.deps.messageTtlMs,
    );
  }
}

/**
 * Whether a posted message's `ts` must map back to its thread: a thread root (`ref` is a
 * function of the new `ts`), an approval card (reactions vote on it), or a message with an
 * `actions` block (its buttons' clicks arrive with only channel and `ts`).
 */
function needsRef(message: SlackMessage, ref: MessageRef | ((ts: string) => MessageRef)): boolean {
  if (typeof ref === 'function' || ref.approval === true) return true;
  return message.blocks.some((block) => block.type === 'actions');
}
