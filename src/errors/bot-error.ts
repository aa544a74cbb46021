/**
 * Every error the bot throws on purpose is a {@link BotError}: one stable `code` a caller can
 * branch on, a message for the log (or, where the code's table entry says so, for the reader),
 * and the ES2022 `cause` that led to it. This room imports nothing, so every room can use it.
 */

/**
 * Each code and what it means. The keys are the stable codes (log fields, metrics labels and
 * tests rely on them); the engine's remediation table says what a user is told for each.
 */
export const ERROR_CODES = {
  config_invalid:
    'A setting is missing, malformed or contradicts another; the message names each one.',
  start_failed:
    'The bot could not start for a reason outside its code (a port taken, a dependency that does not answer or refuses the credentials); the message says what to check.',
  token_decrypt_failed:
    "A stored TikTok token could not be opened: unknown key version, tampering, or another user's record.",
  store_unavailable:
    'The state store failed (Redis down, a dropped connection, a command timeout): the outcome of the operation is unknown.',
  lock_timeout: "A thread's lock was still held when the wait for it ran out.",
  turn_lost: "A turn's thread lock expired before it could save, so its changes were not saved.",
  thread_id_invalid: 'A thread id is malformed or names an unknown platform.',
  draft_incomplete: 'A draft lacks a field the TikTok call needs (it should have been asked).',
  campaign_ambiguous:
    'Several campaigns fit a lost campaign/create reply equally well, so none was adopted.',
  model_invalid_output: 'The model answered with malformed or schema-invalid JSON twice.',
  model_unavailable:
    'The model did not answer (rate limit or server error after backoff, network).',
  model_refused: 'The model refused the message (safety block).',
  model_config: 'The model refused the bot itself (bad API key, unknown model).',
  tiktok_auth: 'TikTok no longer accepts the access token: the account must be linked again.',
  tiktok_permission:
    'TikTok refused the call as not allowed (scope not granted, region blocked, allowlist, advertiser gone).',
  tiktok_rate_limited: 'TikTok asked to slow down; worth retrying after a wait.',
  tiktok_transient:
    'TikTok failed on its side or no reply came back; the outcome of a create is unknown.',
  tiktok_invalid_request: 'TikTok rejected the request itself; sending it again cannot help.',
  tiktok_reply_incomplete: 'TikTok answered success without the id the call must return.',
  emulator_rejected:
    "The TikTok emulator refuses a request, answering TikTok's envelope with a non-zero code.",
  chat_reply_incomplete:
    'Slack or Discord answered a post without the id of the message or channel it made.',
  chat_thread_unavailable: 'The chat thread a reply is for cannot be posted in.',
  chat_installation_missing: 'No Slack installation (or bot token) is stored for a workspace.',
  chat_request_malformed:
    'A signed platform request has a body the platform never sends, so it is refused as a bad request.',
  redirect_loop: 'A followed link redirected more times than allowed.',
} as const satisfies Record<string, string>;

/** A stable error code: one key of {@link ERROR_CODES}. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** Every code, in {@link ERROR_CODES} order. */
export const ALL_ERROR_CODES = Object.keys(ERROR_CODES) as ErrorCode[];

/**
 * The root of the bot's errors. Subclasses (one per kind, each in its own room) narrow `code`
 * and add the fields their callers need; a code with no extra fields is thrown as a plain
 * `BotError`. `cause` is the lower-level error, when there is one (never secrets).
 */
export class BotError extends Error {
  override readonly name: string = 'BotError';
  /** What went wrong, as a stable code: see {@link ERROR_CODES}. */
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** True when `error` is a {@link BotError} with `code` (any of `codes`, when several are given). */
export function hasCode<C extends ErrorCode>(
  error: unknown,
  ...codes: C[]
): error is BotError & { code: C } {
  return error instanceof BotError && (codes as ErrorCode[]).includes(error.code);
}
