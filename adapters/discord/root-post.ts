import { cutText } from '../shared/cut';
import { DISCORD_LIMITS } from './limits';
import { escapeMd, mdSafe, mention } from './markdown';
import { type DiscordMessage, renderReply } from './render';

/** The reply a `/tiktok-ad` thread starts from, and what follows it in the thread. */
export interface DiscordRootPost {
  /** The interaction reply's `content` (at most 2000 characters). */
  content: string;
  /** The whole request as typed, when `content` had to cut it (posted in the thread). */
  rest: DiscordMessage[];
}

const CUT_NOTE = '\n-# The whole text is the first message in the thread.';

/**
 * The public reply to `/tiktok-ad [text]`: who started the draft and what they typed, quoted,
 * escaped first and then cut to Discord's 2000-character `content` with `…` and a note; the
 * whole text then follows as the thread's first message (as many messages as it needs).
 */
export function discordRootPost(userId: string, text: string): DiscordRootPost {
  const head = `🎬 New TikTok ad draft by ${mention(userId)}`;
  if (!text) return { content: head, rest: [] };
  const quoted = `${head}\n> ${escapeMd(text).replace(/\n/g, '\n> ')}`;
  if (quoted.length <= DISCORD_LIMITS.content) return { content: quoted, rest: [] };
  return {
    content: `${cutText(quoted, DISCORD_LIMITS.content - CUT_NOTE.length, mdSafe)}${CUT_NOTE}`,
    rest: renderReply({
      thread_id: 'discord:root',
      blocks: [{ type: 'text', text: `The request as typed:\n${text}` }],
    }),
  };
}
