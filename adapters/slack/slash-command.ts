import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { QUEUED_TEXT, TOO_BUSY_TEXT } from '../../src/admission/admission';
import { STORAGE_DOWN_START_TEXT } from '../../src/engine/ports';
import { StoreUnavailableError } from '../../src/store/state-store';
import { type SlashCommandFields, slackThreadId, startEvent, startEventId } from './events';
import type { ListenerDeps, ListenerState } from './listener-deps';
import { slackErrorCode } from './log-fields';
import { inviteFirstText, MembershipCache } from './membership';
import { rootPost, rootRefusedText } from './root-post';

type Respond = (message: { response_type: 'ephemeral'; text: string }) => Promise<unknown>;
type WebClient = Parameters<MembershipCache['isMember']>[0];
/** The bot's ids Bolt's `context` carries (per workspace in OAuth mode). */
interface BotContext {
  botToken?: string | undefined;
  botUserId?: string | undefined;
}

/** The fields of a slash command the bot uses, copied so nothing else of the request is kept. */
export function slashCommandFields(command: SlashCommandFields): SlashCommandFields {
  const { team_id, channel_id, user_id, user_name, text, trigger_id } = command;
  return { team_id, channel_id, user_id, text, trigger_id, ...(user_name ? { user_name } : {}) };
}

/**
 * `/tiktok-ad [words]`: ack at once (saying so when it has to wait, or cannot be taken now),
 * then, once admitted, claim it with the engine, post the draft's root message in the channel,
 * and start the engine's thread there with the words as its first message. Only a channel the
 * bot is a member of gets a thread (elsewhere it would never see the replies).
 */
export class SlashCommand {
  private readonly membership = new MembershipCache();

  constructor(
    private readonly deps: ListenerDeps,
    private readonly state: ListenerState,
  ) {}

  /** Bolt's command listener: the ack, then the work, admitted whole when admission is on. */
  async onCommand(args: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> {
    const { ack, command, respond, context, client } = args;
    const fields = slashCommandFields(command as unknown as SlashCommandFields);
    const key = startEventId(fields.trigger_id);
    // Under load the ack itself says so (an ephemeral reply in the ack body: no extra call),
    // and the thread root is posted only once the command is admitted.
    const admission = this.deps.admission;
    const decision = admission?.decide(key) ?? 'now';
    if (decision === 'full') {
      admission?.countRefused();
      await ack({ response_type: 'ephemeral', text: TOO_BUSY_TEXT });
      return;
    }
    await ack(decision === 'queue' ? { response_type: 'ephemeral', text: QUEUED_TEXT } : undefined);
    const bot = { botToken: context.botToken, botUserId: context.botUserId };
    const work = () => this.startThread(fields, respond, bot, client, Boolean(admission));
    if (!admission) return work();
    // Detached from Bolt's handling, so the request (and its HTTP objects) is released at once
    // and a queued command keeps only its fields: under a burst, hundreds wait here.
    this.deps.detach(
      admission.run(key, work, {
        refused: async () => {
          await respond({ response_type: 'ephemeral', text: TOO_BUSY_TEXT }).catch((e: unknown) =>
            this.deps.logger.warn({ err: e }, 'respond failed'),
          );
        },
      }),
    );
  }

  /** The command's work: claim it, post the thread root, run the start turn. */
  async startThread(
    fields: SlashCommandFields,
    respond: Respond,
    bot: BotContext,
    client: WebClient,
    admitted: boolean,
  ): Promise<void> {
    if (!(await this.claim(fields, respond))) return;
    const token = bot.botToken ?? '';
    // Only open a thread where the bot is a member: elsewhere it never sees the replies.
    if (!(await this.membership.isMember(client, token, fields.team_id, fields.channel_id))) {
      this.deps.logger.info(
        { channel: fields.channel_id },
        '/tiktok-ad where the bot is not a member',
      );
      await this.say(respond, inviteFirstText(bot.botUserId, this.deps.command));
      return;
    }
    const thread_ts = await this.postRoot(fields, token, respond, bot);
    if (thread_ts === undefined) return;
    const event = startEvent(fields, thread_ts);
    await this.state.turns.run(
      event,
      { sink: this.deps.delivery.sink, say: (reply) => this.deps.delivery.deliver(reply) },
      { claimed: true, detachDelivery: this.deps.detach, ...(admitted ? { admitted } : {}) },
    );
  }

  /**
   * The engine's claim of the start event, taken before the thread root is posted: false for a
   * repeat, and for a store that is down (then nothing is started, and only the one who asked
   * is told).
   */
  private async claim(fields: SlashCommandFields, respond: Respond): Promise<boolean> {
    try {
      return await this.deps.engine.claim({ event_id: startEventId(fields.trigger_id) });
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) throw error;
      this.deps.logger.error(
        { err: error.cause, channel: fields.channel_id },
        'state store down; /tiktok-ad refused, nothing started',
      );
      await this.say(respond, STORAGE_DOWN_START_TEXT);
      return false;
    }
  }

  /**
   * Posts the draft's root (and the request's overflow under it); its `ts`, or `undefined` when
   * Slack refused (the one who asked is told why).
   */
  private async postRoot(
    fields: SlashCommandFields,
    token: string,
    respond: Respond,
    bot: BotContext,
  ): Promise<string | undefined> {
    const { team_id, channel_id } = fields;
    const delivery = this.deps.delivery;
    try {
      const { root, rest } = rootPost(fields.user_id, fields.text?.trim() ?? '');
      const thread_ts = await delivery.post(token, team_id, channel_id, undefined, root, (ts) => ({
        thread_id: slackThreadId(team_id, channel_id, ts),
      }));
      const thread_id = slackThreadId(team_id, channel_id, thread_ts);
      for (const message of rest)
        await delivery.post(token, team_id, channel_id, thread_ts, message, { thread_id });
      this.state.knownThreads.add(thread_id);
      return thread_ts;
    } catch (error) {
      const slack_error = slackErrorCode(error);
      if (!slack_error) throw error;
      this.membership.forget(team_id, channel_id);
      this.deps.logger.warn({ slack_error, channel: channel_id }, 'could not post the draft root');
      const invite = inviteFirstText(bot.botUserId, this.deps.command);
      await this.say(respond, rootRefusedText(slack_error, invite));
      return undefined;
    }
  }

  /** An ephemeral answer to the one who typed the command; a failure is logged. */
  private async say(respond: Respond, text: string): Promise<void> {
    await respond({ response_type: 'ephemeral', text }).catch((e: unknown) =>
      this.deps.logger.warn({ slack_error: slackErrorCode(e) }, 'respond failed'),
    );
  }
}
