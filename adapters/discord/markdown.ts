import { escapeMarkdown } from 'discord.js';
import { type SafeCut, surrogateSafe } from '../shared/cut';

/**
 * Makes user-supplied text show literally in Discord message content, embed descriptions,
 * titles and field values, so an approver reads exactly the characters TikTok will get: every
 * markdown mark is backslash-escaped by discord.js's own `escapeMarkdown` (bold, italic,
 * underline, strikethrough, spoilers, code, headings, lists, masked links, and `\` itself), and
 * so are `<` (user, role and channel mentions, custom emoji, timestamps), a `>` that starts a
 * line (block quote), `-#` (subtext) and `@everyone` / `@here`. Discord shows a backslash-escaped
 * character as the character alone (Discord "Markdown Text 101"; docs/platform-limits.md).
 * Pings are also off for every message (`allowedMentions.parse: []`).
 */
export function escapeMd(text: string): string {
  return escapeMarkdown(text, {
    heading: true,
    bulletedList: true,
    numberedList: true,
    maskedLink: true,
  })
    .replace(/</g, '\\<')
    .replace(/^(\s*)>/gm, '$1\\>')
    .replace(/^(\s*)-#/gm, '$1\\-#')
    .replace(/@(everyone|here)\b/g, '\\@$1');
}

/**
 * A cut point for escaped markdown that never leaves a lone backslash at the end (it would
 * escape what follows) nor half a surrogate pair, for `cutText` / `splitText`.
 */
export const mdSafe: SafeCut = (text, at) => {
  let cut = surrogateSafe(text, at);
  let slashes = 0;
  while (slashes < cut && text[cut - 1 - slashes] === '\\') slashes++;
  if (slashes % 2 === 1) cut -= 1;
  return cut;
};

/**
 * An id shown as inline code when it is plain (letters, digits, `_.:-`); anything else is
 * escaped text, since inside backticks a backslash escape would show.
 */
export function codeOf(id: string): string {
  return /^[\w.:-]{1,200}$/.test(id) ? `\`${id}\`` : escapeMd(id);
}

/** A user mention for a Discord user id (a snowflake); anything else is escaped text. */
export function mention(userId: string): string {
  return /^\d{5,25}$/.test(userId) ? `<@${userId}>` : escapeMd(userId);
}
