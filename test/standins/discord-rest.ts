import type { IncomingMessage, ServerResponse } from 'node:http';
import { apiError, invalidBody } from './discord-limits';
import {
  CHANNEL_TYPE,
  dmChannelObject,
  memberObject,
  messageObject,
  snowflake,
  threadObject,
  type WireObject,
  type WireUser,
} from './discord-payloads';
import type { DiscordState, Dispatch, RecordedCall } from './discord-state';

/**
 * The stand-in's REST API v10: `GET /gateway/bot`, interaction callbacks, webhook follow-ups
 * and `@original` edits, channel messages (create, edit, get), start thread from a message,
 * reactions, `GET /channels/:id`, `GET /users/:id`, `GET /guilds/:id/members/:id`, DM channel
 * creation, command registration, and the attachment CDN. Every call is recorded in
 * `state.calls`. A DM to a user whose DMs are closed answers 403 / 50007 on the message create
 * (not on opening the DM channel), as Discord does; injected rate limits answer 429 with
 * `retry_after` in the body and `Retry-After` plus `X-RateLimit-*` headers, as Discord sends them
 * (Discord docs "Rate Limits").
 */
export class DiscordRest {
  constructor(
    private readonly state: DiscordState,
    private readonly dispatch: Dispatch,
  ) {}

  /** Answers one HTTP request: a REST call, or an attachment download. */
  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const body = raw === '' ? null : (JSON.parse(raw) as WireObject);
    const prefix = '/api/v10';
    const path = decodeURIComponent(
      url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) : url.pathname,
    );
    const method = req.method ?? 'GET';
    const call: RecordedCall = {
      method,
      path,
      query: Object.fromEntries(url.searchParams),
      body,
      status: 0,
      at: Date.now(),
    };
    this.state.calls.push(call);
    const answer = (status: number, json?: unknown, headers: Record<string, string> = {}) => {
      call.status = status;
      res.writeHead(status, {
        ...(json === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      });
      res.end(json === undefined ? undefined : JSON.stringify(json));
    };

    const limited = this.state.rateLimits.find(
      (r) => r.method === method && r.path.test(path) && r.times > 0,
    );
    if (limited) {
      limited.times -= 1;
      const after = limited.retryAfterSeconds;
      answer(
        429,
        { message: 'You are being rate limited.', retry_after: after, global: false },
        {
          'Retry-After': String(Math.ceil(after)),
          'X-RateLimit-Limit': '5',
          'X-RateLimit-Remaining': '0',
          'X-RateLimit-Reset': String(Date.now() / 1000 + after),
          'X-RateLimit-Reset-After': String(after),
          'X-RateLimit-Bucket': 'standin-bucket',
          'X-RateLimit-Scope': 'user',
        },
      );
      return;
    }

    const attachment = /^\/attachments\/\d+\/(\d+)\/[^/]+$/.exec(url.pathname);
    if (attachment) {
      const stored = this.state.attachments.get(attachment[1] ?? '');
      const failed = this.state.failAttachments.shift();
      call.status = failed ?? (stored ? 200 : 404);
      if (failed || !stored) {
        res.writeHead(call.status, { 'content-type': 'text/plain' }).end('error');
        return;
      }
      res.writeHead(200, { 'content-type': stored.content_type }).end(stored.data);
      return;
    }

    // Interaction callbacks and webhooks authenticate with the interaction token in the path.
    const tokenAuth = path.startsWith('/interactions/') || path.startsWith('/webhooks/');
    if (!tokenAuth && req.headers.authorization !== `Bot ${this.state.token}`) {
      answer(401, apiError(0, '401: Unauthorized'));
      return;
    }
    const routed = this.route(method, path, url.searchParams, body ?? {});
    answer(routed.status, routed.json);
  }

  private route(
    method: string,
    path: string,
    query: URLSearchParams,
    body: WireObject,
  ): { status: number; json?: unknown } {
    const parts = path.split('/').filter(Boolean);
    const at = (i: number) => parts[i] ?? '';
    const is = (m: string, pattern: string) => {
      if (m !== method) return false;
      const p = pattern.split('/').filter(Boolean);
      return (
        p.length === parts.length && p.every((seg, i) => seg.startsWith(':') || seg === parts[i])
      );
    };

    if (is('GET', '/gateway/bot'))
      return {
        status: 200,
        json: {
          url: `ws://127.0.0.1:${this.state.port}/gateway`,
          shards: 1,
          session_start_limit: {
            total: 1000,
            remaining: 999,
            reset_after: 14400000,
            max_concurrency: 1,
          },
        },
      };
    if (is('POST', '/interactions/:id/:token/callback'))
      return this.interactionCallback(at(2), body, query.get('with_response') === 'true');
    if (is('POST', '/webhooks/:app/:token')) return this.followUp(at(2), body);
    if (is('PATCH', '/webhooks/:app/:token/messages/:message'))
      return this.editWebhookMessage(at(2), at(4), body);
    if (is('GET', '/channels/:channel')) {
      const channel = this.state.channels.get(at(1));
      return channel
        ? { status: 200, json: channel }
        : { status: 404, json: apiError(10003, 'Unknown Channel') };
    }
    if (is('POST', '/channels/:channel/messages')) return this.createMessage(at(1), body);
    if (is('GET', '/channels/:channel/messages/:message')) {
      const stored = this.state.messages.get(at(1))?.get(at(3));
      return stored
        ? { status: 200, json: this.state.withReactions(stored) }
        : { status: 404, json: apiError(10008, 'Unknown Message') };
    }
    if (is('PATCH', '/channels/:channel/messages/:message'))
      return this.editMessage(at(1), at(3), body);
    if (is('POST', '/channels/:channel/messages/:message/threads'))
      return this.startThread(at(1), at(3), body);
    if (is('PUT', '/channels/:channel/messages/:message/reactions/:emoji/@me'))
      return this.botReaction(at(1), at(3), at(5));
    if (is('GET', '/guilds/:guild/members/:user')) {
      const user = this.state.users.get(at(3));
      return user && at(1) === this.state.guildId && !this.state.nonMembers.has(user.id)
        ? { status: 200, json: this.state.member(user) }
        : { status: 404, json: apiError(10007, 'Unknown Member') };
    }
    if (is('POST', '/users/@me/channels')) return this.openDm(String(body.recipient_id ?? ''));
    if (is('GET', '/users/:user')) {
      const user = this.state.users.get(at(1));
      return user
        ? { status: 200, json: user }
        : { status: 404, json: apiError(10013, 'Unknown User') };
    }
    if (
      is('PUT', '/applications/:app/commands') ||
      is('PUT', '/applications/:app/guilds/:guild/commands')
    ) {
      const commands = Array.isArray(body) ? (body as WireObject[]) : [];
      return {
        status: 200,
        json: commands.map((c) => ({
          id: snowflake(),
          application_id: this.state.applicationId,
          version: snowflake(),
          type: 1,
          ...(parts.length === 5 ? { guild_id: at(3) } : {}),
          ...c,
        })),
      };
    }
    return { status: 404, json: apiError(0, '404: Not Found') };
  }

  private interactionCallback(token: string, body: WireObject, withResponse: boolean) {
    const pending = this.state.interactions.get(token);
    if (!pending) return { status: 404, json: apiError(10062, 'Unknown interaction') };
    if (pending.responded)
      return { status: 400, json: apiError(40060, 'Interaction has already been acknowledged.') };
    const type = Number(body.type);
    const data = (body.data ?? {}) as WireObject;
    const invalid = invalidBody(data);
    if (invalid) return invalid;
    pending.responded = true;
    let message: WireObject | null = null;
    if (type === 4) {
      const ephemeral = (Number(data.flags ?? 0) & 64) !== 0;
      if (ephemeral)
        this.state.ephemerals.push({
          user_id: pending.user.id,
          channel_id: pending.channelId,
          body: data,
        });
      message = ephemeral
        ? messageObject(snowflake(), pending.channelId, this.state.bot, data)
        : this.state.storeMessage(pending.channelId, this.state.bot, data);
      message.interaction_metadata = {
        id: pending.id,
        type: 2,
        user: pending.user,
        authorizing_integration_owners: { '0': this.state.guildId },
      };
      pending.originalMessageId = String(message.id);
      if (!ephemeral) this.dispatch('MESSAGE_CREATE', message);
    }
    if (!withResponse) return { status: 204 };
    return {
      status: 200,
      json: {
        interaction: {
          id: pending.id,
          type: 2,
          response_message_id: message?.id ?? null,
          response_message_loading: type === 5,
          response_message_ephemeral: message ? (Number(message.flags) & 64) !== 0 : false,
        },
        ...(message ? { resource: { type, message } } : {}),
      },
    };
  }

  private followUp(token: string, body: WireObject) {
    const pending = this.state.interactions.get(token);
    if (!pending?.responded) return { status: 404, json: apiError(10015, 'Unknown Webhook') };
    const invalid = invalidBody(body);
    if (invalid) return invalid;
    const ephemeral = (Number(body.flags ?? 0) & 64) !== 0;
    if (ephemeral)
      this.state.ephemerals.push({ user_id: pending.user.id, channel_id: pending.channelId, body });
    const message = ephemeral
      ? messageObject(snowflake(), pending.channelId, this.state.bot, body, {
          webhook_id: this.state.applicationId,
        })
      : this.state.storeMessage(pending.channelId, this.state.bot, body);
    if (!ephemeral) this.dispatch('MESSAGE_CREATE', message);
    return { status: 200, json: message };
  }

  private editWebhookMessage(token: string, messageId: string, body: WireObject) {
    const pending = this.state.interactions.get(token);
    const id = messageId === '@original' ? pending?.originalMessageId : messageId;
    if (!pending || !id) return { status: 404, json: apiError(10008, 'Unknown Message') };
    return this.editMessage(pending.channelId, id, body);
  }

  private createMessage(channelId: string, body: WireObject) {
    const channel = this.state.channels.get(channelId);
    if (!channel) return { status: 404, json: apiError(10003, 'Unknown Channel') };
    if (channel.type === CHANNEL_TYPE.DM) {
      const recipient = (channel.recipients as WireUser[])[0];
      if (recipient && this.state.closedDms.has(recipient.id))
        return { status: 403, json: apiError(50007, 'Cannot send messages to this user') };
    }
    const invalid = invalidBody(body);
    if (invalid) return invalid;
    if (body.content === undefined && !Array.isArray(body.embeds))
      return { status: 400, json: apiError(50006, 'Cannot send an empty message') };
    const message = this.state.storeMessage(channelId, this.state.bot, body);
    this.dispatch('MESSAGE_CREATE', message);
    return { status: 200, json: message };
  }

  private editMessage(channelId: string, messageId: string, body: WireObject) {
    const stored = this.state.messages.get(channelId)?.get(messageId);
    if (!stored) return { status: 404, json: apiError(10008, 'Unknown Message') };
    const invalid = invalidBody(body);
    if (invalid) return invalid;
    for (const key of ['content', 'embeds', 'components', 'flags'] as const)
      if (body[key] !== undefined) stored.data[key] = body[key];
    stored.data.edited_timestamp = new Date().toISOString();
    this.dispatch('MESSAGE_UPDATE', stored.data);
    return { status: 200, json: stored.data };
  }

  private startThread(channelId: string, messageId: string, body: WireObject) {
    const parent = this.state.channels.get(channelId);
    const starter = this.state.messages.get(channelId)?.get(messageId);
    if (!parent || !starter) return { status: 404, json: apiError(10008, 'Unknown Message') };
    if (starter.data.thread)
      return {
        status: 400,
        json: apiError(160004, 'A thread has already been created for this message'),
      };
    // A thread started from a message shares the message's id (Discord docs "Start Thread from Message").
    const thread = threadObject(
      messageId,
      this.state.guildId,
      channelId,
      this.state.bot.id,
      String(body.name ?? 'thread'),
      Number(body.auto_archive_duration ?? 1440),
    );
    this.state.channels.set(messageId, thread);
    starter.data.thread = thread;
    starter.data.flags = Number(starter.data.flags ?? 0) | 32;
    this.dispatch('THREAD_CREATE', { ...thread, newly_created: true });
    return { status: 201, json: thread };
  }

  private botReaction(channelId: string, messageId: string, emoji: string) {
    const stored = this.state.messages.get(channelId)?.get(messageId);
    if (!stored) return { status: 404, json: apiError(10008, 'Unknown Message') };
    this.state.recordReaction(stored, this.state.bot.id, emoji, true);
    this.dispatch('MESSAGE_REACTION_ADD', {
      user_id: this.state.bot.id,
      channel_id: channelId,
      message_id: messageId,
      guild_id: this.state.guildId,
      member: memberObject(this.state.bot),
      emoji: { id: null, name: emoji },
      burst: false,
      type: 0,
      message_author_id: this.state.bot.id,
    });
    return { status: 204 };
  }

  private openDm(recipientId: string) {
    const user = this.state.users.get(recipientId);
    if (!user) return { status: 400, json: apiError(50035, 'Invalid Form Body') };
    let id = this.state.dmChannels.get(recipientId);
    if (!id) {
      id = snowflake();
      this.state.dmChannels.set(recipientId, id);
      this.state.channels.set(id, dmChannelObject(id, user));
    }
    return { status: 200, json: this.state.channels.get(id) };
  }
}
