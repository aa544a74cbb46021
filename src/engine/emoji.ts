/** The emoji the approval card asks for, by Slack name (adapters show the character). */
export const APPROVE_EMOJI_NAME = 'white_check_mark';
export const REJECT_EMOJI_NAME = 'x';

const APPROVE = new Set(['white_check_mark', 'heavy_check_mark', '✅', '✔️']);
const REJECT = new Set(['x', 'negative_squared_cross_mark', '❌', '❎']);

/** What a reaction means: Slack names (`white_check_mark`) and unicode (`✅`) both count. */
export function reactionMeaning(emoji: string): 'approve' | 'reject' | null {
  const name = emoji.replace(/^:|:$/g, '').replace(/::skin-tone-\d$/, '');
  if (APPROVE.has(name)) return 'approve';
  if (REJECT.has(name)) return 'reject';
  return null;
}
