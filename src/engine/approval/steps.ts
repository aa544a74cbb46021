import type { AuditFields } from '../../audit/record';
import type { ChatEvent } from '../chat-event';
import { contentHash, shortHash } from '../content-hash';
import type { EngineDeps } from '../deps';
import { NOT_APPROVAL_TEXT } from '../emoji';
import type { Block, Reply } from '../reply';
import { inflightIndex } from '../submission/resume';
import type { ThreadState } from '../thread-state';
import type { Outcome } from '../turn-io';
import { cardReply, newCardKey, replacedReply } from './cards';
import { type ApprovalOutcome, approve, outsiderRefusal, validApprovals, withdraw } from './policy';

/** What the approval steps use of the turn they run in. */
export interface ApprovalIo {
  deps: EngineDeps;
  event: ChatEvent;
  now: () => Date;
  emit: (reply: Reply) => Promise<void>;
  say: (...blocks: Block[]) => Promise<void>;
  /** Saves the state with what was said so far, in one step (see `TurnContext.checkpoint`). */
  checkpoint: (state: ThreadState) => Promise<void>;
  /** Queues an audit record of this thread (written once the turn's state is saved). */
  audit: (record: AuditFields) => void;
}

/**
 * The approval part of a turn: posting the card, approvals bound to the content hash on it,
 * withdrawals, rejections, refusals (shown only to the person refused where the platform
 * allows), and the edits that keep every card truthful: the current one updated in place as
 * approvals arrive, older ones edited to say they were replaced (buttons removed).
 */
export class ApprovalSteps {
  constructor(
    private readonly io: ApprovalIo,
    private readonly submit: (state: ThreadState) => Promise<ThreadState>,
  ) {}

  private hashOf(state: ThreadState): string {
    return contentHash(state.draft, this.io.deps.settings);
  }

  /**
   * Posts a new approval card for the complete draft in `state` (mutated: `card`, fresh
   * approvals), after marking the previous card replaced. Audits `draft_ready` with the hash.
   */
  async postCard(state: ThreadState): Promise<void> {
    const hash = this.hashOf(state);
    await this.markReplaced(state, 'A newer version of the draft is below; approve that one.');
    state.card = { key: newCardKey(state, hash), hash };
    state.approvals = validApprovals(state, hash);
    this.io.audit({
      kind: 'draft_ready',
      actor: this.io.event.user.id,
      hash,
      revision: state.revision,
    });
    await this.io.emit(cardReply(state, this.io.deps.settings, state.card.key));
  }

  /** Edits the current card (if any) to say it was replaced, and forgets it. */
  async markReplaced(state: ThreadState, why: string): Promise<void> {
    const card = state.card;
    if (!card) return;
    delete state.card;
    await this.io.emit(replacedReply(state.thread_id, card.key, why));
  }

  /** An approval by reaction or button on the card the event names. */
  async approve(saved: ThreadState): Promise<Outcome> {
    const { event, deps, now } = this.io;
    const hash = this.hashOf(saved);
    const card_key = cardKeyOf(event);
    const outcome = approve(
      saved,
      {
        user: event.user,
        hash,
        card_key,
        card_optional: event.platform === 'console',
        at: now().toISOString(),
      },
      deps.settings,
    );
    this.io.deps.metrics?.approval(outcome.ok ? 'approved' : 'refused');
    if (!outcome.ok) return this.refuse(saved, outcome, hash);
    const state: ThreadState = structuredClone(saved);
    state.approvals = outcome.approvals;
    if (outcome.added)
      this.io.audit({ kind: 'approval', actor: event.user.id, hash, via: event.type });
    if (state.card) await this.io.emit(cardReply(state, deps.settings, state.card.key));
    if (!outcome.complete) return state;
    await this.io.say({ type: 'text', tone: 'success', text: 'Approved. Submitting to TikTok…' });
    // The approval and the submission's start are one step: saved as `submitting` (and indexed
    // as in flight, so a restart resumes it) with the card update and the line above, before
    // either is shown. Killed before this, nothing was said; after it, nothing is lost.
    state.status = 'submitting';
    await inflightIndex(deps.store, deps.keys).add(state.thread_id);
    await this.io.checkpoint(state);
    return this.submit(state);
  }

  /** A ✅ taken back on the current card: the approval no longer counts; the card says so. */
  async withdraw(saved: ThreadState): Promise<Outcome> {
    const { event, deps } = this.io;
    const card_key = cardKeyOf(event);
    if (
      saved.status !== 'awaiting_approval' ||
      !saved.approvals.some((a) => a.user === event.user.id)
    )
      return null;
    if (card_key !== undefined && card_key !== saved.card?.key) return null;
    const state: ThreadState = structuredClone(saved);
    state.approvals = withdraw(state, event.user);
    this.io.audit({ kind: 'withdrawal', actor: event.user.id, hash: this.hashOf(state) });
    await this.io.say({ type: 'text', text: 'Approval withdrawn.' });
    if (state.card) await this.io.emit(cardReply(state, deps.settings, state.card.key));
    return state;
  }

  /** ❌ or Reject on the current card: back to editing; the card is marked as sent back. */
  async reject(saved: ThreadState): Promise<Outcome> {
    const { event } = this.io;
    const card_key = cardKeyOf(event);
    if (card_key !== undefined && card_key !== saved.card?.key) {
      await this.staleNotice(saved, card_key);
      return null;
    }
    const outsider = outsiderRefusal(event.user, this.io.deps.settings);
    if (outsider) {
      this.io.audit({
        kind: 'approval_refused',
        actor: event.user.id,
        reason: 'outsider',
        hash: this.hashOf(saved),
      });
      await this.tell(outsider);
      return null;
    }
    if (saved.status !== 'awaiting_approval') {
      await this.io.say({
        type: 'text',
        tone: 'warning',
        text: 'There is nothing to reject right now.',
      });
      return null;
    }
    const state: ThreadState = structuredClone(saved);
    state.status = 'collecting';
    state.approvals = [];
    this.io.audit({ kind: 'rejection', actor: event.user.id, hash: this.hashOf(state) });
    await this.markReplaced(state, `${nameOf(event)} sent the draft back for editing.`);
    await this.io.say({
      type: 'text',
      tone: 'warning',
      text: 'The draft was sent back for editing. What should change?',
    });
    return state;
  }

  /** A look-alike check mark (✔️) on the card: it does not approve; say so, to that person only. */
  async notApproval(): Promise<void> {
    await this.tell(NOT_APPROVAL_TEXT);
  }

  /** A refused approval: audited with the reason, told only to that person where possible. */
  private async refuse(
    saved: ThreadState,
    outcome: Extract<ApprovalOutcome, { ok: false }>,
    hash: string,
  ): Promise<Outcome> {
    const { event } = this.io;
    if (outcome.reason === 'bot') return null;
    this.io.audit({ kind: 'approval_refused', actor: event.user.id, reason: outcome.reason, hash });
    const card_key = cardKeyOf(event);
    if (outcome.reason === 'stale_card' && !saved.card && saved.status === 'awaiting_approval') {
      // A draft saved before cards had keys (or whose card was lost): post the current card.
      const state: ThreadState = structuredClone(saved);
      await this.tell('That card is out of date. Here is the current version to approve:');
      await this.postCard(state);
      return state;
    }
    if (outcome.reason === 'stale_card' && card_key !== undefined) {
      await this.staleNotice(saved, card_key);
      return null;
    }
    await this.tell(outcome.message);
    return null;
  }

  /** Refuses a click or reaction on a card that is not the current one, and marks it replaced. */
  private async staleNotice(saved: ThreadState, card_key: string): Promise<void> {
    const current = saved.card ? ` (version ${shortHash(saved.card.hash)})` : '';
    await this.io.emit(
      replacedReply(saved.thread_id, card_key, 'The draft changed after it was posted.'),
    );
    await this.tell(
      `That card is out of date, so it cannot approve or reject: the draft changed after it was posted. ${saved.card ? `Use the newest card${current}.` : 'A new card is posted once the draft is complete again.'}`,
    );
  }

  /** A notice for the event's user only (ephemeral where the platform allows). */
  private async tell(text: string): Promise<void> {
    const { event } = this.io;
    const who = event.type === 'reaction' ? `${nameOf(event)}: ` : '';
    await this.io.emit({
      thread_id: event.thread_id,
      ephemeral_to: event.user,
      blocks: [{ type: 'text', tone: 'warning', text: `${who}${text}` }],
    });
  }
}

function cardKeyOf(event: ChatEvent): string | undefined {
  return event.type === 'reaction' || event.type === 'action' ? event.card_key : undefined;
}

function nameOf(event: ChatEvent): string {
  return event.user.name ?? event.user.id;
}
