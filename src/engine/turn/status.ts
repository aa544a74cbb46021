// The thread's status reply: where the draft is in its lifecycle, its preview, and what it
// waits for (approvals, a link) or what became of it (the created ids, the last failure).
import { previewBlock } from '../blocks';
import { nameOf } from '../link-steps';
import type { Block } from '../reply';
import type { ThreadState } from '../thread-state';
import { text } from '../turn-io';
import type { TurnContext } from './context';

/** Says the draft's status in the thread (the `status` action and a "status?" message). */
export async function sayStatus(ctx: TurnContext, state: ThreadState): Promise<void> {
  const { settings } = ctx.deps;
  const blocks: Block[] = [
    text(`Status: ${state.status.replace('_', ' ')}.`),
    previewBlock(state, settings.budget),
  ];
  if (state.status === 'awaiting_approval')
    blocks.push(
      text(
        `Waiting for approval: ${state.approvals.length} of ${settings.approvals_required}, on the approval card above.`,
      ),
    );
  const sub = state.submission;
  if (state.status === 'submitted' && sub?.campaign_id && sub.adgroup_id && sub.ad_id) {
    blocks.push({
      type: 'result',
      advertiser_id: sub.advertiser_id,
      campaign_id: sub.campaign_id,
      adgroup_id: sub.adgroup_id,
      ad_id: sub.ad_id,
    });
  }
  if (state.status === 'awaiting_link') {
    blocks.push(
      text(
        `Approved; waiting for ${nameOf(state.requester)} to link a TikTok account before submitting.`,
      ),
    );
  }
  if (state.status === 'failed' && state.last_failure) {
    blocks.push(text(`Last attempt failed: ${state.last_failure.message}`, 'warning'));
  }
  await ctx.say(...blocks);
}
