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
import { handleMessage, startAgain } from './message';
import { sayStatus } from './status';
import { retry, submit } from './submit';

/** A new draft: a thread with no state, or `/tiktok-ad` again after a submission. */
function opensDraft(event: ChatEvent, saved: ThreadState | null): boolean {
  // In a thread /tiktok-ad opened, a message without state is a lost draft (DRAFT_LOST_TEXT).
  if (event.type === 'message') return !saved && !event.thread_started;
  return event.type === 'start' && (!saved || saved.status === 'submitted');
}

/** What a message in a chat thread whose draft is gone (expired, or lost by the store) gets. */
export const DRAFT_LOST_TEXT =
  'This draft was lost (nothing of it is saved any more), so I cannot go on with it here. Start again with /tiktok-ad.';

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
    const ctx = new TurnContext(deps, event, emit, now, checkpoint);
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
    this.ctx = ctx;
    this.steps = steps;
  }

  /** Audit records of this turn, written by the engine once the turn's state is saved. */
  get audits(): AuditRecord[] {
    return this.ctx.audits;
  }

  /** Runs the turn on the thread's saved state; the state to save, or `null` to keep it. */
  async run(saved: ThreadState | null): Promise<Outcome> {
    const { ctx, steps } = this;
    const { links, approvals } = steps;
    const event = this.event;
    const notice = ctx.deps.settings.notice;
    if (notice && opensDraft(event, saved)) ctx.pending.push(text(notice, 'warning'));
    switch (event.type) {
      case 'start': {
        if (saved && saved.status !== 'submitted')
          return handleMessage(steps, saved, event.text, []);
        const state = ctx.fresh();
        if (event.text.trim() === '') {
          await ctx.say(text("Let's create a TikTok ad. I'll ask only for what's missing."));
          if (!(await ctx.requesterAccount(state))) await links.offerEarly(state);
          return askNext(steps, state);
        }
        return (await handleMessage(steps, state, event.text, [])) ?? state;
      }
      case 'message':
        // A thread /tiktok-ad opened without state: its draft expired or the store lost it.
        // Said, instead of starting over unasked.
        if (!saved && event.thread_started) {
          await ctx.say(text(DRAFT_LOST_TEXT, 'warning'));
          return null;
        }
        return handleMessage(steps, saved ?? ctx.fresh(), event.text, event.files ?? []);
      case 'reaction': {
        if (!saved) return null;
        const meaning = reactionMeaning(event.emoji);
        if (meaning === 'approve')
          return event.added ? approvals.approve(saved) : approvals.withdraw(saved);
        if (meaning === 'reject' && event.added) return approvals.reject(saved);
        if (meaning === 'not_approval' && event.added && saved.status === 'awaiting_approval')
          await approvals.notApproval();
        return null;
      }
      case 'account_linked':
        return links.linked(saved);
      case 'submission_resume':
        if (saved?.status !== 'submitting') return null;
        await ctx.say(
          text(
            event.reason === 'store_back'
              ? 'Storage answers again; going on with the submission from the last saved step. Nothing is created twice.'
              : 'The bot restarted while submitting this ad; going on from the last saved step. Nothing is created twice.',
          ),
        );
        return submit(steps, structuredClone(saved));
      case 'action': {
        if (event.action_id === 'link_account') return links.link(saved);
        if (event.action_id === 'unlink_account') {
          await links.unlink();
          return null;
        }
        if (!saved) {
          await ctx.say(
            text(
              'There is no draft in this thread any more (it may have expired). Start a new one with /tiktok-ad.',
              'warning',
            ),
          );
          return null;
        }
        switch (event.action_id) {
          case 'approve':
            return approvals.approve(saved);
          case 'reject':
            return approvals.reject(saved);
          case 'audit':
            await ctx.say(
              text(formatTrail((await ctx.deps.auditTrail?.forThread(saved.thread_id)) ?? [])),
            );
            return null;
          case 'retry':
            return retry(steps, saved);
          case 'edit':
            await ctx.say(
              text('Tell me what to change, e.g. "change the ad text to …" or "budget 80".'),
            );
            return null;
          case 'status':
            await sayStatus(ctx, saved);
            return null;
          case 'reset':
            return startAgain(steps, saved);
          case 'choose_advertiser':
            return links.chooseAdvertiser(saved, event.value ?? '');
          case 'choose_media': {
            // A pick from the library menu: exactly the chosen ids, checked like typed ones.
            const ids = (event.value ?? '').split(',').filter((id) => id !== '');
            return handleMessage(steps, saved, '', [], { image_ids: ids });
          }
          case 'media_page': {
            const choice = mediaChoiceBlock(
              await ctx.library(saved),
              saved.draft,
              Number(event.value),
            );
            if (choice) await ctx.say(choice);
            return null;
          }
        }
        return null;
      }
    }
  }
}
