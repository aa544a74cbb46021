import type { Handler, StandInMessage } from './slack-types';

/** What the conversation methods read of the stand-in's workspace (`SlackWorkspace`). */
export interface ConversationsView {
  readonly messages: StandInMessage[];
  readonly bot_user_id: string;
  readonly bot_id: string;
  botIsMember(channel: string): boolean;
  messagesIn(channel: string, thread_ts?: string): StandInMessage[];
}

/** Most messages one `conversations.replies` page holds (Slack's documented maximum). */
const MAX_PAGE = 1000;

/**
 * The `conversations.*` methods of the Slack stand-in, over `workspace`'s messages:
 * - `conversations.open`: a DM channel `D<user>` with one user;
 * - `conversations.info` / `conversations.members`: membership as the workspace has it;
 * - `conversations.replies` (https://docs.slack.dev/reference/methods/conversations.replies):
 *   the thread `ts` of `channel`, its root first then the replies oldest first, `limit` at a
 *   time with a `next_cursor`; a message's `metadata` is returned only with
 *   `include_all_metadata=true`, as Slack does (https://docs.slack.dev/messaging/message-metadata).
 *   An unknown thread answers `thread_not_found`.
 */
export function conversationMethods(workspace: ConversationsView): Record<string, Handler> {
  return {
    'conversations.open': (p) => {
      const users = String(p.users ?? '');
      if (!users || users.includes(',')) return { ok: false, error: 'not_enough_users' };
      return { channel: { id: `D${users}` } };
    },
    // docs.slack.dev/reference/methods/conversations.info: `is_member` is the caller's.
    'conversations.info': (p) => {
      const channel = String(p.channel ?? '');
      const member = workspace.botIsMember(channel);
      if (!channel || (channel.startsWith('G') && !member))
        return { ok: false, error: 'channel_not_found' };
      return {
        channel: {
          id: channel,
          name: channel.toLowerCase(),
          is_channel: channel.startsWith('C'),
          is_group: false,
          is_im: false,
          is_private: channel.startsWith('G'),
          is_archived: false,
          is_member: member,
        },
      };
    },
    'conversations.members': (p) => {
      const channel = String(p.channel ?? '');
      const member = workspace.botIsMember(channel);
      if (!channel || (channel.startsWith('G') && !member))
        return { ok: false, error: 'channel_not_found' };
      return {
        members: member ? [workspace.bot_user_id] : [],
        response_metadata: { next_cursor: '' },
      };
    },
    'conversations.replies': (p) => replies(workspace, p),
  };
}

function replies(workspace: ConversationsView, p: Record<string, unknown>) {
  const channel = String(p.channel ?? '');
  const ts = String(p.ts ?? '');
  if (!channel || (!channel.startsWith('D') && !workspace.botIsMember(channel)))
    return { ok: false, error: 'channel_not_found' };
  const root = workspace.messages.find((m) => m.channel === channel && m.ts === ts);
  const thread = [
    ...(root ? [root] : []),
    ...workspace.messagesIn(channel, ts).filter((m) => m.ts !== ts),
  ];
  if (thread.length === 0) return { ok: false, error: 'thread_not_found' };
  const limit = Math.min(Math.max(Number(p.limit ?? MAX_PAGE) || MAX_PAGE, 1), MAX_PAGE);
  const from = p.cursor ? Number(Buffer.from(String(p.cursor), 'base64').toString('utf8')) : 0;
  const page = thread.slice(from, from + limit);
  const more = from + limit < thread.length;
  const withMetadata = p.include_all_metadata === true || p.include_all_metadata === 'true';
  return {
    messages: page.map((m) => wireMessage(workspace, m, withMetadata)),
    has_more: more,
    response_metadata: {
      next_cursor: more ? Buffer.from(String(from + limit)).toString('base64') : '',
    },
  };
}

/** A stored message as the Web API shows it: a bot message carries `bot_id` and `user`. */
function wireMessage(workspace: ConversationsView, m: StandInMessage, withMetadata: boolean) {
  return {
    type: 'message',
    ts: m.ts,
    ...(m.thread_ts ? { thread_ts: m.thread_ts } : {}),
    text: m.text,
    blocks: m.blocks,
    user: workspace.bot_user_id,
    bot_id: workspace.bot_id,
    ...(withMetadata && m.metadata ? { metadata: m.metadata } : {}),
  };
}
