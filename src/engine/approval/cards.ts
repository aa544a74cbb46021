import { approvalBlock, previewBlock } from '../blocks';
import { shortHash } from '../content-hash';
import type { Reply } from '../reply';
import type { EngineSettings } from '../settings';
import type { ThreadState } from '../thread-state';

/**
 * A new card's reply key: `approval:<revision>:<short hash>:<n>`, unique per card posted in a
 * thread (`n` counts cards), so adapters edit exactly that message and no other.
 */
export function newCardKey(state: ThreadState, hash: string): string {
  const n = Number(state.card?.key.split(':')[3] ?? 0) + 1;
  return `approval:${state.revision}:${shortHash(hash)}:${n}`;
}

/**
 * The approval card as one keyed reply: the preview of exactly what will be sent and the
 * approval request (who approved, n of m, content hash). Replies with the same key edit the
 * card in place (Slack `chat.update`, Discord message edit).
 */
export function cardReply(state: ThreadState, settings: EngineSettings, key: string): Reply {
  return {
    thread_id: state.thread_id,
    key,
    blocks: [previewBlock(state, settings.budget), approvalBlock(state, settings)],
  };
}

/**
 * What a replaced card is edited into: a notice without buttons (so it can approve nothing),
 * naming the version it showed (from its key) and why it no longer counts.
 */
export function replacedReply(thread_id: string, key: string, why: string): Reply {
  const short = key.split(':')[2];
  return {
    thread_id,
    key,
    blocks: [
      {
        type: 'text',
        tone: 'warning',
        text: `Replaced: this approval card${short ? ` (version ${short})` : ''} no longer counts. ${why}`,
      },
    ],
  };
}
