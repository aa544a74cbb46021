// What every step of one turn shares (TurnContext): the engine's ports, the event, the blocks
// held back to open the turn's next reply, and the requester's link, looked up once per turn.
import type { AuditRecord } from '../../audit/record';
import { RECENT_LINES, type TranscriptLine } from '../../model/proposal';
import { type LinkedAccount, userKeyOf } from '../access';
import type { ApplyContext } from '../apply-updates';
import type { ApprovalSteps } from '../approval/steps';
import type { ChatEvent } from '../chat-event';
import type { EngineDeps } from '../deps';
import { chosenAdvertiser, type LinkSteps } from '../link-steps';
import { type LibraryItem, libraryFor } from '../media/library';
import { isTikTokError } from '../remediation';
import type { Block, Reply } from '../reply';
import { newDraftId } from '../submission/record';
import type { ThreadState } from '../thread-state';

/** The state and ports one turn's steps share; made once per turn by `ThreadTurn`. */
export class TurnContext {
  /** Audit records of this turn, written by the engine once the turn's state is saved. */
  readonly audits: AuditRecord[] = [];
  /** Blocks held back to open the next reply, so one turn reads as one message. */
  readonly pending: Block[] = [];
  private account: { user_id: string; lookup: Promise<LinkedAccount | null> } | undefined;

  constructor(
    readonly deps: EngineDeps,
    readonly event: ChatEvent,
    readonly emit: (reply: Reply) => Promise<void>,
    readonly now: () => Date,
    /**
     * Saves `state` now, with every reply said so far, in one store step, while the turn goes
     * on (still holding the thread lock); the replies are then delivered. Used where what was
     * said must not be lost with a crash: the approval with the submission's start, and each
     * step of a submission.
     * @throws TurnLostError when the thread lock was lost (nothing saved).
     */
    readonly checkpoint: (state: ThreadState) => Promise<void>,
  ) {}

  /** One reply to the thread: the held-back blocks, then `blocks`. */
  say(...blocks: Block[]): Promise<void> {
    const all = this.pending.splice(0);
    all.push(...blocks);
    return this.emit({ thread_id: this.event.thread_id, blocks: all });
  }

  /** A new, empty draft for this event's thread (`collecting`). */
  fresh(): ThreadState {
    const { event } = this;
    const at = this.now().toISOString();
    return {
      schema: 1,
      thread_id: event.thread_id,
      draft_id: newDraftId(),
      platform: event.platform,
      workspace_id: event.workspace_id,
      channel_id: event.channel_id,
      requester: event.user,
      status: 'collecting',
      draft: {},
      revision: 0,
      approvals: [],
      last_question: null,
      recent: [],
      created_at: at,
      updated_at: at,
    };
  }

  /** Keeps `line` (cut to 500 characters) among the last {@link RECENT_LINES} the model sees. */
  remember(state: ThreadState, line: TranscriptLine): void {
    state.recent = [...state.recent, { role: line.role, text: line.text.slice(0, 500) }].slice(
      -RECENT_LINES,
    );
  }

  /** What `applyUpdates` and the TikTok checks need, with `auth` (or `null`: no link yet). */
  applyContext(auth: ApplyContext['auth']): ApplyContext {
    return {
      ads: this.deps.ads,
      auth,
      settings: this.deps.settings,
      platform: this.event.platform,
    };
  }

  /**
   * The requester's link, looked up once per turn (a Redis read and a decrypt): a turn may need
   * it for a music check, the media question and the submit. Nothing in a turn links a user;
   * a link TikTok refuses ends the turn's submit, which then only sends a new link.
   */
  requesterAccount(state: ThreadState): Promise<LinkedAccount | null> {
    if (this.account?.user_id !== state.requester.id) {
      const lookup = this.deps.access.resolve(userKeyOf(state, state.requester));
      this.account = { user_id: state.requester.id, lookup };
    }
    return this.account.lookup;
  }

  /**
   * The requester's credentials for checks while collecting (music, media): the advertiser the
   * draft picked, else their only one. `null` when they have no usable link yet, or when their
   * login reaches several advertisers and none is picked (checks wait for the pick).
   */
  async requesterAuth(state: ThreadState): Promise<ApplyContext['auth']> {
    const account = await this.requesterAccount(state);
    if (!account) return null;
    const advertiser_id = chosenAdvertiser(account, state);
    return advertiser_id ? { access_token: account.access_token, advertiser_id } : null;
  }

  /** The requester's library items that fit the draft, newest first (none without a link). */
  async library(state: ThreadState): Promise<LibraryItem[]> {
    const auth = await this.requesterAuth(state);
    if (!auth) return [];
    try {
      return await libraryFor(this.deps.ads, auth, state.draft);
    } catch (error) {
      if (!isTikTokError(error)) throw error;
      this.deps.logger.warn({ code: error.tiktok_code }, 'could not list media library');
      return [];
    }
  }
}

/** A turn's context with its linking and approval steps: what each step function is given. */
export interface TurnSteps {
  ctx: TurnContext;
  links: LinkSteps;
  approvals: ApprovalSteps;
}
