import { BotError } from '../errors/bot-error';

/**
 * Thread ids: one string that names a conversation and the platform it lives on.
 *
 * Shapes (the same idea as Vercel Chat SDK's thread ids, https://github.com/vercel/chat):
 * - `slack:<team_id>:<channel>:<thread_ts>`
 * - `discord:<guild>:<channel>:<thread>`
 * - `console:local:<n>`
 *
 * The id keys the draft, the per-thread lock, the dedupe set and the audit trail.
 */
export type Platform = 'slack' | 'discord' | 'console';

/** A thread id string, e.g. `slack:T123:C456:1712345678.000100`. */
export type ThreadId = string;

/** The parts of a thread id. `workspace` is Slack's `team_id`, Discord's guild id, or `local`. */
export interface ThreadRef {
  platform: Platform;
  workspace: string;
  channel: string;
  thread: string;
}

const PLATFORMS: readonly Platform[] = ['slack', 'discord', 'console'];

/**
 * Builds a thread id from its parts.
 * @throws BotError `thread_id_invalid` when a part is empty or contains `:` (the separator).
 */
export function threadIdOf(ref: ThreadRef): ThreadId {
  const parts =
    ref.platform === 'console'
      ? [ref.workspace, ref.thread]
      : [ref.workspace, ref.channel, ref.thread];
  for (const part of parts) {
    if (part.length === 0 || part.includes(':')) {
      throw new BotError(
        'thread_id_invalid',
        `Thread id part must be non-empty and free of ':' (got "${part}")`,
      );
    }
  }
  return [ref.platform, ...parts].join(':');
}

/**
 * Parses a thread id back into its parts.
 * @throws BotError `thread_id_invalid` when the string is not a thread id of a known platform.
 */
export function parseThreadId(id: ThreadId): ThreadRef {
  const [platform, ...rest] = id.split(':');
  if (!PLATFORMS.includes(platform as Platform))
    throw new BotError('thread_id_invalid', `Unknown platform in thread id "${id}"`);
  if (platform === 'console' && rest.length === 2) {
    const [workspace = '', thread = ''] = rest;
    return { platform, workspace, channel: workspace, thread };
  }
  if (platform !== 'console' && rest.length === 3) {
    const [workspace = '', channel = '', thread = ''] = rest;
    return { platform: platform as Platform, workspace, channel, thread };
  }
  throw new BotError('thread_id_invalid', `Malformed thread id "${id}"`);
}
