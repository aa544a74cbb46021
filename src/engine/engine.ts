import { hasPendingChecks } from '../ad/draft';
import { crossFieldViolations, missingFields } from '../ad/draft-rules';
import type { Logger } from '../logger';
import { ModelError, RECENT_LINES, type TranscriptLine, type TurnModel } from '../model/turn';
import type { Keys } from '../store/keys';
import type { StateStore } from '../store/state-store';
import type { AdsApi } from '../tiktok/ads-api';
import { isLinkInvalid } from '../tiktok/errors';
import { type AccessResolver, type LinkedAccount, userKeyOf } from './access';
import { type ApplyContext, applyUpdates, runPendingChecks } from './apply-updates';
import { approve, withdraw } from './approval';
import { approvalBlock, previewBlock } from './blocks';
import type { ChatEvent, ChatUser } from './chat-event';
import { reactionMeaning } from './emoji';
import { mediaOptions } from './media-options';
import { questionFor } from './questions';
import { isTikTokError, remediationFor } from './remediation';
import type { Block, Reply, ReplySink } from './reply';
import type { EngineSettings } from './settings';
import { runSubmission } from './submission';
import type { ThreadState } from './thread-state';

/** Dependencies of the engine: ports only, no platform SDKs. */
export interface EngineDeps {
  store: StateStore;
  keys: Keys;
  model: TurnModel;
  ads: AdsApi;
  access: AccessResolver;
  settings: EngineSettings;
  logger: Logger;
  now?: () => Date;
  /** Turn lock: held `ttlMs` (extended while working), waited for up to `waitMs`. */
  lock?: { ttlMs: number; waitMs: number };
}

/** How long a handled event id is remembered (Slack retries for up to ~5 minutes; keep 2 h). */
export const EVENT_TTL_MS = 2 * 60 * 60 * 1000;

/** A turn's result: what to save (or `null`: leave saved state as it was). */
type Outcome = ThreadState | null;

/**
 * The conversation engine: one `ChatEvent` in, `Reply`s out, one turn at a time per thread.
 *
 * For each event: claim its id (handled once), take the thread lock (also across processes
 * sharing Redis), load the thread, act, save, release. The model proposes a turn; the ad
 * rules and the lifecycle decide. Submission happens only for a complete, rule-valid draft
 * with the approvals the policy asks for, never because model text asked.
 */
export class ConversationEngine {
  private readonly now: () => Date;
  private readonly lockTtlMs: number;
  private readonly lockWaitMs: number;

  constructor(private readonly deps: EngineDeps) {
    this.now = deps.now ?? (() => new Date());
    this.lockTtlMs = deps.lock?.ttlMs ?? 30_000;
    this.lockWaitMs = deps.lock?.waitMs ?? 60_000;
  }

  /**
   * Handles one event. Replies are passed to `sink` as they are produced (so progress shows
   * during a submission) and also returned. A repeated `event_id` returns `[]` and does nothing.
   * @throws LockTimeoutError when the thread stays busy longer than the lock wait.
   */
  async handle(event: ChatEvent, sink?: ReplySink): Promise<Reply[]> {
    const { store, keys, logger } = this.deps;
    const replies: Reply[] = [];
    const emit = async (reply: Reply): Promise<void> => {
      replies.push(reply);
      await sink?.(reply);
    };
    if (event.user.is_bot) return replies;
    const claimed = await store.setIfAbsent(keys.event(event.event_id), 1, EVENT_TTL_MS);
    if (!claimed) {
      logger.debug(
        { event_id: event.event_id, thread_id: event.thread_id },
        'duplicate event ignored',
      );
      return replies;
    }
    const lock = await store.acquireLock(
      keys.threadLock(event.thread_id),
      this.lockTtlMs,
      this.lockWaitMs,
    );
    const heartbeat = setInterval(() => {
      store
        .extendLock(lock, this.lockTtlMs)
        .catch((error: unknown) => logger.warn({ err: error }, 'lock extend failed'));
    }, this.lockTtlMs / 3);
    heartbeat.unref();
    let released = false;
    try {
      const saved = await store.get<ThreadState>(keys.thread(event.thread_id));
      const turn = new Turn(this.deps, event, emit, this.now);
      const next = await turn.run(saved);
      if (next) {
        next.updated_at = this.now().toISOString();
        released = true;
        const kept = await store.setAndReleaseLock(
          lock,
          keys.thread(next.thread_id),
          next,
          this.deps.settings.draft_ttl_ms,
        );
        if (!kept) throw new TurnLostError(event.thread_id);
      }
    } finally {
      clearInterval(heartbeat);
      if (!released) await store.releaseLock(lock);
    }
    return replies;
  }
}

/**
 * The thread lock expired before the turn could save (the process stalled longer than the lock
 * TTL and another turn took over), so this turn's changes were not saved.
 */
export class TurnLostError extends Error {
  override readonly name = 'TurnLostError';
  constructor(readonly thread_id: string) {
    super(`The turn for ${thread_id} lost its lock before saving; its changes were not saved`);
  }
}

/** One turn: the event, the replies it makes, and the state it leads to. */
class Turn {
  constructor(
    private readonly deps: EngineDeps,
    private readonly event: ChatEvent,
    private readonly emit: (reply: Reply) => Promise<void>,
    private readonly now: () => Date,
  ) {}

  private say(...blocks: Block[]): Promise<void> {
    return this.emit({ thread_id: this.event.thread_id, blocks });
  }

  private text(text: string, tone: 'info' | 'success' | 'warning' | 'error' = 'info'): Block {
    return { type: 'text', text, tone };
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
        return this.linked(saved);
      case 'action': {
        if (event.action_id === 'link_account') return this.link(saved);
        if (event.action_id === 'unlink_account') {
          await this.unlink();
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
            return this.askNext(this.fresh());
          case 'choose_advertiser':
            return this.chooseAdvertiser(saved, event.value ?? '');
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

  private requesterAccount(state: ThreadState): Promise<LinkedAccount | null> {
    return this.deps.access.resolve(userKeyOf(state, state.requester));
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
          'The last submission was interrupted before it finished. Use Retry (/retry) to resume it; nothing will be created twice.',
          'warning',
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
      return this.askNext(this.fresh());
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
          'The last submission failed. Use Retry (/retry) to try again, or tell me what to change.',
        ),
      );
      return state;
    }
    if (state.status === 'awaiting_link') {
      await this.say(
        this.text(
          `The draft is approved and waits for ${nameOf(state.requester)} to link a TikTok account (see the private link). Use Link account (/link) for a new link.`,
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
    if (!account) return this.askToLink(state, 'submit');
    const advertiser_id = chosenAdvertiser(account, state);
    if (!advertiser_id) return this.askForAdvertiser(state, account);
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
      const ids = await runSubmission(state, {
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
      });
      delete state.last_failure;
      logger.info({ thread_id: state.thread_id, ...ids }, 'ad submitted');
      await this.say(this.text('Your ad was created on TikTok.', 'success'), {
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
      return this.askToLink(state, 'relink');
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

  /** No usable link for the requester: send them a private one and wait (`awaiting_link`). */
  private async askToLink(state: ThreadState, reason: 'submit' | 'relink'): Promise<ThreadState> {
    if (!this.deps.access.linking) {
      state.status = 'failed';
      await this.say(
        this.text('No TikTok account is linked for you yet, so I cannot submit.', 'error'),
      );
      return state;
    }
    state.status = 'awaiting_link';
    await this.sendLink(
      state.requester,
      reason,
      `I sent ${nameOf(state.requester)} a private link to connect a TikTok advertiser account. I'll submit as soon as it's linked.`,
    );
    return state;
  }

  /** Makes a private link for `user`, says so in the thread, and sends it only to them. */
  private async sendLink(
    user: ChatUser,
    reason: 'submit' | 'requested' | 'relink',
    threadText: string,
  ): Promise<void> {
    const linking = this.deps.access.linking;
    if (!linking) return;
    const invite = await linking.startLink(
      { ...userKeyOf(this.event, user), ...(user.name ? { name: user.name } : {}) },
      this.event.thread_id,
    );
    await this.say(this.text(threadText));
    await this.emit({
      thread_id: this.event.thread_id,
      private_to: user,
      blocks: [
        {
          type: 'link_account',
          url: invite.url,
          expires_in_minutes: invite.expires_in_minutes,
          reason,
        },
      ],
    });
  }

  private async askForAdvertiser(state: ThreadState, account: LinkedAccount): Promise<ThreadState> {
    state.status = 'awaiting_link';
    await this.say(
      this.text(
        `${nameOf(state.requester)}'s TikTok login reaches ${account.advertiser_ids.length} advertiser accounts. ${nameOf(state.requester)}, pick the one for this ad.`,
      ),
      {
        type: 'advertiser_choice',
        requester_id: state.requester.id,
        options: account.advertiser_ids.map((advertiser_id) => {
          const advertiser_name = account.advertiser_names?.[advertiser_id];
          return advertiser_name ? { advertiser_id, advertiser_name } : { advertiser_id };
        }),
      },
    );
    return state;
  }

  /** `link_account`: a private link for whoever asked (not necessarily the requester). */
  private async link(saved: ThreadState | null): Promise<Outcome> {
    const user = this.event.user;
    if (!this.deps.access.linking) {
      await this.say(
        this.text(
          'This bot runs with the TikTok account configured in its settings; per-user linking is not set up here.',
          'warning',
        ),
      );
      return null;
    }
    const waiting = saved?.status === 'awaiting_link' && saved.requester.id === user.id;
    await this.sendLink(
      user,
      'requested',
      waiting
        ? `I sent ${nameOf(user)} a new private link. I'll submit as soon as it's linked.`
        : `I sent ${nameOf(user)} a private link to connect a TikTok advertiser account.`,
    );
    return null;
  }

  /** `unlink_account`: revokes and deletes the asker's link; a later submit asks again. */
  private async unlink(): Promise<void> {
    const user = this.event.user;
    const linking = this.deps.access.linking;
    const say = (text: string, tone: 'info' | 'success' | 'warning') =>
      this.emit({
        thread_id: this.event.thread_id,
        private_to: user,
        blocks: [this.text(text, tone)],
      });
    if (!linking) {
      await say(
        'This bot uses the TikTok account from its settings; there is no personal link to remove.',
        'warning',
      );
      return;
    }
    const outcome = await linking.unlink(userKeyOf(this.event, user));
    if (outcome === 'not_linked') await say('You have no TikTok account linked.', 'info');
    else if (outcome === 'revoked')
      await say(
        'Your TikTok account was unlinked and its access revoked at TikTok. The next submit will ask you to link again.',
        'success',
      );
    else if (outcome === 'revoke_failed')
      await say(
        "Your TikTok link was removed here, but TikTok did not confirm the revoke. To be sure, remove the app's access in TikTok Ads Manager.",
        'warning',
      );
    else
      await say(
        'Your TikTok link was removed (TikTok had already stopped accepting it).',
        'success',
      );
  }

  /** `account_linked` (from our OAuth callback): confirm privately, and resume a waiting submit. */
  private async linked(saved: ThreadState | null): Promise<Outcome> {
    const user = this.event.user;
    const account = await this.deps.access.resolve(userKeyOf(this.event, user));
    if (!account) return null;
    const names = account.advertiser_ids.map((id) => {
      const name = account.advertiser_names?.[id];
      return name ? `${name} (${id})` : id;
    });
    await this.emit({
      thread_id: this.event.thread_id,
      private_to: user,
      blocks: [
        this.text(
          `Your TikTok account is linked: advertiser ${names.join(', ')}. Not you, or done? Use Unlink (/unlink) to disconnect it.`,
          'success',
        ),
      ],
    });
    if (!saved || saved.status !== 'awaiting_link' || saved.requester.id !== user.id) return null;
    await this.say(this.text(`TikTok account linked for ${nameOf(user)}.`, 'success'));
    return this.submit(structuredClone(saved));
  }

  /** `choose_advertiser`: the requester picks which of their advertiser accounts the ad uses. */
  private async chooseAdvertiser(saved: ThreadState, advertiser_id: string): Promise<Outcome> {
    if (this.event.user.id !== saved.requester.id) {
      await this.say(
        this.text(
          `Only ${nameOf(saved.requester)} can choose the advertiser account: their TikTok login is the one used.`,
          'warning',
        ),
      );
      return null;
    }
    const account = await this.requesterAccount(saved);
    if (!account) {
      await this.say(this.text('Link your TikTok account first (Link account, /link).', 'warning'));
      return null;
    }
    if (!account.advertiser_ids.includes(advertiser_id)) {
      await this.say(
        this.text(
          `${advertiser_id || 'That'} is not one of your advertiser accounts (${account.advertiser_ids.join(', ')}).`,
          'warning',
        ),
      );
      return null;
    }
    const state: ThreadState = structuredClone(saved);
    state.advertiser_id = advertiser_id;
    await this.say(this.text(`This ad will use advertiser ${advertiser_id}.`, 'success'));
    if (
      state.status === 'awaiting_link' &&
      state.approvals.length >= this.deps.settings.approvals_required
    )
      return this.submit(state);
    return state;
  }
}

/** The advertiser a submit uses: the draft's pick when still reachable, else the only one. */
function chosenAdvertiser(account: LinkedAccount, state: ThreadState): string | null {
  if (state.advertiser_id && account.advertiser_ids.includes(state.advertiser_id))
    return state.advertiser_id;
  return account.advertiser_ids.length === 1 ? (account.advertiser_ids[0] ?? null) : null;
}

function nameOf(user: ChatUser): string {
  return user.name ?? user.id;
}
