import { hasPendingChecks } from '../ad/draft';
import { crossFieldViolations, missingFields } from '../ad/draft-rules';
import { formatTrail } from '../audit/format';
import type { AuditRecord } from '../audit/record';
import {
  emptyUpdates,
  ModelError,
  type QuestionTopic,
  RECENT_LINES,
  type TranscriptLine,
  type TurnModel,
  type TurnUpdates,
} from '../model/turn';
import { isLinkInvalid } from '../tiktok/errors';
import { type LinkedAccount, userKeyOf } from './access';
import { answerFor } from './answers';
import { type ApplyContext, applyUpdates, runPendingChecks } from './apply-updates';
import { noteEditors } from './approval/policy';
import { ApprovalSteps } from './approval/steps';
import { previewBlock } from './blocks';
import type { ChatEvent, ChatFile } from './chat-event';
import { campaignNameFromCommand } from './command-words';
import { reactionMeaning } from './emoji';
import type { EngineDeps } from './engine';
import { modelCallRefusal } from './guards/model-guard';
import { reserveDailyBudget } from './guards/spend-cap';
import { chosenAdvertiser, LinkSteps, nameOf, text } from './link-steps';
import { checkNamedChoices, waitingForLinkText } from './linking/named-checks';
import { mediaChoiceBlock } from './media/choice-block';
import { type LibraryItem, libraryFor } from './media/library';
import { uploadFiles } from './media/uploads';
import { questionFor } from './questions';
import { isTikTokError, remediationFor } from './remediation';
import type { Block, Reply, SuggestedAction } from './reply';
import { runOwnedSubmission } from './submission/owned';
import { newDraftId, startOver } from './submission/record';
import type { ThreadState } from './thread-state';
import { understoodBlock } from './understood';

/** A turn's result: what to save (or `null`: leave saved state as it was). */
type Outcome = ThreadState | null;

/** One turn: the event, the replies it makes, and the state it leads to. */
export class Turn {
  private readonly links: LinkSteps;
  private readonly approvals: ApprovalSteps;
  /** Audit records of this turn, written by the engine once the turn's state is saved. */
  readonly audits: AuditRecord[] = [];
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
      (state) => this.askNext(state),
    );
    this.approvals = new ApprovalSteps(
      {
        deps,
        event,
        now,
        // What the turn has to say so far goes first ("Got it: …"), then the card edits.
        emit: async (reply) => {
          if (this.pending.length > 0) await this.say();
          await emit(reply);
        },
        say: (...blocks) => this.say(...blocks),
        audit: (record) => this.audits.push({ ...record, thread_id: event.thread_id }),
      },
      (state) => this.submit(state),
    );
  }

  /** Blocks held back to open the next reply, so one turn reads as one message. */
  private pending: Block[] = [];

  private say(...blocks: Block[]): Promise<void> {
    const all = [...this.pending, ...blocks];
    this.pending = [];
    return this.emit({ thread_id: this.event.thread_id, blocks: all });
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
          if (!(await this.requesterAccount(state))) await this.links.offerEarly(state);
          return this.askNext(state);
        }
        return (await this.message(state, event.text, [])) ?? state;
      }
      case 'message':
        return this.message(saved ?? this.fresh(), event.text, event.files ?? []);
      case 'reaction': {
        if (!saved) return null;
        const meaning = reactionMeaning(event.emoji);
        if (meaning === 'approve')
          return event.added ? this.approvals.approve(saved) : this.approvals.withdraw(saved);
        if (meaning === 'reject' && event.added) return this.approvals.reject(saved);
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
            return this.approvals.approve(saved);
          case 'reject':
            return this.approvals.reject(saved);
          case 'audit':
            await this.say(
              this.text(
                formatTrail((await this.deps.auditTrail?.forThread(saved.thread_id)) ?? []),
              ),
            );
            return null;
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
          case 'choose_media': {
            // A pick from the library menu: exactly the chosen ids, checked like typed ones.
            const ids = (event.value ?? '').split(',').filter((id) => id !== '');
            return this.message(saved, '', [], { image_ids: ids });
          }
          case 'media_page': {
            const choice = mediaChoiceBlock(
              await this.library(saved),
              saved.draft,
              Number(event.value),
            );
            if (choice) await this.say(choice);
            return null;
          }
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
  private requesterAccount(state: ThreadState): Promise<LinkedAccount | null> {
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
  private async requesterAuth(state: ThreadState): Promise<ApplyContext['auth']> {
    const account = await this.requesterAccount(state);
    if (!account) return null;
    const advertiser_id = chosenAdvertiser(account, state);
    return advertiser_id ? { access_token: account.access_token, advertiser_id } : null;
  }

  /** A chat message: ask the model for a turn, apply what the rules allow, ask what's missing. */
  private async message(
    saved: ThreadState,
    text: string,
    files: NonNullable<Extract<ChatEvent, { type: 'message' }>['files']>,
    picked?: Partial<TurnUpdates>,
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
    const refused = await modelCallRefusal(
      this.deps.store,
      this.deps.keys,
      this.event,
      text,
      settings,
      this.now(),
    );
    if (refused) {
      await this.say(refused);
      return null;
    }
    let turn: Awaited<ReturnType<TurnModel['propose']>>;
    try {
      turn = picked
        ? { message: '', intent: 'provide_details', updates: { ...emptyUpdates(), ...picked } }
        : await model.propose({
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

    const commandName =
      this.event.type === 'start' &&
      turn.updates.campaign_name === null &&
      !state.draft.campaign_name
        ? campaignNameFromCommand(text)
        : null;
    if (commandName) turn = { ...turn, updates: { ...turn.updates, campaign_name: commandName } };

    if (turn.intent === 'reset') {
      await this.say(this.text('Started over with an empty draft.'));
      return this.askNext(startOver(saved, this.fresh()));
    }

    const auth = await this.requesterAuth(state);
    if (state.status === 'collecting' && !(await this.requesterAccount(state)))
      await this.links.offerEarly(state);
    let applied: Awaited<ReturnType<typeof applyUpdates>>;
    let uploads: Awaited<ReturnType<Turn['upload']>> | undefined;
    try {
      uploads = files.length > 0 ? await this.upload(files, auth) : undefined;
      if (uploads && !uploads.ok) {
        await this.say(
          { type: 'violations', violations: uploads.violations },
          this.text('Nothing was uploaded; the draft is as it was.', 'warning'),
        );
        return null;
      }
      const ctx = {
        ...this.applyContext(auth),
        message: text,
        media_question_open: state.last_question === 'media',
      };
      applied = await applyUpdates(
        state.draft,
        turn.updates,
        uploads ? { ...ctx, uploaded: uploads.value } : ctx,
      );
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
    const understood = understoodBlock(applied.draft, applied.changed, settings.budget);
    if (understood) blocks.push(understood);
    if (turn.intent === 'question') blocks.push(await this.answer(turn.question_topic, state));
    else if (turn.message.trim() !== '') blocks.push(this.text(turn.message.trim()));
    for (const note of applied.notes) blocks.push(this.text(note, 'success'));
    if (applied.violations.length > 0)
      blocks.push({ type: 'violations', violations: applied.violations });

    const editedAfterReady =
      applied.changed.length > 0 &&
      ['ready', 'awaiting_approval', 'awaiting_link', 'failed'].includes(state.status);
    if (applied.changed.length > 0) {
      state.draft = applied.draft;
      state.revision += 1;
      noteEditors(state, applied.changed, this.event.user);
      if (editedAfterReady) {
        if (state.approvals.length > 0)
          blocks.push(
            this.text('The draft changed, so earlier approvals were dropped.', 'warning'),
          );
        state.approvals = [];
        state.status = 'collecting';
      }
    }
    // Uploaded images joined the carousel: show the library with them chosen, to add or change
    // picks, while other details are still to come (the card shows the final choice).
    const missing = missingFields(state.draft, settings.budget);
    const uploadedImages = uploads?.ok ? uploads.value.image_ids.length : 0;
    if (uploadedImages > 0 && missing.length > 0 && !missing.includes('media')) {
      const choice = mediaChoiceBlock(await this.library(state), state.draft);
      if (choice) blocks.push(choice);
    }
    this.pending.push(...blocks);
    if (editedAfterReady)
      await this.approvals.markReplaced(state, 'The draft changed after this card was posted.');

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
    if (state.status === 'awaiting_approval' && !wantsApproval) {
      if (this.pending.length > 0) await this.say();
      return state;
    }
    return this.askNext(state);
  }

  /** Uploads a message's files to TikTok, with a progress line edited in place. */
  private upload(files: ChatFile[], auth: ApplyContext['auth']) {
    const key = `upload:${this.event.event_id}`;
    return uploadFiles(files, {
      ads: this.deps.ads,
      auth,
      progress: (line) =>
        this.emit({ thread_id: this.event.thread_id, key, blocks: [this.text(line)] }),
    });
  }

  /** The engine's own answer to a question turn (never the model's text); see `answers.ts`. */
  private async answer(topic: QuestionTopic | null | undefined, state: ThreadState) {
    const options =
      topic === 'media'
        ? (await this.library(state)).slice(0, 10).map((item) => `${item.id} (${item.file_name})`)
        : [];
    return answerFor(topic ?? 'help', state.draft, this.deps.settings, options);
  }

  /** Asks for the first missing field, or, when the draft is complete, asks for approval. */
  private async askNext(state: ThreadState): Promise<ThreadState> {
    const { settings } = this.deps;
    const waiting = await this.checkNamed(state);
    const missing = missingFields(state.draft, settings.budget);
    const next = missing[0];
    if (next) {
      state.status = 'collecting';
      const question = questionFor(next, state.draft, settings.budget, [], state.platform);
      state.last_question = next;
      this.remember(state, { role: 'bot', text: question.text });
      const choice =
        next === 'media' ? mediaChoiceBlock(await this.library(state), state.draft) : null;
      await this.say(question, ...(choice ? [choice] : []));
      return state;
    }
    state.last_question = null;
    if (waiting !== 'none') {
      // Approval is the last step: no card while a TikTok check is still to come.
      state.status = 'collecting';
      if (waiting === 'needs_link')
        await this.say(waitingForLinkText(state, nameOf(state.requester)));
      const account = await this.requesterAccount(state);
      if (waiting === 'needs_advertiser' && account)
        return this.links.askForAdvertiser(state, account);
      return state;
    }
    // Complete, valid and checked (`ready`): the approval request goes out in this same turn.
    state.status = 'awaiting_approval';
    const how =
      settings.approvals_required === 1
        ? 'one approval'
        : `${settings.approvals_required} approvals`;
    this.remember(state, { role: 'bot', text: 'The draft is complete and waiting for approval.' });
    await this.say(
      this.text(`The draft is complete. It needs ${how} before I submit it to TikTok.`, 'success'),
    );
    await this.approvals.postCard(state);
    return state;
  }

  /**
   * Runs the checks that waited for a link when the requester is linked now, and says the
   * results: `none` when nothing waits any more, `needs_link` when some check waits for a
   * usable link, `failed` when TikTok could not answer (already said; tried again next turn).
   */
  private async checkNamed(
    state: ThreadState,
  ): Promise<'none' | 'needs_link' | 'needs_advertiser' | 'failed'> {
    if (!hasPendingChecks(state.draft)) return 'none';
    const auth = await this.requesterAuth(state);
    if (!auth) return (await this.requesterAccount(state)) ? 'needs_advertiser' : 'needs_link';
    const blocks = await checkNamedChoices(state, { ...this.applyContext(auth), auth });
    if (blocks.length > 0) await this.say(...blocks);
    return hasPendingChecks(state.draft) ? 'failed' : 'none';
  }

  /** The requester's library items that fit the draft, newest first (none without a link). */
  private async library(state: ThreadState): Promise<LibraryItem[]> {
    const auth = await this.requesterAuth(state);
    if (!auth) return [];
    try {
      return await libraryFor(this.deps.ads, auth, state.draft);
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
    if (state.status === 'awaiting_approval')
      blocks.push(
        this.text(
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

    const spend = await reserveDailyBudget(store, keys, state, settings, this.now());
    if (!spend.ok) {
      this.audits.push({ ...spend.audit, thread_id: state.thread_id });
      await this.say(spend.block);
      return state;
    }
    // The approval's records go before the submission's own, which are written as they happen.
    for (const record of this.audits.splice(0)) await this.deps.auditTrail?.append(record);

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
