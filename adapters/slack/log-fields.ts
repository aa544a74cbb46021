/**
 * Slack's own error code of a Web API refusal (`WebAPIPlatformError`: `ok:false` with `error`,
 * e.g. `channel_not_found`, `not_in_channel`, `missing_scope`), or `undefined` for anything
 * else (network, our bugs). Refusals are expected in production: they are logged at `warn` with
 * this code and no stack (@slack/web-api `errors.ts`: `code: 'slack_webapi_platform_error'`).
 */
export function slackErrorCode(error: unknown): string | undefined {
  const e = error as { code?: unknown; data?: { error?: unknown } } | null;
  if (e?.code !== 'slack_webapi_platform_error') return undefined;
  return typeof e.data?.error === 'string' ? e.data.error : 'unknown';
}
