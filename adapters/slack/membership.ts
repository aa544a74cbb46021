import type { webApi } from '@slack/bolt';
import { slackErrorCode } from './log-fields';
import { TtlSet } from './ttl-set';

/** Slack errors of `conversations.info` that mean "the bot is not in this conversation". */
const NOT_VISIBLE = new Set(['channel_not_found', 'missing_scope', 'not_in_channel']);

/**
 * Whether the bot is a member of `channel`, from `conversations.info` (its `is_member` is the
 * caller's; docs.slack.dev/reference/methods/conversations.info, scopes `channels:read` and
 * `groups:read`). A private channel the bot is not in answers `channel_not_found`, and a DM
 * `missing_scope` (no `im:read`): both count as "not a member". Without membership the bot
 * would never receive the thread's replies (`message.channels` only reaches members), so it
 * must not open a thread there.
 * @throws the Web API's other errors (after its retries).
 */
export async function botIsMember(
  client: webApi.WebClient,
  token: string,
  channel: string,
): Promise<boolean> {
  try {
    const info = await client.conversations.info({ token, channel });
    return info.channel?.is_member === true;
  } catch (error) {
    const code = slackErrorCode(error);
    if (code && NOT_VISIBLE.has(code)) return false;
    throw error;
  }
}

/**
 * {@link botIsMember} with the "yes" answers remembered for `ttlMs` (default 60 s) per channel,
 * so a busy channel's slash commands do not each cost a `conversations.info` call before their
 * thread root. A "no" is never remembered (an invitation takes effect at once); a remembered
 * "yes" that turned false (the bot was removed) shows as the root post's `not_in_channel` /
 * `channel_not_found`, after which {@link forget} drops it. Keyed by workspace and channel; at
 * most `maxEntries` channels are kept (oldest dropped first).
 */
export class MembershipCache {
  private readonly members: TtlSet;

  constructor(ttlMs = 60_000, maxEntries = 10_000) {
    this.members = new TtlSet(ttlMs, maxEntries);
  }

  async isMember(
    client: webApi.WebClient,
    token: string,
    team_id: string,
    channel: string,
  ): Promise<boolean> {
    const key = `${team_id}:${channel}`;
    if (this.members.has(key)) return true;
    const member = await botIsMember(client, token, channel);
    if (member) this.members.add(key);
    return member;
  }

  forget(team_id: string, channel: string): void {
    this.members.delete(`${team_id}:${channel}`);
  }
}

/** The ephemeral answer when the bot is not in the channel: how to invite it. */
export function inviteFirstText(botUserId: string | undefined, command: string): string {
  const who = botUserId ? `<@${botUserId}>` : 'the TikTok Ads app';
  return `I am not a member of this channel, so I would not see the replies in a draft thread. Invite me first with \`/invite @tiktok-ads\` (or mention ${who} and choose *Invite them*), then run \`${command}\` again.`;
}
