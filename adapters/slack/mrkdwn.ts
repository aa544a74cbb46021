/**
 * Slack's text formatting rules for what we send and what we receive.
 * Source: Slack "Formatting text for app surfaces" (docs.slack.dev/messaging/formatting-message-text):
 * `&`, `<` and `>` are control characters and must be sent as `&amp;`, `&lt;`, `&gt;`;
 * mentions and links are written `<@U123>`, `<!here>`, `<https://x|label>`.
 */

const BROADCAST = /@(channel|here|everyone)\b/gi;
const ZERO_WIDTH_SPACE = '\u200b';

/**
 * Makes user-supplied text inert in a `mrkdwn` field: escapes `&`, `<`, `>` (so `<!channel>`,
 * `<@U123>` and `<https://evil|ok>` show as typed and cannot ping or disguise a link), and puts
 * a zero-width space after `@` in `@channel`, `@here`, `@everyone` (so a client or a `link_names`
 * setting cannot turn them into broadcasts). Markdown emphasis (`*`, `_`, `~`, `` ` ``) is kept.
 */
export function escapeMrkdwn(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(BROADCAST, `@${ZERO_WIDTH_SPACE}$1`);
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
 */
export function plainTextOf(text: string, botUserId?: string): string {
  return text
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
