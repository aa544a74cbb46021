import { blockKitProblems } from '../../adapters/slack/limits';
import { conversationMethods } from './slack-conversations';
import type { Handler, SlackStandInOptions, StandInMessage, StandInMetadata } from './slack-types';

/**
 * What the Slack stand-in keeps of its one workspace, and its Web API methods over it (no HTTP
 * here: `SlackStandIn` serves them). Methods: `auth.test`, `chat.postMessage` (keeps
 * `metadata`), `chat.update`, `chat.postEphemeral` (kept in {@link ephemerals}, not in the
 * channel), the `conversations.*` of `slack-conversations.ts`, `users.info` (home team from
 * {@link setHome}, else the workspace's), `usergroups.users.list` (groups from
 * {@link addUserGroup}), `reactions.add`, `oauth.v2.access`.
 *
 * Channel membership as Slack has it for a bot without `chat:write.public`: the bot is in every
 * channel except those passed to {@link removeBot} (and ids starting `C_NOT_IN`). There,
 * `chat.postMessage` answers `not_in_channel`; `conversations.info` answers `is_member: false`
 * for a public channel (`C…`) and `channel_not_found` for a private one (`G…`: the bot cannot
 * see it); `conversations.members` lists the members it knows.
 */
export class SlackWorkspace {
  readonly messages: StandInMessage[] = [];
  /** Ephemeral messages: only `user` saw them; Slack keeps no copy in the channel. */
  readonly ephemerals: Array<{
    channel: string;
    user: string;
    thread_ts?: string;
    text: string;
    blocks: unknown[];
  }> = [];
  readonly team_id: string;
  readonly bot_user_id: string;
  readonly bot_id: string;
  /** Every Block Kit problem of a refused post, for tests to show. */
  readonly blockProblems: string[] = [];
  protected readonly tokens: Set<string>;
  protected seq = 0;
  private readonly userGroups = new Map<string, string[]>();
  private readonly homes = new Map<string, { team_id: string; enterprise_id?: string }>();
  private readonly botAbsent = new Set<string>();
  private readonly refusals: string[] = [];

  constructor(options: SlackStandInOptions = {}) {
    this.tokens = new Set(options.tokens ?? ['xoxb-test']);
    this.team_id = options.team_id ?? 'T0TEST';
    this.bot_user_id = options.bot_user_id ?? 'U0BOT';
    this.bot_id = options.bot_id ?? 'B0BOT';
  }

  /** From now on the bot is not a member of `channel` (as if never invited, or removed). */
  removeBot(channel: string): void {
    this.botAbsent.add(channel);
  }

  /** Whether the bot is a member of `channel`. */
  botIsMember(channel: string): boolean {
    return !channel.startsWith('C_NOT_IN') && !this.botAbsent.has(channel);
  }

  /** Accepts another bot token (e.g. one `oauth.v2.access` handed out). */
  addToken(token: string): void {
    this.tokens.add(token);
  }

  /**
   * Makes `user` a person of another workspace or organization, as Slack Connect shows them:
   * `users.info` answers their home `team_id` (and `enterprise_user.enterprise_id`).
   */
  setHome(user: string, team_id: string, enterprise_id?: string): void {
    this.homes.set(user, { team_id, ...(enterprise_id ? { enterprise_id } : {}) });
  }

  /** A user group (`S…`) with these members, for `usergroups.users.list`. */
  addUserGroup(id: string, users: string[]): void {
    this.userGroups.set(id, users);
  }

  /** Messages in `channel` (optionally only one thread's replies, root excluded), in order. */
  messagesIn(channel: string, thread_ts?: string): StandInMessage[] {
    return this.messages.filter(
      (m) => m.channel === channel && (thread_ts === undefined || m.thread_ts === thread_ts),
    );
  }

  /** Makes the next `chat.postMessage` / `chat.update` answer `ok: false` with `error`. */
  refuseNextPost(error: string): void {
    this.refusals.push(error);
  }

  /**
   * Slack's answer to blocks over the Block Kit limits: `invalid_blocks` (as for a
   * `section.text` over 3000 characters), or `msg_blocks_too_long` for the total; `null` when
   * they fit. A test can also make the next post fail with any error ({@link refuseNextPost}).
   */
  private refusedBlocks(p: Record<string, unknown>): { ok: false; error: string } | null {
    const forced = this.refusals.shift();
    if (forced) return { ok: false, error: forced };
    if (p.blocks === undefined) return null;
    const problems = blockKitProblems({ text: p.text ?? 'x', blocks: p.blocks });
    if (problems.length === 0) return null;
    this.blockProblems.push(...problems.map((x) => `${x.path}: ${x.problem}`));
    const tooLong = problems.some((x) => x.path === 'blocks' && /text chars/.test(x.problem));
    return { ok: false, error: tooLong ? 'msg_blocks_too_long' : 'invalid_blocks' };
  }

  protected nextTs(): string {
    this.seq += 1;
    return `${Math.floor(Date.now() / 1000)}.${String(this.seq).padStart(6, '0')}`;
  }

  private postMessage(p: Record<string, unknown>): Record<string, unknown> {
    const channel = String(p.channel ?? '');
    if (!channel) return { ok: false, error: 'channel_not_found' };
    if (!channel.startsWith('D') && !this.botIsMember(channel)) {
      return channel.startsWith('G')
        ? { ok: false, error: 'channel_not_found' }
        : { ok: false, error: 'not_in_channel' };
    }
    const refused = this.refusedBlocks(p);
    if (refused) return refused;
    const ts = this.nextTs();
    const text = String(p.text ?? '');
    const blocks = (p.blocks as unknown[] | undefined) ?? [];
    const metadata = metadataOf(p.metadata);
    const message: StandInMessage = {
      channel,
      ts,
      text,
      blocks,
      versions: [{ text, blocks }],
      ...(p.thread_ts ? { thread_ts: String(p.thread_ts) } : {}),
      ...(metadata ? { metadata } : {}),
    };
    this.messages.push(message);
    return { channel, ts, message: { type: 'message', text, ts, bot_id: this.bot_id } };
  }

  /** The Web API methods by name (`SlackStandIn` answers `unknown_method` for others). */
  protected readonly methods: Record<string, Handler> = {
    'auth.test': () => ({
      url: 'https://standin.slack.test/',
      team: 'Stand-in',
      user: 'tiktok-ads',
      team_id: this.team_id,
      user_id: this.bot_user_id,
      bot_id: this.bot_id,
      is_enterprise_install: false,
    }),
    'chat.postMessage': (p) => this.postMessage(p),
    'chat.update': (p) => {
      const refused = this.refusedBlocks(p);
      if (refused) return refused;
      const found = this.messages.find((m) => m.channel === p.channel && m.ts === p.ts);
      if (!found) return { ok: false, error: 'message_not_found' };
      found.text = String(p.text ?? '');
      found.blocks = (p.blocks as unknown[] | undefined) ?? [];
      found.versions.push({ text: found.text, blocks: found.blocks });
      return { channel: found.channel, ts: found.ts, text: found.text };
    },
    'chat.postEphemeral': (p) => {
      const channel = String(p.channel ?? '');
      const user = String(p.user ?? '');
      if (!channel) return { ok: false, error: 'channel_not_found' };
      if (!user) return { ok: false, error: 'user_not_in_channel' };
      this.ephemerals.push({
        channel,
        user,
        ...(p.thread_ts ? { thread_ts: String(p.thread_ts) } : {}),
        text: String(p.text ?? ''),
        blocks: (p.blocks as unknown[] | undefined) ?? [],
      });
      return { message_ts: this.nextTs() };
    },
    'usergroups.users.list': (p) => {
      const users = this.userGroups.get(String(p.usergroup ?? ''));
      return users ? { users } : { ok: false, error: 'no_such_subteam' };
    },
    ...conversationMethods(this),
    'users.info': (p) => {
      const home = this.homes.get(String(p.user));
      return {
        user: {
          id: p.user,
          name: String(p.user).toLowerCase(),
          team_id: home?.team_id ?? this.team_id,
          ...(home?.enterprise_id
            ? { enterprise_user: { enterprise_id: home.enterprise_id } }
            : {}),
        },
      };
    },
    'reactions.add': () => ({}),
    'oauth.v2.access': (p) => {
      if (p.code !== 'good-code') return { ok: false, error: 'invalid_code' };
      const token = `xoxb-installed-${this.team_id}`;
      this.addToken(token);
      return {
        app_id: 'A0TEST',
        authed_user: { id: 'U0INSTALLER' },
        scope: 'commands,chat:write',
        token_type: 'bot',
        access_token: token,
        bot_user_id: this.bot_user_id,
        team: { id: this.team_id, name: 'Stand-in' },
        enterprise: null,
        is_enterprise_install: false,
      };
    },
  };
}

/** `metadata` as a post carries it (an object, or its JSON text), when it has an event type. */
function metadataOf(value: unknown): StandInMetadata | undefined {
  const parsed = typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const { event_type, event_payload } = parsed as Record<string, unknown>;
  if (typeof event_type !== 'string') return undefined;
  return {
    event_type,
    event_payload:
      typeof event_payload === 'object' && event_payload !== null
        ? (event_payload as Record<string, unknown>)
        : {},
  };
}
