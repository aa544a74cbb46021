import { hasPendingChecks } from '../../ad/draft';
import type { TikTokAuth } from '../../tiktok/ads-api';
import { type ApplyContext, runPendingChecks } from '../apply-updates';
import { isTikTokError, remediationFor } from '../remediation';
import type { Block } from '../reply';
import type { ThreadState } from '../thread-state';
import { text } from '../turn-io';

/**
 * Runs, now that the requester is linked, the TikTok checks that waited for a link (a pending
 * `music_id`, pending media ids): each confirmed choice is kept, each refused one is removed
 * from the draft with its violation, so the user is asked again before any card goes out.
 * Mutates `state` (draft, revision) and returns what to tell the thread.
 *
 * A TikTok failure while checking leaves the draft as it was and says so; the checks run again
 * on the next turn (non-TikTok errors rethrow).
 */
export async function checkNamedChoices(
  state: ThreadState,
  ctx: ApplyContext & { auth: TikTokAuth },
): Promise<Block[]> {
  if (!hasPendingChecks(state.draft)) return [];
  let checked: Awaited<ReturnType<typeof runPendingChecks>>;
  try {
    checked = await runPendingChecks(state.draft, ctx);
  } catch (error) {
    if (!isTikTokError(error)) throw error;
    return [
      remediationFor(error),
      text(
        'I could not check the music and media with TikTok just now; the draft is as it was and I check again with your next message.',
        'warning',
      ),
    ];
  }
  const blocks: Block[] = checked.notes.map((note) => text(note, 'success'));
  if (checked.violations.length > 0)
    blocks.push({ type: 'violations', violations: checked.violations });
  if (checked.changed.length > 0) {
    state.draft = checked.draft;
    state.revision += 1;
  }
  return blocks;
}

/** What the thread hears when the draft is complete but some check still waits for a link. */
export function waitingForLinkText(state: ThreadState, requesterName: string): Block {
  const what: string[] = [];
  const music = state.draft.music;
  if (music?.kind === 'existing' && music.pending) what.push(`music ${music.music_id}`);
  if (state.draft.pending_media?.length) what.push(state.draft.pending_media.join(', '));
  return text(
    `Everything is filled in. Before the draft goes out for approval I check ${what.join(' and ')} with TikTok, as soon as a TikTok account is linked for ${requesterName} (see the private link). Link account sends a new link.`,
    'info',
    [{ action_id: 'link_account', label: 'Link account' }],
  );
}
