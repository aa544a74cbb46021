import { type APIEmbed, embedLength } from 'discord.js';
import type { Reply } from '../../src/engine/ports';
import { splitText } from '../shared/cut';
import { DISCORD_LIMITS } from './limits';
import { mdSafe } from './markdown';
import { renderBlock } from './render-blocks';
import type { ComponentRow } from './render-parts';

export { renderBlock } from './render-blocks';
export type { ComponentRow } from './render-parts';
export { type ButtonRow, emojiChar } from './render-parts';

/**
 * One Discord message, ready for `channel.send`, `message.edit`, `user.send` or an interaction
 * reply (discord.js option names). Always within Discord's limits (see `limits.ts`), and
 * `allowedMentions.parse` is empty so text that came from users (campaign names, ad text) can
 * never ping `@everyone`, `@here`, roles or users (Discord docs: "Allowed mentions object").
 * `users` lists the only users a message may ping on purpose (e.g. "open your DMs").
 */
export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  components: ComponentRow[];
  allowedMentions: { parse: []; users?: string[] };
}

function emptyMessage(): DiscordMessage {
  return { embeds: [], components: [], allowedMentions: { parse: [] } };
}

function totalEmbedLength(embeds: APIEmbed[]): number {
  return embeds.reduce((sum, e) => sum + embedLength(e), 0);
}

/**
 * Renders a reply as one Discord message, or several when its blocks would break a per-message
 * limit: content at most 2000 characters (longer text goes on in the next messages, split at
 * line ends), at most 10 embeds and 6000 embed characters, at most 5 action rows. Nothing is
 * cut: every piece goes somewhere. Block order is kept across messages; within one message the
 * text comes above the embeds, as Discord shows it, so text after an embed starts a new message.
 */
export function renderReply(reply: Reply): DiscordMessage[] {
  const messages: DiscordMessage[] = [];
  let current = emptyMessage();
  const flush = () => {
    if (current.content !== undefined || current.embeds.length > 0 || current.components.length > 0)
      messages.push(current);
    current = emptyMessage();
  };
  for (const block of reply.blocks) {
    const part = renderBlock(block);
    const pieces =
      part.content === undefined ? [] : splitText(part.content, DISCORD_LIMITS.content, mdSafe);
    for (const piece of pieces) {
      const text = piece === '' ? '-' : piece;
      const joined = current.content === undefined ? text : `${current.content}\n${text}`;
      if (
        current.embeds.length > 0 ||
        current.components.length > 0 ||
        joined.length > DISCORD_LIMITS.content
      ) {
        flush();
        current.content = text;
      } else current.content = joined;
    }
    for (const embed of part.embeds) {
      if (
        current.components.length > 0 ||
        current.embeds.length >= DISCORD_LIMITS.embedsPerMessage ||
        totalEmbedLength(current.embeds) + embedLength(embed) > DISCORD_LIMITS.embedTotal
      )
        flush();
      current.embeds.push(embed);
    }
    for (const row of part.rows) {
      if (current.components.length >= DISCORD_LIMITS.actionRows) flush();
      current.components.push(row);
    }
  }
  flush();
  return messages;
}
