import { type Client, DiscordAPIError, type GuildMember } from 'discord.js';
import type { ChatEvent, ChatUser } from '../../src/engine/ports';
import type { Logger } from '../../src/logging/logger';
import { isApprovalVote, withStanding } from '../shared/votes';
import { loggableError } from './log-fields';

/** Discord's "Unknown Member" error code (discord.com/developers/docs/topics/opcodes-and-status-codes). */
const UNKNOWN_MEMBER = 10007;

/**
 * For an approval vote (✅/❌/✔️ reaction, Approve/Reject click) in guild `guildId`: whether the
 * voter is a member of the guild, asked of Discord each time (`GET /guilds/:id/members/:id`
 * with `force`, not the cache, which keeps people who left: the bot has no GuildMembers
 * intent), and their role ids when `approvers` (APPROVERS) is set. Not a member (10007 Unknown
 * Member) → `user.outside = 'not_a_member'`; another failure → `unverified` (fail closed, logged).
 * Other events come back unchanged.
 */
export async function voterChecked(
  client: Client,
  event: ChatEvent,
  guildId: string | null,
  approvers: readonly string[],
  logger: Logger,
): Promise<ChatEvent> {
  // A vote taken back (a reaction removed) needs no standing: it adds no approval.
  const voting = isApprovalVote(event) && !(event.type === 'reaction' && !event.added);
  if (!voting || !guildId) return event;
  let member: GuildMember | undefined;
  let outside: ChatUser['outside'];
  try {
    member = await client.guilds.cache
      .get(guildId)
      ?.members.fetch({ user: event.user.id, force: true });
    if (!member) outside = 'unverified';
  } catch (error) {
    outside =
      error instanceof DiscordAPIError && error.code === UNKNOWN_MEMBER
        ? 'not_a_member'
        : 'unverified';
    if (outside === 'unverified')
      logger.warn({ err: loggableError(error) }, 'could not look up a voter; vote not counted');
  }
  const groups =
    member && approvers.length > 0
      ? [...member.roles.cache.keys()].filter((id) => id !== guildId)
      : undefined;
  return withStanding(event, { groups, outside });
}
