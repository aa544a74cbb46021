// What a thread's turn says in its own words when routing an event (the message steps' texts
// are in message-texts.ts).

/** The texts a turn says while routing an event to its step. */
export const THREAD_TURN_TEXTS = {
  /** `/tiktok-ad` with no words: the opening line before the first question. */
  opening: "Let's create a TikTok ad. I'll ask only for what's missing.",
  /** A message in a chat thread whose draft is gone (expired, or lost by the store). */
  draftLost:
    'This draft was lost (nothing of it is saved any more), so I cannot go on with it here. Start again with /tiktok-ad.',
  /** A button pressed in a thread whose draft is gone. */
  noDraft:
    'There is no draft in this thread any more (it may have expired). Start a new one with /tiktok-ad.',
  /** A submission resumed because the store answers again. */
  resumedStoreBack:
    'Storage answers again; going on with the submission from the last saved step. Nothing is created twice.',
  /** A submission resumed after the bot restarted. */
  resumedRestart:
    'The bot restarted while submitting this ad; going on from the last saved step. Nothing is created twice.',
  /** The Edit button. */
  edit: 'Tell me what to change, e.g. "change the ad text to …" or "budget 80".',
} as const;
