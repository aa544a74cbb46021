import { TikTokApiError } from '../tiktok/errors';
import type { Block, SuggestedAction } from './reply';
import { AmbiguousCampaignError } from './submission/campaign-lookup';

const RETRY: SuggestedAction = { action_id: 'retry', label: 'Retry' };
const LINK: SuggestedAction = { action_id: 'link_account', label: 'Link account' };
const EDIT: SuggestedAction = { action_id: 'edit', label: 'Edit draft' };

/**
 * The remediation block for a failed TikTok call: what went wrong in plain words, what to do,
 * and buttons for the next step. The draft is always kept. Codes from TikTok "Appendix –
 * Return codes" (docs/tiktok-api.md §4).
 */
export function remediationFor(error: TikTokApiError, attempts?: number): Block {
  const base = {
    error_class: error.error_class,
    code: error.code,
    ...(error.request_id ? { request_id: error.request_id } : {}),
  };
  const tried = attempts && attempts > 1 ? ` I tried ${attempts} times.` : '';
  switch (error.error_class) {
    case 'auth':
      return {
        type: 'remediation',
        ...base,
        title: 'Your TikTok authorization has expired or was revoked',
        detail: `TikTok no longer accepts the linked account's token (code ${error.code}). Link your TikTok account again, then retry; the draft is kept.`,
        actions: [LINK, RETRY],
      };
    case 'permission':
      if (error.code === 41000) {
        return {
          type: 'remediation',
          ...base,
          title: 'TikTok blocked this request by region',
          detail:
            'TikTok refuses API requests from the country or region this bot runs in (code 41000). Run the bot from a supported region, or contact your TikTok representative. The draft is kept; retry once that is sorted.',
          actions: [RETRY, EDIT],
        };
      }
      return {
        type: 'remediation',
        ...base,
        title: 'The linked TikTok account lacks a permission',
        detail: `TikTok said: "${error.tiktok_message}" (code ${error.code}). Re-link the account and grant the ads and creative permissions, then retry.`,
        actions: [LINK, RETRY],
      };
    case 'validation':
      return {
        type: 'remediation',
        ...base,
        title: 'TikTok rejected the ad',
        detail: `TikTok said: "${error.tiktok_message}" (code ${error.code}). Change the draft and approve again.`,
        actions: [EDIT],
      };
    case 'rate_limit':
      return {
        type: 'remediation',
        ...base,
        title: 'TikTok is rate limiting requests',
        detail: `TikTok asked us to slow down (code ${error.code}).${tried} Wait a minute and retry; what was already created is kept and will not be created twice.`,
        actions: [RETRY],
      };
    case 'transient':
      return {
        type: 'remediation',
        ...base,
        title: 'TikTok had a temporary problem',
        detail: `TikTok's servers failed (code ${error.code}).${tried} Retry in a moment; it resumes where it stopped and will not create anything twice.`,
        actions: [RETRY],
      };
  }
}

/**
 * The remediation block when the reply to our campaign/create was lost and several campaigns
 * fit it equally well (same exact name and body fields, switched off, no ad group, made while
 * the submission ran): none was adopted and nothing more was created, so the user deletes the
 * extra ones and retries; the retry then adopts the one left. Shape as {@link remediationFor}
 * (`error_class` `validation`: the account's contents must change, a bare retry cannot help).
 */
export function ambiguousCampaignRemediation(error: AmbiguousCampaignError): Block {
  const n = error.campaign_ids.length;
  const count = n === 2 ? 'Two' : String(n);
  return {
    type: 'remediation',
    error_class: 'validation',
    title: `${count} campaigns named "${error.campaign_name}" match, so I stopped`,
    detail: `TikTok's reply to my campaign create was lost, and ${n} new switched-off campaigns named "${error.campaign_name}" with no ad group now exist (ids ${error.campaign_ids.join(', ')}). I cannot tell which one is mine, so I used none and created nothing more. Delete ${n === 2 ? 'one of them' : `all but one of them`} in TikTok Ads Manager, then press Retry (or /retry): the one left is used.`,
    actions: [RETRY],
  };
}

/** True when `error` says several campaigns fit a lost campaign/create reply. */
export function isAmbiguousCampaign(error: unknown): error is AmbiguousCampaignError {
  return error instanceof AmbiguousCampaignError;
}

/** True when `error` is a TikTok API error (as opposed to a bug or a crash). */
export function isTikTokError(error: unknown): error is TikTokApiError {
  return error instanceof TikTokApiError;
}
