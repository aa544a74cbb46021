// What a chat message's turn says in its own words (the rules' and TikTok's texts live with
// them): kept here, beside the steps of `message.ts`, so the wording is read and changed in one
// place.
import type { ChatUser } from '../chat-event';
import { nameOf } from '../link-steps';

/** The texts a message's turn says. */
export const MESSAGE_TEXTS = {
  /** A message while the draft is being submitted. */
  submitting:
    'This ad is being submitted (a submission interrupted by a restart or a storage outage is resumed on its own); the outcome will be posted here. Retry resumes it now; nothing will be created twice.',
  /** A message after the draft was submitted; `ad_id` is TikTok's id of the ad made. */
  alreadySubmitted: (ad_id: string | undefined) =>
    `This ad was already submitted (ad ${ad_id ?? '?'}). Start a new one with /tiktok-ad.`,
  /** A file the upload rules refused: nothing of the message is kept. */
  nothingUploaded: 'Nothing was uploaded; the draft is as it was.',
  /** TikTok failed while checking or uploading: nothing of the message is kept. */
  nothingSaved: 'Nothing from that message was saved; the draft is as it was.',
  /** An edit after the card was posted drops the approvals it had. */
  approvalsDropped: 'The draft changed, so earlier approvals were dropped.',
  /** The card an edit made stale. */
  cardReplaced: 'The draft changed after this card was posted.',
  /** A message on a failed draft that changed nothing. */
  lastFailed: 'The last submission failed. Retry tries again, or tell me what to change.',
  /** A message on an approved draft waiting for the requester's link. */
  awaitingLink: (requester: ChatUser) =>
    `The draft is approved and waits for ${nameOf(requester)} to link a TikTok account (see the private link). Link account sends a new link.`,
  /** A typed restart on a ready draft: it only points at Reset. */
  restartReady:
    'This draft is ready for approval. To throw it away and start over, use Reset; the draft is unchanged until then.',
  /** The draft was started over. */
  startedOver: 'Started over with an empty draft.',
  /**
   * A pick ("#2", "the second one") with no numbered list open; `linked`: the requester's link
   * is usable, so the lists can be shown.
   */
  noListOpen: (message: string, linked: boolean) => {
    const how = linked
      ? 'Say “show me the music” for a numbered music list; the media question shows your library to pick from.'
      : 'The music and media lists come from your TikTok account once it is linked (see the private link); then say “show me the music”.';
    return `There is no list open to pick “${message.trim()}” from. ${how}`;
  },
} as const;
