import { HTTPModuleFunctions, type ReceiverProcessEventErrorHandlerArgs } from '@slack/bolt';
import { BotError } from '../../src/errors/bot-error';
import type { Logger } from '../../src/logging/logger';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Fields of an inner event that Bolt and the listeners read as objects or strings. */
const NOT_NULL = ['item', 'channel', 'message', 'user'] as const;

/**
 * What is wrong with a (signed) Slack request body, or `null` when its shape is one Slack sends:
 * an object; an Events API `event` that is an object with a string `type`, and no `null` where
 * Slack puts an object or id (`item`, `channel`, `message`, `user`); an interactivity payload
 * (Bolt has parsed `payload=`) that is an object with a string `type`. Shapes:
 * https://docs.slack.dev/apis/events-api/ and https://docs.slack.dev/interactivity/handling-user-interaction/.
 */
export function slackBodyProblem(body: unknown): string | null {
  if (!isRecord(body)) return 'the body is not a JSON object';
  if ('event' in body) {
    const event = body.event;
    if (!isRecord(event)) return '`event` is not an object';
    if (typeof event.type !== 'string') return '`event.type` is missing';
    for (const key of NOT_NULL)
      if (key in event && event[key] === null) return `\`event.${key}\` is null`;
  }
  if ('type' in body && typeof body.type !== 'string') return '`type` is not a string';
  if (!KINDS.some((key) => key in body))
    return 'no `event`, `command`, `type`, `actions` or `name`: not a request Slack sends';
  return null;
}

/**
 * The fields by which Bolt tells what kind of request a body is (an event, a slash command, an
 * options request, an action, a shortcut or a view); a body with none of them reaches no
 * listener, is never acknowledged, and Bolt answers 404 after its 3-second wait.
 */
const KINDS = ['event', 'command', 'type', 'actions', 'name'] as const;

/** The part of Bolt's `App` that receivers hand each request to. */
interface EventProcessor {
  processEvent(event: { body: unknown }): Promise<void>;
}

/**
 * Makes `app.processEvent` refuse a body that {@link slackBodyProblem} finds wrong, by throwing
 * before Bolt reads it; the receiver then hands the error to {@link malformedRequestHandler},
 * which answers 400 at once. Without this, a signed body Bolt cannot route (e.g. `payload={}`)
 * is left unacknowledged and gets Bolt's 404 after 3 s. For the HTTP receiver only: the
 * request's signature has been checked by then.
 */
export function refuseMalformedBodies(app: EventProcessor): void {
  const processEvent = app.processEvent.bind(app);
  app.processEvent = (event) => {
    const problem = slackBodyProblem(event.body);
    if (problem !== null)
      return Promise.reject(
        new BotError('chat_request_malformed', `malformed Slack request: ${problem}`),
      );
    return processEvent(event);
  };
}

/**
 * Bolt's `processEventErrorHandler` for the HTTP receiver. A signed request whose body is not a
 * shape Slack sends (e.g. `"event": null`) makes Bolt throw before it acknowledges; that is a
 * bad request, not a failure of the bot, so it gets 400 and a warning naming what was wrong,
 * instead of the 500 that says the bot broke (and shows as an error in logs, alerts and
 * Slack's delivery-failure reports). Any other failure keeps Bolt's answer (500, or 401 for an
 * authorization error). Slack's retry rules: https://docs.slack.dev/apis/events-api/#retries.
 */
export function malformedRequestHandler(logger: Logger) {
  return async (args: ReceiverProcessEventErrorHandlerArgs): Promise<boolean> => {
    const problem = slackBodyProblem((args.request as { body?: unknown }).body);
    if (problem === null || args.response.headersSent)
      return HTTPModuleFunctions.defaultProcessEventErrorHandler(args);
    logger.warn({ problem }, 'a signed Slack request had a malformed body; answered 400');
    args.response.writeHead(400);
    args.response.end();
    return true;
  };
}
