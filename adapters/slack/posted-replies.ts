import type { webApi } from '@slack/bolt';
import type { Logger } from '../../src/logging/logger';
import { slackErrorCode } from './log-fields';

/**
 * The `event_type` of the message metadata on every reply the bot posts from its outbox.
 * Posting metadata needs no scope or manifest entry beyond `chat:write` (a manifest's
 * `metadata_subscriptions` is only for receiving metadata events):
 * https://docs.slack.dev/messaging/message-metadata and
 * https://docs.slack.dev/reference/methods/chat.postMessage (argument `metadata`).
 */
export const REPLY_EVENT_TYPE = 'tiktok_ad_bot_reply';

/** Most messages asked for per `conversations.replies` page (Slack advises at most 200). */
const PAGE = 200;

/**
 * The metadata of message `part` (0 for the first) of the reply delivered as `delivery_id`
 * (the engine's outbox entry id, the same on every attempt): what lets a later attempt find
 * the post instead of repeating it.
 */
export function replyMetadata(delivery_id: string, part: number): webApi.MessageMetadata {
  return { event_type: REPLY_EVENT_TYPE, event_payload: { delivery_id, part } };
}

/** Where {@link postedParts} looks: a thread of a channel, with the token that can read it. */
export interface ThreadPlace {
  client: webApi.WebClient;
  token: string;
  channel: string;
  thread_ts: string;
}

/**
 * The messages of delivery `delivery_id` that are already in the thread: part → `ts`. Reads
 * the whole thread with `conversations.replies` and `include_all_metadata=true` (without it
 * Slack leaves metadata out; https://docs.slack.dev/reference/methods/conversations.replies),
 * which needs `channels:history` / `groups:history`, scopes the bot has for threads anyway.
 * Only bot messages count (people cannot post metadata). Slack refusing the read (e.g. an old
 * install without the scope) is logged and answers "none": the reply is posted again, as
 * before. Network failures reject (the reply stays in the outbox for a later try).
 */
export async function postedParts(
  place: ThreadPlace,
  delivery_id: string,
  logger: Logger,
): Promise<Map<number, string>> {
  const found = new Map<number, string>();
  let cursor: string | undefined;
  try {
    do {
      const page = await place.client.conversations.replies({
        token: place.token,
        channel: place.channel,
        ts: place.thread_ts,
        include_all_metadata: true,
        limit: PAGE,
        ...(cursor ? { cursor } : {}),
      });
      for (const message of page.messages ?? []) {
        const metadata = message.metadata;
        const payload = metadata?.event_payload as Record<string, unknown> | undefined;
        if (!message.bot_id || !message.ts || metadata?.event_type !== REPLY_EVENT_TYPE) continue;
        if (payload?.delivery_id === delivery_id) found.set(Number(payload.part ?? 0), message.ts);
      }
      cursor = page.response_metadata?.next_cursor || undefined;
    } while (cursor);
  } catch (error) {
    const slack_error = slackErrorCode(error);
    if (!slack_error) throw error;
    logger.warn(
      { slack_error, channel: place.channel },
      'could not look for an earlier post of a reply; posting it again',
    );
  }
  return found;
}
