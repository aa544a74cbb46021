import { crossFieldViolations, missingFields } from '../ad/draft-rules';
import type { Logger } from '../logger';
import { ModelError, RECENT_LINES, type TranscriptLine, type TurnModel } from '../model/turn';
import type { Keys } from '../store/keys';
import type { StateStore } from '../store/state-store';
import type { AdsApi } from '../tiktok/ads-api';
import type { AccessResolver } from './access';
import { type ApplyContext, applyUpdates } from './apply-updates';
import { approve, withdraw } from './approval';
import { approvalBlock, previewBlock } from './blocks';
import type { ChatEvent } from './chat-event';
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
      case 'action': {
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
          case 'link_account':
            await this.say(
              this.text(
                'This bot runs with the TikTok account configured in its settings; per-user linking is not set up here.',
                'warning',
              ),
            );
            return null;
        }
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

  private async requesterAuth(state: ThreadState) {
    return this.deps.access.resolve({
      platform: state.platform,
      workspace_id: state.workspace_id,
      user_id: state.requester.id,
    });
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
      applied.changed.length > 0 && ['ready', 'awaiting_approval', 'failed'].includes(state.status);
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
    if (saved.status !== 'failed' && saved.status !== 'submitting') {
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
    const auth = await this.requesterAuth(state);
    if (!auth) {
      state.status = 'failed';
      await this.say(
        this.text('No TikTok account is linked for you yet, so I cannot submit.', 'error'),
      );
      return state;
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
      if (!isTikTokError(error)) throw error;
      state.status = 'failed';
      state.last_failure = {
        error_class: error.error_class,
        code: error.code,
        message: error.tiktok_message,
        ...(error.request_id ? { request_id: error.request_id } : {}),
        at: this.now().toISOString(),
      };
      logger.warn(
        { thread_id: state.thread_id, code: error.code, error_class: error.error_class },
        'submission failed',
      );
      await this.say(remediationFor(error));
    }
    return state;
  }
}
