// What the engine says when its store fails; adapters say the same before a turn can start.

/** What a user sees when the store fails during their turn: nothing was saved, so resend. */
export const STORE_FAILED_TEXT = "I couldn't save that; nothing changed, please send it again.";

/**
 * What a thread is told when its lock stays held past the wait (an earlier message of the same
 * thread is still being handled): nothing was done with this one, so send it again.
 */
export const THREAD_BUSY_TEXT =
  'I am still busy with an earlier message in this thread. Please send that again in a moment.';

/** What a new draft (`/tiktok-ad`) gets while the store is down: nothing was started. */
export const STORAGE_DOWN_START_TEXT =
  "I can't save drafts right now (storage is down); nothing was started. Please try again in a minute.";

/**
 * What the thread is told when the store fails after a submission started: the truth (it goes
 * on once the store answers), never "try again", which a second approval could not do.
 */
export const STILL_SUBMITTING_TEXT =
  "Still working on this ad: my storage stopped answering, so I paused before TikTok's next step. I'll post the outcome here as soon as it is known; there is no need to approve again.";
