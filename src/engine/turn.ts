import { hasPendingChecks } from '../ad/draft';
import { crossFieldViolations, missingFields } from '../ad/draft-rules';
import { ModelError, RECENT_LINES, type TranscriptLine, type TurnModel } from '../model/turn';
import { isLinkInvalid } from '../tiktok/errors';
import { type LinkedAccount, userKeyOf } from './access';
import { type ApplyContext, applyUpdates, runPendingChecks } from './apply-updates';
import { approve, withdraw } from './approval';
import { approvalBlock, previewBlock } from './blocks';
import type { ChatEvent } from './chat-event';
import { reactionMeaning } from './emoji';
import type { EngineDeps } from './engine';
import { chosenAdvertiser, LinkSteps, nameOf, text } from './link-steps';
import { mediaOptions } from './media-options';
import { questionFor } from './questions';
import { isTikTokError, remediationFor } from './remediation';
import type { Block, Reply, SuggestedAction } from './reply';
import { runOwnedSubmission } from './submission/owned';
import { newDraftId, startOver } from './submission/record';
import type { ThreadState } from './thread-state';

/** A turn's result: what to save (or `null`: leave saved state as it was). */
type Outcome = ThreadState | null;

/** One turn: the event, the replies it makes, and the state it leads to. */
export class Turn {
  private readonly links: LinkSteps;
  private account: { user_id: string; lookup: Promise<LinkedAccount | null> } | undefined;

  constructor(
    private readonly deps: EngineDeps,
    private readonly event: ChatEvent,
    private readonly emit: (reply: Reply) => Promise<void>,
    private readonly now: () => Date,
  ) {
    this.links = new LinkSteps(
      { deps, event, say: (...blocks) => this.say(...blocks), emit },
      (state) => this.submit(state),
    );
  }

  private say(...blocks: Block[]): Promise<void> {
    return this.emit({ thread_id: this.event.thread_id, blocks });
  }

  private text(
    value: string,
    tone: 'info' | 'success' | 'warning' | 'error' = 'info',
    actions: SuggestedAction[] = [],
  ): Block {
    return text(value, tone, actions);
  }

  async run(saved: ThreadState | null): Promise<Outcome> {
    const event = this.event;
    switch (event.type) {
      case 'start': {
        if (saved && saved.status !== 'submitted') return this.message(saved, event.text, []);
        const state = this.fresh();
        if (event.text.trim() === '') {
          await this.say(this.text("Let's create a TikTok ad. I'll ask only for what's missing."));
          return this.askNext(state);
        }
        return (await this.message(state, event.text, [])) ?? state;
      }
      case 'message':
        return this.message(saved ?? this.fresh(), event.text, event.files ?? []);
      case 'reaction': {
        if (!saved) return null;
        const meaning = reactionMeaning(event.emoji);
        if (meaning === 'approve') return event.added ? this.approve(saved) : this.withdraw(saved);
        if (meaning === 'reject' && event.added) return this.reject(saved);
        return null;
      }
      case 'account_linked':
        return this.links.linked(saved);
      case 'submission_resume':
        if (saved?.status !== 'submitting') return null;
        await this.say(
          this.text(
            'The bot restarted while submitting this ad; going on from the last saved step. Nothing is created twice.',
          ),
        );
        return this.submit(structuredClone(saved));
      case 'action': {
        if (event.action_id === 'link_account') return this.links.link(saved);
        if (event.action_id === 'unlink_account') {
          await this.links.unlink();
          return null;
        }
        if (!saved) {
          await this.say(
            this.text(
              'There is no draft in this thread any more (it may have expired). Start a new one with /tiktok-ad.',
              'warning',
            ),
          );
          return null;
        }
        switch (event.action_id) {
          case 'approve':
            return this.approve(saved);
          case 'reject':
            return this.reject(saved);
          case 'retry':
            return this.retry(saved);
          case 'edit':
            await this.say(
              this.text('Tell me what to change, e.g. "change the ad text to …" or "budget 80".'),
            );
            return null;
          case 'status':
            await this.status(saved);
            return null;
          case 'reset':
            await this.say(this.text('Started over with an empty draft.'));
            return this.askNext(startOver(saved, this.fresh()));
          case 'choose_advertiser':
            return this.links.chooseAdvertiser(saved, event.value ?? '');
        }
        return null;
      }
    }
  }

  private fresh(): ThreadState {
    const e = this.event;
    const at = this.now().toISOString();
    return {
      schema: 1,
      thread_id: e.thread_id,
      draft_id: newDraftId(),
      platform: e.platform,
      workspace_id: e.workspace_id,
      channel_id: e.channel_id,
      requester: e.user,
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

  private remember(state: ThreadState, line: TranscriptLine): void {
    state.recent = [...state.recent, { role: line.role, text: line.text.slice(0, 500) }].slice(
      -RECENT_LINES,
    );
  }

  private applyContext(auth: ApplyContext['auth']): ApplyContext {
    return { ads: this.deps.ads, auth, settings: this.deps.settings };
  }

  /**
   * The requester's link, looked up once per turn (a Redis read and a decrypt): a turn may need
   * it for a music check, the media question and the submit. Nothing in a turn links a user;
   * a link TikTok refuses ends the turn's submit, which then only sends a new link.
   */
  private requesterAccount(state: ThreadState): Promise<LinkedAccount | null> {
    if (this.account?.user_id !== state.requester.id) {
      const lookup = this.deps.access.resolve(userKeyOf(state, state.requester));
      this.account = { user_id: state.requester.id, lookup };
    }
    return this.account.lookup;
  }

  /**
   * The requester's credentials for checks while collecting (music, media): the advertiser the
   * draft picked, else their only or first one. `null` when they have no usable link yet.
   */
  private async requesterAuth(state: ThreadState): Promise<ApplyContext['auth']> {
    const account = await this.requesterAccount(state);
    if (!account) return null;
    const advertiser_id = chosenAdvertiser(account, state) ?? account.advertiser_ids[0];
    return advertiser_id ? { access_token: account.access_token, advertiser_id } : null;
  }

  /** A chat message: ask the model for a turn, apply what the rules allow, ask what's missing. */
  private async message(
    saved: ThreadState,
    text: string,
    files: NonNullable<Extract<ChatEvent, { type: 'message' }>['files']>,
  ): Promise<Outcome> {
    if (saved.status === 'submitting') {
      await this.say(
        this.text(
          'The last submission was interrupted before it finished. Retry resumes it; nothing will be created twice.',
          'warning',
          [{ action_id: 'retry', label: 'Retry' }],
        ),
      );
      return null;
    }
    if (saved.status === 'submitted') {
      const ids = saved.submission;
      await this.say(
        this.text(
          `This ad was already submitted (ad ${ids?.ad_id ?? '?'}). Start a new one with /tiktok-ad.`,
        ),
      );
      return null;
    }
    const { settings, model, logger } = this.deps;
    const state: ThreadState = structuredClone(saved);
    let turn: Awaited<ReturnType<TurnModel['propose']>>;
    try {
      turn = await model.propose({
        draft: state.draft,
        status: state.status,
        missing: missingFields(state.draft, settings.budget),
        last_question: state.last_question,
        recent: state.recent,
        message: text,
      });
    } catch (error) {
      if (!(error instanceof ModelError)) throw error;
      logger.warn({ kind: error.kind, thread_id: state.thread_id }, 'model turn failed');
      await this.say(
        this.text(`${error.message} Your draft is unchanged; please try again.`, 'error'),
      );
      return null;
    }

    if (turn.intent === 'reset') {
      await this.say(this.text('Started over with an empty draft.'));
      return this.askNext(startOver(saved, this.fresh()));
    }

    const auth = await this.requesterAuth(state);
    let applied: Awaited<ReturnType<typeof applyUpdates>>;
    try {
      applied = await applyUpdates(state.draft, turn.updates, files, this.applyContext(auth));
    } catch (error) {
      if (!isTikTokError(error)) throw error;
      await this.say(
        remediationFor(error),
        this.text('Nothing from that message was saved; the draft is as it was.', 'warning'),
      );
      return null;
    }

    this.remember(state, { role: 'user', text });
    const blocks: Block[] = [];
    if (turn.message.trim() !== '') blocks.push(this.text(turn.message.trim()));
    for (const note of applied.notes) blocks.push(this.text(note, 'success'));
    if (applied.violations.length > 0)
      blocks.push({ type: 'violations', violations: applied.violations });

    const editedAfterReady =
      applied.changed.length > 0 &&
      ['ready', 'awaiting_approval', 'awaiting_link', 'failed'].includes(state.status);
    if (applied.changed.length > 0) {
      state.draft = applied.draft;
      state.revision += 1;
      if (editedAfterReady) {
        if (state.approvals.length > 0)
          blocks.push(
            this.text('The draft changed, so earlier approvals were dropped.', 'warning'),
          );
        state.approvals = [];
        state.status = 'collecting';
      }
    }
    if (blocks.length > 0) await this.say(...blocks);

    if (turn.intent === 'show_status') {
      await this.status(state);
      return state;
    }
    if (state.status === 'failed' && applied.changed.length === 0) {
      await this.say(
        this.text(
          'The last submission failed. Retry tries again, or tell me what to change.',
          'info',
          [{ action_id: 'retry', label: 'Retry' }],
        ),
      );
      return state;
    }
    if (state.status === 'awaiting_link') {
      await this.say(
        this.text(
          `The draft is approved and waits for ${nameOf(state.requester)} to link a TikTok account (see the private link). Link account sends a new link.`,
          'info',
          [{ action_id: 'link_account', label: 'Link account' }],
        ),
      );
      return state;
    }
    const wantsApproval = turn.intent === 'request_approval' || applied.changed.length > 0;
    if (state.status === 'awaiting_approval' && !wantsApproval) return state;
    return this.askNext(state);
  }

  /** Asks for the first missing field, or, when the draft is complete, asks for approval. */
  private async askNext(state: ThreadState): Promise<ThreadState> {
    const { settings } = this.deps;
    const missing = missingFields(state.draft, settings.budget);
    const next = missing[0];
    if (next) {
      state.status = 'collecting';
      const options = next === 'media' ? await this.mediaOptions(state) : [];
      const question = questionFor(next, state.draft, settings.budget, options);
      state.last_question = next;
      this.remember(state, { role: 'bot', text: question.text });
      await this.say(question);
      return state;
    }
    // Complete and valid (`ready`): the approval request goes out in this same turn.
    state.last_question = null;
    state.status = 'awaiting_approval';
    const how =
      settings.approvals_required === 1
        ? 'one approval'
        : `${settings.approvals_required} approvals`;
    this.remember(state, { role: 'bot', text: 'The draft is complete and waiting for approval.' });
    await this.say(
      this.text(`The draft is complete. It needs ${how} before I submit it to TikTok.`, 'success'),
      previewBlock(state, settings.budget),
      approvalBlock(state, settings),
    );
    return state;
  }

  private async mediaOptions(state: ThreadState): Promise<string[]> {
    const auth = await this.requesterAuth(state);
    if (!auth) return [];
    try {
      return await mediaOptions(this.deps.ads, auth, state.draft);
    } catch (error) {
      if (!isTikTokError(error)) throw error;
      this.deps.logger.warn({ code: error.code }, 'could not list media library');
      return [];
    }
  }

  private async status(state: ThreadState): Promise<void> {
    const { settings } = this.deps;
    const blocks: Block[] = [
      this.text(`Status: ${state.status.replace('_', ' ')}.`),
      previewBlock(state, settings.budget),
    ];
    if (state.status === 'awaiting_approval') blocks.push(approvalBlock(state, settings));
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
        this.text(
          `Approved; waiting for ${nameOf(state.requester)} to link a TikTok account before submitting.`,
        ),
      );
    }
    if (state.status === 'failed' && state.last_failure) {
      blocks.push(this.text(`Last attempt failed: ${state.last_failure.message}`, 'warning'));
    }
    await this.say(...blocks);
  }

  private async approve(saved: ThreadState): Promise<Outcome> {
    const outcome = approve(saved, this.event.user, this.deps.settings);
    this.deps.metrics?.approval(outcome.ok ? 'approved' : 'refused');
    if (!outcome.ok) {
      await this.say(this.text(outcome.reason, 'warning'));
      return null;
    }
    const state: ThreadState = structuredClone(saved);
    state.approvals = outcome.approvals;
    if (!outcome.complete) {
      await this.say(approvalBlock(state, this.deps.settings));
      return state;
    }
    await this.say(this.text('Approved. Submitting to TikTok…', 'success'));
    return this.submit(state);
  }

  private async withdraw(saved: ThreadState): Promise<Outcome> {
    if (saved.status !== 'awaiting_approval' || !saved.approvals.includes(this.event.user.id))
      return null;
    const state: ThreadState = structuredClone(saved);
    state.approvals = withdraw(state, this.event.user);
    await this.say(this.text('Approval withdrawn.'), approvalBlock(state, this.deps.settings));
    return state;
  }

  private async reject(saved: ThreadState): Promise<Outcome> {
    if (saved.status !== 'awaiting_approval') {
      await this.say(this.text('There is nothing to reject right now.', 'warning'));
      return null;
    }
    const state: ThreadState = structuredClone(saved);
    state.status = 'collecting';
    state.approvals = [];
    await this.say(
      this.text('The draft was sent back for editing. What should change?', 'warning'),
    );
    return state;
  }

  private async retry(saved: ThreadState): Promise<Outcome> {
    if (!['failed', 'submitting', 'awaiting_link'].includes(saved.status)) {
      await this.say(this.text('There is no failed submission to retry.', 'warning'));
      return null;
    }
    if (saved.approvals.length < this.deps.settings.approvals_required) {
      await this.say(
        this.text('This draft needs approval again before it can be submitted.', 'warning'),
      );
      return null;
    }
    await this.say(this.text('Retrying; steps that already succeeded are kept.'));
    return this.submit(structuredClone(saved));
  }

  /** Submits an approved draft; the result or a remediation goes to the thread. */
  private async submit(state: ThreadState): Promise<ThreadState> {
    const { settings, ads, store, keys, logger } = this.deps;
    const missing = missingFields(state.draft, settings.budget);
    const broken = crossFieldViolations(state.draft);
    if (broken.length > 0) {
      state.status = 'collecting';
      state.approvals = [];
      await this.say({ type: 'violations', violations: broken });
      return state;
    }
    if (missing.length > 0) {
      state.status = 'collecting';
      await this.say(
        this.text(
          `The draft is missing ${missing.join(', ')}; it cannot be submitted yet.`,
          'error',
        ),
      );
      return state;
    }
    const account = await this.requesterAccount(state);
    if (!account) return this.links.askToLink(state, 'submit');
    const advertiser_id = chosenAdvertiser(account, state);
    if (!advertiser_id) return this.links.askForAdvertiser(state, account);
    const auth = { access_token: account.access_token, advertiser_id };

    if (hasPendingChecks(state.draft)) {
      let checked: Awaited<ReturnType<typeof runPendingChecks>>;
      try {
        checked = await runPendingChecks(state.draft, { ...this.applyContext(auth), auth });
      } catch (error) {
        return this.submitFailed(state, error);
      }
      state.draft = checked.draft;
      if (checked.notes.length > 0)
        await this.say(...checked.notes.map((note) => this.text(note, 'success')));
      if (checked.violations.length > 0) {
        state.revision += 1;
        state.approvals = [];
        await this.say(
          { type: 'violations', violations: checked.violations },
          this.text(
            'Nothing was sent to TikTok. Once this is fixed, the draft needs approval again.',
            'warning',
          ),
        );
        return this.askNext(state);
      }
    }

    const key = `progress:${state.thread_id}:${state.revision}`;
    try {
      const ids = await runOwnedSubmission(this.deps, state, {
        ads,
        auth,
        settings,
        now: this.now,
        persist: (s) =>
          store.set(
            keys.thread(s.thread_id),
            { ...s, updated_at: this.now().toISOString() },
            settings.draft_ttl_ms,
          ),
        progress: (steps) =>
          this.emit({ thread_id: state.thread_id, key, blocks: [{ type: 'progress', steps }] }),
        notify: (note) => this.say(this.text(note, 'info')),
      });
      delete state.last_failure;
      this.deps.metrics?.submission('submitted');
      logger.info({ thread_id: state.thread_id, ...ids }, 'ad submitted');
      await this.say(this.text('Your ad was created on TikTok and switched on.', 'success'), {
        type: 'result',
        ...ids,
      });
    } catch (error) {
      return this.submitFailed(state, error);
    }
    return state;
  }

  /**
   * A TikTok failure during submit. A token TikTok refuses (40102/40105/40106) marks the link
   * broken and sends a new private link, with no retry loop (reference/reliability.md §2.4);
   * anything else is saved as the failure with its remediation. Non-TikTok errors rethrow.
   */
  private async submitFailed(state: ThreadState, error: unknown): Promise<ThreadState> {
    if (!isTikTokError(error)) throw error;
    const { logger, access } = this.deps;
    this.deps.metrics?.submission('failed');
    logger.warn(
      { thread_id: state.thread_id, code: error.code, error_class: error.error_class },
      'submission failed',
    );
    if (access.linking && isLinkInvalid(error)) {
      await access.linking.markInvalid(userKeyOf(state, state.requester), error.code);
      state.status = 'failed';
      await this.say(
        this.text(
          `TikTok no longer accepts ${nameOf(state.requester)}'s linked account (code ${error.code}: ${error.tiktok_message}). I won't retry with it; anything already created is kept and will not be created twice.`,
          'warning',
        ),
      );
      return this.links.askToLink(state, 'relink');
    }
    state.status = 'failed';
    state.last_failure = {
      error_class: error.error_class,
      code: error.code,
      message: error.tiktok_message,
      ...(error.request_id ? { request_id: error.request_id } : {}),
      at: this.now().toISOString(),
    };
    await this.say(remediationFor(error));
    return state;
  }
}
