/** The emoji the approval card asks for, by Slack name (adapters show the character). */
export const APPROVE_EMOJI_NAME = 'white_check_mark';
export const REJECT_EMOJI_NAME = 'x';

/**
 * Only the documented ✅ approves (README: "only after the team approves it (✅)"). Check marks
 * that look alike (✔️ `heavy_check_mark`, ☑️ `ballot_box_with_check`) do not: an approval spends
 * money, so it is the one emoji the card names, and the person is told so.
 */
const APPROVE = new Set(['white_check_mark', '✅']);
const LOOKALIKE = new Set(['heavy_check_mark', '✔️', '✔', 'ballot_box_with_check', '☑️', '☑']);
const REJECT = new Set(['x', 'negative_squared_cross_mark', '❌', '❎']);

/**
 * What a reaction means: Slack names (`white_check_mark`) and unicode (`✅`) both count.
 * `not_approval`: a look-alike check mark, which does not approve (see {@link LOOKALIKE}).
 */
export function reactionMeaning(emoji: string): 'approve' | 'reject' | 'not_approval' | null {
  const name = emoji.replace(/^:|:$/g, '').replace(/::skin-tone-\d$/, '');
  if (APPROVE.has(name)) return 'approve';
  if (REJECT.has(name)) return 'reject';
  if (LOOKALIKE.has(name)) return 'not_approval';
  return null;
}

/** What someone who reacted with a look-alike check mark is told (only them). */
export const NOT_APPROVAL_TEXT =
  'Only ✅ (white_check_mark) approves an ad; other check marks such as ✔️ do not count. React with ✅ to approve.';
