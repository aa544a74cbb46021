// A message's updates taken into the draft: its files uploaded to TikTok first, then what the
// ad rules (and TikTok's checks) allow of the proposal applied to a copy of the draft.
import type { ProposalUpdates } from '../../model/proposal';
import { type AppliedUpdates, type ApplyContext, applyUpdates } from '../apply-updates';
import type { ChatFile } from '../chat-event';
import { type Uploaded, uploadFiles } from '../media/uploads';
import { isTikTokError, remediationFor } from '../remediation';
import type { ThreadState } from '../thread-state';
import { text } from '../turn-io';
import type { TurnContext } from './context';
import { MESSAGE_TEXTS } from './message-texts';

/** What one message brings besides its proposal. */
export interface MessageInput {
  /** The user's words ('' for a pick from a menu). */
  message: string;
  files: readonly ChatFile[];
  /** The requester's credentials, or `null` (no usable link, or none needed: `needsTikTok`). */
  auth: ApplyContext['auth'];
  /** The music list was shown and no music chosen since ("#2" picks from it). */
  musicListOpen: boolean;
}

/** The updates taken: `applied` (the draft is not changed yet) and the files' uploads. */
export interface TakenUpdates {
  applied: AppliedUpdates;
  uploaded?: Uploaded;
}

/**
 * Uploads `input.files` and applies `updates` to a copy of `state.draft`. `null` when a file
 * was refused or TikTok failed: that was said to the thread, and nothing of the message is
 * kept.
 * @throws whatever is not a TikTok error (a bug or the store).
 */
export async function takeUpdates(
  ctx: TurnContext,
  state: ThreadState,
  updates: ProposalUpdates,
  input: MessageInput,
): Promise<TakenUpdates | null> {
  try {
    const uploads =
      input.files.length > 0 ? await upload(ctx, [...input.files], input.auth) : undefined;
    if (uploads && !uploads.ok) {
      await ctx.say(
        { type: 'violations', violations: uploads.violations },
        text(MESSAGE_TEXTS.nothingUploaded, 'warning'),
      );
      return null;
    }
    const apply: ApplyContext = {
      ...ctx.applyContext(input.auth),
      message: input.message,
      media_question_open: state.last_question === 'media',
      music_list_open: input.musicListOpen,
      ...(uploads ? { uploaded: uploads.value } : {}),
    };
    const applied = await applyUpdates(state.draft, updates, apply);
    return uploads ? { applied, uploaded: uploads.value } : { applied };
  } catch (error) {
    if (!isTikTokError(error)) throw error;
    await ctx.say(remediationFor(error), text(MESSAGE_TEXTS.nothingSaved, 'warning'));
    return null;
  }
}

/**
 * Whether a message may need the requester's TikTok credentials in `applyUpdates`: attached
 * files (uploaded), a `music_id` (confirmed), media ids or words for them (checked against the
 * library), or any answer while the media question or the music list is open (plain-word
 * picks from its list).
 * Everything else is decided from the rules alone.
 */
export function needsTikTok(
  updates: ProposalUpdates,
  files: readonly ChatFile[],
  state: ThreadState,
): boolean {
  return (
    files.length > 0 ||
    updates.music_id !== null ||
    (updates.image_ids?.length ?? 0) > 0 ||
    updates.video_id !== null ||
    state.last_question === 'media' ||
    state.music_listed === true
  );
}

/** Uploads a message's files to TikTok, with a progress line edited in place. */
function upload(ctx: TurnContext, files: ChatFile[], auth: ApplyContext['auth']) {
  const key = `upload:${ctx.event.event_id}`;
  return uploadFiles(files, {
    ads: ctx.deps.ads,
    auth,
    // Live: the uploads are under way and no saved state reports them yet.
    progress: (line) =>
      ctx.emit({ thread_id: ctx.event.thread_id, key, live: true, blocks: [text(line)] }),
  });
}
