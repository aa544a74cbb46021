import { LIMITS, type SlackMessage } from './limits';
import { escapeMrkdwn, mention } from './mrkdwn';
import { renderReply } from './render';
import { cutMrkdwn, mrkdwn } from './render-parts';

/** The thread root of a `/tiktok-ad` draft, and the messages that follow it in the thread. */
export interface RootPost {
  root: SlackMessage;
  /** The whole request as typed, when the root had to cut it (posted in the thread). */
  rest: SlackMessage[];
}

const TAIL = ". Let's continue in this thread.";
const CUT_NOTE = ' (the whole text is the first reply in this thread)';

/**
 * The thread root for a `/tiktok-ad` command with text `words`: who started the draft and what
 * they typed, escaped first and then cut to fit the root's one `section.text` (3000
 * characters), with `…` and a note when cut; the whole text then follows as the first reply
 * in the thread (split across sections and messages as long as it needs).
 */
export function rootPost(userId: string, words: string): RootPost {
  const who = `${mention(userId)} started a TikTok ad draft`;
  const start = `:clapper: ${who}`;
  const quoted = escapeMrkdwn(words);
  let line = words ? `${start}: “${quoted}”${TAIL}` : `${start}${TAIL}`;
  let rest: SlackMessage[] = [];
  if (line.length > LIMITS.sectionText) {
    const room = LIMITS.sectionText - `${start}: “”${CUT_NOTE}${TAIL}`.length;
    line = `${start}: “${cutMrkdwn(quoted, room)}”${CUT_NOTE}${TAIL}`;
    rest = renderReply({
      thread_id: 'slack:root',
      blocks: [{ type: 'text', text: `The request as typed:\n${words}` }],
    });
  }
  return {
    root: { text: who, blocks: [{ type: 'section', text: mrkdwn(line) }] },
    rest,
  };
}

/** Slack errors of a post that mean the bot is not (or no longer) in the channel. */
const NOT_MEMBER = new Set(['not_in_channel', 'channel_not_found']);

/**
 * What the user is told when Slack refuses the thread root: how to invite the bot when Slack
 * says it is not in the channel (`invite`), otherwise Slack's own error code, as what it is.
 */
export function rootRefusedText(slackError: string, invite: string): string {
  if (NOT_MEMBER.has(slackError)) return invite;
  return `Slack refused to post this draft's first message (Slack error \`${slackError}\`), so no draft was started and nothing was saved. Try again; if it happens again, tell the bot's operator that error.`;
}
