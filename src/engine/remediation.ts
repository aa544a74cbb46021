import type { BotError, ErrorCode } from '../errors/bot-error';
import { TikTokApiError, type TikTokErrorCode } from '../tiktok/errors';
import type { Block, ErrorClass, SuggestedAction } from './reply';
import {
  STILL_SUBMITTING_TEXT,
  STORAGE_DOWN_START_TEXT,
  STORE_FAILED_TEXT,
  THREAD_BUSY_TEXT,
} from './store-texts';
import { AmbiguousCampaignError } from './submission/campaign-lookup';

const RETRY: SuggestedAction = { action_id: 'retry', label: 'Retry' };
const LINK: SuggestedAction = { action_id: 'link_account', label: 'Link account' };
const EDIT: SuggestedAction = { action_id: 'edit', label: 'Edit draft' };

/** Where a failure met the user, for the codes whose text depends on it. */
export interface FailureSituation {
  /** How many times the failed call was tried; said when more than once. */
  attempts?: number;
  /** The failure ended a new draft's first turn (`/tiktok-ad`), so nothing was started. */
  starting?: boolean;
  /** A submission had started, and goes on once the store answers. */
  submitting?: boolean;
}

/**
 * What the engine makes of one error code:
 * - `audience`: `user` when the text is said in the thread; `operator` when the error stops the
 *   bot or is only logged (its message, written for the operator, is the text).
 * - `error_class`: the class remediation blocks, saved failures and the audit carry (what the
 *   user must do: link again, fix a permission, edit, wait, or retry).
 * - `say`: the reply block.
 */
export interface ErrorAdvice<E extends BotError = BotError> {
  audience: 'user' | 'operator';
  error_class: ErrorClass;
  say(error: E, situation: FailureSituation): Block;
}

/** The error a code's advice reads: TikTok's for `tiktok_*`, the ambiguity's own fields, else any. */
type ErrorWith<C extends ErrorCode> = C extends TikTokErrorCode
  ? TikTokApiError
  : C extends 'campaign_ambiguous'
    ? AmbiguousCampaignError
    : BotError;

function said(text: string, tone: 'warning' | 'error' = 'error'): Block {
  return { type: 'text', tone, text };
}

/** The error's own message, said as is: written for whoever reads it (operator or user). */
const ownMessage = (error: BotError): Block => said(error.message);

const operator = (error_class: ErrorClass): ErrorAdvice => ({
  audience: 'operator',
  error_class,
  say: ownMessage,
});

function remediation(
  error: TikTokApiError,
  error_class: ErrorClass,
  text: { title: string; detail: string; actions: SuggestedAction[] },
): Block {
  return {
    type: 'remediation',
    error_class,
    code: error.tiktok_code,
    ...(error.request_id ? { request_id: error.request_id } : {}),
    ...text,
  };
}

const tried = (situation: FailureSituation): string =>
  situation.attempts && situation.attempts > 1 ? ` I tried ${situation.attempts} times.` : '';

/**
 * The one table from error code to what is said and what to do. TikTok codes come from TikTok
 * "Appendix – Return codes" (docs/tiktok-api.md §4); a failed TikTok call always keeps the draft.
 * Store failures say nothing was saved (or that a started submission goes on); model failures
 * say their own message, which already tells the user the draft is unchanged and what to do.
 */
export const ERROR_ADVICE: { readonly [C in ErrorCode]: ErrorAdvice<ErrorWith<C>> } = {
  config_invalid: operator('validation'),
  start_failed: operator('transient'),
  token_decrypt_failed: operator('auth'),
  store_unavailable: {
    audience: 'user',
    error_class: 'transient',
    say: (_error, { starting, submitting }) =>
      submitting
        ? said(STILL_SUBMITTING_TEXT, 'warning')
        : said(starting ? STORAGE_DOWN_START_TEXT : STORE_FAILED_TEXT),
  },
  lock_timeout: { audience: 'user', error_class: 'transient', say: () => said(THREAD_BUSY_TEXT) },
  turn_lost: operator('transient'),
  thread_id_invalid: operator('validation'),
  draft_incomplete: operator('validation'),
  campaign_ambiguous: {
    audience: 'user',
    error_class: 'validation',
    say: (error) => {
      const n = error.campaign_ids.length;
      const count = n === 2 ? 'Two' : String(n);
      return {
        type: 'remediation',
        error_class: 'validation',
        title: `${count} campaigns named "${error.campaign_name}" match, so I stopped`,
        detail: `TikTok's reply to my campaign create was lost, and ${n} new switched-off campaigns named "${error.campaign_name}" with no ad group now exist (ids ${error.campaign_ids.join(', ')}). I cannot tell which one is mine, so I used none and created nothing more. Delete ${n === 2 ? 'one of them' : `all but one of them`} in TikTok Ads Manager, then press Retry (or /retry): the one left is used.`,
        actions: [RETRY],
      };
    },
  },
  model_invalid_output: { audience: 'user', error_class: 'transient', say: ownMessage },
  model_unavailable: { audience: 'user', error_class: 'transient', say: ownMessage },
  model_refused: { audience: 'user', error_class: 'validation', say: ownMessage },
  model_config: { audience: 'user', error_class: 'permission', say: ownMessage },
  tiktok_auth: {
    audience: 'user',
    error_class: 'auth',
    say: (error) =>
      remediation(error, 'auth', {
        title: 'Your TikTok authorization has expired or was revoked',
        detail: `TikTok no longer accepts the linked account's token (code ${error.tiktok_code}). Link your TikTok account again, then retry; the draft is kept.`,
        actions: [LINK, RETRY],
      }),
  },
  tiktok_permission: {
    audience: 'user',
    error_class: 'permission',
    say: (error) =>
      error.tiktok_code === 41000
        ? remediation(error, 'permission', {
            title: 'TikTok blocked this request by region',
            detail:
              'TikTok refuses API requests from the country or region this bot runs in (code 41000). Run the bot from a supported region, or contact your TikTok representative. The draft is kept; retry once that is sorted.',
            actions: [RETRY, EDIT],
          })
        : remediation(error, 'permission', {
            title: 'The linked TikTok account lacks a permission',
            detail: `TikTok said: "${error.tiktok_message}" (code ${error.tiktok_code}). Re-link the account and grant the ads and creative permissions, then retry.`,
            actions: [LINK, RETRY],
          }),
  },
  tiktok_invalid_request: {
    audience: 'user',
    error_class: 'validation',
    say: (error) =>
      remediation(error, 'validation', {
        title: 'TikTok rejected the ad',
        detail: `TikTok said: "${error.tiktok_message}" (code ${error.tiktok_code}). Change the draft and approve again.`,
        actions: [EDIT],
      }),
  },
  tiktok_rate_limited: {
    audience: 'user',
    error_class: 'rate_limit',
    say: (error, situation) =>
      remediation(error, 'rate_limit', {
        title: 'TikTok is rate limiting requests',
        detail: `TikTok asked us to slow down (code ${error.tiktok_code}).${tried(situation)} Wait a minute and retry; what was already created is kept and will not be created twice.`,
        actions: [RETRY],
      }),
  },
  tiktok_transient: {
    audience: 'user',
    error_class: 'transient',
    say: (error, situation) =>
      remediation(error, 'transient', {
        title: 'TikTok had a temporary problem',
        detail: `TikTok's servers failed (code ${error.tiktok_code}).${tried(situation)} Retry in a moment; it resumes where it stopped and will not create anything twice.`,
        actions: [RETRY],
      }),
  },
  tiktok_reply_incomplete: operator('transient'),
  emulator_rejected: operator('validation'),
  chat_reply_incomplete: operator('transient'),
  chat_thread_unavailable: operator('permission'),
  chat_installation_missing: operator('auth'),
  chat_request_malformed: operator('validation'),
  redirect_loop: operator('validation'),
};

/** What the user is told about `error`, in `situation` (see {@link ERROR_ADVICE}). */
export function sayError(error: BotError, situation: FailureSituation = {}): Block {
  const advice = ERROR_ADVICE[error.code] as ErrorAdvice;
  return advice.say(error, situation);
}

/** The engine's class of a failure with `code`: what the user must do about it. */
export function errorClassOf(code: ErrorCode): ErrorClass {
  return ERROR_ADVICE[code].error_class;
}

/**
 * The remediation block for a failed TikTok call: what went wrong in plain words, what to do,
 * and buttons for the next step. The draft is always kept.
 */
export function remediationFor(error: TikTokApiError, attempts?: number): Block {
  return sayError(error, attempts === undefined ? {} : { attempts });
}

/**
 * The remediation block when the reply to our campaign/create was lost and several campaigns
 * fit it equally well (same exact name and body fields, switched off, no ad group, made while
 * the submission ran): none was adopted and nothing more was created, so the user deletes the
 * extra ones and retries; the retry then adopts the one left. `error_class` `validation`: the
 * account's contents must change, a bare retry cannot help.
 */
export function ambiguousCampaignRemediation(error: AmbiguousCampaignError): Block {
  return sayError(error);
}

/** True when `error` says several campaigns fit a lost campaign/create reply. */
export function isAmbiguousCampaign(error: unknown): error is AmbiguousCampaignError {
  return error instanceof AmbiguousCampaignError;
}

/** True when `error` is a TikTok API error (as opposed to a bug or a crash). */
export function isTikTokError(error: unknown): error is TikTokApiError {
  return error instanceof TikTokApiError;
}
