import { type APIEmbed, embedLength } from 'discord.js';

/**
 * Discord's message limits, in characters unless named otherwise.
 *
 * Sources, each with its public page: docs/platform-limits.md (Discord API docs "Message
 * resource → Embed limits" and "Message components"; `@discordjs/builders` validators). The 6000-character total
 * across all embeds of one message is checked only by the API, not by the builders, so the
 * renderer enforces it itself.
 */
export const DISCORD_LIMITS = {
  /** Message `content`. */
  content: 2000,
  embedsPerMessage: 10,
  /** Title + description + field names/values + footer + author, summed over all embeds. */
  embedTotal: 6000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  /** Action rows per message (legacy components). */
  actionRows: 5,
  buttonsPerRow: 5,
  customId: 100,
  buttonLabel: 80,
  /** String select: options per menu; option label, value and description. */
  selectOptions: 25,
  optionText: 100,
  /** Select `placeholder`. */
  placeholder: 150,
} as const;

/**
 * Cuts `text` to at most `max` characters (UTF-16 code units, as Discord counts), ending with
 * `…` when something was cut. Empty input stays empty.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return text.slice(0, max);
  let cut = text.slice(0, max - 1);
  // Do not leave half of a surrogate pair (an emoji) at the end.
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/**
 * Shortens an embed until {@link embedLength} is at most `budget` characters: the longest of
 * description and field values is cut first, repeatedly, so short facts (ids, amounts) survive
 * and long user text gives way. Returns a new object; `embed` is left as it was.
 */
export function clampEmbed(embed: APIEmbed, budget: number = DISCORD_LIMITS.embedTotal): APIEmbed {
  const out: APIEmbed = {
    ...embed,
    ...(embed.fields ? { fields: embed.fields.map((f) => ({ ...f })) } : {}),
  };
  for (let excess = embedLength(out) - budget; excess > 0; excess = embedLength(out) - budget) {
    const fields = out.fields ?? [];
    const longest = fields.reduce<(typeof fields)[number] | undefined>(
      (a, f) => (a && a.value.length >= f.value.length ? a : f),
      undefined,
    );
    const description = out.description ?? '';
    if (description.length > 1 && description.length >= (longest?.value.length ?? 0)) {
      out.description = truncate(description, Math.max(1, description.length - excess));
    } else if (longest && longest.value.length > 1) {
      longest.value = truncate(longest.value, Math.max(1, longest.value.length - excess));
    } else if (out.title) {
      out.title = truncate(out.title, Math.max(0, out.title.length - excess));
    } else if (fields.length > 0) {
      out.fields = fields.slice(0, -1);
    } else {
      break;
    }
  }
  return out;
}
