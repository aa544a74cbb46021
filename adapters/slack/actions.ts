import { type ActionId, isActionId } from '../../src/engine/ports';

/**
 * Our Block Kit `action_id`s: `tab:<ActionId>` for a single button, `tab:<ActionId>:<n>` when one
 * actions block carries several buttons of the same action (Slack wants `action_id`s unique
 * within a block: docs.slack.dev/reference/block-kit/block-elements/button-element).
 * `tab:open_link` is a URL button; Slack still sends `block_actions` for it, which we only ack.
 */
export const ACTION_PREFIX = 'tab:';

/** The link button's action id (acked, nothing else). */
export const OPEN_LINK_ACTION = `${ACTION_PREFIX}open_link`;

/** Matches every action id this adapter renders (for `app.action(...)`). */
export const ACTION_PATTERN = new RegExp(`^${ACTION_PREFIX}[a-z_]+(:\\d+)?$`);

/** The Block Kit `action_id` of an engine action; `n` numbers repeated buttons in one block. */
export function slackActionId(action: ActionId, n?: number): string {
  return n === undefined ? `${ACTION_PREFIX}${action}` : `${ACTION_PREFIX}${action}:${n}`;
}

/** The engine action of a Block Kit `action_id`, or `null` for ones it does not know. */
export function engineActionOf(actionId: string): ActionId | null {
  if (!actionId.startsWith(ACTION_PREFIX)) return null;
  const name = actionId.slice(ACTION_PREFIX.length).split(':')[0] ?? '';
  return isActionId(name) ? name : null;
}
