import { type ActionId, isActionId } from '../../src/engine/ports';
import { DISCORD_LIMITS } from './limits';

/** Prefix of this bot's button ids, so clicks on other apps' components are never misread. */
const PREFIX = 'tad';

/** A button click, decoded: the engine action and its optional value (e.g. an advertiser id). */
export interface ButtonAction {
  action_id: ActionId;
  value?: string;
}

/**
 * Encodes an action as a button `custom_id`: `tad:<action_id>` or `tad:<action_id>:<value>`.
 * The thread is not in the id: a click arrives with the channel (the thread) it was made in.
 * Returns `null` when the result would exceed Discord's 100 characters (Discord docs: "Message
 * components → Button", `custom_id` 1-100), so callers drop the button rather than send a
 * payload Discord refuses.
 */
export function encodeCustomId(action: ButtonAction): string | null {
  const id =
    action.value === undefined
      ? `${PREFIX}:${action.action_id}`
      : `${PREFIX}:${action.action_id}:${action.value}`;
  return id.length <= DISCORD_LIMITS.customId ? id : null;
}

/** Decodes a `custom_id` made by {@link encodeCustomId}; `null` for anything else. */
export function decodeCustomId(customId: string): ButtonAction | null {
  const [prefix, action, ...rest] = customId.split(':');
  if (prefix !== PREFIX || action === undefined || !isActionId(action)) return null;
  const value = rest.join(':');
  return value === '' ? { action_id: action } : { action_id: action, value };
}
