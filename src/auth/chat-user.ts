import type { ChatUserKey } from '../engine/access';

/**
 * One string naming a chat user across platforms: `platform:workspace_id:user_id`, e.g.
 * `slack:T0123:U0456`. It keys the stored link and is the AES-GCM associated data of the token.
 */
export function chatUserId(user: ChatUserKey): string {
  return `${user.platform}:${user.workspace_id}:${user.user_id}`;
}
