import type { App } from '@slack/bolt';
import { type ChatEvent, parseThreadId, THREAD_BUSY_TEXT } from '../../src/engine/ports';
import { LockTimeoutError, StoreUnavailableError } from '../../src/store/state-store';
import { storeDownReply, type TurnChannel, TurnRunner } from '../shared/turn-runner';
import { isApprovalVote, withStanding } from '../shared/votes';
import { ACTION_PATTERN } from './actions';
import {
  actionEvent,
  type BlockActionFields,
  type ClickedAction,
  type MessageFields,
  messageEvent,
  type ReactionFields,
  reactionEvent,
  slackThreadId,
  threadRootOf,
} from './events';
import { downloadSlackFiles } from './files';
import type { MessageRef } from './keys';
import type { ListenerDeps, ListenerState } from './listener-deps';
import { slackErrorCode } from './log-fields';
import { SlashCommand } from './slash-command';
import { TtlSet } from './ttl-set';

export type { CommandAdmission, ListenerDeps } from './listener-deps';

/** What a Slack thread is told when its turn failed. */
export const SLACK_TURN_FAILED_TEXT =
  'Sorry, something went wrong while handling that. Please try again.';

/** Bolt's `body` of an Events API delivery: the fields the listeners read. */
interface EventEnvelope {
  event_id?: string;
  team_id?: string;
}
/** Bolt's `context`: the bot's ids in the delivery's workspace. */
interface BotContext {
  botUserId?: string;
  botToken?: string;
  enterpriseId?: string;
}

/**
 * The adapter's Bolt listeners, one method per Slack event. Each one only translates: it acks
 * (commands and buttons; Bolt acks Events API deliveries itself before listeners run), finds the
 * thread, and hands one `ChatEvent` to the engine with the Slack sink. Each delivery is claimed
 * once, by the engine (in the same Redis step as its lock and load): a retry, or a post that came
 * as both `message` and `app_mention` (same channel and `ts`, so the same event id), finds the
 * claim taken and does nothing. A slash command asks the engine for the claim first, because it
 * posts the thread root before the turn runs.
 *
 * - `/tiktok-ad [words]`: {@link SlashCommand}.
 * - `message` / `app_mention`: a human reply in a thread whose root the bot posted.
 * - `reaction_added` / `reaction_removed`: on an approval card the bot posted (found by `ts`).
 * - `block_actions` on our buttons (`tab:<action>`), with the button's `value`.
 */
export class SlackListeners {
  private readonly state: ListenerState;
  private readonly command: SlashCommand;
  private readonly channel: TurnChannel;

  constructor(private readonly deps: ListenerDeps) {
    const { logger } = deps;
    this.state = {
      turns: new TurnRunner(
        deps.engine,
        {
          log: (error, event) => {
            const slack_error = slackErrorCode(error);
            const fields = { thread_id: event.thread_id, event_type: event.type };
            if (slack_error)
              logger.warn({ slack_error, ...fields }, 'Slack refused a call during a turn');
            else logger.error({ err: error, ...fields }, 'Slack turn failed');
          },
          apology: (error) =>
            error instanceof LockTimeoutError ? THREAD_BUSY_TEXT : SLACK_TURN_FAILED_TEXT,
        },
        logger,
      ),
      knownThreads: new TtlSet(10 * 60_000),
    };
    this.command = new SlashCommand(deps, this.state);
    this.channel = { sink: deps.delivery.sink, say: (reply) => deps.delivery.deliver(reply) };
  }

  /** Registers every listener on `app`. */
  register(app: App): void {
    app.command(this.deps.command, (args) => this.command.onCommand(args));
    app.event('message', ({ event, body, context }) => this.onMessage(body, event, context));
    app.event('app_mention', ({ event, body, context }) => this.onMessage(body, event, context));
    app.event('reaction_added', ({ event, body, context }) =>
      this.onReaction(body, event as unknown as ReactionFields, context, true),
    );
    app.event('reaction_removed', ({ event, body, context }) =>
      this.onReaction(body, event as unknown as ReactionFields, context, false),
    );
    app.action(ACTION_PATTERN, async ({ ack, body, action, context }) => {
      await ack();
      await this.onAction(
        body as unknown as BlockActionFields,
        action as unknown as ClickedAction,
        context,
      );
    });
  }

  /** A human reply in a thread the bot started (or holds a conversation in) → `message`. */
  async onMessage(envelope: EventEnvelope, raw: unknown, context: BotContext): Promise<void> {
    const event = raw as MessageFields;
    const { botUserId, botToken } = context;
    const thread_ts = threadRootOf(event, botUserId);
    const team_id = envelope.team_id;
    if (!thread_ts || !team_id || !event.user) return;
    const thread_id = slackThreadId(team_id, event.channel, thread_ts);
    try {
      if (!(await this.isBotThread(thread_id, team_id, event, botUserId))) return;
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) throw error;
      // Redis is in trouble before the engine could even start: still never silent.
      this.deps.logger.error(
        { err: error.cause, thread_id },
        'state store failed before a Slack turn',
      );
      await this.deps.delivery
        .deliver(storeDownReply(thread_id))
        .catch((e: unknown) => this.deps.logger.warn({ err: e }, 'could not tell the thread'));
      return;
    }
    // Attached files are fetched with the bot token (files:read); failures reach the engine.
    const files = event.files?.length ? await downloadSlackFiles(event.files, botToken ?? '') : [];
    await this.run(
      messageEvent(team_id, { ...event, user: event.user }, thread_ts, botUserId, files),
    );
  }

  /** ✅/❌ (or any reaction) added to or removed from a card the bot posted → `reaction`. */
  async onReaction(
    envelope: EventEnvelope,
    event: ReactionFields,
    context: BotContext,
    added: boolean,
  ): Promise<void> {
    const { event_id, team_id } = envelope;
    const { channel, ts } = event.item;
    if (event.item.type !== 'message' || !channel || !ts || !team_id || !event_id) return;
    const ref = await this.refOf(team_id, channel, ts);
    if (!ref?.approval) return;
    const chat = reactionEvent(
      event_id,
      team_id,
      event,
      ref.thread_id,
      added,
      context.botUserId,
      ref.card_key,
    );
    await this.run(await this.withVoter(chat, context.enterpriseId));
  }

  /** A click on one of the bot's buttons or menus (already acked) → `action`. */
  async onAction(
    fields: BlockActionFields,
    clicked: ClickedAction,
    context: BotContext,
  ): Promise<void> {
    const team_id = fields.team?.id;
    const channel = fields.container?.channel_id ?? fields.channel?.id;
    const ts = fields.container?.message_ts ?? fields.message?.ts;
    if (!team_id || !channel || !ts) return;
    const ref = await this.refOf(team_id, channel, ts);
    if (!ref) {
      this.deps.logger.debug({ channel, ts }, 'click on a message the bot does not know; ignored');
      return;
    }
    const thread_channel = parseThreadId(ref.thread_id).channel;
    const event = actionEvent(
      fields,
      clicked,
      ref.thread_id,
      team_id,
      thread_channel,
      ref.card_key,
    );
    if (!event) return;
    await this.run(await this.withVoter(event, context.enterpriseId, fields.user.team_id));
  }

  /**
   * Whether a reply in `thread_id` is for the bot: its root reference says so, Slack says the
   * bot posted the root (`parent_user_id`; a draft whose reference and state are both gone is
   * one the store lost, and the engine says so instead of staying silent), or the engine holds
   * a conversation there (a thread kept alive past its root reference's expiry).
   * @throws StoreUnavailableError when a store does not answer.
   */
  private async isBotThread(
    thread_id: string,
    team_id: string,
    event: MessageFields,
    botUserId: string | undefined,
  ): Promise<boolean> {
    if (this.state.knownThreads.has(thread_id)) return true;
    const root = await this.refOf(team_id, event.channel, event.thread_ts ?? '');
    const ours = botUserId !== undefined && event.parent_user_id === botUserId;
    if (
      root?.thread_id !== thread_id &&
      !ours &&
      !(await this.deps.engine.hasConversation(thread_id))
    )
      return false;
    this.state.knownThreads.add(thread_id);
    return true;
  }

  /** Runs one turn; the posts go on as detached work, so admission frees the place at save. */
  private run(event: ChatEvent): Promise<void> {
    return this.state.turns.run(event, this.channel, { detachDelivery: this.deps.detach });
  }

  private refOf(team_id: string, channel: string, ts: string): Promise<MessageRef | null> {
    return this.deps.store.get<MessageRef>(this.deps.keys.message(team_id, channel, ts));
  }

  /**
   * For an approval vote: whether the voter is one of the workspace's own people (`outside`
   * when not), and their groups when `APPROVERS` lists user groups. The workspace is the
   * thread's (where the bot posted the card).
   */
  private async withVoter(
    event: ChatEvent,
    enterprise_id: string | undefined,
    voter_team_id?: string,
  ): Promise<ChatEvent> {
    if (!isApprovalVote(event)) return event;
    const team_id = parseThreadId(event.thread_id).workspace;
    const outside = await this.deps.organization.outsideOf(
      { team_id, enterprise_id },
      { id: event.user.id, team_id: voter_team_id },
    );
    const groups = this.deps.groups
      ? await this.deps.groups.groupsOf(team_id, event.user.id)
      : undefined;
    return withStanding(event, { groups, outside });
  }
}
