import { randomBytes } from 'node:crypto';

/** Why a link attempt failed; each has its own page and audit reason. */
export type LinkFailureReason =
  | 'unknown_link'
  | 'missing_state'
  | 'unknown_state'
  | 'expired_state'
  | 'no_cookie'
  | 'cookie_mismatch'
  | 'link_used'
  | 'missing_code'
  | 'bad_code'
  | 'no_advertiser'
  | 'missing_scopes'
  | 'exchange_failed';

/**
 * A failed step, as the browser page shows it: HTTP status, a title, what to do, and a short
 * reference (`ref`) that matches the log line. Never contains a state, code or token.
 */
export interface LinkFailure {
  reason: LinkFailureReason;
  status: 400 | 403 | 502;
  title: string;
  message: string;
  ref: string;
}

const NEW_LINK = 'Ask the bot for a new link (the Link account button, or /link).';

const PAGES: Record<LinkFailureReason, Omit<LinkFailure, 'reason' | 'ref'>> = {
  unknown_link: {
    status: 400,
    title: 'This link no longer works',
    message: `Links work for 10 minutes, until an account is connected with them. ${NEW_LINK}`,
  },
  missing_state: {
    status: 400,
    title: 'This page was opened without its sign-in details',
    message: `Open the private link the bot sent you instead. ${NEW_LINK}`,
  },
  unknown_state: {
    status: 400,
    title: 'This sign-in was already used or is unknown',
    message: `Each sign-in works once. ${NEW_LINK}`,
  },
  expired_state: {
    status: 400,
    title: 'This sign-in took too long',
    message: `Sign-ins must finish within 10 minutes. ${NEW_LINK}`,
  },
  no_cookie: {
    status: 403,
    title: 'Finish in the browser where you opened the link',
    message: `For your safety, linking must end in the same browser it started in. ${NEW_LINK}`,
  },
  cookie_mismatch: {
    status: 403,
    title: 'Finish in the browser where you opened the link',
    message: `This browser did not start this sign-in. ${NEW_LINK}`,
  },
  link_used: {
    status: 400,
    title: 'This link was already used',
    message: `An account was already connected with this link. ${NEW_LINK}`,
  },
  missing_code: {
    status: 400,
    title: 'TikTok did not send an authorization',
    message: `If you cancelled on TikTok's page, nothing was linked. ${NEW_LINK}`,
  },
  bad_code: {
    status: 400,
    title: 'TikTok did not accept this authorization',
    message: `It may have expired or been used already (TikTok code 40110). Nothing was linked. ${NEW_LINK}`,
  },
  no_advertiser: {
    status: 400,
    title: 'No advertiser account was shared',
    message: `Choose at least one advertiser account on TikTok's page. Nothing was linked. ${NEW_LINK}`,
  },
  missing_scopes: {
    status: 400,
    title: 'TikTok granted fewer permissions than the bot needs',
    message: `Keep every permission ticked on TikTok's page. Nothing was linked. ${NEW_LINK}`,
  },
  exchange_failed: {
    status: 502,
    title: 'TikTok could not finish the sign-in',
    message: `Nothing was linked. Try again in a minute. ${NEW_LINK}`,
  },
};

/** The failure page for `reason`; `detail` (e.g. the missing permissions) is appended. */
export function failure(reason: LinkFailureReason, detail = ''): LinkFailure {
  const page = PAGES[reason];
  return {
    reason,
    ...page,
    message: detail ? `${page.message} (${detail})` : page.message,
    ref: randomBytes(4).toString('hex'),
  };
}
