import type { App } from '@slack/bolt';
import { QUEUED_TEXT, TOO_BUSY_TEXT } from '../../src/admission/admission';
import {
  type ChatEngine,
  type ChatEvent,
  parseThreadId,
  reactionMeaning,
  STORAGE_DOWN_START_TEXT,
  STORE_FAILED_TEXT,
  THREAD_BUSY_TEXT,
} from '../../src/engine/ports';
import type { Logger } from '../../src/logging/logger';
import {
  LockTimeoutError,
  type StateStore,
  StoreUnavailableError,
} from '../../src/store/state-store';
import { ACTION_PATTERN } from './actions';
import type { SlackDelivery } from './delivery';
import {
  actionEvent,
  type BlockActionFields,
  type ClickedAction,
  type MessageFields,
  messageEvent,
  type ReactionFields,
  reactionEvent,
  type SlashCommandFields,
  slackThreadId,
  startEvent,
  startEventId,
  threadRootOf,
} from './events';
import { downloadSlackFiles } from './files';
import type { MessageRef, SlackKeys } from './keys';
import { slackErrorCode } from './log-fields';
import { inviteFirstText, MembershipCache } from './membership';
import type { SlackOrganization } from './organization';
import { rootPost, rootRefusedText } from './root-post';
import { TtlSet } from './ttl-set';
import type { SlackUserGroups } from './user-groups';

/**
 * Admission control, when the bot has it (`AdmissionControl` fits): a slash command's work (its
 * thread root and start turn) is admitted as a whole, and its ack says at once when it waits.
 */
export interface CommandAdmission {
  decide(key: string): 'now' | 'queue' | 'full';
  countRefused(): void;
  run<T>(
    key: string,
    work: () => Promise<T>,
    hooks?: { refused?: () => Promise<void> },
  ): Promise<T | undefined>;
}

/** The fields of a slash command the bot uses, copied so nothing else of the request is kept. */
function slashCommandFields(command: SlashCommandFields): SlashCommandFields {
  const { team_id, channel_id, user_id, user_name, text, trigger_id } = command;
  return { team_id, channel_id, user_id, text, trigger_id, ...(user_name ? { user_name } : {}) };
}

/** What the listeners share. */
export interface ListenerDeps {
  engine: ChatEngine;
  admission?: CommandAdmission | undefined;
  store: StateStore;
  keys: SlackKeys;
  delivery: SlackDelivery;
  logger: Logger;
  /** The slash command, e.g. `/tiktok-ad`. */
  command: string;
  /** Set when `APPROVERS` names user groups: approvals learn the voter's groups from it. */
  groups?: SlackUserGroups;
  /** Tells a voter of another organization (Slack Connect) from the workspace's own people. */
  organization: SlackOrganization;
  /**
   * Takes work that goes on after the listener returned (an admitted slash command), so a
   * shutdown still waits for it (`WorkTracker.track`); it must handle the promise's rejection.
   */
  detach: (work: Promise<unknown>) => void;
}

/**
 * Registers the adapter's Bolt listeners. Each one only translates: it acks (commands and
 * buttons; Bolt acks Events API deliveries itself before listeners run), finds the thread, and
 * hands one `ChatEvent` to the engine with the Slack sink. Each delivery is claimed once, by
 * the engine's own claim of the event id (in the same Redis step as its lock and load): a
 * retry, or a post that came as both `message` and `app_mention` (same channel and `ts`, so the
 * same event id), finds the claim taken and does nothing. Only a slash command is claimed here
 * first, under the engine's key, because it posts the thread root before the turn runs.
 *
 * - `/tiktok-ad [words]`: ack at once (saying so when it has to wait, or cannot be taken now),
 *   then, once admitted, post the draft's root message in the channel and start the engine's
 *   thread there with the words as its first message.
 * - `message` / `app_mention`: a human reply in a thread whose root the bot posted.
 * - `reaction_added` / `reaction_removed`: on an approval card the bot posted (found by `ts`).
 * - `block_actions` on our buttons (`tab:<action>`), with the button's `value`.
 */
export function registerListeners(app: App, deps: ListenerDeps): void {
  const { store, keys, delivery, logger } = deps;
  const membership = new MembershipCache();
  /**
   * Threads known to be the bot's (root reference or state found), remembered 10 minutes: a
   * conversation's next messages skip that lookup. A thread's state lives for days
   * (`DRAFT_IDLE_DAYS`), so one remembered here has it.
   */
  const knownThreads = new TtlSet(10 * 60_000);

  const run = async (event: ChatEvent, claimed = false, admitted = false): Promise<void> => {
    try {
      // The turn's place in admission is freed once its state is saved, not after Slack's
      // round trips; the posts go on as detached work (a shutdown waits for them).
      await deps.engine.handle(event, delivery.sink, {
        claimed,
        detachDelivery: deps.detach,
        ...(admitted ? { admitted } : {}),
      });
    } catch (error) {
      const slack_error = slackErrorCode(error);
      if (slack_error)
        logger.warn(
          { slack_error, thread_id: event.thread_id, event_type: event.type },
          'Slack refused a call during a turn',
        );
      else
        logger.error(
          { err: error, thread_id: event.thread_id, event_type: event.type },
          'Slack turn failed',
        );
      const text =
        error instanceof LockTimeoutError
          ? THREAD_BUSY_TEXT
          : 'Sorry, something went wrong while handling that. Please try again.';
      await delivery
        .deliver({ thread_id: event.thread_id, blocks: [{ type: 'text', text, tone: 'error' }] })
        .catch((e: unknown) =>
          logger.warn({ err: e }, 'could not tell the thread about a failure'),
        );
    }
  };

  const refOf = (team_id: string, channel: string, ts: string) =>
    store.get<MessageRef>(keys.message(team_id, channel, ts));

  /**
   * For an approval vote (✅/❌/✔️ reaction, Approve/Reject click): whether the voter is one of
   * the workspace's own people (`user.outside` when not), and their groups when `APPROVERS`
   * lists user groups. The workspace is the thread's (where the bot posted the card).
   */
  const withVoter = async (
    event: ChatEvent,
    enterprise_id: string | undefined,
    voter_team_id?: string,
  ): Promise<ChatEvent> => {
    const voting =
      (event.type === 'reaction' && reactionMeaning(event.emoji) !== null) ||
      (event.type === 'action' && (event.action_id === 'approve' || event.action_id === 'reject'));
    if (!voting || event.user.is_bot) return event;
    const team_id = parseThreadId(event.thread_id).workspace;
    const outside = await deps.organization.outsideOf(
      { team_id, enterprise_id },
      { id: event.user.id, team_id: voter_team_id },
    );
    const groups = deps.groups ? await deps.groups.groupsOf(team_id, event.user.id) : undefined;
    return {
      ...event,
      user: { ...event.user, ...(groups ? { groups } : {}), ...(outside ? { outside } : {}) },
    };
  };

  app.command(deps.command, async ({ ack, command, respond, context, client }) => {
    const fields = slashCommandFields(command as unknown as SlashCommandFields);
    const key = startEventId(fields.trigger_id);
    // Under load the ack itself says so (an ephemeral reply in the ack body: no extra call),
    // and the thread root is posted only once the command is admitted.
    const admission = deps.admission;
    const decision = admission?.decide(key) ?? 'now';
    if (decision === 'full') {
      admission?.countRefused();
      await ack({ response_type: 'ephemeral', text: TOO_BUSY_TEXT });
      return;
    }
    await ack(decision === 'queue' ? { response_type: 'ephemeral', text: QUEUED_TEXT } : undefined);
    const { botToken, botUserId } = context;
    const work = () =>
      startThread(fields, respond, { botToken, botUserId }, client, Boolean(admission));
    if (!admission) return work();
    // Detached from Bolt's handling, so the request (and its HTTP objects) is released at once
    // and a queued command keeps only its fields: under a burst, hundreds wait here.
    deps.detach(
      admission.run(key, work, {
        refused: async () => {
          await respond({ response_type: 'ephemeral', text: TOO_BUSY_TEXT }).catch((e: unknown) =>
            logger.warn({ err: e }, 'respond failed'),
          );
        },
      }),
    );
  });

  /** A slash command's work: claim it, post the thread root, run the start turn. */
  const startThread = async (
    fields: SlashCommandFields,
    respond: (message: { response_type: 'ephemeral'; text: string }) => Promise<unknown>,
    context: { botToken?: string | undefined; botUserId?: string | undefined },
    client: Parameters<MembershipCache['isMember']>[0],
    admitted: boolean,
  ): Promise<void> => {
    let claimed: boolean;
    try {
      // The engine's claim of the start event, taken before the thread root is posted.
      claimed = await deps.engine.claim({ event_id: startEventId(fields.trigger_id) });
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) throw error;
      // Nothing could be saved, so no thread is opened: said only to the one who asked.
      logger.error(
        { err: error.cause, channel: fields.channel_id },
        'state store down; /tiktok-ad refused, nothing started',
      );
      await respond({ response_type: 'ephemeral', text: STORAGE_DOWN_START_TEXT }).catch(
        (e: unknown) => logger.warn({ slack_error: slackErrorCode(e) }, 'respond failed'),
      );
      return;
    }
    if (!claimed) return;
    const team_id = fields.team_id;
    const words = fields.text?.trim() ?? '';
    const token = context.botToken ?? '';
    const inviteFirst = () =>
      respond({
        response_type: 'ephemeral',
        text: inviteFirstText(context.botUserId, deps.command),
      }).catch((e: unknown) => logger.warn({ slack_error: slackErrorCode(e) }, 'respond failed'));
    // Only open a thread where the bot is a member: elsewhere it never sees the replies.
    if (!(await membership.isMember(client, token, team_id, fields.channel_id))) {
      logger.info({ channel: fields.channel_id }, '/tiktok-ad where the bot is not a member');
      await inviteFirst();
      return;
    }
    let thread_ts: string;
    try {
      const { root, rest } = rootPost(fields.user_id, words);
      thread_ts = await delivery.post(token, team_id, fields.channel_id, undefined, root, (ts) => ({
        thread_id: slackThreadId(team_id, fields.channel_id, ts),
      }));
      for (const message of rest)
        await delivery.post(token, team_id, fields.channel_id, thread_ts, message, {
          thread_id: slackThreadId(team_id, fields.channel_id, thread_ts),
        });
      knownThreads.add(slackThreadId(team_id, fields.channel_id, thread_ts));
    } catch (error) {
      const slack_error = slackErrorCode(error);
      if (!slack_error) throw error;
      membership.forget(team_id, fields.channel_id);
      logger.warn({ slack_error, channel: fields.channel_id }, 'could not post the draft root');
      await respond({
        response_type: 'ephemeral',
        text: rootRefusedText(slack_error, inviteFirstText(context.botUserId, deps.command)),
      }).catch((e: unknown) => logger.warn({ slack_error: slackErrorCode(e) }, 'respond failed'));
      return;
    }
    await run(startEvent(fields, thread_ts), true, admitted);
  };

  const onMessage = async (
    envelope: { event_id?: string; team_id?: string },
    raw: unknown,
    botUserId: string | undefined,
    botToken: string | undefined,
  ) => {
    const event = raw as MessageFields;
    const thread_ts = threadRootOf(event, botUserId);
    const team_id = envelope.team_id;
    if (!thread_ts || !team_id || !event.user) return;
    const thread_id = slackThreadId(team_id, event.channel, thread_ts);
    try {
      if (!knownThreads.has(thread_id)) {
        const root = await refOf(team_id, event.channel, thread_ts);
        // The root's reference expires with the thread state as it was when posted; a thread
        // kept alive since then still has its state, so look that up before ignoring the message.
        // A root the bot posted (Slack's `parent_user_id`) whose reference and state are both
        // gone is a draft the store lost: the engine says so instead of staying silent.
        const ours = botUserId !== undefined && event.parent_user_id === botUserId;
        if (
          root?.thread_id !== thread_id &&
          !ours &&
          !(await deps.engine.hasConversation(thread_id))
        )
          return;
        knownThreads.add(thread_id);
      }
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) throw error;
      // Redis is in trouble before the engine could even start: still never silent.
      logger.error({ err: error.cause, thread_id }, 'state store failed before a Slack turn');
      await delivery
        .deliver({ thread_id, blocks: [{ type: 'text', tone: 'error', text: STORE_FAILED_TEXT }] })
        .catch((e: unknown) => logger.warn({ err: e }, 'could not tell the thread'));
      return;
    }
    // Attached files are fetched with the bot token (files:read); failures reach the engine.
    const files = event.files?.length ? await downloadSlackFiles(event.files, botToken ?? '') : [];
    await run(messageEvent(team_id, { ...event, user: event.user }, thread_ts, botUserId, files));
  };

  app.event('message', async ({ event, body, context }) =>
    onMessage(body, event, context.botUserId, context.botToken),
  );
  app.event('app_mention', async ({ event, body, context }) =>
    onMessage(body, event, context.botUserId, context.botToken),
  );

  const onReaction =
    (added: boolean) =>
    async (args: {
      event: unknown;
      body: { event_id?: string; team_id?: string };
      context: { botUserId?: string; enterpriseId?: string };
    }) => {
      const event = args.event as ReactionFields;
      const { event_id, team_id } = args.body;
      const { channel, ts } = event.item;
      if (event.item.type !== 'message' || !channel || !ts || !team_id || !event_id) return;
      const ref = await refOf(team_id, channel, ts);
      if (!ref?.approval) return;
      await run(
        await withVoter(
          reactionEvent(
            event_id,
            team_id,
            event,
            ref.thread_id,
            added,
            args.context.botUserId,
            ref.card_key,
          ),
          args.context.enterpriseId,
        ),
      );
    };
  app.event('reaction_added', onReaction(true));
  app.event('reaction_removed', onReaction(false));

  app.action(ACTION_PATTERN, async ({ ack, body, action, context }) => {
    await ack();
    const fields = body as unknown as BlockActionFields;
    const clicked = action as unknown as ClickedAction;
    const team_id = fields.team?.id;
    const channel = fields.container?.channel_id ?? fields.channel?.id;
    const ts = fields.container?.message_ts ?? fields.message?.ts;
    if (!team_id || !channel || !ts) return;
    const ref = await refOf(team_id, channel, ts);
    if (!ref) {
      logger.debug({ channel, ts }, 'click on a message the bot does not know; ignored');
      return;
    }
    const event = actionEvent(
      fields,
      clicked,
      ref.thread_id,
      team_id,
      parseThreadId(ref.thread_id).channel,
      ref.card_key,
    );
    if (!event) return;
    await run(await withVoter(event, context.enterpriseId, fields.user.team_id));
  });
}
