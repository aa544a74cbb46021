// One turn of a thread (ThreadTurn): the event routed to its step (message, reaction, action, link,
// resume); the steps themselves live beside this file (message, ask-next, status, submit).
import { formatTrail } from '../../audit/format';
import type { AuditRecord } from '../../audit/record';
import { ApprovalSteps } from '../approval/steps';
import type { ChatEvent } from '../chat-event';
import type { EngineDeps } from '../deps';
import { reactionMeaning } from '../emoji';
import { LinkSteps } from '../link-steps';
import { mediaChoiceBlock } from '../media/choice-block';
import { resumeAfterLink } from '../music/after-link';
import type { Reply } from '../reply';
import type { ThreadState } from '../thread-state';
import { type Outcome, text } from '../turn-io';
import { askNext } from './ask-next';
import { TurnContext, type TurnSteps } from './context';
import { handleMessage } from './message';
import { startAgain } from './restart';
import { sayStatus } from './status';
import { retry, submit } from './submit';
import { THREAD_TURN_TEXTS } from './thread-turn-texts';

/**
 * The steps one turn's handlers are given: `ctx` with its linking and approval steps, whose
 * submit (after a link, or after the last approval) and resume (after a link) come back to
 * this turn's steps.
 */
export function turnSteps(ctx: TurnContext): TurnSteps {
  const { deps, event, emit, now, checkpoint } = ctx;
  const say = ctx.say.bind(ctx);
  const steps: TurnSteps = {
    ctx,
    links: new LinkSteps(
      { deps, event, say, emit },
      (state) => submit(steps, state),
      (state) => resumeAfterLink(steps, state),
    ),
    approvals: new ApprovalSteps(
      {
        deps,
        event,
        now,
        // What the turn has to say so far goes first ("Got it: …"), then the card edits.
        emit: async (reply) => {
          if (ctx.pending.length > 0) await ctx.say();
          await emit(reply);
        },
        say,
        checkpoint,
        audit: (record) => ctx.audits.push({ ...record, thread_id: event.thread_id }),
      },
      (state) => submit(steps, state),
    ),
  };
  return steps;
}

type MessageEvent = Extract<ChatEvent, { type: 'message' }>;
type ReactionEvent = Extract<ChatEvent, { type: 'reaction' }>;
type ActionEvent = Extract<ChatEvent, { type: 'action' }>;
type ResumeEvent = Extract<ChatEvent, { type: 'submission_resume' }>;

/** A new draft: a thread with no state, or `/tiktok-ad` again after a submission. */
function opensDraft(event: ChatEvent, saved: ThreadState | null): boolean {
  // In a thread /tiktok-ad opened, a message without state is a lost draft (`draftLost`).
  if (event.type === 'message') return !saved && !event.thread_started;
  return event.type === 'start' && (!saved || saved.status === 'submitted');
}

/**
 * One turn of a thread: one chat event, the replies it makes, and the state it leads to. Named
 * `ThreadTurn` (not `Turn`) so it is never confused with the model's `Proposal`
 * (`src/model/proposal.ts`), which a turn takes as input and re-checks; made and run once per
 * claimed event by the engine.
 */
export class ThreadTurn {
  private readonly ctx: TurnContext;
  private readonly steps: TurnSteps;

  constructor(
    deps: EngineDeps,
    private readonly event: ChatEvent,
    emit: (reply: Reply) => Promise<void>,
    now: () => Date,
    checkpoint: (state: ThreadState) => Promise<void>,
  ) {
    this.steps = turnSteps(new TurnContext(deps, event, emit, now, checkpoint));
    this.ctx = this.steps.ctx;
  }

  /** Audit records of this turn, written by the engine once the turn's state is saved. */
  get audits(): AuditRecord[] {
    return this.ctx.audits;
  }

  /** Runs the turn on the thread's saved state; the state to save, or `null` to keep it. */
  async run(saved: ThreadState | null): Promise<Outcome> {
    const { ctx, event } = this;
    const notice = ctx.deps.settings.notice;
    if (notice && opensDraft(event, saved)) ctx.pending.push(text(notice, 'warning'));
    switch (event.type) {
      case 'start':
        return this.onStart(saved, event.text);
      case 'message':
        return this.onMessage(saved, event);
      case 'reaction':
        return this.onReaction(saved, event);
      case 'account_linked':
        return this.steps.links.linked(saved);
      case 'submission_resume':
        return this.onSubmissionResume(saved, event.reason);
      case 'action':
        return this.onAction(saved, event);
    }
  }

  /** `/tiktok-ad [words]`: a new draft (words are its first message), or more for an open one. */
  private async onStart(saved: ThreadState | null, words: string): Promise<Outcome> {
    const { ctx, steps } = this;
    if (saved && saved.status !== 'submitted') return handleMessage(steps, saved, words, []);
    const state = ctx.fresh();
    if (words.trim() !== '') return (await handleMessage(steps, state, words, [])) ?? state;
    await ctx.say(text(THREAD_TURN_TEXTS.opening));
    if (!(await ctx.requesterAccount(state))) await steps.links.offerEarly(state);
    return askNext(steps, state);
  }

  /** A message in the thread. */
  private async onMessage(saved: ThreadState | null, event: MessageEvent): Promise<Outcome> {
    // A thread /tiktok-ad opened without state: its draft expired or the store lost it.
    // Said, instead of starting over unasked.
    if (!saved && event.thread_started) {
      await this.ctx.say(text(THREAD_TURN_TEXTS.draftLost, 'warning'));
      return null;
    }
    return handleMessage(this.steps, saved ?? this.ctx.fresh(), event.text, event.files ?? []);
  }

  /** An emoji added to or removed from the card: approve, withdraw, reject, or a hint. */
  private async onReaction(saved: ThreadState | null, event: ReactionEvent): Promise<Outcome> {
    if (!saved) return null;
    const { approvals } = this.steps;
    const meaning = reactionMeaning(event.emoji);
    if (meaning === 'approve')
      return event.added ? approvals.approve(saved) : approvals.withdraw(saved);
    if (meaning === 'reject' && event.added) return approvals.reject(saved);
    if (meaning === 'not_approval' && event.added && saved.status === 'awaiting_approval')
      await approvals.notApproval();
    return null;
  }

  /** A submission picked up again (after a restart, or once the store answers again). */
  private async onSubmissionResume(
    saved: ThreadState | null,
    reason: ResumeEvent['reason'],
  ): Promise<Outcome> {
    if (saved?.status !== 'submitting') return null;
    const said =
      reason === 'store_back'
        ? THREAD_TURN_TEXTS.resumedStoreBack
        : THREAD_TURN_TEXTS.resumedRestart;
    await this.ctx.say(text(said));
    return submit(this.steps, structuredClone(saved));
  }

  /** A button or menu: linking works without a draft; everything else needs one. */
  private async onAction(saved: ThreadState | null, event: ActionEvent): Promise<Outcome> {
    const { links } = this.steps;
    if (event.action_id === 'link_account') return links.link(saved);
    if (event.action_id === 'unlink_account') {
      await links.unlink();
      return null;
    }
    if (!saved) {
      await this.ctx.say(text(THREAD_TURN_TEXTS.noDraft, 'warning'));
      return null;
    }
    return this.onDraftAction(saved, event);
  }

  /** A button or menu on a thread with a draft. */
  private async onDraftAction(saved: ThreadState, event: ActionEvent): Promise<Outcome> {
    const { ctx, steps } = this;
    switch (event.action_id) {
      case 'approve':
        return steps.approvals.approve(saved);
      case 'reject':
        return steps.approvals.reject(saved);
      case 'audit':
        await ctx.say(
          text(formatTrail((await ctx.deps.auditTrail?.forThread(saved.thread_id)) ?? [])),
        );
        return null;
      case 'retry':
        return retry(steps, saved);
      case 'edit':
        await ctx.say(text(THREAD_TURN_TEXTS.edit));
        return null;
      case 'status':
        await sayStatus(ctx, saved);
        return null;
      case 'reset':
        return startAgain(steps, saved);
      case 'choose_advertiser':
        return steps.links.chooseAdvertiser(saved, event.value ?? '');
      case 'choose_media': {
        // A pick from the library menu: exactly the chosen ids, checked like typed ones.
        const ids = (event.value ?? '').split(',').filter((id) => id !== '');
        return handleMessage(steps, saved, '', [], { image_ids: ids });
      }
      case 'media_page': {
        const page = Number(event.value);
        const choice = mediaChoiceBlock(await ctx.library(saved), saved.draft, page);
        if (choice) await ctx.say(choice);
        return null;
      }
    }
    return null;
  }
}
