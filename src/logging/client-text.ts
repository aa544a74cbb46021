import { CENSOR } from './logger';

/** Query parameters whose values are secrets: OAuth link ids, states, codes and tokens. */
const SECRET_QUERY = /([?&](?:link|state|code|auth_code|token|access_token|secret)=)[^&\s"'\\]+/gi;
/**
 * Slack tokens (`xoxb-`, `xoxp-`, `xoxa-`, `xoxe-`… and app-level `xapp-`), as documented at
 * https://docs.slack.dev/authentication/tokens; and an `Authorization: Bot|Bearer …` value.
 */
const TOKEN_LIKE = /\b(?:xox[a-z]|xapp)-[\w-]+|\b(Bot|Bearer) [\w.~+/=-]{8,}/g;
/** Where a platform client's message starts quoting a request or response body. */
const BODY_START = /\(body: |[{[]/;

/**
 * Makes a free-text line from a platform client's own logger safe to log. Slack's Web API
 * client and Bolt log whole request and response bodies at debug (`http request body: {…}`,
 * `http request result: {…}`, `ack() call begins (body: …)`): a direct message's body holds the
 * private OAuth link, a result echoes it. pino's `redact` cannot reach inside a string, so here:
 * everything from the first quoted body on becomes `[body omitted]`, and tokens and secret
 * query parameters (`?link=`, `state=`, `code=`…) anywhere in the line become `[redacted]`.
 * Example: `http request body: {"text":"…?link=abc"}` → `http request body: [body omitted]`.
 */
export function scrubClientText(text: string): string {
  const body = BODY_START.exec(text);
  const head = body ? `${text.slice(0, body.index)}[body omitted]` : text;
  return head
    .replace(SECRET_QUERY, `$1${CENSOR}`)
    .replace(TOKEN_LIKE, (_match, scheme?: string) => (scheme ? `${scheme} ${CENSOR}` : CENSOR));
}
