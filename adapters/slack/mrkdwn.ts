/**
 * Slack's text formatting rules for what we send and what we receive.
 * Source: Slack "Formatting text for app surfaces" (docs.slack.dev/messaging/formatting-message-text):
 * `&`, `<` and `>` are control characters and must be sent as `&amp;`, `&lt;`, `&gt;`;
 * mentions and links are written `<@U123>`, `<!here>`, `<https://x|label>`.
 */

import { type SafeCut, surrogateSafe } from '../shared/cut';

const BROADCAST = /@(channel|here|everyone)\b/gi;
const ZERO_WIDTH_SPACE = '\u200b';
/**
 * A formatting mark (`*bold*`, `_italic_`, `~strike~`, `` `code` ``) where it could open or close
 * formatting: at a word boundary (next to a line end, space, punctuation or symbol). Marks
 * inside a word (`img_summer_1`) never format and are left alone.
 */
const MARK_AT_BOUNDARY = /(?<=^|[\s\p{P}\p{S}])[*_~`]|[*_~`](?=$|[\s\p{P}\p{S}])/gmu;
/** `:name:` that Slack would show as an emoji. */
const EMOJI_CODE = /:(?=[a-z0-9_+'-]*[a-z][a-z0-9_+'-]*:)/g;

/**
 * Makes user-supplied text show literally in a `mrkdwn` field, so an approver reads exactly the
 * characters TikTok will get (Slack "Formatting text for app surfaces",
 * docs.slack.dev/messaging/formatting-message-text; see docs/platform-limits.md):
 * - `&`, `<`, `>` become `&amp;`, `&lt;`, `&gt;`, so `<!channel>`, `<@U123>` and
 *   `<https://evil|ok>` show as typed and can neither ping nor disguise a link;
 * - a zero-width space goes after `@` in `@channel`, `@here`, `@everyone` (no broadcast even
 *   with `link_names`), before a `>` that starts a line (no block quote), after the first
 *   colon of an emoji code (`:tada:` stays text), and on both sides of a formatting mark at a
 *   word boundary (`*bold*`, `_x_`, `~x~`, backticks stay as typed). Slack mrkdwn has no
 *   backslash escape; the zero-width space is invisible and keeps the mark from pairing.
 */
export function escapeMrkdwn(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(BROADCAST, `@${ZERO_WIDTH_SPACE}$1`)
    .replace(MARK_AT_BOUNDARY, (mark) => `${ZERO_WIDTH_SPACE}${mark}${ZERO_WIDTH_SPACE}`)
    .replace(/^&gt;/gm, `${ZERO_WIDTH_SPACE}&gt;`)
    .replace(EMOJI_CODE, `:${ZERO_WIDTH_SPACE}`);
}

/**
 * A cut point for escaped mrkdwn that never splits an entity (`&amp;`, `&lt;`, `&gt;`) nor a
 * surrogate pair, for {@link cutText} / {@link splitText}.
 */
export const mrkdwnSafe: SafeCut = (text, at) => {
  const amp = text.lastIndexOf('&', at - 1);
  const inEntity = amp >= 0 && amp > at - 5 && !text.slice(amp, at).includes(';');
  return surrogateSafe(text, inEntity ? amp : at);
};

/**
 * An id shown as inline code when it is plain (letters, digits, `_.:-`); anything else is
 * escaped text, since inside backticks Slack shows a zero-width space as part of the code.
 */
export function codeOf(id: string): string {
  return /^[\w.:-]{1,200}$/.test(id) ? `\`${id}\`` : escapeMrkdwn(id);
}

/** A `<@U…>` mention for a Slack user id; anything that is not a user id is escaped text. */
export function mention(userId: string): string {
  return /^[UW][A-Z0-9]{2,30}$/.test(userId) ? `<@${userId}>` : escapeMrkdwn(userId);
}

/**
 * Turns the text of a Slack message into the plain words a person typed, for the engine:
 * `<https://a.com|a.com>` → `https://a.com`, `<mailto:x@y|x@y>` → `x@y`, `<@U1>` → `@U1`
 * (a mention of `botUserId` is removed), `<#C1|general>` → `#general`, `<!here>` → `@here`,
 * then `&lt;` `&gt;` `&amp;` back to `<` `>` `&`. Ends are trimmed; line breaks are kept.
 * Zero-width spaces are dropped: {@link escapeMrkdwn} puts them into what the bot shows, so
 * text copied from a card comes back without them.
 */
export function plainTextOf(text: string, botUserId?: string): string {
  return text
    .replace(/\u200b/g, '')
    .replace(/<([^<>]*)>/g, (_all, inner: string) => {
      const [target = '', label] = inner.split('|', 2);
      if (target.startsWith('@')) return target.slice(1) === botUserId ? '' : target;
      if (target.startsWith('#')) return label ? `#${label}` : target;
      if (target.startsWith('!')) return `@${(label ?? target.slice(1)).split('^')[0]}`;
      if (target.startsWith('mailto:')) return label ?? target.slice('mailto:'.length);
      return target;
    })
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .trim();
}
