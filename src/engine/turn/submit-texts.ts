// What submitting a draft from a turn says in its own words (TikTok's failures are said by
// their remediation, see remediation.ts).
import type { ChatUser } from '../chat-event';
import { nameOf } from '../link-steps';

/** The texts of the submit and Retry steps. */
export const SUBMIT_TEXTS = {
  /** Fields still missing when the submit came; `missing` are draft field names. */
  missing: (missing: readonly string[]) =>
    `The draft is missing ${missing.join(', ')}; it cannot be submitted yet.`,
  /** A check made at submit time (pending media, music) refused something. */
  nothingSent: 'Nothing was sent to TikTok. Once this is fixed, the draft needs approval again.',
  /** The submission's last save: the ad exists and is on. */
  created: 'Your ad was created on TikTok and switched on.',
  /** TikTok refused the requester's token (`code`, `message` as TikTok said them). */
  linkRefused: (requester: ChatUser, code: number, message: string) =>
    `TikTok no longer accepts ${nameOf(requester)}'s linked account (code ${code}: ${message}). I won't retry with it; anything already created is kept and will not be created twice.`,
  /** Retry on a draft with no failed, interrupted or link-waiting submission. */
  nothingToRetry: 'There is no failed submission to retry.',
  /** Retry on a draft whose approvals were dropped. */
  needsApprovalAgain: 'This draft needs approval again before it can be submitted.',
  /** Retry accepted. */
  retrying: 'Retrying; steps that already succeeded are kept.',
} as const;
