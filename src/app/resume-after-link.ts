import { randomUUID } from 'node:crypto';
import type { LinkTarget } from '../auth/oauth-flow';
import type { ConversationEngine } from '../engine/engine';
import type { ReplySink } from '../engine/reply';
import { parseThreadId } from '../engine/thread-id';

/**
 * Tells the engine that `target.user` linked a TikTok account from a link asked for in
 * `target.thread_id` (event `account_linked`), so the private confirmation goes out and a
 * submit waiting in that thread goes on. Replies go to `sink` (the thread's platform).
 */
export async function resumeAfterLink(
  engine: Pick<ConversationEngine, 'handle'>,
  target: LinkTarget,
  sink: ReplySink,
): Promise<void> {
  const ref = parseThreadId(target.thread_id);
  await engine.handle(
    {
      type: 'account_linked',
      event_id: `linked:${randomUUID()}`,
      thread_id: target.thread_id,
      platform: target.user.platform,
      workspace_id: target.user.workspace_id,
      channel_id: ref.channel,
      user: { id: target.user.user_id, ...(target.user.name ? { name: target.user.name } : {}) },
    },
    sink,
  );
}
